// app/utils/query-plans.server.ts keeps the plans of queries asked before (decision 0013): a
// plan is reused only for the same query, or one that differs only in its instants, record ids
// and UUIDs where those are plain parameters of the plan, or in its free text where a probe shows
// the plan passes it on as it is; what the database generates per row (ids, now() defaults,
// @updatedAt) is still generated afresh each time a reused plan runs.
import { describe, expect, it } from "vitest";
import { currentEngine, getDb } from "~/utils/db.server";
import { KEPT_PLANS, queryPlanCounts } from "~/utils/query-plans.server";
import { liveKey } from "~/domain/booking/rules";
import { makePlace, makeService, makeSlot } from "#tests/factories/booking";
import { makeOrganization } from "#tests/factories/jobs";
import { makeResident } from "#tests/factories/residents";
import { createSession, getSessionUser } from "~/domain/residents/service.server";

type PlanCounts = { compiled: number; reused: number };
const counts = queryPlanCounts;
const since = (before: PlanCounts) => {
  const now = counts();
  return { compiled: now.compiled - before.compiled, reused: now.reused - before.reused };
};

describe("query plans asked again", () => {
  it("are compiled once for the same query, and again for other names", async () => {
    const organization = await makeOrganization("계획 재사용 기관");
    const read = (id: string) =>
      getDb().organization.findUnique({ where: { id }, select: { id: true, nameKo: true } });
    const before = counts();
    const first = await read(organization.id);
    const second = await read(organization.id);
    expect(since(before)).toEqual({ compiled: 1, reused: 1 });
    expect(second).toEqual(first);
    expect(second).toEqual({ id: organization.id, nameKo: "계획 재사용 기관" });

    // another record id shares the plan, with its own answer; a value that is not an id (a
    // name, a made-up key) is another query, with its own plan
    const other = await makeOrganization("다른 기관");
    const afterOther = counts();
    expect(await read(other.id)).toEqual({ id: other.id, nameKo: "다른 기관" });
    expect(await read("no-such-organization")).toBeNull();
    expect(await read("no-such-organization-either")).toBeNull();
    expect(since(afterOther)).toEqual({ compiled: 2, reused: 1 });
  });

  it("are shared by every resident's own records, each answered and written for its own", async () => {
    const names = ["갑", "을", "병"];
    const [first, second, third] = await Promise.all(names.map((name) => makeResident({ name })));
    const expiresAt = new Date("2030-01-01T00:00:00Z");
    const before = counts();
    // a write, a read and a count, each asked for three residents
    const sessions = [];
    for (const resident of [first!, second!, third!]) {
      sessions.push(
        await getDb().session.create({
          data: { residentId: resident.id, expiresAt },
          select: { id: true, residentId: true },
        }),
      );
    }
    for (const [i, resident] of [first!, second!, third!].entries()) {
      const session = await getDb().session.findUnique({
        where: { id: sessions[i]!.id },
        select: { resident: { select: { id: true, name: true } } },
      });
      expect(session?.resident).toEqual({ id: resident.id, name: names[i] });
      expect(await getDb().session.count({ where: { residentId: resident.id } })).toBe(1);
    }
    expect(since(before)).toEqual({ compiled: 3, reused: 6 });
    expect(sessions.map((session) => session.residentId)).toEqual([
      first!.id,
      second!.id,
      third!.id,
    ]);

    // a form key (a UUID) too
    const byKey = (key: string) =>
      getDb().booking.findUnique({ where: { idempotencyKey: key }, select: { id: true } });
    const beforeKeys = counts();
    expect(await byKey(crypto.randomUUID())).toBeNull();
    expect(await byKey(crypto.randomUUID())).toBeNull();
    expect(since(beforeKeys)).toEqual({ compiled: 1, reused: 1 });
  });

  it("are shared by live keys made of ids, inside which the resident's own id is replaced too", async () => {
    const place = await makePlace();
    const service = await makeService(place.id);
    const slot = await makeSlot(service.id, "2030-03-04", "10:00");
    const residents = await Promise.all(["정", "무"].map((name) => makeResident({ name })));
    const entries = [];
    for (const resident of residents)
      entries.push(
        await getDb().waitlistEntry.create({
          data: {
            slotId: slot.id,
            residentId: resident.id,
            liveKey: liveKey(slot.id, resident.id),
          },
          select: { id: true },
        }),
      );
    // the booking's own read: the resident, with their live waitlist entry on this slot
    const withEntry = (residentId: string) =>
      getDb().resident.findFirst({
        where: { id: residentId, deletedAt: null },
        select: {
          id: true,
          waitlistEntries: {
            where: { liveKey: liveKey(slot.id, residentId) },
            select: { id: true },
          },
        },
      });
    const before = counts();
    for (const [i, resident] of residents.entries())
      expect(await withEntry(resident.id)).toEqual({
        id: resident.id,
        waitlistEntries: [{ id: entries[i]!.id }],
      });
    expect(since(before)).toEqual({ compiled: 1, reused: 1 });
  });

  it("are shared by queries sent together, each answered for its own", async () => {
    const names = ["기", "경", "신"];
    const residents = await Promise.all(names.map((name) => makeResident({ name })));
    const expiresAt = new Date("2030-01-01T00:00:00Z");
    for (const resident of residents)
      await getDb().session.create({ data: { residentId: resident.id, expiresAt } });
    // two reads asked in the same tick inside a transaction go to the compiler as one batch
    const inOneTransaction = (residentId: string) =>
      getDb().$transaction((tx) =>
        Promise.all([
          tx.resident.findMany({ where: { id: residentId }, select: { name: true } }),
          tx.session.count({ where: { residentId } }),
        ]),
      );
    const before = counts();
    for (const [i, resident] of residents.entries())
      expect(await inOneTransaction(resident.id)).toEqual([[{ name: names[i] }], 1]);
    expect(since(before)).toEqual({ compiled: 1, reused: 2 });

    // findUniques asked together are gathered into one query, and the answers split by id
    const together = (ids: string[]) =>
      Promise.all(
        ids.map((id) => getDb().resident.findUnique({ where: { id }, select: { name: true } })),
      );
    const [first, second, third] = residents.map((resident) => resident.id) as [
      string,
      string,
      string,
    ];
    const beforeTogether = counts();
    expect(await together([first, second])).toEqual([{ name: "기" }, { name: "경" }]);
    expect(await together([third, first])).toEqual([{ name: "신" }, { name: "기" }]);
    expect(await together([second, third])).toEqual([{ name: "경" }, { name: "신" }]);
    expect(since(beforeTogether).compiled).toBe(1);
  });

  it("are shared by every session's look-up (a raw query), each answered for its own", async () => {
    const names = ["임", "계", "갑"];
    const residents = await Promise.all(names.map((name) => makeResident({ name })));
    const sessions = await Promise.all(
      residents.map((resident) => createSession(resident.id, new Date())),
    );
    const before = counts();
    for (const [i, session] of sessions.entries()) {
      const user = await getSessionUser(session, new Date());
      expect(user).toMatchObject({ id: residents[i]!.id, name: names[i] });
    }
    expect(await getSessionUser(`c${"0".repeat(24)}`, new Date())).toBeNull();
    // one plan for every session id, the same statement run with each one's own id
    expect(since(before)).toEqual({ compiled: 1, reused: 3 });

    // a raw query's other parameters stay part of its text: each name its own plan
    const named = (name: string) =>
      getDb().$queryRaw<{ id: string }[]>`SELECT "id" FROM "Resident" WHERE "name" = ${name}`;
    const beforeNamed = counts();
    expect(await named("임")).toEqual([{ id: residents[0]!.id }]);
    expect(await named("계")).toEqual([{ id: residents[1]!.id }]);
    expect(since(beforeNamed)).toEqual({ compiled: 2, reused: 0 });

    // an id that is also written into the statement's text is not replaced in it
    const placeholder = currentEngine() === "postgresql" ? "$1" : "?";
    const beforeWritten = counts();
    for (const resident of residents.slice(0, 2))
      expect(
        await getDb().$queryRawUnsafe<{ id: string }[]>(
          `SELECT "id" FROM "Resident" WHERE "id" = ${placeholder} AND "id" = '${resident.id}'`,
          resident.id,
        ),
      ).toEqual([{ id: resident.id }]);
    expect(since(beforeWritten).reused).toBe(0);
  });

  it("are not shared where an id is part of a longer parameter, or one id stood for two", async () => {
    const organization = await makeOrganization("아이디 기관");
    const other = await makeOrganization("다른 아이디 기관");
    // "contains" sends "%<id>%" as its parameter: a reused plan would keep the first search's text
    await getDb().organization.update({
      where: { id: organization.id },
      data: { nameKo: `기관 ${organization.id}` },
    });
    const named = (text: string) =>
      getDb().organization.findMany({
        where: { nameKo: { contains: text } },
        select: { id: true },
      });
    const before = counts();
    expect(await named(other.id)).toEqual([]);
    expect(await named(organization.id)).toEqual([{ id: organization.id }]);
    expect(since(before)).toEqual({ compiled: 2, reused: 0 });

    // one id asked twice, then two different ones: the plan cannot tell which copy is which
    const eitherButNot = (id: string, not: string) =>
      getDb().organization.count({ where: { id, NOT: { id: not } } });
    const beforeTwice = counts();
    expect(await eitherButNot(organization.id, organization.id)).toBe(0);
    expect(await eitherButNot(organization.id, other.id)).toBe(1);
    expect(await eitherButNot(other.id, other.id)).toBe(0);
    expect(since(beforeTwice)).toEqual({ compiled: 2, reused: 1 });
  });

  it("are shared by queries that differ only in their instants, each answered for its own", async () => {
    const organization = await makeOrganization("시각 기관");
    const { createdAt } = await getDb().organization.findUniqueOrThrow({
      where: { id: organization.id },
      select: { createdAt: true },
    });
    const createdSince = (since: Date) =>
      getDb().organization.findMany({
        where: { id: organization.id, createdAt: { gte: since } },
        select: { id: true },
      });
    const before = counts();
    expect(await createdSince(new Date(createdAt.getTime() - 60_000))).toHaveLength(1);
    expect(await createdSince(new Date(createdAt.getTime() + 60_000))).toHaveLength(0);
    expect(await createdSince(createdAt)).toHaveLength(1);
    expect(since(before)).toEqual({ compiled: 1, reused: 2 });

    // two instants in one query: each replaced by its own
    const between = (from: Date, to: Date) =>
      getDb().organization.count({
        where: { id: organization.id, createdAt: { gte: from, lt: to } },
      });
    const at = createdAt.getTime();
    const beforeBetween = counts();
    expect(await between(new Date(at - 1_000), new Date(at + 1_000))).toBe(1);
    expect(await between(new Date(at + 1_000), new Date(at + 2_000))).toBe(0);
    expect(await between(new Date(at - 2_000), new Date(at - 1_000))).toBe(0);
    expect(await between(new Date(at), new Date(at + 1))).toBe(1);
    expect(since(beforeBetween)).toEqual({ compiled: 1, reused: 3 });
  });

  it("are not shared where an instant could be mistaken in the plan: planned afresh", async () => {
    const organization = await makeOrganization("모호한 기관");
    const { createdAt } = await getDb().organization.findUniqueOrThrow({
      where: { id: organization.id },
      select: { createdAt: true },
    });
    const at = createdAt.getTime();
    // one instant asked twice ("open now": opens ≤ now < closes) serves queries that ask one
    // instant twice; two different ones cannot be told apart in its plan, and are planned afresh
    const within = (from: Date, to: Date) =>
      getDb().organization.count({
        where: { id: organization.id, createdAt: { gte: from, lte: to } },
      });
    const before = counts();
    expect(await within(createdAt, createdAt)).toBe(1);
    expect(await within(new Date(at - 1_000), new Date(at + 1_000))).toBe(1);
    expect(await within(new Date(at + 1_000), new Date(at + 1_000))).toBe(0);
    expect(await within(new Date(at), new Date(at))).toBe(1);
    expect(since(before)).toEqual({ compiled: 2, reused: 2 });

    // an instant's text also asked as a plain string elsewhere in the query
    const namedLikeInstant = (instant: Date) =>
      getDb().organization.count({
        where: { nameKo: instant.toISOString(), createdAt: { gte: instant } },
      });
    await getDb().organization.update({
      where: { id: organization.id },
      data: { nameKo: new Date(at - 1_000).toISOString() },
    });
    const beforeNamed = counts();
    expect(await namedLikeInstant(new Date(at - 1_000))).toBe(1);
    expect(await namedLikeInstant(new Date(at - 2_000))).toBe(0);
    expect(since(beforeNamed).reused).toBe(0);
  });

  it("are shared by writes that differ in their free text (the outbox), each row its own", async () => {
    const residents = await Promise.all(["하나", "둘", "셋"].map((name) => makeResident({ name })));
    const write = (residentId: string, i: number) =>
      getDb().notification.create({
        data: {
          residentId,
          channel: "email",
          toAddress: `plan-${i}@example.test`,
          template: "booking_confirmed",
          locale: "ko",
          subject: `[예약 확인] 상담 ${i} · 100% "확정"`,
          body: `안녕하세요 ${i}번째 분.\n예약이 확정되었습니다: https://example.test/bookings/${i}`,
          topic: "required",
          sendAfter: new Date(Date.UTC(2030, 0, 1, i)),
        },
        select: { id: true },
      });
    const before = counts();
    const rows = [];
    for (const [i, resident] of residents.entries()) rows.push(await write(resident.id, i));
    // the first is planned, and planned once more with other text (the probe); the others reuse it
    expect(since(before)).toEqual({ compiled: 2, reused: 2 });
    const written = await getDb().notification.findMany({
      where: { id: { in: rows.map((row) => row.id) } },
      select: { residentId: true, toAddress: true, subject: true, body: true, sendAfter: true },
    });
    expect(new Set(rows.map((row) => row.id)).size).toBe(3);
    for (const [i, resident] of residents.entries())
      expect(written).toContainEqual({
        residentId: resident.id,
        toAddress: `plan-${i}@example.test`,
        subject: `[예약 확인] 상담 ${i} · 100% "확정"`,
        body: `안녕하세요 ${i}번째 분.\n예약이 확정되었습니다: https://example.test/bookings/${i}`,
        sendAfter: new Date(Date.UTC(2030, 0, 1, i)),
      });
  });

  it("are planned once, without a probe, for free text asked with a one-off value", async () => {
    const resident = await makeResident({ name: "한 번" });
    // a single word that is new every time (a token, a dedupe key) stays part of the query's
    // text: each such write is new, and is not probed for other text it will never meet
    const write = (i: number) =>
      getDb().notification.create({
        data: {
          residentId: resident.id,
          channel: "email",
          toAddress: `once-${i}@example.test`,
          template: "account",
          locale: "ko",
          subject: `한 번뿐인 알림 ${i}`,
          body: "본문",
          dedupeKey: `once${i}x${Date.now()}`,
        },
        select: { id: true },
      });
    const before = counts();
    for (let i = 0; i < 3; i += 1) await write(i);
    expect(since(before)).toEqual({ compiled: 3, reused: 0 });
  });

  it("keep free text that is part of a plan's form (a search, a piece of the statement) in it", async () => {
    const organization = await makeOrganization("청년 지원 기관");
    // "contains" sends "%<text>%": each search keeps its own plan, asked again it is reused
    const search = (text: string) =>
      getDb().organization.findMany({
        where: { id: organization.id, nameKo: { contains: text } },
        select: { id: true },
      });
    const before = counts();
    expect(await search("청년 지원")).toEqual([{ id: organization.id }]);
    expect(await search("청년 지원")).toEqual([{ id: organization.id }]);
    expect(await search("노인 지원")).toEqual([]);
    expect(since(before)).toEqual({ compiled: 2, reused: 1 });

    // a value that is also a piece of the statement's text: the probe's plan differs, and the
    // next text gets a plan of its own (replacing it would have rewritten the statement)
    const named = (name: string) =>
      getDb().organization.findMany({
        where: { nameKo: name },
        select: { id: true },
        take: 1,
        skip: 0,
      });
    const plan = counts();
    expect(await named(" OFFSET ")).toEqual([]);
    expect(await named("청년 지원 기관")).toEqual([{ id: organization.id }]);
    expect(await named(" OFFSET ")).toEqual([]);
    expect(since(plan).reused).toBe(1);
  });

  it("generate ids and times afresh when a reused plan runs again", async () => {
    const resident = await makeResident({ name: "계획" });
    const expiresAt = new Date("2030-01-01T00:00:00Z");
    const create = () => getDb().session.create({ data: { residentId: resident.id, expiresAt } });
    const before = counts();
    const first = await create();
    await new Promise((resolve) => setTimeout(resolve, 5));
    const second = await create();
    // the second reuses the first's plan (and the first may reuse one made for another resident)
    const planned = since(before);
    expect(planned.compiled + planned.reused).toBe(2);
    expect(planned.reused).toBeGreaterThanOrEqual(1);
    expect(second.id).not.toBe(first.id);
    expect(second.createdAt.getTime()).toBeGreaterThan(first.createdAt.getTime());
    expect(await getDb().session.count({ where: { residentId: resident.id } })).toBe(2);

    const organization = await makeOrganization("갱신 기관");
    const rename = () =>
      getDb().organization.update({
        where: { id: organization.id },
        data: { nameKo: "같은 이름" },
        select: { updatedAt: true },
      });
    const renamed = await rename();
    await new Promise((resolve) => setTimeout(resolve, 5));
    const renamedAgain = await rename();
    expect(renamedAgain.updatedAt.getTime()).toBeGreaterThan(renamed.updatedAt.getTime());
  });

  it("are kept for the last 500 queries, so that one-off queries cannot grow the memory", async () => {
    const organization = await makeOrganization("한도 기관");
    const read = () =>
      getDb().organization.findUnique({ where: { id: organization.id }, select: { id: true } });
    await read();
    // names that are single words: planned one by one (free text would share one plan)
    for (let i = 0; i < KEPT_PLANS; i += 1)
      await getDb().organization.findFirst({
        where: { nameKo: `once-${i}` },
        select: { id: true },
      });
    const before = counts();
    await read();
    // pushed out by the 500 newer ones: compiled again
    expect(since(before)).toEqual({ compiled: 1, reused: 0 });
  });
});
