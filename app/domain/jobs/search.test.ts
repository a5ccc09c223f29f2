import { parseWithZod } from "@conform-to/zod";
import { describe, expect, it } from "vitest";
import { buildSearchText, searchTerms } from "~/domain/shared/korean-search";
import { SearchSchema } from "./schema";
import { postingOrderBy, postingWhere, searchHref, sortPostingKeys } from "./search";

const now = new Date("2026-11-24T17:00:00Z");
const query = (input: Record<string, unknown> = {}) => SearchSchema.parse(input);

describe("postings search query", () => {
  it("shows only published postings that are open or opening later by default", () => {
    expect(postingWhere(query(), { now, eligibleCriteriaIds: null })).toEqual({
      status: "published",
      applicationClosesAt: { gt: now },
    });
  });

  it("narrows to open now, or widens to closed ones", () => {
    expect(
      postingWhere(query({ window: "open" }), { now, eligibleCriteriaIds: null }),
    ).toMatchObject({
      applicationOpensAt: { lte: now },
      applicationClosesAt: { gt: now },
    });
    const all = postingWhere(query({ window: "all" }), { now, eligibleCriteriaIds: null });
    expect(all.status).toEqual({ in: ["published", "closed"] });
    expect(all.applicationClosesAt).toBeUndefined();
  });

  it("combines text terms, kind, category, district and wage", () => {
    const where = postingWhere(
      query({ q: "서울 ㄷㅇㅌ", category: "city", district: "jung", minWage: 9000 }),
      { now, eligibleCriteriaIds: null },
    );
    expect(where).toMatchObject({
      kind: "new_deal",
      newDealCategory: "city",
      district: "jung",
      hourlyWageKrw: { gte: 9000 },
    });
    expect(where.AND).toEqual(
      searchTerms("서울 ㄷㅇㅌ").map((t) => ({ searchText: { contains: t } })),
    );
    // the terms match what the seed and the staff forms store
    const text = buildSearchText([
      "서울시 공공데이터 품질관리 매니저",
      "Seoul open-data quality manager",
    ]);
    for (const term of searchTerms("서울 ㄷㅇㅌ 공공데")) expect(text).toContain(term);
  });

  it("keeps postings without criteria when filtering by eligibility", () => {
    expect(
      postingWhere(query({ eligible: "on" }), { now, eligibleCriteriaIds: ["a", "b"] }).OR,
    ).toEqual([{ eligibilityId: null }, { eligibilityId: { in: ["a", "b"] } }]);
  });

  it("sorts with a unique tie-breaker so pages never overlap", () => {
    for (const sort of ["closing", "newest", "wage"] as const)
      expect(postingOrderBy(sort).at(-1)).toEqual({ id: "asc" });
  });

  it("turns a query back into a URL without defaults, and reads it back the same", () => {
    const q = query({ q: "데이터", kind: "new_deal", eligible: "on", page: 3 });
    const href = searchHref(q);
    expect(href).toBe("?q=%EB%8D%B0%EC%9D%B4%ED%84%B0&kind=new_deal&eligible=on&page=3");
    expect(searchHref(q, { page: 1 })).not.toContain("page=");
    const back = parseWithZod(new URLSearchParams(href), { schema: SearchSchema });
    expect(back.status === "success" ? back.value : null).toEqual(q);
  });
});

describe("sorting in memory", () => {
  const key = (id: string, closes: string, published: string | null, wage: number) => ({
    id,
    applicationClosesAt: new Date(closes),
    publishedAt: published ? new Date(published) : null,
    hourlyWageKrw: wage,
  });
  const keys = [
    key("c", "2026-12-02", "2026-11-02", 9220),
    key("a", "2026-12-02", null, 10000),
    key("b", "2026-12-01", "2026-11-03", 9220),
    key("d", "2026-12-01", "2026-11-03", 10000),
  ];
  const ids = (sort: "closing" | "newest" | "wage") => sortPostingKeys(keys, sort).map((k) => k.id);

  it("sorts like the database, with the id breaking ties and nulls last when descending", () => {
    expect(ids("closing")).toEqual(["b", "d", "a", "c"]);
    expect(ids("newest")).toEqual(["b", "d", "c", "a"]);
    expect(ids("wage")).toEqual(["d", "a", "b", "c"]);
  });
});
