-- AlterTable
ALTER TABLE "Slot" ADD COLUMN "drawnAt" DATETIME;

-- Slots already drawn are claimed (decision 0031, addendum)
UPDATE "Slot" SET "drawnAt" = (SELECT "drawnAt" FROM "SlotDraw" WHERE "SlotDraw"."slotId" = "Slot"."id")
WHERE EXISTS (SELECT 1 FROM "SlotDraw" WHERE "SlotDraw"."slotId" = "Slot"."id");
