// The back office through the real route actions: creating, editing, publishing and closing
// postings and rounds with validation, for the staff member's own organisation only, and the
// applicant CSV export.
import Papa from "papaparse";
import { beforeEach, describe, expect, it } from "vitest";
import { getDb } from "~/utils/db.server";
import { setTestNow } from "~/utils/clock.server";
import { action as newPostingAction } from "~/routes/staff.postings.new";
import {
  action as postingAction,
  loader as postingLoader,
} from "~/routes/staff.postings.$postingId._index";
import { loader as postingsLoader } from "~/routes/staff.postings._index";
import { loader as csvLoader } from "~/routes/staff.postings.$postingId.applicants[.]csv";
import { loader as roundCsvLoader } from "~/routes/staff.rounds.$roundId.applicants[.]csv";
import { action as newRoundAction } from "~/routes/staff.rounds.new";
import { action as roundAction } from "~/routes/staff.rounds.$roundId._index";
import { action as newSiteAction } from "~/routes/staff.rounds.$roundId.sites.new";
import { loader as searchLoader } from "~/routes/jobs._index";
import { call, formRequest, getRequest } from "#tests/factories/http";
import {
  makeApplicants,
  makeOrganization,
  makePosting,
  makeRound,
  makeLoggedInStaff,
  NOW,
} from "#tests/factories/jobs";

const db = getDb();
beforeEach(() => setTestNow(NOW));

const postingFields = (overrides: Record<string, string | string[]> = {}) => ({
  intent: "save",
  titleKo: "관리 시험 공고",
  titleEn: "Back-office test posting",
  descriptionKo: "업무 설명",
  descriptionEn: "Duties",
  kind: "new_deal",
  newDealCategory: "city",
  district: "mapo",
  positions: "3",
  hourlyWageKrw: "12121",
  hoursPerDay: "8",
  daysPerWeek: "5",
  durationMonths: "12",
  startDate: "2027-01-04",
  endDate: "2027-12-31",
  opensDate: "2026-11-20",
  opensTime: "09:00",
  closesDate: "2026-12-04",
  closesTime: "18:00",
  minAge: "18",
  seoulResidentRequired: "on",
  ...overrides,
});

type Reply = { error?: Record<string, string[]> };

