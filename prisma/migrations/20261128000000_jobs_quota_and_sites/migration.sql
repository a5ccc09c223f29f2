-- Jobs (issue 5): the quota counter and waitlist ranks of a posting, and the site a
-- public-work round application was selected or waitlisted for.
-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Posting" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "slug" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "placeId" TEXT,
    "roundId" TEXT,
    "district" TEXT,
    "kind" TEXT NOT NULL,
    "newDealCategory" TEXT,
    "titleKo" TEXT NOT NULL,
    "titleEn" TEXT NOT NULL,
    "descriptionKo" TEXT NOT NULL DEFAULT '',
    "descriptionEn" TEXT NOT NULL DEFAULT '',
    "positions" INTEGER NOT NULL,
    "selectedCount" INTEGER NOT NULL DEFAULT 0,
    "lastWaitlistRank" INTEGER NOT NULL DEFAULT 0,
    "hourlyWageKrw" INTEGER NOT NULL,
    "hoursPerDay" REAL NOT NULL,
    "daysPerWeek" INTEGER NOT NULL,
    "durationMonths" INTEGER,
    "startDate" TEXT NOT NULL,
    "endDate" TEXT NOT NULL,
    "applicationOpensAt" DATETIME NOT NULL,
    "applicationClosesAt" DATETIME NOT NULL,
    "outdoor" BOOLEAN NOT NULL DEFAULT false,
    "eligibilityId" TEXT,
    "status" TEXT NOT NULL DEFAULT 'draft',
    "publishedAt" DATETIME,
    "isSampleData" BOOLEAN NOT NULL DEFAULT false,
    "searchText" TEXT NOT NULL DEFAULT '',
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Posting_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Posting_placeId_fkey" FOREIGN KEY ("placeId") REFERENCES "Place" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Posting_roundId_fkey" FOREIGN KEY ("roundId") REFERENCES "PublicWorkRound" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Posting_eligibilityId_fkey" FOREIGN KEY ("eligibilityId") REFERENCES "EligibilityCriteria" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_Posting" ("applicationClosesAt", "applicationOpensAt", "createdAt", "daysPerWeek", "descriptionEn", "descriptionKo", "district", "durationMonths", "eligibilityId", "endDate", "hourlyWageKrw", "hoursPerDay", "id", "isSampleData", "kind", "newDealCategory", "organizationId", "outdoor", "placeId", "positions", "publishedAt", "roundId", "searchText", "slug", "startDate", "status", "titleEn", "titleKo", "updatedAt") SELECT "applicationClosesAt", "applicationOpensAt", "createdAt", "daysPerWeek", "descriptionEn", "descriptionKo", "district", "durationMonths", "eligibilityId", "endDate", "hourlyWageKrw", "hoursPerDay", "id", "isSampleData", "kind", "newDealCategory", "organizationId", "outdoor", "placeId", "positions", "publishedAt", "roundId", "searchText", "slug", "startDate", "status", "titleEn", "titleKo", "updatedAt" FROM "Posting";
DROP TABLE "Posting";
ALTER TABLE "new_Posting" RENAME TO "Posting";
CREATE UNIQUE INDEX "Posting_slug_key" ON "Posting"("slug");
CREATE INDEX "Posting_status_kind_applicationClosesAt_idx" ON "Posting"("status", "kind", "applicationClosesAt");
CREATE INDEX "Posting_status_applicationClosesAt_idx" ON "Posting"("status", "applicationClosesAt");
CREATE INDEX "Posting_status_district_kind_applicationClosesAt_idx" ON "Posting"("status", "district", "kind", "applicationClosesAt");
CREATE INDEX "Posting_organizationId_status_idx" ON "Posting"("organizationId", "status");
CREATE INDEX "Posting_district_idx" ON "Posting"("district");
CREATE INDEX "Posting_publishedAt_idx" ON "Posting"("publishedAt");
CREATE INDEX "Posting_roundId_idx" ON "Posting"("roundId");
CREATE TABLE "new_Application" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "residentId" TEXT NOT NULL,
    "postingId" TEXT,
    "roundId" TEXT,
    "status" TEXT NOT NULL DEFAULT 'submitted',
    "motivation" TEXT NOT NULL DEFAULT '',
    "availability" TEXT NOT NULL DEFAULT '',
    "contactConsent" BOOLEAN NOT NULL DEFAULT false,
    "profileSnapshot" TEXT NOT NULL,
    "idempotencyKey" TEXT,
    "waitlistRank" INTEGER,
    "sitePostingId" TEXT,
    "submittedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "decidedAt" DATETIME,
    "withdrawnAt" DATETIME,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Application_residentId_fkey" FOREIGN KEY ("residentId") REFERENCES "Resident" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Application_postingId_fkey" FOREIGN KEY ("postingId") REFERENCES "Posting" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Application_roundId_fkey" FOREIGN KEY ("roundId") REFERENCES "PublicWorkRound" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Application_sitePostingId_fkey" FOREIGN KEY ("sitePostingId") REFERENCES "Posting" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_Application" ("availability", "contactConsent", "decidedAt", "id", "idempotencyKey", "motivation", "postingId", "profileSnapshot", "residentId", "roundId", "status", "submittedAt", "updatedAt", "waitlistRank", "withdrawnAt") SELECT "availability", "contactConsent", "decidedAt", "id", "idempotencyKey", "motivation", "postingId", "profileSnapshot", "residentId", "roundId", "status", "submittedAt", "updatedAt", "waitlistRank", "withdrawnAt" FROM "Application";
DROP TABLE "Application";
ALTER TABLE "new_Application" RENAME TO "Application";
CREATE UNIQUE INDEX "Application_idempotencyKey_key" ON "Application"("idempotencyKey");
CREATE INDEX "Application_postingId_status_idx" ON "Application"("postingId", "status");
CREATE INDEX "Application_roundId_status_idx" ON "Application"("roundId", "status");
CREATE INDEX "Application_postingId_submittedAt_idx" ON "Application"("postingId", "submittedAt");
CREATE INDEX "Application_postingId_status_submittedAt_idx" ON "Application"("postingId", "status", "submittedAt");
CREATE INDEX "Application_roundId_submittedAt_idx" ON "Application"("roundId", "submittedAt");
CREATE INDEX "Application_sitePostingId_status_waitlistRank_idx" ON "Application"("sitePostingId", "status", "waitlistRank");
CREATE UNIQUE INDEX "Application_residentId_postingId_key" ON "Application"("residentId", "postingId");
CREATE UNIQUE INDEX "Application_residentId_roundId_key" ON "Application"("residentId", "roundId");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;


-- Places already taken before this migration count towards the quota.
UPDATE "Posting" SET "selectedCount" = (SELECT COUNT(*) FROM "Application" WHERE "Application"."postingId" = "Posting"."id" AND "Application"."status" = 'selected');
