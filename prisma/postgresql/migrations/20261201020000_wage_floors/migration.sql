-- CreateTable
CREATE TABLE "WageFloor" (
    "id" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "year" INTEGER NOT NULL,
    "hourlyKrw" INTEGER NOT NULL,
    "source" TEXT NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "updatedById" TEXT,

    CONSTRAINT "WageFloor_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "WageFloor_kind_year_key" ON "WageFloor"("kind", "year");

-- AddForeignKey
ALTER TABLE "WageFloor" ADD CONSTRAINT "WageFloor_updatedById_fkey" FOREIGN KEY ("updatedById") REFERENCES "Resident"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- The figures known when the table was made (administrators keep it at /staff/wages): the
-- statutory minimum wage of each year, the Seoul living wage of 2018 (the report) and 2026 (issue
-- 15). Living wages of other years are not recorded: unknown, not guessed.
INSERT INTO "WageFloor" ("id", "kind", "year", "hourlyKrw", "source", "updatedAt") VALUES
    ('wage-floor-minimum-2018', 'minimum', 2018, 7530, '최저임금위원회 고시 (2017-08)', CURRENT_TIMESTAMP),
    ('wage-floor-minimum-2019', 'minimum', 2019, 8350, '최저임금위원회 고시 (2018-08)', CURRENT_TIMESTAMP),
    ('wage-floor-minimum-2020', 'minimum', 2020, 8590, '최저임금위원회 고시 (2019-08)', CURRENT_TIMESTAMP),
    ('wage-floor-minimum-2021', 'minimum', 2021, 8720, '최저임금위원회 고시 (2020-08)', CURRENT_TIMESTAMP),
    ('wage-floor-minimum-2022', 'minimum', 2022, 9160, '최저임금위원회 고시 (2021-08)', CURRENT_TIMESTAMP),
    ('wage-floor-minimum-2023', 'minimum', 2023, 9620, '최저임금위원회 고시 (2022-08)', CURRENT_TIMESTAMP),
    ('wage-floor-minimum-2024', 'minimum', 2024, 9860, '최저임금위원회 고시 (2023-08)', CURRENT_TIMESTAMP),
    ('wage-floor-minimum-2025', 'minimum', 2025, 10030, '최저임금위원회 고시 (2024-08)', CURRENT_TIMESTAMP),
    ('wage-floor-minimum-2026', 'minimum', 2026, 10320, '최저임금위원회 고시 (2025-08)', CURRENT_TIMESTAMP),
    ('wage-floor-living-2018', 'living', 2018, 9220, '2018 서울시 일자리노동정책 보고서', CURRENT_TIMESTAMP),
    ('wage-floor-living-2026', 'living', 2026, 12121, '이슈 15', CURRENT_TIMESTAMP);
