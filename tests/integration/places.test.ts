// Places & maps through the real route loaders and actions, on a real SQLite database holding the
// real seed's directory: the directory's filters, the GeoJSON API, and the back office.
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { seedDirectory } from "../../prisma/seed";
import type { PlaceFeatureCollection, PlaceSearchResult } from "~/domain/places/views";
import { setTestNow } from "~/utils/clock.server";
import { pruneRateLimits } from "~/domain/system/rate-limits.server";
import { getDb, statementCount } from "~/utils/db.server";
import { forgetSharedReads } from "~/utils/public-reads.server";
import { resetEnvCache } from "~/utils/env.server";
import { loader as apiLoader } from "~/routes/api.places";
import { loader as cafesLoader } from "~/routes/cafes";
import { loader as placesLoader } from "~/routes/places._index";
import { loader as placeLoader } from "~/routes/places.$slug";
import { loader as sheltersLoader } from "~/routes/shelters";
import { call, getRequest } from "#tests/factories/http";
import { makeStaff } from "#tests/factories/places";

const db = getDb();
/** Wednesday 25 November 2026, 02:00 in Seoul: the end-to-end tests' clock. */
const WEDNESDAY_2AM = new Date("2026-11-24T17:00:00.000Z");

beforeAll(async () => {
  await seedDirectory(db);
});
afterEach(() => {
  setTestNow(null);
  delete process.env.PLACES_API_RATE_LIMIT;
  resetEnvCache();
});

type Directory = {
  result: PlaceSearchResult;
  problems: { param: string; value: string; message: string }[];
  values: Record<string, string>;
};

async function directory(loader: typeof sheltersLoader, path: string, headers = {}) {
  const response = await call(loader, getRequest(path, { headers }));
  return { status: response.status, ...(response.data as Directory) };
}
const slugs = (result: PlaceSearchResult) => result.items.map((item) => item.slug);