describe("creating and editing postings", () => {
  it("refuses invalid postings field by field, writing nothing", async () => {
    const org = await makeOrganization();
    const staff = await makeLoggedInStaff(org.id);
    const before = await db.posting.count();
    const result = await call(
      newPostingAction,
      formRequest(
        "/staff/postings/new",
        postingFields({
          hourlyWageKrw: "9000",
          positions: "0",
          durationMonths: "24",
          closesDate: "2027-01-05",
          minAge: "40",
          maxAge: "30",
        }),
        { cookie: staff.cookie },
      ),
    );
    expect(result.status).toBe(400);
    const errors = (result.data as { result: Reply }).result.error!;
    expect(errors.hourlyWageKrw).toEqual([
      "jobs:errors.belowMinimumWageLatest?year=2027&floorKrw=10320&fromYear=2026",
    ]);
    expect(errors.positions).toEqual(["jobs:errors.positions"]);
    expect(errors.durationMonths).toEqual(["jobs:errors.newDealDuration"]);
    expect(errors.closesDate).toEqual(["jobs:errors.windowAfterStart"]);
    expect(errors.maxAge).toEqual(["jobs:errors.ageOrder"]);
    expect(await db.posting.count()).toBe(before);
  });

  it("applies the living wage to New Deal postings only", async () => {
    const staff = await makeLoggedInStaff((await makeOrganization()).id);
    const newDeal = await call(
      newPostingAction,
      formRequest("/staff/postings/new", postingFields({ hourlyWageKrw: "10320" }), {
        cookie: staff.cookie,
      }),
    );
    expect((newDeal.data as { result: Reply }).result.error?.hourlyWageKrw).toEqual([
      "jobs:errors.belowLivingWageLatest?year=2027&floorKrw=12121&fromYear=2026",
    ]);
    const other = await call(
      newPostingAction,
      formRequest(
        "/staff/postings/new",
        postingFields({ kind: "other_public", newDealCategory: "", hourlyWageKrw: "10320" }),
        { cookie: staff.cookie },
      ),
    );
    expect(other.status).toBe(302);
  });

  it("creates a draft that search finds only once published, and shares identical criteria", async () => {
    const org = await makeOrganization();
    const staff = await makeLoggedInStaff(org.id);
    const token = "관리게시시험";
    const create = (title: string) =>
      call(
        newPostingAction,
        formRequest("/staff/postings/new", postingFields({ titleKo: `${token} ${title}` }), {
          cookie: staff.cookie,
        }),
      );
    const first = await create("첫째");
    expect(first.status).toBe(302);
    const id = first.location!.match(/\/staff\/postings\/(\w+)\?created=1/)![1]!;
    const second = await create("둘째");
    const [a, b] = await db.posting.findMany({
      where: { organizationId: org.id },
      orderBy: { createdAt: "asc" },
      select: { status: true, eligibilityId: true, searchText: true },
    });
    expect(a).toMatchObject({ status: "draft" });
    expect(a!.eligibilityId).toBeTruthy();
    expect(a!.eligibilityId).toBe(b!.eligibilityId);
    expect(second.status).toBe(302);

    const found = async () =>
      (
        (await call(searchLoader, getRequest(`/jobs?q=${encodeURIComponent(`${token} ㅊㅉ`)}`)))
          .data as {
          result: { total: number };
        }
      ).result.total;
    expect(await found()).toBe(0);
    const publish = await call(
      postingAction,
      formRequest(`/staff/postings/${id}`, { intent: "publish" }, { cookie: staff.cookie }),
      { postingId: id },
    );
    expect(publish.status).toBe(302);
    expect(await found()).toBe(1);
    const posting = await db.posting.findUniqueOrThrow({ where: { id } });
    expect(posting).toMatchObject({ status: "published", publishedAt: NOW });
    expect(
      await db.auditEvent.count({
        where: { subjectId: id, action: { in: ["posting.create", "posting.publish"] } },
      }),
    ).toBe(2);

    // Closing takes it off the default search; closing twice is refused.
    const close = () =>
      call(
        postingAction,
        formRequest(`/staff/postings/${id}`, { intent: "close" }, { cookie: staff.cookie }),
        {
          postingId: id,
        },
      );
    expect((await close()).status).toBe(302);
    expect(await found()).toBe(0);
    expect((await close()).status).toBe(409);
  });

  it("never lowers the places below those already taken", async () => {
    const org = await makeOrganization();
    const staff = await makeLoggedInStaff(org.id);
    const posting = await makePosting(org.id, { positions: 5 });
    await db.posting.update({ where: { id: posting.id }, data: { selectedCount: 3 } });
    const save = (positions: string) =>
      call(
        postingAction,
        formRequest(`/staff/postings/${posting.id}`, postingFields({ positions }), {
          cookie: staff.cookie,
        }),
        { postingId: posting.id },
      );
    const refused = await save("2");
    expect(refused.status).toBe(409);
    expect((refused.data as { result: Reply }).result.error?.positions).toEqual([
      "jobs:staff.problem.positionsBelowSelected",
    ]);
    expect((await db.posting.findUniqueOrThrow({ where: { id: posting.id } })).positions).toBe(5);
    expect((await save("3")).status).toBe(302);
  });

  it("lets staff see and change only their own organisation's postings", async () => {
    const org = await makeOrganization();
    const posting = await makePosting(org.id);
    const outsider = await makeLoggedInStaff((await makeOrganization()).id);
    const page = await call(postingLoader, getRequest(`/staff/postings/${posting.id}`, outsider), {
      postingId: posting.id,
    });
    expect(page.status).toBe(403);
    const publish = await call(
      postingAction,
      formRequest(
        `/staff/postings/${posting.id}`,
        { intent: "close" },
        { cookie: outsider.cookie },
      ),
      { postingId: posting.id },
    );
    expect(publish.status).toBe(403);
    const edit = await call(
      postingAction,
      formRequest(`/staff/postings/${posting.id}`, postingFields({ titleKo: "탈취" }), {
        cookie: outsider.cookie,
      }),
      { postingId: posting.id },
    );
    expect(edit.status).toBe(403);
    expect(await db.posting.findUniqueOrThrow({ where: { id: posting.id } })).toMatchObject({
      status: "published",
      titleKo: expect.not.stringContaining("탈취"),
    });
    const missing = await call(postingLoader, getRequest("/staff/postings/nope", outsider), {
      postingId: "nope",
    });
    expect(missing.status).toBe(404);
    const list = await call(postingsLoader, getRequest("/staff/postings", outsider));
    expect((list.data as { total: number }).total).toBe(0);
  });
});

