-- AlterTable
ALTER TABLE "Service" ADD COLUMN "yearlyLimitPerResident" INTEGER;

-- Job Wings fittings: at most 10 a year per resident (decision 0026)
UPDATE "Service" SET "yearlyLimitPerResident" = 10 WHERE "kind" = 'suit_rental' AND "slug" LIKE 'job-wings-%';
