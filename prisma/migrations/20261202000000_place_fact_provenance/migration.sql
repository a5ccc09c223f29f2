-- CreateTable
CREATE TABLE "PlaceFact" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "placeId" TEXT NOT NULL,
    "fact" TEXT NOT NULL,
    "source" TEXT NOT NULL,
    "reference" TEXT,
    "verifiedById" TEXT,
    "verifiedAt" DATETIME,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "PlaceFact_placeId_fkey" FOREIGN KEY ("placeId") REFERENCES "Place" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "PlaceFact_verifiedById_fkey" FOREIGN KEY ("verifiedById") REFERENCES "Resident" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Place" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "slug" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "subKind" TEXT,
    "nameKo" TEXT NOT NULL,
    "nameEn" TEXT NOT NULL,
    "addressKo" TEXT NOT NULL,
    "addressEn" TEXT NOT NULL,
    "district" TEXT NOT NULL,
    "latitude" REAL NOT NULL,
    "longitude" REAL NOT NULL,
    "coordinatesApproximate" BOOLEAN NOT NULL DEFAULT true,
    "isSampleData" BOOLEAN NOT NULL DEFAULT false,
    "phone" TEXT,
    "email" TEXT,
    "website" TEXT,
    "areaSquareMeters" INTEGER,
    "descriptionKo" TEXT NOT NULL DEFAULT '',
    "descriptionEn" TEXT NOT NULL DEFAULT '',
    "amenities" TEXT NOT NULL DEFAULT '',
    "accessibilityNotesKo" TEXT NOT NULL DEFAULT '',
    "accessibilityNotesEn" TEXT NOT NULL DEFAULT '',
    "closedOnPublicHolidays" BOOLEAN NOT NULL DEFAULT true,
    "searchText" TEXT NOT NULL DEFAULT '',
    "operatorId" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Place_operatorId_fkey" FOREIGN KEY ("operatorId") REFERENCES "Organization" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_Place" ("accessibilityNotesEn", "accessibilityNotesKo", "addressEn", "addressKo", "amenities", "areaSquareMeters", "closedOnPublicHolidays", "coordinatesApproximate", "createdAt", "descriptionEn", "descriptionKo", "district", "email", "id", "isSampleData", "kind", "latitude", "longitude", "nameEn", "nameKo", "operatorId", "phone", "searchText", "slug", "subKind", "updatedAt", "website") SELECT "accessibilityNotesEn", "accessibilityNotesKo", "addressEn", "addressKo", "amenities", "areaSquareMeters", "closedOnPublicHolidays", "coordinatesApproximate", "createdAt", "descriptionEn", "descriptionKo", "district", "email", "id", "isSampleData", "kind", "latitude", "longitude", "nameEn", "nameKo", "operatorId", "phone", "searchText", "slug", "subKind", "updatedAt", "website" FROM "Place";
DROP TABLE "Place";
ALTER TABLE "new_Place" RENAME TO "Place";
CREATE UNIQUE INDEX "Place_slug_key" ON "Place"("slug");
CREATE INDEX "Place_kind_subKind_idx" ON "Place"("kind", "subKind");
CREATE INDEX "Place_district_idx" ON "Place"("district");
CREATE INDEX "Place_latitude_longitude_idx" ON "Place"("latitude", "longitude");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE INDEX "PlaceFact_source_idx" ON "PlaceFact"("source");

-- CreateIndex
CREATE INDEX "PlaceFact_verifiedById_idx" ON "PlaceFact"("verifiedById");

-- CreateIndex
CREATE UNIQUE INDEX "PlaceFact_placeId_fact_key" ON "PlaceFact"("placeId", "fact");


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
