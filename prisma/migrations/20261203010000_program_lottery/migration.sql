-- CreateTable
CREATE TABLE "ProgramApplication" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "sessionId" TEXT NOT NULL,
    "residentId" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "tier" INTEGER NOT NULL DEFAULT 0,
    "drawPosition" INTEGER,
    "offerExpiresAt" DATETIME,
    "registrationId" TEXT,
    "liveKey" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "ProgramApplication_sessionId_fkey" FOREIGN KEY ("sessionId") REFERENCES "ProgramSession" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "ProgramApplication_residentId_fkey" FOREIGN KEY ("residentId") REFERENCES "Resident" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ProgramDraw" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "sessionId" TEXT NOT NULL,
    "seed" TEXT NOT NULL,
    "seats" INTEGER NOT NULL,
    "applicants" TEXT NOT NULL,
    "drawnOrder" TEXT NOT NULL,
    "drawnById" TEXT,
    "drawnAt" DATETIME NOT NULL,
    CONSTRAINT "ProgramDraw_sessionId_fkey" FOREIGN KEY ("sessionId") REFERENCES "ProgramSession" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- AlterTable (added columns, not a redefinition: other migrations may add columns to this table)
ALTER TABLE "ProgramSession" ADD COLUMN "drawAt" DATETIME;
ALTER TABLE "ProgramSession" ADD COLUMN "confirmHours" INTEGER NOT NULL DEFAULT 48;

-- CreateIndex
CREATE UNIQUE INDEX "ProgramApplication_liveKey_key" ON "ProgramApplication"("liveKey");

-- CreateIndex
CREATE INDEX "ProgramApplication_sessionId_status_idx" ON "ProgramApplication"("sessionId", "status");

-- CreateIndex
CREATE INDEX "ProgramApplication_residentId_status_idx" ON "ProgramApplication"("residentId", "status");

-- CreateIndex
CREATE INDEX "ProgramApplication_status_offerExpiresAt_idx" ON "ProgramApplication"("status", "offerExpiresAt");

-- CreateIndex
CREATE UNIQUE INDEX "ProgramDraw_sessionId_key" ON "ProgramDraw"("sessionId");

