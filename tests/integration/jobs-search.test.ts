// Postings search on a real database, through the page's loader, the JSON API and the Atom feed:
// Korean (partial words, initial consonants) and English text, every filter, sorting, pages.
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { SearchSchema } from "~/domain/jobs/schema";
import { postingOrderBy, postingWhere } from "~/domain/jobs/search";
import { searchPostings } from "~/domain/jobs/postings.server";
import { seoulInstant } from "~/domain/shared/seoul-time";
import { getDb } from "~/utils/db.server";
import { setTestNow } from "~/utils/clock.server";
import { loader as searchLoader } from "~/routes/jobs._index";
import { loader as apiLoader } from "~/routes/api.postings";
import { loader as feedLoader } from "~/routes/feeds.postings[.]atom";
import { call, getRequest } from "#tests/factories/http";
import {
  eligibleProfile,
  makeCriteria,
  makeOrganization,
  makePosting,
  NOW,
} from "#tests/factories/jobs";
import { makeResident, sessionCookieFor } from "#tests/factories/residents";

type SearchData = {
  result: {
    total: number;
    pageCount: number;
    eligibleIgnored: boolean;
    postings: { slug: string }[];
  } | null;
  errors: Record<string, string[]> | null;
};

const db = getDb();
beforeEach(() => setTestNow(NOW));

// A token in every title of this file keeps other tests' postings out of the results.
const T = "검색시험";
let org: { id: string };
const slugs: Record<string, string> = {};

beforeAll(async () => {
  setTestNow(NOW);
  org = await makeOrganization();
  const youth = await makeCriteria({ minAge: 18, maxAge: 39 });
  const older = await makeCriteria({ minAge: 50 });
  const make = async (key: string, data: Parameters<typeof makePosting>[1]) => {
    slugs[key] = (await makePosting(org.id, data)).slug;
  };
  await make("data", {
    titleKo: `${T} 서울시 공공데이터 품질관리 매니저`,
    titleEn: "Open-data quality manager",
    district: "jung",
    hourlyWageKrw: 9220,
    eligibilityId: youth.id,
    applicationClosesAt: seoulInstant("2026-12-01", "18:00"),
    publishedAt: seoulInstant("2026-11-10", "10:00"),
  });
  await make("park", {
    titleKo: `${T} 서울숲 생태 해설`,
    titleEn: "Seoul Forest ecology guide",
    district: "seongdong",
    hourlyWageKrw: 10500,
    newDealCategory: "district",
    eligibilityId: older.id,
    applicationClosesAt: seoulInstant("2026-11-28", "18:00"),
    publishedAt: seoulInstant("2026-11-20", "10:00"),
  });
  await make("youth", {
    titleKo: `${T} 지역주도형 청년 마케터`,
    titleEn: "Regional youth marketer",
    kind: "regional_youth",
    newDealCategory: null,
    district: "jung",
    hourlyWageKrw: 9800,
    applicationOpensAt: seoulInstant("2026-11-28", "09:00"),
    applicationClosesAt: seoulInstant("2026-12-10", "18:00"),
    publishedAt: seoulInstant("2026-11-22", "10:00"),
  });
  await make("closed", {
    titleKo: `${T} 지난 데이터 공고`,
    titleEn: "Past data posting",
    hourlyWageKrw: 9220,
    applicationOpensAt: seoulInstant("2026-10-01", "09:00"),
    applicationClosesAt: seoulInstant("2026-10-20", "18:00"),
    publishedAt: seoulInstant("2026-09-30", "10:00"),
  });
  await make("draft", { titleKo: `${T} 작성 중 데이터 공고`, status: "draft" });
});

/** The search page with `query`; the text defaults to this file's token. */
async function search(query: string, cookie?: string) {
  const params = new URLSearchParams(query);
  if (!params.has("q")) params.set("q", T);
  const result = await call(searchLoader, getRequest(`/jobs?${params}`, { cookie }));
  const data = result.data as SearchData;
  return { status: result.status, data, found: data.result?.postings.map((p) => keyOf(p.slug)) };
}
const keyOf = (slug: string) => Object.entries(slugs).find(([, s]) => s === slug)?.[0] ?? slug;

