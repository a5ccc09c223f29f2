-- CreateTable
CREATE TABLE "PhoneVerification" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "residentId" TEXT NOT NULL,
    "phone" TEXT NOT NULL,
    "codeHash" TEXT NOT NULL,
    "expiresAt" DATETIME NOT NULL,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "usedAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "PhoneVerification_residentId_fkey" FOREIGN KEY ("residentId") REFERENCES "Resident" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "AccountToken" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "residentId" TEXT NOT NULL,
    "purpose" TEXT NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "expiresAt" DATETIME NOT NULL,
    "usedAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "AccountToken_residentId_fkey" FOREIGN KEY ("residentId") REFERENCES "Resident" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Resident" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "email" TEXT,
    "passwordHash" TEXT,
    "name" TEXT NOT NULL,
    "birthDate" TEXT,
    "phone" TEXT,
    "phoneVerifiedAt" DATETIME,
    "emailVerifiedAt" DATETIME,
    "messageChannels" TEXT NOT NULL DEFAULT 'email',
    "mutedTopics" TEXT NOT NULL DEFAULT '',
    "district" TEXT,
    "employmentStatus" TEXT,
    "registeredJobSeeker" BOOLEAN,
    "hasRegularIncome" BOOLEAN,
    "workerType" TEXT,
    "preferredLanguage" TEXT NOT NULL DEFAULT 'ko',
    "role" TEXT NOT NULL DEFAULT 'resident',
    "staffPlaceId" TEXT,
    "staffOrganizationId" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    "passwordChangedAt" DATETIME,
    "deletedAt" DATETIME,
    CONSTRAINT "Resident_staffPlaceId_fkey" FOREIGN KEY ("staffPlaceId") REFERENCES "Place" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Resident_staffOrganizationId_fkey" FOREIGN KEY ("staffOrganizationId") REFERENCES "Organization" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_Resident" ("birthDate", "createdAt", "deletedAt", "district", "email", "employmentStatus", "hasRegularIncome", "id", "name", "passwordChangedAt", "passwordHash", "phone", "preferredLanguage", "registeredJobSeeker", "role", "staffOrganizationId", "staffPlaceId", "updatedAt", "workerType") SELECT "birthDate", "createdAt", "deletedAt", "district", "email", "employmentStatus", "hasRegularIncome", "id", "name", "passwordChangedAt", "passwordHash", "phone", "preferredLanguage", "registeredJobSeeker", "role", "staffOrganizationId", "staffPlaceId", "updatedAt", "workerType" FROM "Resident";
DROP TABLE "Resident";
ALTER TABLE "new_Resident" RENAME TO "Resident";
CREATE UNIQUE INDEX "Resident_email_key" ON "Resident"("email");
CREATE INDEX "Resident_role_idx" ON "Resident"("role");
CREATE INDEX "Resident_staffPlaceId_idx" ON "Resident"("staffPlaceId");
CREATE INDEX "Resident_staffOrganizationId_idx" ON "Resident"("staffOrganizationId");
CREATE TABLE "new_Notification" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "residentId" TEXT,
    "channel" TEXT NOT NULL,
    "toAddress" TEXT NOT NULL,
    "template" TEXT NOT NULL,
    "locale" TEXT NOT NULL,
    "subject" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "dedupeKey" TEXT,
    "status" TEXT NOT NULL DEFAULT 'pending',
    "topic" TEXT NOT NULL DEFAULT 'required',
    "subjectRef" TEXT,
    "placeId" TEXT,
    "organizationId" TEXT,
    "expiresAt" DATETIME,
    "provider" TEXT,
    "providerId" TEXT,
    "sendAfter" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "sentAt" DATETIME,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "lastError" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "claimedUntil" DATETIME,
    CONSTRAINT "Notification_residentId_fkey" FOREIGN KEY ("residentId") REFERENCES "Resident" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_Notification" ("attempts", "body", "channel", "claimedUntil", "createdAt", "dedupeKey", "id", "lastError", "locale", "residentId", "sendAfter", "sentAt", "status", "subject", "template", "toAddress") SELECT "attempts", "body", "channel", "claimedUntil", "createdAt", "dedupeKey", "id", "lastError", "locale", "residentId", "sendAfter", "sentAt", "status", "subject", "template", "toAddress" FROM "Notification";
DROP TABLE "Notification";
ALTER TABLE "new_Notification" RENAME TO "Notification";
CREATE UNIQUE INDEX "Notification_dedupeKey_key" ON "Notification"("dedupeKey");
CREATE INDEX "Notification_status_sendAfter_idx" ON "Notification"("status", "sendAfter");
CREATE INDEX "Notification_residentId_idx" ON "Notification"("residentId");
CREATE INDEX "Notification_subjectRef_idx" ON "Notification"("subjectRef");
CREATE INDEX "Notification_placeId_status_idx" ON "Notification"("placeId", "status");
CREATE INDEX "Notification_organizationId_status_idx" ON "Notification"("organizationId", "status");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE INDEX "PhoneVerification_residentId_createdAt_idx" ON "PhoneVerification"("residentId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "AccountToken_tokenHash_key" ON "AccountToken"("tokenHash");

-- CreateIndex
CREATE INDEX "AccountToken_residentId_purpose_idx" ON "AccountToken"("residentId", "purpose");