describe("the directory's filters", () => {
  it("shows exactly the overnight shelters as open at 02:00 on a Wednesday", async () => {
    setTestNow(WEDNESDAY_2AM);
    const page = await directory(sheltersLoader, "/shelters?open=now");
    expect(page.status).toBe(200);
    expect(slugs(page.result).sort()).toEqual(["hapjeong-shelter", "seocho-shelter"]);
    expect(page.result.total).toBe(2);
    const seocho = page.result.items.find((item) => item.slug === "seocho-shelter")!;
    expect(seocho.status).toEqual({
      open: true,
      closesAt: "2026-11-24T21:00:00.000Z",
      closesInDays: 0,
    });
  });

  it("lists every shelter without the filter, each with its status", async () => {
    setTestNow(WEDNESDAY_2AM);
    const page = await directory(sheltersLoader, "/shelters");
    expect(page.result.total).toBe(4);
    const bukchang = page.result.items.find((item) => item.slug === "bukchang-shelter")!;
    expect(bukchang.status).toMatchObject({
      open: false,
      opensAt: "2026-11-24T23:30:00.000Z",
      opensInDays: 0,
    });
  });

  it("finds places by initial consonants and by part of a word, in Korean and English", async () => {
    const initials = await directory(placesLoader, `/places?q=${encodeURIComponent("ㅅㅊ")}`);
    // ㅅㅊ: 서초 (Seocho) and 신촌 (Sinchon), nothing else of the four shelters
    expect(slugs(initials.result)).toEqual(
      expect.arrayContaining(["seocho-shelter", "job-cafe-28-seocho", "job-cafe-18-seodaemun"]),
    );
    expect(slugs(initials.result)).not.toContain("hapjeong-shelter");
    const partial = await directory(sheltersLoader, `/shelters?q=${encodeURIComponent("합정")}`);
    expect(slugs(partial.result)).toEqual(["hapjeong-shelter"]);
    const english = await directory(sheltersLoader, "/shelters?q=Hapj");
    expect(slugs(english.result)).toEqual(["hapjeong-shelter"]);
    const halfTyped = await directory(sheltersLoader, `/shelters?q=${encodeURIComponent("서ㅊ")}`);
    expect(slugs(halfTyped.result)).toEqual(["seocho-shelter"]);
  });

  it("combines sub-kind, district and service", async () => {
    const universities = await directory(cafesLoader, "/cafes?sub=university&district=seongbuk");
    expect(slugs(universities.result)).toEqual(["job-cafe-10-seongbuk"]);
    const publicOnes = await directory(cafesLoader, "/cafes?sub=public&district=seongbuk");
    expect(slugs(publicOnes.result)).toEqual(["job-cafe-11-seongbuk"]);
    const couriers = await directory(sheltersLoader, "/shelters?sub=courier");
    expect(slugs(couriers.result)).toEqual(["bukchang-shelter"]);
    const photos = await directory(cafesLoader, "/cafes?service=photo");
    expect(photos.result.total).toBeGreaterThan(0);
    const withPhotos = await db.place.count({
      where: { kind: "job_cafe", services: { some: { kind: "photo", active: true } } },
    });
    expect(photos.result.total).toBe(withPhotos);
  });

  it("answers 'open at' a chosen day and time, holidays included", async () => {
    setTestNow(WEDNESDAY_2AM);
    const saturday = await directory(
      sheltersLoader,
      "/shelters?open=at&date=2026-11-28&time=10:00",
    );
    expect(slugs(saturday.result).sort()).toEqual(["bukchang-shelter", "hapjeong-shelter"]);
    const sunday = await directory(sheltersLoader, "/shelters?open=at&date=2026-11-29&time=10:00");
    expect(slugs(sunday.result)).toEqual(["hapjeong-shelter"]);
    // Chuseok 2026: Bukchang and Sangam close for it, the overnight shelters do not
    const chuseok = await directory(sheltersLoader, "/shelters?open=at&date=2026-09-24&time=10:00");
    expect(slugs(chuseok.result)).toEqual(["hapjeong-shelter"]);
  });

  it("sorts by distance from a position, showing each distance", async () => {
    setTestNow(WEDNESDAY_2AM);
    const page = await directory(sheltersLoader, "/shelters?near=37.4918,127.0144");
    const seocho = page.result.items.find((item) => item.slug === "seocho-shelter");
    expect(seocho!.distanceKm).toBeLessThan(0.01);
    // shelters: the ones open now first, each part nearest first
    const open = page.result.openFirst ?? 0;
    // at 2 a.m. some shelters are open and some are not
    expect(open).toBeGreaterThan(0);
    expect(open).toBeLessThan(page.result.items.length);
    expect(page.result.items.slice(0, open).every((item) => item.status.open)).toBe(true);
    expect(page.result.items.slice(open).some((item) => item.status.open)).toBe(false);
    for (const part of [page.result.items.slice(0, open), page.result.items.slice(open)]) {
      const distances = part.map((item) => item.distanceKm!);
      expect(distances).toEqual([...distances].sort((a, b) => a - b));
    }
  });

  it("refuses unknown values with a message and shows the unfiltered directory (400, not 500)", async () => {
    for (const query of [
      "district=gotham&open=now",
      "open=at&date=2026-13-40&time=10:00",
      "open=at&date=2026-11-28&time=24:61",
      "near=north,east",
      "sub=university",
      "page=zero",
    ]) {
      const page = await directory(sheltersLoader, `/shelters?${query}`);
      expect(page.status, query).toBe(400);
      expect(page.problems.length, query).toBeGreaterThan(0);
      expect(page.result.total, query).toBe(
        await db.place.count({ where: { kind: "rest_shelter" } }),
      );
      expect(page.values.district, query).toBe("");
    }
  });
});

