// Idempotent seed: every row is upserted by a natural key (slug, e-mail, fixed id), so running it
// again updates the same rows and creates nothing twice — and never deletes what residents made.
import { buildSearchText } from "../app/domain/shared/korean-search";
import { addDays, seoulDate, seoulInstant } from "../app/domain/shared/seoul-time";
import { findDistrict } from "../app/domain/residents/districts";
import { hashPassword } from "../app/domain/residents/password.server";
import type { PrismaClient } from "../app/generated/prisma/client";
import { closeDatabase, openDatabase } from "../app/utils/db.server";
import { seedBooking } from "./seed/booking";
import { seedEvents } from "./seed/events";
import { ELIGIBILITY, ORGANIZATIONS, PLACES } from "./seed/places";
import { seedPlaceFacts } from "./seed/provenance";
import {
  SEOUL_LIVING_WAGE_2026_KRW,
  POSTINGS,
  PUBLIC_WORK_ROUNDS,
  PUBLIC_WORK_SITES,
  REGIONAL_YOUTH_POSTINGS,
  UPCOMING_ROUND,
  type SeedPosting,
} from "./seed/postings";

/** Demo accounts for trying the site and its back office (see README). Not created when SEED_DEMO_ACCOUNTS=false. */
export const DEMO_ACCOUNTS = [
  {
    email: "admin@seoul-portal.test",
    password: "admin-portal-2026",
    name: "포털 관리자",
    role: "admin",
  },
  {
    email: "staff.youth@seoul-portal.test",
    password: "staff-youth-2026",
    name: "청년일자리센터 담당자",
    role: "staff",
    place: "youth-job-center",
    organization: "seoul-city",
  },
  {
    email: "staff.labor@seoul-portal.test",
    password: "staff-labor-2026",
    name: "노동권익센터 상담 담당자",
    role: "staff",
    place: "seoul-labor-rights-center",
    organization: "korea-contingent-workers-center",
  },
  {
    email: "staff.jobs@seoul-portal.test",
    password: "staff-jobs-2026",
    name: "일자리정책 담당자",
    role: "staff",
    organization: "seoul-city",
  },
  {
    email: "resident@seoul-portal.test",
    password: "resident-2026",
    name: "김서울",
    role: "resident",
    birthDate: "1998-04-12",
    district: "mapo",
    employmentStatus: "unemployed",
    registeredJobSeeker: true,
    hasRegularIncome: false,
    workerType: "none",
  },
] as const;

function districtNames(code: string | undefined) {
  const district = code ? findDistrict(code) : undefined;
  return district ? [district.ko, `${code}-gu`] : [];
}

/** Services earlier seeds created and this one no longer has (deleted on the next run). */
const RETIRED_SERVICE_SLUGS = ["youth-center-job-wings"];

/**
 * The directory alone: eligibility criteria, organisations, places with their hours and services
 * (nothing that depends on the date). Part of seed(); tests about places need only this.
 */
