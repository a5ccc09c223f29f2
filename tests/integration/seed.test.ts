// The seed holds the report's real places, rules and programmes, gives every bookable service its
// timetable, and running it twice changes nothing.
import { describe, expect, it } from "vitest";
import { seed } from "../../prisma/seed";
import { PLACES } from "../../prisma/seed/places";
import { getDb } from "~/utils/db.server";
import { SEOUL_DISTRICTS } from "~/domain/residents/districts";
import { verifyPassword } from "~/domain/residents/password.server";
import { isPublicHoliday } from "~/domain/shared/holidays";
import { seoulParts } from "~/domain/shared/seoul-time";
import { belowFloor } from "~/domain/jobs/wage-floors";
import { listWageFloors } from "~/domain/jobs/wage-floors.server";
import { getPlacePage } from "~/domain/places/directory.server";
import { FACT_SOURCES, PLACE_FACTS } from "~/domain/places/provenance";

const db = getDb();
const NOW = new Date("2026-11-25T03:00:00Z");

async function counts() {
  const [
    places,
    hours,
    services,
    postings,
    rounds,
    residents,
    organizations,
    templates,
    slots,
    programs,
    programSessions,
  ] = await Promise.all([
    db.place.count(),
    db.openingHours.count(),
    db.service.count(),
    db.posting.count(),
    db.publicWorkRound.count(),
    db.resident.count(),
    db.organization.count(),
    db.slotTemplate.count(),
    db.slot.count(),
    db.program.count(),
    db.programSession.count(),
  ]);
  return {
    places,
    hours,
    services,
    postings,
    rounds,
    residents,
    organizations,
    templates,
    slots,
    programs,
    programSessions,
  };
}

