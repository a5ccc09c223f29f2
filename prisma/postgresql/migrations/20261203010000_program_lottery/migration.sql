-- AlterTable
ALTER TABLE "ProgramSession" ADD COLUMN     "confirmHours" INTEGER NOT NULL DEFAULT 48,
ADD COLUMN     "drawAt" TIMESTAMP(3);

-- CreateTable
CREATE TABLE "ProgramApplication" (
    "id" TEXT NOT NULL,
    "sessionId" TEXT NOT NULL,
    "residentId" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "tier" INTEGER NOT NULL DEFAULT 0,
    "drawPosition" INTEGER,
    "offerExpiresAt" TIMESTAMP(3),
    "registrationId" TEXT,
    "liveKey" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ProgramApplication_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ProgramDraw" (
    "id" TEXT NOT NULL,
    "sessionId" TEXT NOT NULL,
    "seed" TEXT NOT NULL,
    "seats" INTEGER NOT NULL,
    "applicants" TEXT NOT NULL,
    "drawnOrder" TEXT NOT NULL,
    "drawnById" TEXT,
    "drawnAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ProgramDraw_pkey" PRIMARY KEY ("id")
);

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

-- AddForeignKey
ALTER TABLE "ProgramApplication" ADD CONSTRAINT "ProgramApplication_sessionId_fkey" FOREIGN KEY ("sessionId") REFERENCES "ProgramSession"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProgramApplication" ADD CONSTRAINT "ProgramApplication_residentId_fkey" FOREIGN KEY ("residentId") REFERENCES "Resident"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProgramDraw" ADD CONSTRAINT "ProgramDraw_sessionId_fkey" FOREIGN KEY ("sessionId") REFERENCES "ProgramSession"("id") ON DELETE CASCADE ON UPDATE CASCADE;

