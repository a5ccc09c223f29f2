// app/utils/query-plans.server.ts keeps the plans of queries asked before (decision 0013): a
// plan is reused only for exactly the same query, and what the database generates per row (ids,
// now() defaults, @updatedAt) is still generated afresh each time a reused plan runs.
import { describe, expect, it } from "vitest";
import { getDb } from "~/utils/db.server";
import { KEPT_PLANS, queryPlanCounts } from "~/utils/query-plans.server";
import { makeOrganization } from "#tests/factories/jobs";
import { makeResident } from "#tests/factories/residents";

type PlanCounts = { compiled: number; reused: number };
const counts = queryPlanCounts;
const since = (before: PlanCounts) => {
  const now = counts();
  return { compiled: now.compiled - before.compiled, reused: now.reused - before.reused };
};

describe("query plans asked again", () => {
  it("are compiled once for exactly the same query, and again for other values", async () => {
    const organization = await makeOrganization("계획 재사용 기관");
    const read = (id: string) =>
      getDb().organization.findUnique({ where: { id }, select: { id: true, nameKo: true } });
    const before = counts();
    const first = await read(organization.id);
    const second = await read(organization.id);
    expect(since(before)).toEqual({ compiled: 1, reused: 1 });
    expect(second).toEqual(first);
    expect(second).toEqual({ id: organization.id, nameKo: "계획 재사용 기관" });

    // another value is another query: its own plan, and its own answer
    const other = await makeOrganization("다른 기관");
    const afterOther = counts();
    expect(await read(other.id)).toEqual({ id: other.id, nameKo: "다른 기관" });
    expect(await read("no-such-organization")).toBeNull();
    expect(since(afterOther)).toEqual({ compiled: 2, reused: 0 });
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
    const beforeNamed = counts();
    await getDb().organization.update({
      where: { id: organization.id },
      data: { nameKo: new Date(at - 1_000).toISOString() },
    });
    expect(await namedLikeInstant(new Date(at - 1_000))).toBe(1);
    expect(await namedLikeInstant(new Date(at - 2_000))).toBe(0);
    expect(since(beforeNamed).reused).toBe(0);
  });

  it("generate ids and times afresh when a reused plan runs again", async () => {
    const resident = await makeResident({ name: "계획" });
    const expiresAt = new Date("2030-01-01T00:00:00Z");
    const create = () => getDb().session.create({ data: { residentId: resident.id, expiresAt } });
    const before = counts();
    const first = await create();
    await new Promise((resolve) => setTimeout(resolve, 5));
    const second = await create();
    expect(since(before)).toEqual({ compiled: 1, reused: 1 });
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
    for (let i = 0; i < KEPT_PLANS; i += 1)
      await getDb().organization.findFirst({
        where: { nameKo: `한 번뿐 ${i}` },
        select: { id: true },
      });
    const before = counts();
    await read();
    // pushed out by the 500 newer ones: compiled again
    expect(since(before)).toEqual({ compiled: 1, reused: 0 });
  });
});
