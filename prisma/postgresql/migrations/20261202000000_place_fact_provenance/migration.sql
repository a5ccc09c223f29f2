-- AlterTable
ALTER TABLE "Place" DROP COLUMN "lastVerifiedAt";

-- CreateTable
CREATE TABLE "PlaceFact" (
    "id" TEXT NOT NULL,
    "placeId" TEXT NOT NULL,
    "fact" TEXT NOT NULL,
    "source" TEXT NOT NULL,
    "reference" TEXT,
    "verifiedById" TEXT,
    "verifiedAt" TIMESTAMP(3),
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "PlaceFact_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "PlaceFact_source_idx" ON "PlaceFact"("source");

-- CreateIndex
CREATE INDEX "PlaceFact_verifiedById_idx" ON "PlaceFact"("verifiedById");

-- CreateIndex
CREATE UNIQUE INDEX "PlaceFact_placeId_fact_key" ON "PlaceFact"("placeId", "fact");

-- AddForeignKey
ALTER TABLE "PlaceFact" ADD CONSTRAINT "PlaceFact_placeId_fkey" FOREIGN KEY ("placeId") REFERENCES "Place"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PlaceFact" ADD CONSTRAINT "PlaceFact_verifiedById_fkey" FOREIGN KEY ("verifiedById") REFERENCES "Resident"("id") ON DELETE SET NULL ON UPDATE CASCADE;


-- Provenance for the places already stored (decision 0021). Nothing about them was confirmed by
-- staff, whatever the dropped "lastVerifiedAt" said (the seed set it for every place), so no fact
-- is staff-verified: sample places say so, every other fact is assumed until staff confirm it or
-- the seed names a better source.
INSERT INTO "PlaceFact" ("id", "placeId", "fact", "source", "updatedAt")
SELECT 'fact-' || p."id" || '-' || f."fact", p."id", f."fact",
       CASE WHEN p."isSampleData" THEN 'sample' ELSE 'assumed' END, CURRENT_TIMESTAMP
FROM "Place" p
CROSS JOIN (
    SELECT 'address' AS "fact" UNION ALL SELECT 'coordinates' UNION ALL SELECT 'days'
    UNION ALL SELECT 'hours' UNION ALL SELECT 'phone' UNION ALL SELECT 'capacity'
) f;