export async function seedDirectory(db: PrismaClient) {
  for (const criteria of Object.values(ELIGIBILITY)) {
    await db.eligibilityCriteria.upsert({
      where: { id: criteria.id },
      create: criteria,
      update: criteria,
    });
  }

  const organizationIds = new Map<string, string>();
  for (const org of ORGANIZATIONS) {
    const row = await db.organization.upsert({
      where: { slug: org.slug },
      create: { ...org },
      update: { ...org },
      select: { id: true },
    });
    organizationIds.set(org.slug, row.id);
  }

  const placeIds = new Map<string, string>();
  for (const place of PLACES) {
    const { hours, services, operator, amenities, ...fields } = place;
    const data = {
      ...fields,
      amenities: (amenities ?? []).join(","),
      coordinatesApproximate: true,
      isSampleData: place.isSampleData ?? false,
      closedOnPublicHolidays: place.closedOnPublicHolidays ?? true,
      // cleared when the seed drops a number (the Youth Job Center's "02-120" was the city's line)
      phone: place.phone ?? null,
      operatorId: operator ? (organizationIds.get(operator) ?? null) : null,
      searchText: buildSearchText([
        place.nameKo,
        place.nameEn,
        place.addressKo,
        place.addressEn,
        ...districtNames(place.district),
      ]),
    };
    const row = await db.place.upsert({
      where: { slug: place.slug },
      create: data,
      update: data,
      select: { id: true },
    });
    placeIds.set(place.slug, row.id);
    await seedPlaceFacts(db, { id: row.id, slug: place.slug, isSampleData: data.isSampleData });

    // Upserted by (weekday, opens), in two statements per place rather than one per row.
    const hourKey = (h: { weekday: number; opens: string }) => `${h.weekday} ${h.opens}`;
    const wanted = new Map(
      hours.flatMap((block) =>
        block.days.map((weekday) => {
          const h = { placeId: row.id, weekday, opens: block.opens, closes: block.closes };
          return [hourKey(h), h] as const;
        }),
      ),
    );
    const stored = await db.openingHours.findMany({
      where: { placeId: row.id },
      select: { id: true, weekday: true, opens: true, closes: true },
    });
    const storedByKey = new Map(stored.map((h) => [hourKey(h), h]));
    const missingHours = [...wanted.values()].filter((h) => !storedByKey.has(hourKey(h)));
    if (missingHours.length > 0) await db.openingHours.createMany({ data: missingHours });
    for (const h of wanted.values()) {
      const current = storedByKey.get(hourKey(h));
      if (current && current.closes !== h.closes)
        await db.openingHours.update({ where: { id: current.id }, data: { closes: h.closes } });
    }
    for (const service of services ?? []) {
      const serviceData = {
        ...service,
        placeId: row.id,
        descriptionKo: service.descriptionKo ?? "",
        descriptionEn: service.descriptionEn ?? "",
        durationMinutes: service.durationMinutes ?? null,
        eligibilityId: service.eligibilityId ?? null,
        yearlyLimitPerResident: service.yearlyLimitPerResident ?? null,
      };
      await db.service.upsert({
        where: { slug: service.slug },
        create: serviceData,
        update: serviceData,
      });
    }
  }

  // Services the seed no longer has: Job Wings is now offered at its operators' branches.
  await db.service.deleteMany({ where: { slug: { in: RETIRED_SERVICE_SLUGS } } });

  return { organizationIds, placeIds };
}

