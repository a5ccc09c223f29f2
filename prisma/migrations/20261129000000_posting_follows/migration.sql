-- CreateTable
CREATE TABLE "PostingFollow" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "residentId" TEXT NOT NULL,
    "postingId" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "openedNoticeAt" DATETIME,
    "closingNoticeAt" DATETIME,
    CONSTRAINT "PostingFollow_residentId_fkey" FOREIGN KEY ("residentId") REFERENCES "Resident" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "PostingFollow_postingId_fkey" FOREIGN KEY ("postingId") REFERENCES "Posting" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "PostingFollow_postingId_idx" ON "PostingFollow"("postingId");

-- CreateIndex
CREATE UNIQUE INDEX "PostingFollow_residentId_postingId_key" ON "PostingFollow"("residentId", "postingId");

