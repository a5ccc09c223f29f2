// "For me": one profile, judged by the one eligibility engine against every bookable service and
// every posting and round open now; the nearest misses come with their reasons. At the top, the
// resident's own next steps: upcoming bookings and applications awaiting a decision.
import { beforeEach, describe, expect, it } from "vitest";
import { getDb, statementCount } from "~/utils/db.server";
import { forgetSharedReads } from "~/utils/public-reads.server";
import { setTestNow } from "~/utils/clock.server";
import { seoulInstant } from "~/domain/shared/seoul-time";
import { opportunitiesFor, opportunityCatalog } from "~/domain/jobs/opportunities.server";
import type { ServiceGroup } from "~/domain/jobs/service-groups";
import { loader as forMeLoader } from "~/routes/for-me";
import { makeSlot } from "#tests/factories/booking";
import { call, getRequest } from "#tests/factories/http";
import {
  eligibleProfile,
  makeCriteria,
  makeOrganization,
  makePosting,
  makeRound,
  NOW,
} from "#tests/factories/jobs";
import { makeResident, sessionCookieFor } from "#tests/factories/residents";
import { withSharedReads } from "#tests/factories/shared-reads";

const db = getDb();
beforeEach(() => setTestNow(NOW));

type Item = { type: string; href: string; placeCount: number; reasons: { code: string }[] };
type Entry = {
  name: { ko: string; en: string };
  placeCount: number;
  first: { serviceSlug: string; district: string };
};
type Group = {
  kind: string;
  entries: Entry[];
  entryCount: number;
  placeCount: number;
  directoryHref: string;
};
type ForMe = {
  incomplete: boolean;
  district: string | null;
  bookings: {
    id: string;
    startsAt: string;
    service: { ko: string };
    place: { ko: string };
  }[];
  moreBookings: boolean;
  applications: {
    id: string;
    status: string;
    title: { ko: string };
    step: { code: string; windowOpen?: boolean; closesAt?: string };
  }[];
  rounds: Item[];
  postings: { slug: string; hourlyWageKrw: number; window: { code: string } }[];
  postingTotal: number;
  serviceGroups: Group[];
  misses: Item[];
};

let placeCounter = 0;
/** A place at a position with bookable services of the given kinds and names. */
async function placeWith(
  where: { district: string; latitude: number; longitude: number },
  services: { kind: string; nameKo: string; eligibilityId?: string | null; bookable?: boolean }[],
) {
  placeCounter += 1;
  const slug = `for-me-place-${placeCounter}-${Date.now().toString(36)}`;
  const place = await db.place.create({
    data: {
      slug,
      kind: "job_cafe",
      nameKo: `시험 장소 ${placeCounter}`,
      nameEn: `Test place ${placeCounter}`,
      addressKo: "주소",
      addressEn: "Address",
      ...where,
    },
    select: { id: true },
  });
  const made = [];
  for (const [index, service] of services.entries()) {
    made.push(
      await db.service.create({
        data: {
          slug: `${slug}-${service.kind}-${index}`,
          placeId: place.id,
          kind: service.kind,
          nameKo: service.nameKo,
          nameEn: `${service.nameKo} (en)`,
          bookable: service.bookable ?? true,
          durationMinutes: 60,
          eligibilityId: service.eligibilityId ?? null,
        },
        select: { id: true, slug: true },
      }),
    );
  }
  return made;
}

async function forMe(residentId: string): Promise<ForMe> {
  const result = await call(
    forMeLoader,
    getRequest("/for-me", { cookie: await sessionCookieFor(residentId) }),
  );
  expect(result.status).toBe(200);
  return result.data as ForMe;
}

const MAPO = { district: "mapo", latitude: 37.556, longitude: 126.922 };
const JUNG = { district: "jung", latitude: 37.57, longitude: 126.99 };
/** the district offices, where "nearest" is measured from (residents/districts.ts) */
const JUNG_OFFICE = { district: "jung", latitude: 37.5641, longitude: 126.9979 };
const GANGNAM_OFFICE = { district: "gangnam", latitude: 37.5172, longitude: 127.0473 };
const GANGNAM = { district: "gangnam", latitude: 37.498, longitude: 127.028 };
const NOWON = { district: "nowon", latitude: 37.655, longitude: 127.061 };

