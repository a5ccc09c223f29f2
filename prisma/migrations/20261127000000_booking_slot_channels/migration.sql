-- Booking: the consultation channels a weekly template (and each slot generated from it) offers.
-- Written as two column additions; equivalent to Prisma's generated table rebuild (the migrations
-- test compares the result with `prisma db push`).
ALTER TABLE "SlotTemplate" ADD COLUMN "channels" TEXT NOT NULL DEFAULT '';
ALTER TABLE "Slot" ADD COLUMN "channels" TEXT NOT NULL DEFAULT '';