describe("GET /api/places", () => {
  async function api(
    query: string,
    options: { headers?: Record<string, string>; ip?: string } = {},
  ) {
    const request = getRequest(`/api/places${query ? `?${query}` : ""}`, {
      headers: options.headers,
    });
    const response = await apiLoader({
      request,
      params: {},
      context: { clientIp: options.ip ?? "198.51.100.1" },
    } as Parameters<typeof apiLoader>[0]);
    return response;
  }

  it("returns GeoJSON with [longitude, latitude] positions and the same filters as the page", async () => {
    setTestNow(WEDNESDAY_2AM);
    const response = await api("kind=rest_shelter&open=now");
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/geo+json; charset=utf-8");
    expect(response.headers.get("access-control-allow-origin")).toBe("*");
    const body = (await response.json()) as PlaceFeatureCollection;
    expect(body.type).toBe("FeatureCollection");
    expect(body.features.map((f) => f.id).sort()).toEqual(["hapjeong-shelter", "seocho-shelter"]);
    const seocho = body.features.find((f) => f.id === "seocho-shelter")!;
    expect(seocho.geometry).toEqual({ type: "Point", coordinates: [127.0144, 37.4918] });
    expect(seocho.properties).toMatchObject({
      kind: "rest_shelter",
      nameKo: "휴서울노동자쉼터 서초쉼터",
      openNow: true,
      url: "/places/seocho-shelter",
    });
  });

  it("limits the answer to the map's viewport and sorts by distance on request", async () => {
    const mapo = "126.88,37.54,126.93,37.59";
    const body = (await (
      await api(`kind=rest_shelter&bbox=${mapo}`)
    ).json()) as PlaceFeatureCollection;
    expect(body.features.map((f) => f.id).sort()).toEqual(["hapjeong-shelter", "sangam-shelter"]);
    const near = (await (
      await api("kind=rest_shelter&near=37.5794,126.8895")
    ).json()) as PlaceFeatureCollection;
    expect(near.features[0]!.id).toBe("sangam-shelter");
    expect(near.features[0]!.properties.distanceKm).toBe(0);
  });

  it("answers 400 with a message per bad parameter, in the asker's language", async () => {
    const response = await api("district=gotham&bbox=a,b,c,d", {
      headers: { "Accept-Language": "en-GB,en;q=0.8" },
    });
    expect(response.status).toBe(400);
    expect(response.headers.get("content-type")).toContain("application/problem+json");
    const body = (await response.json()) as { problems: { param: string; message: string }[] };
    expect(body.problems).toEqual([
      { param: "district", value: "gotham", message: "'gotham' is not a district of Seoul." },
      expect.objectContaining({ param: "bbox", message: expect.stringContaining("map area") }),
    ]);
    const korean = await api("near=abc");
    expect(
      ((await korean.json()) as { problems: { message: string }[] }).problems[0]!.message,
    ).toContain("위치 좌표");
  });

  it("is cacheable: an ETag of the content, and 304 when it has not changed", async () => {
    setTestNow(WEDNESDAY_2AM);
    const first = await api("kind=labor_center");
    const etag = first.headers.get("etag")!;
    expect(etag).toMatch(/^W\/".+"$/);
    expect(first.headers.get("cache-control")).toBe("public, max-age=60");
    const again = await api("kind=labor_center", { headers: { "If-None-Match": etag } });
    expect(again.status).toBe(304);
    expect(await again.text()).toBe("");
    const other = await api("kind=job_cafe", { headers: { "If-None-Match": etag } });
    expect(other.status).toBe(200);
    expect(other.headers.get("etag")).not.toBe(etag);
  });

  it("rate-limits each client per minute in the database, with Retry-After", async () => {
    process.env.PLACES_API_RATE_LIMIT = "3";
    resetEnvCache();
    const statuses = [];
    for (let i = 0; i < 4; i += 1)
      statuses.push((await api("kind=memorial", { ip: "203.0.113.9" })).status);
    expect(statuses).toEqual([200, 200, 200, 429]);
    const refused = await api("kind=memorial", { ip: "203.0.113.9" });
    const retryAfter = Number(refused.headers.get("retry-after"));
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(60);
    expect(refused.headers.get("ratelimit-remaining")).toBe("0");
    // another client is not affected
    expect((await api("kind=memorial", { ip: "203.0.113.10" })).status).toBe(200);
    // when the minute has passed the client starts afresh, and the old counter is swept away
    await db.rateLimit.updateMany({
      where: { key: "places-api:203.0.113.9" },
      data: { expire: new Date(Date.now() - 1) },
    });
    expect((await api("kind=memorial", { ip: "203.0.113.9" })).status).toBe(200);
    await db.rateLimit.updateMany({
      where: { key: "places-api:203.0.113.10" },
      data: { expire: new Date(Date.now() - 1) },
    });
    expect(await pruneRateLimits()).toBeGreaterThanOrEqual(1);
    expect(await db.rateLimit.count({ where: { key: "places-api:203.0.113.10" } })).toBe(0);
  });

  it("counts concurrent requests exactly", async () => {
    process.env.PLACES_API_RATE_LIMIT = "5";
    resetEnvCache();
    const statuses = await Promise.all(
      Array.from({ length: 12 }, () =>
        api("kind=memorial", { ip: "203.0.113.77" }).then((r) => r.status),
      ),
    );
    expect(statuses.filter((s) => s === 200)).toHaveLength(5);
    expect(statuses.filter((s) => s === 429)).toHaveLength(7);
  });
});