export async function seed(db: PrismaClient, options: { now?: Date; demoAccounts?: boolean } = {}) {
  const now = options.now ?? new Date();
  const today = seoulDate(now);
  const { organizationIds, placeIds } = await seedDirectory(db);

  // ── postings ──
  const postingData = (posting: SeedPosting, roundId: string | null) => {
    const applicationOpensAt = seoulInstant(addDays(today, posting.opensInDays), "09:00");
    const applicationClosesAt = seoulInstant(addDays(today, posting.closesInDays), "18:00");
    const startDate = addDays(today, posting.startsInDays);
    const closed = applicationClosesAt <= now;
    return {
      slug: posting.slug,
      organizationId: organizationIds.get(posting.organization)!,
      placeId: posting.place ? (placeIds.get(posting.place) ?? null) : null,
      roundId,
      district: posting.district ?? null,
      kind: posting.kind,
      newDealCategory: posting.newDealCategory ?? null,
      titleKo: posting.titleKo,
      titleEn: posting.titleEn,
      descriptionKo: posting.descriptionKo,
      descriptionEn: posting.descriptionEn,
      positions: posting.positions,
      hourlyWageKrw: posting.hourlyWageKrw,
      hoursPerDay: posting.hoursPerDay,
      daysPerWeek: posting.daysPerWeek,
      durationMonths: posting.durationMonths ?? null,
      startDate,
      endDate: addDays(startDate, Math.round((posting.durationMonths ?? 6) * 30.4) - 1),
      applicationOpensAt,
      applicationClosesAt,
      outdoor: posting.outdoor ?? false,
      eligibilityId: posting.eligibilityId,
      status: closed ? "closed" : "published",
      publishedAt: seoulInstant(addDays(today, Math.min(posting.opensInDays, 0) - 3), "10:00"),
      isSampleData: true,
      searchText: buildSearchText([
        posting.titleKo,
        posting.titleEn,
        posting.descriptionKo,
        posting.descriptionEn,
        ...districtNames(posting.district),
      ]),
    };
  };
  for (const posting of [...POSTINGS, ...REGIONAL_YOUTH_POSTINGS]) {
    const data = postingData(posting, null);
    await db.posting.upsert({ where: { slug: posting.slug }, create: data, update: data });
  }

  const cityId = organizationIds.get("seoul-city")!;
  for (const round of PUBLIC_WORK_ROUNDS) {
    const data = {
      slug: round.slug,
      organizationId: cityId,
      year: round.year,
      roundNumber: round.roundNumber,
      nameKo: round.nameKo,
      nameEn: round.nameEn,
      descriptionKo:
        "2018년 공공근로는 상·하반기 두 차례(1.10~6.30, 7.1~12.20) 운영되었습니다. 모집기간 20일. 신청자격: 만 18세 이상, 정기소득이 없는 실업자로서 구직등록을 한 서울시민. 보고서에 모집 날짜는 없어 이 회차의 모집 기간(6.1~6.20)은 가정한 것입니다.",
      descriptionEn:
        "In 2018 public work ran in two rounds (10 Jan–30 Jun and 1 Jul–20 Dec), each recruited over 20 days. Eligible: Seoul residents aged 18+, unemployed with no regular income, registered as job seekers. The report gives no recruitment dates: this round's window (1–20 June) is an assumption.",
      workStartDate: round.workStartDate,
      workEndDate: round.workEndDate,
      applicationOpensAt: seoulInstant(round.applicationOpens, "09:00"),
      applicationClosesAt: seoulInstant(round.applicationCloses, "18:00"),
      eligibilityId: ELIGIBILITY.publicWork.id,
      status: round.status,
    };
    await db.publicWorkRound.upsert({ where: { slug: round.slug }, create: data, update: data });
  }

  // The next round under the same rules: a 20-day window that is open now, work from the
  // following 10 January (first half) or 1 July (second half).
  const opens = addDays(today, -UPCOMING_ROUND.opensDaysAgo);
  const closes = addDays(opens, UPCOMING_ROUND.windowDays - 1);
  const closesYear = Number(closes.slice(0, 4));
  const firstHalf = closes.slice(5) < "07-01";
  const workYear = firstHalf ? closesYear : closesYear + 1;
  const [workStartDate, workEndDate, roundNumber] = firstHalf
    ? [`${closesYear}-07-01`, `${closesYear}-12-20`, 2]
    : [`${workYear}-01-10`, `${workYear}-06-30`, 1];
  const upcoming = {
    slug: UPCOMING_ROUND.slug,
    organizationId: cityId,
    year: firstHalf ? closesYear : workYear,
    roundNumber,
    nameKo: UPCOMING_ROUND.nameKo,
    nameEn: UPCOMING_ROUND.nameEn,
    descriptionKo:
      "2018년 규칙을 그대로 적용한 예시 회차입니다. 모집기간 20일, 희망 사업장을 3곳까지 순서대로 고르세요. 신청자격: 만 18세 이상, 정기소득이 없는 실업자로서 구직등록을 한 서울시민.",
    descriptionEn:
      "A sample round under the 2018 rules. The window lasts 20 days; choose up to three preferred sites in order. Eligible: Seoul residents aged 18+, unemployed with no regular income, registered as job seekers.",
    workStartDate,
    workEndDate,
    applicationOpensAt: seoulInstant(opens, "09:00"),
    applicationClosesAt: seoulInstant(closes, "18:00"),
    eligibilityId: ELIGIBILITY.publicWork.id,
    status: "published",
  };
  const existingUpcoming = await db.publicWorkRound.findUnique({
    where: { slug: upcoming.slug },
    select: { id: true },
  });
  const clash = await db.publicWorkRound.findFirst({
    where: {
      organizationId: cityId,
      year: upcoming.year,
      roundNumber,
      NOT: { slug: upcoming.slug },
    },
    select: { id: true },
  });
  const upcomingRow = clash
    ? (existingUpcoming ?? clash)
    : await db.publicWorkRound.upsert({
        where: { slug: upcoming.slug },
        create: upcoming,
        update: upcoming,
        select: { id: true },
      });

  for (const site of PUBLIC_WORK_SITES) {
    const posting: SeedPosting = {
      slug: site.slug,
      organization: "seoul-city",
      district: site.district,
      kind: "public_work",
      titleKo: `공공근로: ${site.titleKo}`,
      titleEn: `Public work: ${site.titleEn}`,
      descriptionKo: `${site.titleKo} 사업장. 정기소득이 없는 실업자의 임시적 생계를 돕는 단기 일자리입니다.`,
      descriptionEn: `${site.titleEn}. Short-term work that supports unemployed people without a regular income.`,
      positions: site.positions,
      hourlyWageKrw: SEOUL_LIVING_WAGE_2026_KRW,
      hoursPerDay: 5,
      daysPerWeek: 5,
      durationMonths: 6,
      opensInDays: -UPCOMING_ROUND.opensDaysAgo,
      closesInDays: UPCOMING_ROUND.windowDays - 1 - UPCOMING_ROUND.opensDaysAgo,
      startsInDays: 45,
      outdoor: site.outdoor,
      eligibilityId: ELIGIBILITY.publicWork.id,
    };
    const data = {
      ...postingData(posting, upcomingRow.id),
      startDate: workStartDate,
      endDate: workEndDate,
    };
    await db.posting.upsert({ where: { slug: site.slug }, create: data, update: data });
  }

  await seedBooking(db, now);
  await seedEvents(db, now, { organizationIds, placeIds });

  // ── demo accounts ──
  if (options.demoAccounts !== false) {
    for (const account of DEMO_ACCOUNTS) {
      const existing = await db.resident.findUnique({
        where: { email: account.email },
        select: { id: true },
      });
      const profile = {
        name: account.name,
        role: account.role,
        staffPlaceId: "place" in account ? (placeIds.get(account.place) ?? null) : null,
        staffOrganizationId:
          "organization" in account ? (organizationIds.get(account.organization) ?? null) : null,
        birthDate: "birthDate" in account ? account.birthDate : null,
        district: "district" in account ? account.district : null,
        employmentStatus: "employmentStatus" in account ? account.employmentStatus : null,
        registeredJobSeeker: "registeredJobSeeker" in account ? account.registeredJobSeeker : null,
        hasRegularIncome: "hasRegularIncome" in account ? account.hasRegularIncome : null,
        workerType: "workerType" in account ? account.workerType : null,
      };
      if (existing) {
        await db.resident.update({ where: { id: existing.id }, data: profile });
      } else {
        await db.resident.create({
          data: {
            ...profile,
            email: account.email,
            passwordHash: await hashPassword(account.password),
            consents: {
              create: [
                { kind: "terms", version: "2026-11" },
                { kind: "privacy", version: "2026-11" },
              ],
            },
          },
        });
      }
    }
  }

  return { places: placeIds.size, organizations: organizationIds.size };
}

async function main() {
  const connection = openDatabase(process.env.DATABASE_URL ?? "file:./data/portal.db");
  const db = connection.client;
  try {
    const started = Date.now();
    // In the end-to-end tests the server's clock is fixed; the sample dates must follow it.
    const testNow = process.env.APP_ENV === "test" ? process.env.TEST_FIXED_NOW : undefined;
    const counts = await seed(db, {
      now: testNow ? new Date(testNow) : new Date(),
      demoAccounts: process.env.SEED_DEMO_ACCOUNTS !== "false",
    });
    console.log(
      `Seeded ${counts.places} places and ${counts.organizations} organisations in ${Date.now() - started} ms`,
    );
  } finally {
    await closeDatabase(connection);
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  await main();
}
