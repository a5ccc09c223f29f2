-- CreateTable
CREATE TABLE "Program" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "slug" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "titleKo" TEXT NOT NULL,
    "titleEn" TEXT NOT NULL,
    "descriptionKo" TEXT NOT NULL DEFAULT '',
    "descriptionEn" TEXT NOT NULL DEFAULT '',
    "organizationId" TEXT NOT NULL,
    "placeId" TEXT,
    "venueKo" TEXT NOT NULL DEFAULT '',
    "venueEn" TEXT NOT NULL DEFAULT '',
    "district" TEXT,
    "format" TEXT NOT NULL DEFAULT 'in_person',
    "onlineUrl" TEXT,
    "eligibilityId" TEXT,
    "languages" TEXT NOT NULL DEFAULT 'ko',
    "accessibilityNotesKo" TEXT NOT NULL DEFAULT '',
    "accessibilityNotesEn" TEXT NOT NULL DEFAULT '',
    "status" TEXT NOT NULL DEFAULT 'published',
    "isSampleData" BOOLEAN NOT NULL DEFAULT false,
    "searchText" TEXT NOT NULL DEFAULT '',
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Program_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Program_placeId_fkey" FOREIGN KEY ("placeId") REFERENCES "Place" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Program_eligibilityId_fkey" FOREIGN KEY ("eligibilityId") REFERENCES "EligibilityCriteria" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ProgramSession" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "programId" TEXT NOT NULL,
    "startsAt" DATETIME NOT NULL,
    "endsAt" DATETIME NOT NULL,
    "capacity" INTEGER NOT NULL,
    "registeredCount" INTEGER NOT NULL DEFAULT 0,
    "registrationOpensAt" DATETIME NOT NULL,
    "registrationClosesAt" DATETIME NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'scheduled',
    "allocation" TEXT NOT NULL DEFAULT 'first_come',
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "ProgramSession_programId_fkey" FOREIGN KEY ("programId") REFERENCES "Program" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ProgramRegistration" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "sessionId" TEXT NOT NULL,
    "residentId" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'registered',
    "liveKey" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    "cancelledAt" DATETIME,
    CONSTRAINT "ProgramRegistration_sessionId_fkey" FOREIGN KEY ("sessionId") REFERENCES "ProgramSession" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "ProgramRegistration_residentId_fkey" FOREIGN KEY ("residentId") REFERENCES "Resident" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE UNIQUE INDEX "Program_slug_key" ON "Program"("slug");

-- CreateIndex
CREATE INDEX "Program_status_kind_idx" ON "Program"("status", "kind");

-- CreateIndex
CREATE INDEX "Program_district_idx" ON "Program"("district");

-- CreateIndex
CREATE INDEX "ProgramSession_startsAt_idx" ON "ProgramSession"("startsAt");

-- CreateIndex
CREATE UNIQUE INDEX "ProgramSession_programId_startsAt_key" ON "ProgramSession"("programId", "startsAt");

-- CreateIndex
CREATE UNIQUE INDEX "ProgramRegistration_liveKey_key" ON "ProgramRegistration"("liveKey");

-- CreateIndex
CREATE INDEX "ProgramRegistration_sessionId_status_idx" ON "ProgramRegistration"("sessionId", "status");

-- CreateIndex
CREATE INDEX "ProgramRegistration_residentId_status_idx" ON "ProgramRegistration"("residentId", "status");

