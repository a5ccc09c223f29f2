-- CreateTable
CREATE TABLE "LaborQuestion" (
    "id" TEXT NOT NULL,
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
    "answeredAt" TIMESTAMP(3),
    "answeredById" TEXT,
    "bookingInvitedAt" TIMESTAMP(3),
    "lastReadAt" TIMESTAMP(3),
    "lastActivityAt" TIMESTAMP(3) NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "LaborQuestion_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "LaborQuestion_code_key" ON "LaborQuestion"("code");

-- CreateIndex
CREATE INDEX "LaborQuestion_placeId_status_createdAt_idx" ON "LaborQuestion"("placeId", "status", "createdAt");

-- CreateIndex
CREATE INDEX "LaborQuestion_status_createdAt_idx" ON "LaborQuestion"("status", "createdAt");

-- CreateIndex
CREATE INDEX "LaborQuestion_lastActivityAt_idx" ON "LaborQuestion"("lastActivityAt");

-- AddForeignKey
ALTER TABLE "LaborQuestion" ADD CONSTRAINT "LaborQuestion_placeId_fkey" FOREIGN KEY ("placeId") REFERENCES "Place"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LaborQuestion" ADD CONSTRAINT "LaborQuestion_answeredById_fkey" FOREIGN KEY ("answeredById") REFERENCES "Resident"("id") ON DELETE SET NULL ON UPDATE CASCADE;

