// Dated wage floors through the real routes: the migration's figures, postings and sites refused
// below the floor of a year of their work (nothing written), the posting page naming the floor,
// and the administrators' table (/staff/wages: audited, 403 for everyone else).
import { beforeEach, describe, expect, it } from "vitest";
import { getDb } from "~/utils/db.server";
import { setTestNow } from "~/utils/clock.server";
import { listWageFloors } from "~/domain/jobs/wage-floors.server";
import { action as newPostingAction } from "~/routes/staff.postings.new";
import { action as postingAction } from "~/routes/staff.postings.$postingId._index";
import { action as roundAction } from "~/routes/staff.rounds.$roundId._index";
import { action as newSiteAction } from "~/routes/staff.rounds.$roundId.sites.new";
import { loader as postingPageLoader } from "~/routes/jobs.$slug._index";
import { action as wagesAction, loader as wagesLoader } from "~/routes/staff.wages";
import { call, formRequest, getRequest } from "#tests/factories/http";
import { makeOrganization, makePosting, makeRound, makeStaff, NOW } from "#tests/factories/jobs";
import { makeResident, sessionCookieFor } from "#tests/factories/residents";

const db = getDb();
beforeEach(() => setTestNow(NOW));

type Reply = { error?: Record<string, string[]> };
const errorsOf = (data: unknown) => (data as { result: Reply }).result.error ?? {};

async function staffOf(organizationId: string | null, role: "staff" | "admin" = "staff") {
  const staff = await makeStaff(organizationId, role);
  return { ...staff, cookie: await sessionCookieFor(staff.id) };
}

const postingFields = (overrides: Record<string, string> = {}) => ({
  titleKo: "임금 기준 시험",
  titleEn: "Wage floor test",
  descriptionKo: "설명",
  descriptionEn: "About",
  kind: "other_public",
  positions: "2",
  hourlyWageKrw: "10320",
  hoursPerDay: "8",
  daysPerWeek: "5",
  durationMonths: "6",
  startDate: "2026-12-01",
  endDate: "2027-05-31",
  opensDate: "2026-11-20",
  opensTime: "09:00",
  closesDate: "2026-11-28",
  closesTime: "18:00",
  ...overrides,
});

const floorFields = (overrides: Record<string, string> = {}) => ({
  kind: "minimum",
  year: "2027",
  hourlyKrw: "10500",
  source: "최저임금위원회 고시 (2026-08)",
  ...overrides,
});

describe("the migration's wage floors", () => {
  it("records the minimum wage 2018–2026 and the living wage of 2018 and 2026, with sources", async () => {
    const floors = await listWageFloors();
    const minimum = floors.filter((f) => f.kind === "minimum");
    expect(minimum.map((f) => [f.year, f.hourlyKrw])).toEqual([
      [2018, 7530],
      [2019, 8350],
      [2020, 8590],
      [2021, 8720],
      [2022, 9160],
      [2023, 9620],
      [2024, 9860],
      [2025, 10030],
      [2026, 10320],
    ]);
    expect(floors.filter((f) => f.kind === "living").map((f) => [f.year, f.hourlyKrw])).toEqual([
      [2018, 9220],
      [2026, 12121],
    ]);
    expect(floors.every((f) => f.source.length > 0)).toBe(true);
  });
});