describe("for me", () => {
  it("lists what the resident can use or apply for now, and the nearest misses with reasons", async () => {
    const org = await makeOrganization();
    const youth = await makeCriteria({ minAge: 15, maxAge: 39 });
    const drivers = await db.eligibilityCriteria.create({
      data: { workerTypes: "designated_driver" },
      select: { id: true },
    });
    const older = await makeCriteria({ minAge: 50, seoulResidentRequired: true });
    const [youthCounseling, driverRest, notBookable] = await placeWith(JUNG, [
      { kind: "mock_interview", nameKo: "청년 모의 면접", eligibilityId: youth.id },
      { kind: "mock_interview", nameKo: "대리운전 휴식", eligibilityId: drivers.id },
      { kind: "mock_interview", nameKo: "예약 없는 면접", bookable: false },
    ]);

    const open = await makePosting(org.id, { eligibilityId: youth.id, hourlyWageKrw: 11_000 });
    const applied = await makePosting(org.id);
    const tooYoung = await makePosting(org.id, { eligibilityId: older.id });
    const later = await makePosting(org.id, {
      applicationOpensAt: seoulInstant("2026-12-01", "09:00"),
      applicationClosesAt: seoulInstant("2026-12-20", "18:00"),
    });
    const round = await makeRound(org.id, 1);

    const resident = await makeResident(eligibleProfile());
    await db.application.create({
      data: { residentId: resident.id, postingId: applied.id, profileSnapshot: "{}" },
    });
    const data = await forMe(resident.id);

    const bookable = data.serviceGroups.flatMap((g) => g.entries.map((e) => e.first.serviceSlug));
    expect(bookable).toContain(youthCounseling!.slug);
    expect(bookable).not.toContain(driverRest!.slug);
    expect(bookable).not.toContain(notBookable!.slug);
    const postingSlugs = data.postings.map((p) => p.slug);
    expect(postingSlugs).toContain(open.slug);
    // a posting shows its pay and when applications close
    expect(data.postings.find((p) => p.slug === open.slug)).toMatchObject({
      hourlyWageKrw: 11_000,
      window: { code: "closesInDays" },
    });
    // already applied, not open yet, or not eligible: not in the list
    for (const slug of [applied.slug, later.slug, tooYoung.slug])
      expect(postingSlugs).not.toContain(slug);
    // public-work sites are reached through their round
    expect(postingSlugs).not.toContain(round.sites[0]!.slug);
    expect(data.rounds.map((r) => r.href)).toContain(`/rounds/${round.slug}`);

    const miss = (href: string) => data.misses.find((m) => m.href === href);
    expect(miss(`/jobs/${tooYoung.slug}`)?.reasons.map((r) => r.code)).toEqual(["tooYoung"]);
    expect(miss(`/book/${driverRest!.slug}`)?.reasons.map((r) => r.code)).toEqual([
      "workerTypeMissing",
    ]);
    const counts = data.misses.map((m) => m.reasons.length);
    expect(counts).toEqual([...counts].sort((a, b) => a - b));
    expect(data.incomplete).toBe(true);
  });

  it("makes the same service at many places one entry, nearest to the resident's district first", async () => {
    const rooms = [];
    for (const where of [GANGNAM, MAPO, JUNG, NOWON])
      rooms.push(...(await placeWith(where, [{ kind: "study_room", nameKo: "시험 스터디룸" }])));
    const [bigRoom] = await placeWith(JUNG_OFFICE, [{ kind: "study_room", nameKo: "시험 큰 방" }]);
    const studyRooms = (data: ForMe) => data.serviceGroups.find((g) => g.kind === "study_room")!;

    const inGangnam = studyRooms(
      await forMe((await makeResident(eligibleProfile({ district: "gangnam" }))).id),
    );
    expect(inGangnam.entries.map((e) => [e.name.ko, e.placeCount])).toEqual([
      ["시험 스터디룸", 4],
      ["시험 큰 방", 1],
    ]);
    expect(inGangnam.entries[0]!.first).toEqual({
      serviceSlug: rooms[0]!.slug,
      district: "gangnam",
      place: expect.anything(),
    });
    expect(inGangnam.placeCount).toBe(5);
    expect(inGangnam.directoryHref).toMatch(
      /^\/places\?service=study_room&near=37\.\d+%2C127\.\d+$/,
    );

    // from Nowon the Nowon room is nearest, and from Jung the big room comes first
    const inNowon = studyRooms(
      await forMe((await makeResident(eligibleProfile({ district: "nowon" }))).id),
    );
    expect(inNowon.entries[0]!.first.serviceSlug).toBe(rooms[3]!.slug);
    const inJung = studyRooms(
      await forMe((await makeResident(eligibleProfile({ district: "jung" }))).id),
    );
    expect(inJung.entries.map((e) => e.first.serviceSlug)).toEqual([bigRoom!.slug, rooms[2]!.slug]);

    // no district: the widest offered first, and the directory without a position
    const nowhere = await forMe((await makeResident(eligibleProfile({ district: null }))).id);
    expect(nowhere.district).toBeNull();
    expect(studyRooms(nowhere).entries.map((e) => e.name.ko)).toEqual([
      "시험 스터디룸",
      "시험 큰 방",
    ]);
    expect(studyRooms(nowhere).directoryHref).toBe("/places?service=study_room");
  });

  it("shows a few entries per kind, the rest behind the directory link", async () => {
    for (let i = 0; i < 5; i += 1)
      // each further north of the district office than the one before
      await placeWith({ ...GANGNAM_OFFICE, latitude: GANGNAM_OFFICE.latitude + i * 0.01 }, [
        { kind: "labor_consultation", nameKo: `시험 노동상담 ${i}` },
      ]);
    const data = await forMe((await makeResident(eligibleProfile({ district: "gangnam" }))).id);
    const labor = data.serviceGroups.find((g) => g.kind === "labor_consultation")!;
    expect(labor.entries.map((e) => e.name.ko)).toEqual([
      "시험 노동상담 0",
      "시험 노동상담 1",
      "시험 노동상담 2",
    ]);
    expect(labor.entryCount).toBe(5);
    // a page shorter than the list: every group, every entry counted, but only a few listed
    const listed = data.serviceGroups.reduce((sum, g) => sum + g.entries.length, 0);
    expect(listed).toBeLessThanOrEqual(data.serviceGroups.length * 3);
  });

  it("groups one shared catalog's services for each resident's own district and criteria", async () => {
    const young = await makeCriteria({ maxAge: 34 });
    await placeWith(GANGNAM, [{ kind: "resume_clinic", nameKo: "시험 첨삭" }]);
    await placeWith(NOWON, [{ kind: "resume_clinic", nameKo: "시험 첨삭" }]);
    await placeWith(JUNG, [
      { kind: "mentoring", nameKo: "시험 청년 멘토링", eligibilityId: young.id },
    ]);
    const residents = [
      await makeResident(eligibleProfile({ district: "gangnam" })),
      await makeResident(eligibleProfile({ district: "nowon" })),
      await makeResident(eligibleProfile({ district: "nowon", birthDate: "1970-01-01" })),
    ];
    // what each resident sees with a catalog of their own…
    const alone: ServiceGroup[][] = [];
    for (const resident of residents)
      alone.push((await opportunitiesFor(resident.id, NOW)).serviceGroups);
    // …they see with one catalog shared by all, asked twice in turn (the second time kept)
    const catalog = await opportunityCatalog(NOW);
    for (let round = 0; round < 2; round += 1)
      for (const [i, resident] of residents.entries())
        expect((await opportunitiesFor(resident.id, NOW, catalog)).serviceGroups).toEqual(alone[i]);

    const clinicFirst = (groups: ServiceGroup[]) =>
      groups.find((g) => g.kind === "resume_clinic")!.entries[0]!.first.district;
    expect(alone.map(clinicFirst)).toEqual(["gangnam", "nowon", "nowon"]);
    const mentoring = alone.map((groups) => groups.some((g) => g.kind === "mentoring"));
    expect(mentoring).toEqual([true, true, false]);
  });

  it("shares the postings of those who meet the same criteria, never with one who has applied", async () => {
    await withSharedReads(async () => {
      const org = await makeOrganization();
      const youth = await makeCriteria({ minAge: 15, maxAge: 39 });
      const [first, second] = [
        await makePosting(org.id, { eligibilityId: youth.id }),
        await makePosting(org.id, { eligibilityId: youth.id }),
      ];
      const [asked, alike, applicant] = [
        await makeResident(eligibleProfile()),
        await makeResident(eligibleProfile()),
        await makeResident(eligibleProfile()),
      ];
      await db.application.create({
        data: { residentId: applicant.id, postingId: first.id, profileSnapshot: "{}" },
      });
      const seen = (data: ForMe) => data.postings.map((posting) => posting.slug);

      const answer = await forMe(asked.id);
      expect(seen(answer)).toEqual(expect.arrayContaining([first.slug, second.slug]));
      // one who meets the same criteria gets the same list and total
      const same = await forMe(alike.id);
      expect(seen(same)).toEqual(seen(answer));
      expect(same.postingTotal).toBe(answer.postingTotal);
      // one who has applied: read for them, the posting applied for left out of list and total
      const mine = await forMe(applicant.id);
      expect(seen(mine)).not.toContain(first.slug);
      expect(seen(mine)).toContain(second.slug);
      expect(mine.postingTotal).toBe(answer.postingTotal - 1);

      // the list, its total and the misses (five statements: the two lists read their
      // organizations apart) are spared while shared
      const catalog = await opportunityCatalog(NOW);
      const statementsFor = async (residentId: string) => {
        const before = statementCount();
        await opportunitiesFor(residentId, NOW, catalog);
        return statementCount() - before;
      };
      const shared = await statementsFor(alike.id);
      forgetSharedReads();
      expect(await statementsFor(alike.id)).toBe(shared + 5);
      // the one who applied reads them even while they are shared for the others
      expect(await statementsFor(applicant.id)).toBeGreaterThanOrEqual(shared + 5);
    });
  });

  it("collapses a service missed at many places into one miss", async () => {
    const older = await makeCriteria({ minAge: 60 });
    for (const where of [MAPO, JUNG, GANGNAM])
      await placeWith(where, [
        { kind: "photo", nameKo: "시험 시니어 사진", eligibilityId: older.id },
      ]);
    const data = await forMe((await makeResident(eligibleProfile())).id);
    const photo = data.misses.filter(
      (m) => m.type === "service" && m.reasons[0]?.code === "tooYoung",
    );
    expect(photo).toHaveLength(1);
    expect(photo[0]!.placeCount).toBe(3);
  });

  it("starts with my own upcoming bookings and open applications, never another resident's", async () => {
    const org = await makeOrganization();
    const [service, retired] = await placeWith(MAPO, [
      { kind: "counseling", nameKo: "시험 다음 단계 상담" },
      { kind: "counseling", nameKo: "시험 예약 중단 상담" },
    ]);
    const me = await makeResident(eligibleProfile());
    const other = await makeResident(eligibleProfile());
    const soon = await makeSlot(service!.id, "2026-11-27", "14:00", { capacity: 5 });
    const later = await makeSlot(retired!.id, "2026-12-02", "10:00", { capacity: 5 });
    const past = await makeSlot(service!.id, "2026-11-24", "10:00", { capacity: 5 });
    const cancelled = await makeSlot(service!.id, "2026-11-30", "10:00", { capacity: 5 });
    const book = (residentId: string, slotId: string, status = "confirmed") =>
      db.booking.create({ data: { residentId, slotId, status }, select: { id: true } });
    const mine = await book(me.id, soon.id);
    const mineLater = await book(me.id, later.id);
    await book(me.id, past.id);
    await book(me.id, cancelled.id, "cancelled");
    const theirs = await book(other.id, soon.id);
    // a service no longer taking bookings still names my booking of it
    await db.service.update({ where: { id: retired!.id }, data: { bookable: false } });

    const waiting = await makePosting(org.id, { titleKo: "시험 결과 대기 공고" });
    const refused = await makePosting(org.id, { titleKo: "시험 미선정 공고" });
    const apply = (residentId: string, postingId: string, status = "submitted") =>
      db.application.create({
        data: {
          residentId,
          postingId,
          status,
          profileSnapshot: "{}",
          decidedAt: status === "submitted" ? null : NOW,
        },
        select: { id: true },
      });
    const myApplication = await apply(me.id, waiting.id);
    await apply(me.id, refused.id, "rejected");
    const theirApplication = await apply(other.id, refused.id);

    const data = await forMe(me.id);
    expect(data.bookings.map((b) => b.id)).toEqual([mine.id, mineLater.id]);
    expect(data.bookings[0]).toMatchObject({
      startsAt: seoulInstant("2026-11-27", "14:00").toISOString(),
      service: { ko: "시험 다음 단계 상담" },
      place: { ko: expect.stringContaining("시험 장소") },
    });
    expect(data.bookings[1]!.service.ko).toBe("시험 예약 중단 상담");
    expect(data.bookings.map((b) => b.id)).not.toContain(theirs.id);
    expect(data.moreBookings).toBe(false);

    expect(data.applications).toEqual([
      {
        id: myApplication.id,
        status: "submitted",
        title: { ko: "시험 결과 대기 공고", en: expect.any(String) },
        step: {
          code: "submitted",
          windowOpen: true,
          closesAt: seoulInstant("2026-12-04", "18:00").toISOString(),
          workStartDate: "2027-01-04",
        },
      },
    ]);
    expect(data.applications.map((a) => a.id)).not.toContain(theirApplication.id);

    // the other resident sees only theirs
    const theirView = await forMe(other.id);
    expect(theirView.bookings.map((b) => b.id)).toEqual([theirs.id]);
    expect(theirView.applications.map((a) => a.id)).toEqual([theirApplication.id]);
  });

  it("says when there is nothing to do yet", async () => {
    const data = await forMe((await makeResident(eligibleProfile())).id);
    expect(data.bookings).toEqual([]);
    expect(data.moreBookings).toBe(false);
    expect(data.applications).toEqual([]);
  });

  it("is only for logged-in residents", async () => {
    const result = await call(forMeLoader, getRequest("/for-me"));
    expect(result.status).toBe(302);
    expect(result.location).toBe("/login?redirectTo=%2Ffor-me");
  });
});
