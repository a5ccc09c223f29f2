-- CreateTable
CREATE TABLE "LaborQuestion" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "code" TEXT NOT NULL,
    "passphraseHash" TEXT NOT NULL,
    "placeId" TEXT NOT NULL,
    "topic" TEXT NOT NULL,
    "question" TEXT NOT NULL,
    "contactKind" TEXT NOT NULL,
    "contact" TEXT,
    "language" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'open',
    "answer" TEXT,
    "answeredAt" DATETIME,
    "answeredById" TEXT,
    "bookingInvitedAt" DATETIME,
    "lastReadAt" DATETIME,
    "lastActivityAt" DATETIME NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "LaborQuestion_placeId_fkey" FOREIGN KEY ("placeId") REFERENCES "Place" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "LaborQuestion_answeredById_fkey" FOREIGN KEY ("answeredById") REFERENCES "Resident" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateIndex
CREATE UNIQUE INDEX "LaborQuestion_code_key" ON "LaborQuestion"("code");

-- CreateIndex
CREATE INDEX "LaborQuestion_placeId_status_createdAt_idx" ON "LaborQuestion"("placeId", "status", "createdAt");

-- CreateIndex
CREATE INDEX "LaborQuestion_status_createdAt_idx" ON "LaborQuestion"("status", "createdAt");

-- CreateIndex
CREATE INDEX "LaborQuestion_lastActivityAt_idx" ON "LaborQuestion"("lastActivityAt");