describe("postings below the floor", () => {
  it("refuses a new posting below 2026's minimum wage, naming the year and floor, writing nothing", async () => {
    const staff = await staffOf((await makeOrganization()).id);
    const before = await db.posting.count();
    const result = await call(
      newPostingAction,
      formRequest("/staff/postings/new", postingFields({ hourlyWageKrw: "10319" }), {
        cookie: staff.cookie,
      }),
    );
    expect(result.status).toBe(400);
    expect(errorsOf(result.data).hourlyWageKrw).toEqual([
      "jobs:errors.belowMinimumWage?year=2026&floorKrw=10320&fromYear=2026",
    ]);
    expect(await db.posting.count()).toBe(before);
  });

  it("refuses a New Deal posting below the living wage, and accepts it at the floor", async () => {
    const staff = await staffOf((await makeOrganization()).id);
    const newDeal = { kind: "new_deal", newDealCategory: "city" };
    const low = await call(
      newPostingAction,
      formRequest("/staff/postings/new", postingFields({ ...newDeal, hourlyWageKrw: "12000" }), {
        cookie: staff.cookie,
      }),
    );
    expect(low.status).toBe(400);
    expect(errorsOf(low.data).hourlyWageKrw).toEqual([
      "jobs:errors.belowLivingWage?year=2026&floorKrw=12121&fromYear=2026",
    ]);
    const atFloor = await call(
      newPostingAction,
      formRequest("/staff/postings/new", postingFields({ ...newDeal, hourlyWageKrw: "12121" }), {
        cookie: staff.cookie,
      }),
    );
    expect(atFloor.status).toBe(302);
  });

  it("refuses an edit that lowers the wage, leaving the posting as it was", async () => {
    const org = await makeOrganization();
    const staff = await staffOf(org.id);
    const posting = await makePosting(org.id, {
      kind: "other_public",
      newDealCategory: null,
      hourlyWageKrw: 10500,
    });
    const result = await call(
      postingAction,
      formRequest(`/staff/postings/${posting.id}`, postingFields({ hourlyWageKrw: "10000" }), {
        cookie: staff.cookie,
      }),
      { postingId: posting.id },
    );
    expect(result.status).toBe(400);
    expect(errorsOf(result.data).hourlyWageKrw?.[0]).toMatch(/^jobs:errors\.belowMinimumWage\?/);
    const after = await db.posting.findUniqueOrThrow({ where: { id: posting.id } });
    expect(after.hourlyWageKrw).toBe(10500);
  });

  it("checks a round's sites against a year recorded later, and refuses round dates a site cannot pay", async () => {
    const org = await makeOrganization();
    const staff = await staffOf(org.id);
    const admin = await staffOf(null, "admin");
    const round = await makeRound(org.id, 1);
    const site = await db.posting.findFirstOrThrow({ where: { roundId: round.id } });
    await db.posting.update({ where: { id: site.id }, data: { hourlyWageKrw: 10400 } });
    // the round runs in 2027: 2026's minimum wage (10,320) stands in, so 10,400 is lawful …
    const siteFields = {
      titleKo: "사업장",
      titleEn: "Site",
      descriptionKo: "설명",
      descriptionEn: "About",
      positions: "2",
      hourlyWageKrw: "10400",
      hoursPerDay: "5",
      daysPerWeek: "5",
    };
    const lawful = await call(
      newSiteAction,
      formRequest(`/staff/rounds/${round.id}/sites/new`, siteFields, { cookie: staff.cookie }),
      { roundId: round.id },
    );
    expect(lawful.status).toBe(302);
    // … until an administrator records 2027's figure
    const recorded = await call(
      wagesAction,
      formRequest("/staff/wages", floorFields(), { cookie: admin.cookie }),
    );
    expect(recorded.status).toBe(302);
    const sitesBefore = await db.posting.count({ where: { roundId: round.id } });
    const refused = await call(
      newSiteAction,
      formRequest(`/staff/rounds/${round.id}/sites/new`, siteFields, { cookie: staff.cookie }),
      { roundId: round.id },
    );
    expect(refused.status).toBe(400);
    expect(errorsOf(refused.data).hourlyWageKrw).toEqual([
      "jobs:errors.belowMinimumWage?year=2027&floorKrw=10500&fromYear=2027",
    ]);
    expect(await db.posting.count({ where: { roundId: round.id } })).toBe(sitesBefore);

    const editSite = await call(
      postingAction,
      formRequest(`/staff/postings/${site.id}`, siteFields, { cookie: staff.cookie }),
      { postingId: site.id },
    );
    expect(editSite.status).toBe(400);

    // moving the round back into 2026 would be lawful for its sites; into 2027 it is refused
    const roundRow = await db.publicWorkRound.findUniqueOrThrow({ where: { id: round.id } });
    const roundFields = (workStartDate: string, workEndDate: string) => ({
      nameKo: roundRow.nameKo,
      nameEn: roundRow.nameEn,
      descriptionKo: "설명",
      descriptionEn: "About",
      year: "2027",
      roundNumber: String(roundRow.roundNumber),
      workStartDate,
      workEndDate,
      opensDate: "2026-11-20",
      opensTime: "09:00",
      closesDate: "2026-11-28",
      closesTime: "18:00",
    });
    const moved = await call(
      roundAction,
      formRequest(`/staff/rounds/${round.id}`, roundFields("2027-02-01", "2027-07-31"), {
        cookie: staff.cookie,
      }),
      { roundId: round.id },
    );
    expect(moved.status).toBe(400);
    expect(errorsOf(moved.data).workEndDate?.[0]).toMatch(
      /^jobs:errors\.siteBelowMinimumWage\?site=.+&year=2027&floorKrw=10500/,
    );
    const unchanged = await db.publicWorkRound.findUniqueOrThrow({ where: { id: round.id } });
    expect(unchanged.workStartDate).toBe(roundRow.workStartDate);
    const into2026 = await call(
      roundAction,
      formRequest(`/staff/rounds/${round.id}`, roundFields("2026-12-01", "2026-12-31"), {
        cookie: staff.cookie,
      }),
      { roundId: round.id },
    );
    expect(into2026.status).toBe(302);
    // the other tests of this file use the migration's figures
    await db.wageFloor.delete({ where: { kind_year: { kind: "minimum", year: 2027 } } });
  });
});