describe("seed", () => {
  it("is idempotent", { timeout: 120_000 }, async () => {
    await seed(db, { now: NOW });
    const first = await counts();
    await seed(db, { now: NOW });
    expect(await counts()).toEqual(first);
  });

  it("has the report's programs and events, dated from the seed day and marked as samples", async () => {
    const programs = await db.program.findMany({
      include: { sessions: { orderBy: { startsAt: "asc" } }, eligibility: true, place: true },
      orderBy: { slug: "asc" },
    });
    expect(new Set(programs.map((p) => p.kind))).toEqual(
      new Set([
        "lecture",
        "mentoring",
        "study_group_mentoring",
        "job_fair",
        "recruitment_briefing",
        "company_visit",
        "hackathon",
        "forum",
      ]),
    );
    expect(programs.every((p) => p.isSampleData && p.sessions.length > 0)).toBe(true);
    const forum = programs.find((p) => p.slug === "good-jobs-city-forum")!;
    expect(forum.titleKo).toBe("좋은 일자리도시 국제포럼");
    expect(forum.sessions.map((s) => s.capacity)).toEqual([1000, 1000]);
    expect(forum.descriptionKo).toContain("1,000명");
    expect(forum.languages).toBe("ko,en");
    const mentoring = programs.find((p) => p.slug === "mapo-job-cafe-mentoring")!;
    expect(mentoring).toMatchObject({ kind: "mentoring", district: "mapo" });
    expect(mentoring.place?.kind).toBe("job_cafe");
    expect(mentoring.eligibility).toMatchObject({ minAge: 15, maxAge: 39 });
    // the next week of the seed day (Wednesday 25 November 2026): Tuesday 1 December, 19:00 Seoul
    expect(mentoring.sessions[0]!.startsAt.toISOString()).toBe("2026-12-01T10:00:00.000Z");
    expect(mentoring.sessions[0]!.registrationOpensAt < NOW).toBe(true);
    expect(mentoring.sessions[0]!.registrationClosesAt > NOW).toBe(true);
    const study = programs.find((p) => p.slug === "study-group-mentor-service")!;
    expect(study.descriptionKo).toContain("스터디그룹");
    // sessions all start after the seed day; every kind has at least one session still to come
    for (const program of programs)
      expect(program.sessions.every((s) => s.startsAt > NOW && s.registeredCount === 0)).toBe(true);
  });

  it("has the Youth Job Center with its rooms, hours and age range", async () => {
    const center = await db.place.findUniqueOrThrow({
      where: { slug: "youth-job-center" },
      include: { openingHours: true, services: { include: { eligibility: true } } },
    });
    const weekday = center.openingHours.filter((h) => h.weekday <= 5);
    expect(weekday.map((h) => [h.opens, h.closes])).toEqual(Array(5).fill(["09:00", "21:00"]));
    expect(
      center.openingHours.filter((h) => h.weekday === 6).map((h) => [h.opens, h.closes]),
    ).toEqual([["10:00", "18:00"]]);
    expect(center.openingHours.some((h) => h.weekday === 7)).toBe(false);
    const kinds = center.services.map((s) => s.kind);
    expect(kinds).toEqual(
      expect.arrayContaining([
        "counseling",
        "mock_interview",
        "resume_clinic",
        "job_analysis",
        "photo",
        "study_room",
        "seminar_room",
        "multipurpose_hall",
      ]),
    );
    const mock = center.services.find((s) => s.kind === "mock_interview")!;
    expect(mock.bookable).toBe(true);
    expect(mock.eligibility).toMatchObject({ minAge: 15, maxAge: 39 });
    expect(center.services.find((s) => s.kind === "study_room")?.nameKo).toContain("14");
  });

  it("has the four rest shelters with their real hours, sizes and workers", async () => {
    const shelters = await db.place.findMany({
      where: { kind: "rest_shelter" },
      include: { openingHours: true },
      orderBy: { slug: "asc" },
    });
    const summary = Object.fromEntries(
      shelters.map((s) => [
        s.slug,
        {
          subKind: s.subKind,
          area: s.areaSquareMeters,
          hours: `${s.openingHours[0]?.opens}-${s.openingHours[0]?.closes}`,
        },
      ]),
    );
    expect(summary).toEqual({
      "seocho-shelter": { subKind: "designated_driver", area: 151, hours: "18:00-06:00" },
      "bukchang-shelter": { subKind: "courier", area: 300, hours: "08:30-20:00" },
      "hapjeong-shelter": { subKind: "mobile", area: 165, hours: "08:30-06:00" },
      "sangam-shelter": { subKind: "media", area: 250, hours: "09:30-18:00" },
    });
  });

  it("has the labor-rights centers, with bookable consultations", async () => {
    const centers = await db.place.findMany({
      where: { kind: "labor_center" },
      include: { services: true },
    });
    const bySubKind = (kind: string) => centers.filter((c) => c.subKind === kind);
    expect(bySubKind("city")[0]?.addressKo).toContain("율곡로 58");
    expect(bySubKind("emotional_labor")).toHaveLength(1);
    expect(bySubKind("ombudsman")).toHaveLength(1);
    expect(
      bySubKind("district")
        .map((c) => c.district)
        .sort(),
    ).toEqual([
      "gangseo",
      "guro",
      "gwanak",
      "gwangjin",
      "nowon",
      "seodaemun",
      "seongbuk",
      "seongdong",
    ]);
    for (const center of centers) {
      expect(center.services.some((s) => s.kind === "labor_consultation" && s.bookable)).toBe(true);
    }
  });

  it("has the four technical institutes, one outside Seoul", async () => {
    const institutes = await db.place.findMany({
      where: { kind: "training_institute" },
      include: { operator: true },
    });
    expect(institutes.map((i) => i.district).sort()).toEqual([
      "gangdong",
      "nowon",
      "outside",
      "yongsan",
    ]);
    expect(institutes.every((i) => i.operator !== null)).toBe(true);
  });

  it("has at least 30 job cafés, marked as sample data, in every one of the 25 districts", async () => {
    const cafes = await db.place.findMany({ where: { kind: "job_cafe" } });
    expect(cafes.length).toBeGreaterThanOrEqual(30);
    expect(cafes.every((c) => c.isSampleData && c.coordinatesApproximate)).toBe(true);
    expect(new Set(cafes.map((c) => c.district))).toEqual(
      new Set(SEOUL_DISTRICTS.map((d) => d.code)),
    );
    expect(new Set(cafes.map((c) => c.subKind))).toEqual(
      new Set(["private", "university", "public"]),
    );
    // the report's 36/16/21 of 73, scaled to the sample and rounded
    const share = (subKind: string) => cafes.filter((c) => c.subKind === subKind).length;
    for (const [subKind, ofReport] of [
      ["private", 36],
      ["university", 16],
      ["public", 21],
    ] as const) {
      expect(Math.abs(share(subKind) - (cafes.length * ofReport) / 73)).toBeLessThanOrEqual(1);
    }
    // invented cafés do not borrow real universities' names (the report's short forms)
    const REPORT_UNIVERSITIES =
      "상명대 숙명여대 한국외대 건국대 성신여대 명지대 서일대 삼육대 동덕여대 인덕대 국민대 성균관대";
    for (const cafe of cafes) {
      const borrowed = REPORT_UNIVERSITIES.split(" ").filter((name) => cafe.nameKo.includes(name));
      expect(borrowed, cafe.nameKo).toEqual([]);
    }
  });

  it("has the report's 12 university job centers, 7 large and 5 small, each run by its university", async () => {
    const centers = await db.place.findMany({
      where: { kind: "university_job_center" },
      include: { operator: true },
    });
    const named = (size: string) =>
      centers
        .filter((c) => c.subKind === size)
        .map((c) => c.operator?.nameKo)
        .sort();
    expect(named("large")).toEqual(
      [
        "상명대학교",
        "숙명여자대학교",
        "한국외국어대학교",
        "건국대학교",
        "성신여자대학교",
        "명지대학교",
        "서일대학교",
      ].sort(),
    );
    expect(named("small")).toEqual(
      ["삼육대학교", "동덕여자대학교", "인덕대학교", "국민대학교", "성균관대학교"].sort(),
    );
    expect(centers.every((c) => c.coordinatesApproximate && !c.isSampleData)).toBe(true);
  });

  it("offers Job Wings at its three operators, from the year of finishing school to 34", async () => {
    const services = await db.service.findMany({
      where: { kind: "suit_rental" },
      include: { place: { include: { operator: true } }, eligibility: true },
    });
    expect(services.map((s) => s.place.operator?.nameKo).sort()).toEqual(
      ["마이스윗인터뷰", "열린옷장", "체인지레이디"].sort(),
    );
    for (const service of services) {
      expect(service.place.kind).toBe("suit_rental");
      // the report names the operators, not their branches
      expect(service.place.isSampleData).toBe(true);
      expect(service.eligibility).toMatchObject({
        minYearAge: 18,
        maxAge: 34,
        minAge: null,
        seoulResidentRequired: true,
      });
      // fittings are booked through the portal, at most 10 a year per resident (decision 0026)
      expect(service).toMatchObject({ bookable: true, yearlyLimitPerResident: 10 });
      expect(await db.slot.count({ where: { serviceId: service.id } })).toBeGreaterThan(0);
    }
    const youthCenter = await db.service.count({
      where: { place: { slug: "youth-job-center" }, kind: "suit_rental" },
    });
    expect(youthCenter).toBe(0);
  });

  it("names the Chun Tae-il Foundation as the memorial's operator and no made-up phone numbers", async () => {
    const memorial = await db.place.findUniqueOrThrow({
      where: { slug: "chun-tae-il-memorial" },
      include: { operator: true },
    });
    expect(memorial.operator?.nameKo).toContain("전태일재단");
    const center = await db.place.findUniqueOrThrow({ where: { slug: "youth-job-center" } });
    expect(center.phone).toBeNull();
  });

  it("has New Deal postings in every category of the report, at the living wage, up to 23 months", async () => {
    const postings = await db.posting.findMany({ where: { kind: "new_deal" } });
    expect(new Set(postings.map((p) => p.newDealCategory))).toEqual(
      new Set([
        "city",
        "district",
        "private_city_department",
        "private_public_specialised",
        "private_company_tailored",
        "private_youth_idea",
      ]),
    );
    expect(postings.every((p) => p.hourlyWageKrw === 12121 && (p.durationMonths ?? 0) <= 23)).toBe(
      true,
    );
  });

  it("has a public-work round with a 20-day window and the report's eligibility, and a regional youth job", async () => {
    const round = await db.publicWorkRound.findUniqueOrThrow({
      where: { slug: "public-work-upcoming" },
      include: { eligibility: true, sites: true },
    });
    const windowDays = Math.round(
      (round.applicationClosesAt.getTime() - round.applicationOpensAt.getTime()) / 86_400_000,
    );
    expect(windowDays).toBe(19); // 09:00 on day 1 to 18:00 on day 20
    expect(round.eligibility).toMatchObject({
      minAge: 18,
      seoulResidentRequired: true,
      unemployedRequired: true,
      noRegularIncomeRequired: true,
      registeredJobSeekerRequired: true,
    });
    expect(round.sites.length).toBeGreaterThanOrEqual(3);
    expect(round.sites.some((s) => s.outdoor)).toBe(true);
    const real2018 = await db.publicWorkRound.findUniqueOrThrow({
      where: { slug: "public-work-2018-2" },
    });
    expect([real2018.workStartDate, real2018.workEndDate]).toEqual(["2018-07-01", "2018-12-20"]);
    const regional = await db.posting.findFirstOrThrow({
      where: { kind: "regional_youth" },
      include: { eligibility: true },
    });
    expect(regional.eligibility).toMatchObject({ minAge: 18, maxAge: 39 });
  });

  it("has staff bound to a center and an admin, with the documented passwords", async () => {
    const staff = await db.resident.findUniqueOrThrow({
      where: { email: "staff.youth@seoul-portal.test" },
      include: { staffPlace: true },
    });
    expect(staff.role).toBe("staff");
    expect(staff.staffPlace?.slug).toBe("youth-job-center");
    expect(await verifyPassword("staff-youth-2026", staff.passwordHash!)).toBe(true);
    const admin = await db.resident.findUniqueOrThrow({
      where: { email: "admin@seoul-portal.test" },
    });
    expect(admin.role).toBe("admin");
  });

  it("pays every posting and round site at least the floor of each year of its work", async () => {
    const floors = await listWageFloors();
    expect(floors.some((f) => f.kind === "minimum")).toBe(true);
    const postings = await db.posting.findMany({
      select: { slug: true, kind: true, hourlyWageKrw: true, startDate: true, endDate: true },
    });
    expect(postings.length).toBeGreaterThan(10);
    const underpaid = postings
      .map((p) => ({ slug: p.slug, violation: belowFloor(p.hourlyWageKrw, p, p.kind, floors) }))
      .filter((p) => p.violation);
    expect(underpaid).toEqual([]);
    // the round's sites are checked over the round's own period too
    const rounds = await db.publicWorkRound.findMany({
      select: {
        workStartDate: true,
        workEndDate: true,
        sites: { select: { hourlyWageKrw: true } },
      },
    });
    for (const round of rounds) {
      const period = { startDate: round.workStartDate, endDate: round.workEndDate };
      for (const site of round.sites)
        expect(belowFloor(site.hourlyWageKrw, period, "public_work", floors)).toBeNull();
    }
  });

  it("gives every fact of every place a source, and claims no staff verification", async () => {
    const places = await db.place.findMany({
      select: {
        slug: true,
        isSampleData: true,
        facts: { select: { fact: true, source: true, verifiedById: true, verifiedAt: true } },
      },
    });
    expect(places.length).toBeGreaterThanOrEqual(PLACES.length);
    const problems: string[] = [];
    for (const place of places) {
      const byFact = new Map(place.facts.map((row) => [row.fact, row]));
      for (const fact of PLACE_FACTS) {
        const row = byFact.get(fact);
        if (!row) problems.push(`${place.slug}: ${fact} has no provenance`);
        else if (!(FACT_SOURCES as readonly string[]).includes(row.source))
          problems.push(`${place.slug}: ${fact} has the unknown source ${row.source}`);
        else if (place.isSampleData && row.source !== "sample")
          problems.push(`${place.slug}: ${fact} of a sample place is ${row.source}`);
        // a verification needs its verifier and time; the seed verifies nothing
        if (row?.source === "staff" || row?.verifiedAt || row?.verifiedById)
          problems.push(`${place.slug}: ${fact} claims a staff verification`);
      }
      if (byFact.size !== PLACE_FACTS.length) problems.push(`${place.slug}: unknown facts`);
    }
    expect(problems).toEqual([]);
    // so no place page says "last verified"
    const page = await getPlacePage("seocho-shelter", NOW);
    expect(page?.lastVerifiedAt).toBeNull();
    expect(page?.provenance.hours).toMatchObject({ source: "report" });
    expect(page?.provenance.hours.reference).toContain("휴서울노동자 쉼터");
    expect(page?.provenance.days).toMatchObject({ source: "assumed" });
    const memorial = await getPlacePage("chun-tae-il-memorial", NOW);
    expect(memorial?.provenance.address).toMatchObject({ source: "report" });
  });

  it("leaves a fact staff confirmed alone when it runs again", async () => {
    const place = await db.place.findUniqueOrThrow({ where: { slug: "youth-job-center" } });
    const admin = await db.resident.findUniqueOrThrow({
      where: { email: "admin@seoul-portal.test" },
    });
    const at = new Date("2026-11-20T01:00:00Z");
    await db.placeFact.update({
      where: { placeId_fact: { placeId: place.id, fact: "phone" } },
      data: { source: "staff", verifiedById: admin.id, verifiedAt: at },
    });
    await seed(db, { now: NOW });
    const phone = await db.placeFact.findUniqueOrThrow({
      where: { placeId_fact: { placeId: place.id, fact: "phone" } },
    });
    expect(phone).toMatchObject({ source: "staff", verifiedById: admin.id, verifiedAt: at });
  });
});