describe("public-work rounds", () => {
  const roundFields = (overrides: Record<string, string> = {}) => ({
    intent: "save",
    nameKo: "2027년 상반기 공공근로",
    nameEn: "Public work, first half of 2027",
    descriptionKo: "설명",
    descriptionEn: "About",
    year: "2027",
    roundNumber: "1",
    workStartDate: "2027-01-10",
    workEndDate: "2027-06-30",
    opensDate: "2026-11-20",
    opensTime: "09:00",
    closesDate: "2026-12-09",
    closesTime: "18:00",
    minAge: "18",
    seoulResidentRequired: "on",
    unemployedRequired: "on",
    noRegularIncomeRequired: "on",
    registeredJobSeekerRequired: "on",
    ...overrides,
  });

  it("creates a round, adds sites that follow it, and publishes them together", async () => {
    const org = await makeOrganization();
    const staff = await makeLoggedInStaff(org.id);
    const created = await call(
      newRoundAction,
      formRequest("/staff/rounds/new", roundFields(), { cookie: staff.cookie }),
    );
    expect(created.status).toBe(302);
    const roundId = created.location!.match(/\/staff\/rounds\/(\w+)/)![1]!;
    const duplicate = await call(
      newRoundAction,
      formRequest("/staff/rounds/new", roundFields(), { cookie: staff.cookie }),
    );
    expect(duplicate.status).toBe(409);

    const site = await call(
      newSiteAction,
      formRequest(
        `/staff/rounds/${roundId}/sites/new`,
        {
          titleKo: "공원 정비",
          titleEn: "Park upkeep",
          descriptionKo: "설명",
          descriptionEn: "About",
          district: "nowon",
          positions: "4",
          hourlyWageKrw: "10320",
          hoursPerDay: "5",
          daysPerWeek: "5",
          outdoor: "on",
        },
        { cookie: staff.cookie },
      ),
      { roundId },
    );
    expect(site.status).toBe(302);
    const round = await db.publicWorkRound.findUniqueOrThrow({
      where: { id: roundId },
      include: { sites: true },
    });
    expect(round.sites).toHaveLength(1);
    expect(round.sites[0]).toMatchObject({
      kind: "public_work",
      status: "draft",
      startDate: "2027-01-10",
      eligibilityId: round.eligibilityId,
      outdoor: true,
    });

    // Moving the round's window moves its sites'.
    expect(
      (
        await call(
          roundAction,
          formRequest(`/staff/rounds/${roundId}`, roundFields({ closesDate: "2026-12-10" }), {
            cookie: staff.cookie,
          }),
          { roundId },
        )
      ).status,
    ).toBe(302);
    expect(
      (
        await call(
          roundAction,
          formRequest(`/staff/rounds/${roundId}`, { intent: "publish" }, { cookie: staff.cookie }),
          {
            roundId,
          },
        )
      ).status,
    ).toBe(302);
    const site0 = await db.posting.findFirstOrThrow({ where: { roundId } });
    expect(site0.status).toBe("published");
    expect(site0.applicationClosesAt.toISOString()).toBe("2026-12-10T09:00:00.000Z");
    expect(site0.publishedAt).toEqual(NOW);

    // A site cannot be published on its own.
    const alone = await call(
      postingAction,
      formRequest(`/staff/postings/${site0.id}`, { intent: "close" }, { cookie: staff.cookie }),
      { postingId: site0.id },
    );
    expect(alone.status).toBe(409);
  });

  it("refuses another organisation's staff", async () => {
    const round = await makeRound((await makeOrganization()).id, 1);
    const outsider = await makeLoggedInStaff((await makeOrganization()).id);
    const result = await call(
      roundAction,
      formRequest(`/staff/rounds/${round.id}`, { intent: "close" }, { cookie: outsider.cookie }),
      { roundId: round.id },
    );
    expect(result.status).toBe(403);
    expect((await db.publicWorkRound.findUniqueOrThrow({ where: { id: round.id } })).status).toBe(
      "published",
    );
  });
});