describe("the posting page", () => {
  it("names the floors that apply, the latest known for later years, and an unknown living wage", async () => {
    const org = await makeOrganization();
    const posting = await makePosting(org.id, {
      startDate: "2025-12-01",
      endDate: "2027-03-31",
      hourlyWageKrw: 12121,
      status: "published",
    });
    const page = await call(postingPageLoader, getRequest(`/jobs/${posting.slug}`), {
      slug: posting.slug,
    });
    const data = page.data as {
      floors: {
        kind: string;
        binding: { fromYear: number; hourlyKrw: number; source: string } | null;
        latestKnownYears: number[];
        unknownYears: number[];
      }[];
      floorPay: { kind: string; year: number; hourlyKrw: number; monthlyPayKrw: number } | null;
    };
    expect(data.floors).toEqual([
      expect.objectContaining({
        kind: "minimum",
        binding: expect.objectContaining({
          fromYear: 2026,
          hourlyKrw: 10320,
          source: "최저임금위원회 고시 (2025-08)",
        }),
        latestKnownYears: [2027],
        unknownYears: [],
      }),
      expect.objectContaining({
        kind: "living",
        binding: expect.objectContaining({ fromYear: 2026, hourlyKrw: 12121, source: "이슈 15" }),
        latestKnownYears: [2027],
        unknownYears: [2025],
      }),
    ]);
    // 40 hours a week: 209 paid hours at the living wage
    expect(data.floorPay).toEqual({
      kind: "living",
      year: 2026,
      hourlyKrw: 12121,
      monthlyPayKrw: 209 * 12121,
    });
  });
});

describe("/staff/wages", () => {
  it("lets an administrator record and correct a floor, each change audited", async () => {
    const admin = await staffOf(null, "admin");
    const page = await call(wagesLoader, getRequest("/staff/wages", { cookie: admin.cookie }));
    expect(page.status).toBe(200);
    expect((page.data as { floors: unknown[] }).floors).toHaveLength(11);

    const created = await call(
      wagesAction,
      formRequest("/staff/wages", floorFields({ kind: "living", year: "2025" }), {
        cookie: admin.cookie,
      }),
    );
    expect(created.status).toBe(302);
    const corrected = await call(
      wagesAction,
      formRequest(
        "/staff/wages",
        floorFields({ kind: "living", year: "2025", hourlyKrw: "11779", source: "서울시 고시" }),
        { cookie: admin.cookie },
      ),
    );
    expect(corrected.status).toBe(302);
    const row = await db.wageFloor.findUniqueOrThrow({
      where: { kind_year: { kind: "living", year: 2025 } },
    });
    expect(row).toMatchObject({ hourlyKrw: 11779, source: "서울시 고시", updatedById: admin.id });
    const audit = await db.auditEvent.findMany({
      where: { subjectType: "WageFloor", subjectId: row.id },
      orderBy: { createdAt: "asc" },
    });
    expect(audit.map((e) => [e.action, e.actorId])).toEqual([
      ["wage_floor.create", admin.id],
      ["wage_floor.update", admin.id],
    ]);
    expect(JSON.parse(audit[1]!.metadata)).toMatchObject({
      kind: "living",
      year: 2025,
      hourlyKrw: 11779,
      previousHourlyKrw: 10500,
    });
    await db.wageFloor.delete({ where: { id: row.id } });
  });

  it("refuses bad input, writing nothing", async () => {
    const admin = await staffOf(null, "admin");
    const before = await db.wageFloor.count();
    const result = await call(
      wagesAction,
      formRequest(
        "/staff/wages",
        floorFields({ kind: "median", year: "1999", hourlyKrw: "0", source: "" }),
        { cookie: admin.cookie },
      ),
    );
    expect(result.status).toBe(400);
    expect(Object.keys(errorsOf(result.data)).sort()).toEqual([
      "hourlyKrw",
      "kind",
      "source",
      "year",
    ]);
    expect(await db.wageFloor.count()).toBe(before);
  });

  it("answers 403 to staff and residents, who change nothing", async () => {
    const [floorsBefore, auditBefore] = [
      await db.wageFloor.count(),
      await db.auditEvent.count({ where: { subjectType: "WageFloor" } }),
    ];
    const staff = await staffOf((await makeOrganization()).id);
    const resident = await makeResident();
    const residentCookie = await sessionCookieFor(resident.id);
    for (const cookie of [staff.cookie, residentCookie]) {
      const page = await call(wagesLoader, getRequest("/staff/wages", { cookie }));
      expect(page.status).toBe(403);
      const post = await call(
        wagesAction,
        formRequest("/staff/wages", floorFields({ hourlyKrw: "20000" }), { cookie }),
      );
      expect(post.status).toBe(403);
    }
    expect(await db.wageFloor.count()).toBe(floorsBefore);
    expect(await db.auditEvent.count({ where: { subjectType: "WageFloor" } })).toBe(auditBefore);
  });
});