describe("postings search", () => {
  it("finds Korean by partial words and initial consonants, and English in any case", async () => {
    expect((await search(`q=${encodeURIComponent(`${T} 공공데`)}`)).found).toEqual(["data"]);
    expect((await search(`q=${encodeURIComponent(`${T} ㄱㄱㄷㅇㅌ`)}`)).found).toEqual(["data"]);
    expect((await search(`q=${encodeURIComponent(`${T} 생ㅌ`)}`)).found).toEqual(["park"]);
    expect((await search(`q=${encodeURIComponent(`${T} ECOLOGY guide`)}`)).found).toEqual(["park"]);
    expect((await search(`q=${encodeURIComponent(`${T} 중구`)}`)).found?.sort()).toEqual([
      "data",
      "youth",
    ]);
  });

  it("hides drafts and, by default, closed postings; shows what is open now or later", async () => {
    expect((await search("")).found).toEqual(["park", "data", "youth"]);
    expect((await search("window=open")).found).toEqual(["park", "data"]);
    expect((await search("window=all")).found).toEqual(["closed", "park", "data", "youth"]);
  });

  it("filters by kind, New Deal line, district and minimum wage, and sorts", async () => {
    expect((await search("kind=regional_youth")).found).toEqual(["youth"]);
    expect((await search("category=district")).found).toEqual(["park"]);
    expect((await search("kind=new_deal&district=jung")).found).toEqual(["data"]);
    expect((await search("minWage=9800")).found).toEqual(["park", "youth"]);
    expect((await search("sort=wage")).found).toEqual(["park", "youth", "data"]);
    expect((await search("sort=newest")).found).toEqual(["youth", "park", "data"]);
  });

  it("shows a logged-in resident only what they are eligible for, when asked", async () => {
    const resident = await makeResident(eligibleProfile());
    const cookie = await sessionCookieFor(resident.id);
    // 30 years old: meets 18–39, not 50+; the youth job has no criteria at all
    expect((await search("eligible=on", cookie)).found).toEqual(["data", "youth"]);
    const anonymous = await search("eligible=on");
    expect(anonymous.found).toEqual(["park", "data", "youth"]);
    expect(anonymous.data.result?.eligibleIgnored).toBe(true);
  });

  it("answers bad search values with a 400 and the field, not a 500", async () => {
    const bad = await search("minWage=lots&kind=astronaut&page=0");
    expect(bad.status).toBe(400);
    expect(Object.keys(bad.data.errors ?? {}).sort()).toEqual(["kind", "minWage", "page"]);
    expect(bad.data.result).toBeNull();
  });

  it("pages through many results without overlap", async () => {
    const token = "페이지시험";
    for (let i = 0; i < 45; i += 1)
      await makePosting(org.id, { titleKo: `${token} ${i}`, titleEn: `Paging ${i}` });
    const seen: string[] = [];
    for (const page of [1, 2, 3]) {
      const result = await call(
        searchLoader,
        getRequest(`/jobs?q=${encodeURIComponent(token)}&page=${page}`),
      );
      const data = (result.data as SearchData).result!;
      expect(data.total).toBe(45);
      expect(data.pageCount).toBe(3);
      seen.push(...data.postings.map((p) => p.slug));
    }
    expect(seen).toHaveLength(45);
    expect(new Set(seen).size).toBe(45);
  });
});

describe("the in-memory page order", () => {
  it("is exactly the database's order, ties included, for every sort", async () => {
    const token = "정렬시험";
    for (let i = 0; i < 30; i += 1)
      await makePosting(org.id, {
        titleKo: `${token} ${i}`,
        // many equal wages, closing times and publication times: the tie-breakers decide
        hourlyWageKrw: 9220 + (i % 3) * 500,
        applicationClosesAt: seoulInstant("2026-12-0" + (1 + (i % 4)), "18:00"),
        publishedAt: seoulInstant("2026-11-1" + (i % 5), "10:00"),
      });
    for (const sort of ["closing", "newest", "wage"] as const) {
      const query = SearchSchema.parse({ q: token, sort });
      const expected = await db.posting.findMany({
        where: postingWhere(query, { now: NOW, eligibleCriteriaIds: null }),
        orderBy: postingOrderBy(sort),
        select: { slug: true },
      });
      const pages = [];
      for (const page of [1, 2]) {
        const result = await searchPostings({ ...query, page }, { now: NOW, residentId: null });
        pages.push(...result.postings.map((p) => p.slug));
      }
      expect(pages, sort).toEqual(expected.map((p) => p.slug));
    }
  });
});

describe("open data", () => {
  it("serves the same search as cacheable JSON, with an ETag", async () => {
    const response = await call(
      apiLoader,
      getRequest(`/api/postings?q=${encodeURIComponent(T)}&window=all&sort=wage`),
    );
    expect(response.status).toBe(200);
    expect(response.headers.get("cache-control")).toContain("public");
    expect(response.headers.get("access-control-allow-origin")).toBe("*");
    const body = response.data as {
      total: number;
      postings: {
        slug: string;
        title: { ko: string; en: string };
        hourlyWageKrw: number;
        windowState: string;
        url: string;
      }[];
    };
    expect(body.total).toBe(4);
    // equal wages: the one closing first comes first
    expect(body.postings.map((p) => keyOf(p.slug))).toEqual(["park", "youth", "closed", "data"]);
    expect(body.postings[0]).toMatchObject({
      title: { en: "Seoul Forest ecology guide" },
      hourlyWageKrw: 10500,
      windowState: "open",
      // the canonical origin (APP_ORIGINS, else http://localhost:PORT), never the Host asked
      url: `http://localhost:3000/jobs/${slugs.park}`,
    });
    const etag = response.headers.get("etag")!;
    const again = await call(
      apiLoader,
      getRequest(`/api/postings?q=${encodeURIComponent(T)}&window=all&sort=wage`, {
        headers: { "If-None-Match": etag },
      }),
    );
    expect(again.status).toBe(304);
  });

  it("refuses what it cannot answer with a 400", async () => {
    expect((await call(apiLoader, getRequest("/api/postings?eligible=on"))).status).toBe(400);
    const bad = await call(apiLoader, getRequest("/api/postings?district=atlantis"));
    expect(bad.status).toBe(400);
    expect(bad.data).toEqual({ errors: { district: ["validation:invalidChoice"] } });
  });

  it("announces published postings in an Atom feed, in Korean or English", async () => {
    const ko = await call(feedLoader, getRequest("/feeds/postings.atom"));
    expect(ko.headers.get("content-type")).toContain("application/atom+xml");
    const xml = String(ko.data);
    expect(xml).toContain('<feed xmlns="http://www.w3.org/2005/Atom">');
    expect(xml).toContain(`${T} 서울숲 생태 해설`);
    expect(xml).not.toContain("작성 중 데이터 공고");
    const en = String((await call(feedLoader, getRequest("/feeds/postings.atom?lang=en"))).data);
    expect(en).toContain("Seoul Forest ecology guide");
    expect(en).toContain("<title>New public jobs in Seoul</title>");
  });
});
