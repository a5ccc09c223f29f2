-- AlterTable
ALTER TABLE "Notification" ADD COLUMN "claimedUntil" DATETIME;

-- CreateTable
CREATE TABLE "TaskLease" (
    "name" TEXT NOT NULL PRIMARY KEY,
    "holder" TEXT,
    "leasedUntil" DATETIME NOT NULL,
    "lastStartedAt" DATETIME,
    "lastFinishedAt" DATETIME,
    "lastOutcome" TEXT,
    "failures" INTEGER NOT NULL DEFAULT 0
);

