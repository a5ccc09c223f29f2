-- CreateTable
CREATE TABLE "SlotApplication" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "slotId" TEXT NOT NULL,
    "residentId" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'applied',
    "tier" INTEGER NOT NULL DEFAULT 0,
    "drawPosition" INTEGER,
    "bookingId" TEXT,
    "liveKey" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "SlotApplication_slotId_fkey" FOREIGN KEY ("slotId") REFERENCES "Slot" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "SlotApplication_residentId_fkey" FOREIGN KEY ("residentId") REFERENCES "Resident" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "SlotDraw" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "slotId" TEXT NOT NULL,
    "seed" TEXT NOT NULL,
    "seats" INTEGER NOT NULL,
    "applicants" TEXT NOT NULL,
    "drawnOrder" TEXT NOT NULL,
    "drawnAt" DATETIME NOT NULL,
    CONSTRAINT "SlotDraw_slotId_fkey" FOREIGN KEY ("slotId") REFERENCES "Slot" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- AlterTable (columns added in place: no table redefinition, so other migrations' columns on
-- "Service" are kept)
ALTER TABLE "Service" ADD COLUMN "allocation" TEXT NOT NULL DEFAULT 'first_come';
ALTER TABLE "Service" ADD COLUMN "drawLeadHours" INTEGER NOT NULL DEFAULT 24;

-- CreateIndex
CREATE UNIQUE INDEX "SlotApplication_liveKey_key" ON "SlotApplication"("liveKey");

-- CreateIndex
CREATE INDEX "SlotApplication_slotId_status_idx" ON "SlotApplication"("slotId", "status");

-- CreateIndex
CREATE INDEX "SlotApplication_residentId_status_idx" ON "SlotApplication"("residentId", "status");

-- CreateIndex
CREATE UNIQUE INDEX "SlotDraw_slotId_key" ON "SlotDraw"("slotId");