// The seeded timetables: every bookable service gets slots for its horizon, inside the rules.
describe("booking seed", () => {
  it("gives every bookable service future slots", async () => {
    const bookable = await db.service.findMany({
      where: { bookable: true },
      select: { slug: true, _count: { select: { slots: true } } },
    });
    expect(bookable.filter((s) => s._count.slots === 0).map((s) => s.slug)).toEqual([]);
    expect(await db.slot.count({ where: { startsAt: { lte: NOW } } })).toBe(0);
  });

  it("follows the Youth Job Center's rooms and hours, closed on Sundays and holidays", async () => {
    const rooms = await db.slot.findMany({
      where: { service: { slug: "youth-center-study-room" } },
      select: { startsAt: true, endsAt: true, capacity: true },
    });
    expect(new Set(rooms.map((r) => r.capacity))).toEqual(new Set([14]));
    for (const room of rooms) {
      const start = seoulParts(room.startsAt);
      const end = seoulParts(new Date(room.endsAt.getTime() - 1));
      expect(start.weekday).not.toBe(7);
      expect(isPublicHoliday(start.date)).toBe(false);
      const [opens, closes] = start.weekday === 6 ? ["10:00", "18:00"] : ["09:00", "21:00"];
      expect(start.time >= opens && end.time < closes).toBe(true);
    }
    const seminar = await db.slot.findFirstOrThrow({
      where: { service: { slug: "youth-center-seminar-room" } },
    });
    expect(seminar.capacity).toBe(1);
  });

  it("gives every service the length of its slots, and the ombudsman only phone and video", async () => {
    const templates = await db.slotTemplate.findMany({
      select: { slotMinutes: true, service: { select: { slug: true, durationMinutes: true } } },
    });
    expect(templates.length).toBeGreaterThan(0);
    expect(
      templates
        .filter((t) => t.slotMinutes !== t.service.durationMinutes)
        .map((t) => `${t.service.slug}: ${t.service.durationMinutes} ≠ ${t.slotMinutes}`),
    ).toEqual([]);
    const ombudsman = await db.slot.findMany({
      where: { service: { slug: "labor-ombudsman-consultation" } },
      select: { channels: true },
    });
    expect(new Set(ombudsman.map((s) => s.channels))).toEqual(new Set(["phone,video"]));
    const service = await db.service.findUniqueOrThrow({
      where: { slug: "labor-ombudsman-consultation" },
    });
    expect(service.descriptionKo).not.toContain("방문");
  });

  it("offers labor consultations in person by day and by phone after work", async () => {
    const slots = await db.slot.findMany({
      where: { service: { slug: "seoul-labor-rights-center-consultation" } },
      select: { startsAt: true, channels: true, capacity: true },
    });
    const evening = slots.filter((s) => seoulParts(s.startsAt).time >= "18:00");
    expect(evening.length).toBeGreaterThan(0);
    expect(evening.every((s) => s.channels === "phone,video")).toBe(true);
    const day = slots.filter((s) => seoulParts(s.startsAt).time < "18:00");
    expect(day.every((s) => s.channels === "in_person,phone,video" && s.capacity === 3)).toBe(true);
  });
});
