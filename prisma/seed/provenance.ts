// Where each fact of the seeded places comes from (decision 0021). A fact listed here cites the
// 2018 work report (shared/seed/seoul-2018-jobs-labor-policy-report.ko.txt) by section; every fact
// not listed — including places added to places.ts later — is "assumed", or "sample" on a sample
// place. The seed never marks a fact as staff-verified: only staff can.
import {
  defaultSource,
  PLACE_FACTS,
  type FactSource,
  type PlaceFactKind,
} from "../../app/domain/places/provenance";
import type { PrismaClient } from "../../app/generated/prisma/client";

type SeedFactSource = { source: Extract<FactSource, "report" | "public">; reference: string };
type SeedProvenance = Partial<Record<PlaceFactKind, SeedFactSource>>;

const report = (reference: string): SeedFactSource => ({ source: "report", reference });

// Sections as the report numbers them: Ⅲ (주요업무 보고) › chapter › item.
const YOUTH_CENTER = "Ⅲ-1-③-1 청년일자리센터 운영 — 운영개요(운영 시간)";
const SHELTERS = "Ⅲ-2-③ 사각지대 노동자 보호 강화 — 휴서울노동자 쉼터 현황(규모·운영시간)";
const LABOR_RIGHTS_CENTER = "Ⅲ-2-⑦ 현장밀착형 노동자 권익보호 — 서울노동권익센터(위치)";
const EMOTIONAL_LABOR = "Ⅲ-2-③ 사각지대 노동자 보호 강화 — 감정노동 종사자 권리보호 센터(위치)";
const MEMORIAL = "Ⅲ-2-④ 전태일 기념관 개관 준비 — 사업개요(위치·규모)";
const INSTITUTES = "Ⅲ-1-⑩ 서울시 기술교육원 운영 — 4개 기술교육원 현황(위치)";

const shelter: SeedProvenance = {
  // the report gives the hours and the area; not the weekdays, nor the street address
  hours: report(SHELTERS),
  capacity: report(SHELTERS),
};

const PLACE_PROVENANCE: Record<string, SeedProvenance> = {
  // weekdays 09:00–21:00 and Saturdays 10:00–18:00 are the report's: days and hours
  "youth-job-center": { days: report(YOUTH_CENTER), hours: report(YOUTH_CENTER) },
  "seocho-shelter": shelter,
  "bukchang-shelter": shelter,
  "hapjeong-shelter": shelter,
  "sangam-shelter": shelter,
  "seoul-labor-rights-center": { address: report(LABOR_RIGHTS_CENTER) },
  // "(위치) 서울노동권익센터 9층": the same building as the Labor Rights Center
  "emotional-labor-center": { address: report(EMOTIONAL_LABOR) },
  // 종로구 청계천로 105; 지상 6층, 연면적 1,940.73㎡
  "chun-tae-il-memorial": { address: report(MEMORIAL), capacity: report(MEMORIAL) },
  // the report locates them by neighbourhood (강동구 고덕동 …), which is what the address says
  "east-technical-institute": { address: report(INSTITUTES) },
  "central-technical-institute": { address: report(INSTITUTES) },
  "north-technical-institute": { address: report(INSTITUTES) },
  "south-technical-institute": { address: report(INSTITUTES) },
};

/**
 * Gives a seeded place a provenance row for every fact: the source listed above, else assumed (or
 * sample). Idempotent, and a fact staff confirmed is left alone — the seed runs at every start.
 */
export async function seedPlaceFacts(
  db: PrismaClient,
  place: { id: string; slug: string; isSampleData: boolean },
) {
  const listed = place.isSampleData ? {} : (PLACE_PROVENANCE[place.slug] ?? {});
  const stored = new Map(
    (
      await db.placeFact.findMany({
        where: { placeId: place.id },
        select: { fact: true, source: true, reference: true },
      })
    ).map((row) => [row.fact, row]),
  );
  const wanted = PLACE_FACTS.map((fact) => ({
    fact,
    source: listed[fact]?.source ?? defaultSource(place.isSampleData),
    reference: listed[fact]?.reference ?? null,
  }));
  const missing = wanted.filter((want) => !stored.has(want.fact));
  if (missing.length > 0)
    await db.placeFact.createMany({
      data: missing.map((want) => ({ placeId: place.id, ...want })),
    });
  for (const want of wanted) {
    const current = stored.get(want.fact);
    if (!current || current.source === "staff") continue;
    if (current.source === want.source && current.reference === want.reference) continue;
    await db.placeFact.updateMany({
      where: { placeId: place.id, fact: want.fact, source: { not: "staff" } },
      data: { source: want.source, reference: want.reference },
    });
  }
}