describe("GET /api/places with reads shared (production)", () => {
  afterEach(() => {
    delete process.env.RESPONSE_CACHE_SECONDS;
    resetEnvCache();
    forgetSharedReads();
  });

  const ask = (query: string, ip = "198.51.100.2") =>
    apiLoader({
      request: getRequest(`/api/places?${query}`),
      params: {},
      context: { clientIp: ip },
    } as Parameters<typeof apiLoader>[0]);
  const ids = async (response: Response) =>
    ((await response.json()) as PlaceFeatureCollection).features.map((f) => f.id);

  it("reads the places once for every viewport and distance, and each answer is its own", async () => {
    process.env.RESPONSE_CACHE_SECONDS = "15";
    // no rate limit: its counter is a statement of its own
    process.env.PLACES_API_RATE_LIMIT = "0";
    resetEnvCache();
    forgetSharedReads();
    setTestNow(WEDNESDAY_2AM);
    const whole = await ids(await ask("kind=rest_shelter"));
    const before = statementCount();
    const mapo = await ids(await ask("kind=rest_shelter&bbox=126.88,37.54,126.93,37.59"));
    const near = await ask("kind=rest_shelter&near=37.5794,126.8895");
    expect(statementCount() - before).toBe(0);
    expect(mapo.sort()).toEqual(["hapjeong-shelter", "sangam-shelter"]);
    const byDistance = ((await near.json()) as PlaceFeatureCollection).features;
    expect(byDistance.map((f) => f.id).sort()).toEqual([...whole].sort());
    expect(byDistance[0]).toMatchObject({ id: "sangam-shelter", properties: { distanceKm: 0 } });
    // the shared list itself was not reordered or cut by those answers
    expect(await ids(await ask("kind=rest_shelter"))).toEqual(whole);
    // other filters are another read
    await ask("kind=job_cafe");
    expect(statementCount() - before).toBeGreaterThan(0);
  });

  it("still counts every request against the client's limit", async () => {
    process.env.RESPONSE_CACHE_SECONDS = "15";
    process.env.PLACES_API_RATE_LIMIT = "2";
    resetEnvCache();
    forgetSharedReads();
    const statuses = [];
    for (let i = 0; i < 3; i += 1)
      statuses.push((await ask("kind=memorial", "203.0.113.30")).status);
    expect(statuses).toEqual([200, 200, 429]);
  });
});

describe("a place's page", () => {
  it("says what the place is, whether it is open, and links to book", async () => {
    setTestNow(WEDNESDAY_2AM);
    const response = await call(placeLoader, getRequest("/places/seoul-labor-rights-center"), {
      slug: "seoul-labor-rights-center",
    });
    const { place, editHref } = response.data as {
      place: {
        nameKo: string;
        week: { isToday: boolean; intervals: unknown[] }[];
        services: { slug: string; bookable: boolean }[];
        status: { open: boolean };
      };
      editHref: string | null;
    };
    expect(place.nameKo).toBe("서울노동권익센터");
    expect(place.status.open).toBe(false);
    expect(place.week).toHaveLength(7);
    expect(place.week.filter((day) => day.isToday)).toHaveLength(1);
    expect(place.services).toContainEqual(
      expect.objectContaining({ slug: "seoul-labor-rights-center-consultation", bookable: true }),
    );
    expect(editHref).toBeNull();
    expect(response.data).not.toHaveProperty("place.id");
  });

  it("answers 404 for a place that does not exist", async () => {
    const response = await call(placeLoader, getRequest("/places/atlantis"), { slug: "atlantis" });
    expect(response.status).toBe(404);
  });

  it("shows the way to the back office only to staff of the place and admins", async () => {
    const place = await db.place.findUniqueOrThrow({ where: { slug: "seocho-shelter" } });
    const own = await makeStaff(place.id);
    const other = await makeStaff(
      (await db.place.findUniqueOrThrow({ where: { slug: "sangam-shelter" } })).id,
    );
    const asOwn = await call(
      placeLoader,
      getRequest("/places/seocho-shelter", { cookie: own.cookie }),
      {
        slug: "seocho-shelter",
      },
    );
    expect((asOwn.data as { editHref: string }).editHref).toBe(`/staff/places/${place.id}`);
    const asOther = await call(
      placeLoader,
      getRequest("/places/seocho-shelter", { cookie: other.cookie }),
      {
        slug: "seocho-shelter",
      },
    );
    expect((asOther.data as { editHref: string | null }).editHref).toBeNull();
  });
});