/** The CSV download as bytes (fetch's text() would drop the byte-order mark) and parsed rows. */
async function download(
  loader: typeof csvLoader,
  path: string,
  cookie: string,
  params: Record<string, string>,
) {
  const response = (await loader({
    request: getRequest(path, { cookie }),
    params,
    context: { clientIp: "127.0.0.1" },
  } as Parameters<typeof csvLoader>[0])) as Response;
  const bytes = new Uint8Array(await response.arrayBuffer());
  const text = new TextDecoder("utf-8", { ignoreBOM: true }).decode(bytes);
  return {
    response,
    bytes,
    rows: Papa.parse<string[]>(text.slice(1), { skipEmptyLines: true }).data,
  };
}

describe("applicant CSV export", () => {
  it("is Excel-friendly, formula-safe, in the staff member's language, audited, and own postings only", async () => {
    const org = await makeOrganization();
    const staff = await makeLoggedInStaff(org.id);
    const posting = await makePosting(org.id);
    const [first] = await makeApplicants({ postingId: posting.id }, 3);
    await db.application.update({
      where: { id: first },
      data: { motivation: '=HYPERLINK("http://evil.example","클릭")' },
    });
    const { response, bytes, rows } = await download(
      csvLoader,
      `/staff/postings/${posting.id}/applicants.csv`,
      staff.cookie,
      { postingId: posting.id },
    );
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(response.headers.get("content-disposition")).toContain(`applicants-${posting.slug}.csv`);
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(rows[0]).toContain("지원 동기");
    expect(rows).toHaveLength(4);
    const motivation = rows[0]!.indexOf("지원 동기");
    expect(rows[1]![motivation]).toBe('\'=HYPERLINK("http://evil.example","클릭")');
    expect(
      await db.auditEvent.count({
        where: { action: "applications.export", subjectId: posting.id },
      }),
    ).toBe(1);

    const outsider = await makeLoggedInStaff((await makeOrganization()).id);
    const refused = await call(
      csvLoader,
      getRequest(`/staff/postings/${posting.id}/applicants.csv`, outsider),
      {
        postingId: posting.id,
      },
    );
    expect(refused.status).toBe(403);
  });

  it("lists a round's applicants with their ranked sites", async () => {
    const org = await makeOrganization();
    const staff = await makeLoggedInStaff(org.id);
    const round = await makeRound(org.id, 2);
    await makeApplicants({ roundId: round.id, sites: [round.sites[1]!.id, round.sites[0]!.id] }, 1);
    const { rows } = await download(
      roundCsvLoader,
      `/staff/rounds/${round.id}/applicants.csv`,
      staff.cookie,
      {
        roundId: round.id,
      },
    );
    const column = rows[0]!.indexOf("희망 사업장");
    expect(rows[1]![column]).toMatch(/^사업장 2 .* > 사업장 1 /);
  });
});
