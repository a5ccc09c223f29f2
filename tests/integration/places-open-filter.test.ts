// The directory's "open" filter runs in SQL (so the database can count and page); the rule itself
// is the pure isOpenAt. Over a week with Chuseok, closures and awkward hours, both must agree on
// every place at every half hour and the minute before it.
import { beforeAll, describe, expect, it } from "vitest";
import { seedDirectory } from "../../prisma/seed";
import { isOpenAt } from "~/domain/places/hours";
import { nextOpenings, placeFeatures, searchPlaces } from "~/domain/places/directory.server";
import { addDays, seoulInstant } from "~/domain/shared/seoul-time";
import { getDb } from "~/utils/db.server";

const db = getDb();

const TRICKY: Array<{
  slug: string;
  closedOnPublicHolidays: boolean;
  weekly: Array<[number[], string, string]>;
  closures?: Array<[string, string]>;
}> = [
  {
    slug: "overnight-closes-on-holidays",
    closedOnPublicHolidays: true,
    weekly: [[[1, 2, 3, 4, 5, 6, 7], "22:00", "06:00"]],
  },
  {
    slug: "round-the-clock-closes-on-holidays",
    closedOnPublicHolidays: true,
    weekly: [[[1, 2, 3, 4, 5, 6, 7], "00:00", "00:00"]],
  },
  {
    slug: "until-midnight",
    closedOnPublicHolidays: false,
    weekly: [[[1, 2, 3, 4, 5], "22:00", "00:00"]],
  },
  {
    slug: "lunch-break",
    closedOnPublicHolidays: true,
    weekly: [
      [[1, 2, 3, 4, 5], "09:00", "12:00"],
      [[1, 2, 3, 4, 5], "13:00", "18:00"],
    ],
  },
  { slug: "sunday-night", closedOnPublicHolidays: false, weekly: [[[7], "20:00", "04:00"]] },
  {
    slug: "overnight-with-closure",
    closedOnPublicHolidays: false,
    weekly: [[[1, 2, 3, 4, 5, 6, 7], "18:00", "06:00"]],
    closures: [["2026-09-27", "2026-09-28"]],
  },
];

beforeAll(async () => {
  await seedDirectory(db);
  await db.closure.create({
    data: {
      placeId: (await db.place.findUniqueOrThrow({ where: { slug: "hapjeong-shelter" } })).id,
      startDate: "2026-09-23",
      endDate: "2026-09-23",
    },
  });
  for (const place of TRICKY) {
    await db.place.create({
      data: {
        slug: place.slug,
        kind: "rest_shelter",
        nameKo: place.slug,
        nameEn: place.slug,
        addressKo: "서울",
        addressEn: "Seoul",
        district: "jung",
        latitude: 37.56,
        longitude: 126.98,
        closedOnPublicHolidays: place.closedOnPublicHolidays,
        openingHours: {
          create: place.weekly.flatMap(([days, opens, closes]) =>
            days.map((weekday) => ({ weekday, opens, closes })),
          ),
        },
        closures: {
          create: (place.closures ?? []).map(([startDate, endDate]) => ({ startDate, endDate })),
        },
      },
    });
  }
});

describe("the open filter in SQL", () => {
  // 672 moments, one search each: seconds on a quiet machine, more on a busy one
  it(
    "agrees with isOpenAt for every place, every half hour of Chuseok week and the minute before",
    { timeout: 120_000 },
    async () => {
      const places = await db.place.findMany({
        select: {
          slug: true,
          closedOnPublicHolidays: true,
          openingHours: { select: { weekday: true, opens: true, closes: true } },
          closures: { select: { startDate: true, endDate: true } },
        },
      });
      const instants: Date[] = [];
      for (let day = 0; day < 7; day += 1) {
        for (let minutes = 0; minutes < 1440; minutes += 30) {
          const clock = `${String(Math.floor(minutes / 60)).padStart(2, "0")}:${String(minutes % 60).padStart(2, "0")}`;
          const instant = seoulInstant(addDays("2026-09-22", day), clock);
          instants.push(instant, new Date(instant.getTime() - 60_000));
        }
      }
      let checked = 0;
      for (const at of instants) {
        const expected = places
          .filter((place) =>
            isOpenAt(
              {
                weekly: place.openingHours,
                closures: place.closures,
                closedOnPublicHolidays: place.closedOnPublicHolidays,
              },
              at,
            ),
          )
          .map((place) => place.slug)
          .sort();
        const iso = at.toISOString();
        const date = new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Seoul" }).format(at);
        const time = new Intl.DateTimeFormat("en-GB", {
          timeZone: "Asia/Seoul",
          hour: "2-digit",
          minute: "2-digit",
          hourCycle: "h23",
        }).format(at);
        const result = await searchPlaces(
          { page: 1, open: { mode: "at", date, time } },
          { now: at, language: "ko", pageSize: 1000 },
        );
        expect(result.items.map((item) => item.slug).sort(), iso).toEqual(expected);
        checked += expected.length;
      }
      // the week really exercised both answers
      expect(checked).toBeGreaterThan(instants.length);
    },
  );

  it("marks the GeoJSON features open now the same way", async () => {
    const at = seoulInstant("2026-09-24", "02:00"); // Chuseok, 02:00
    const features = await placeFeatures({ page: 1 }, { now: at });
    const open = features
      .filter((f) => f.properties.openNow)
      .map((f) => f.id)
      .sort();
    // Hapjeong is closed: its Wednesday run was cancelled by Wednesday's closure
    expect(open).toEqual(
      [
        "overnight-closes-on-holidays", // Wednesday evening's run, into the holiday
        "overnight-with-closure",
        "seocho-shelter",
      ].sort(),
    );
  });
});

describe("open first, and the status at the time asked about", () => {
  const at = seoulInstant("2026-11-25", "02:00"); // a Wednesday night
  const openNow = async () =>
    (
      await searchPlaces(
        { page: 1, open: { mode: "now" } },
        { now: at, language: "ko", pageSize: 1000 },
      )
    ).items.map((item) => item.slug);

  it("lists the places open now first, then the others, each in name order, page after page", async () => {
    const all = await searchPlaces({ page: 1 }, { now: at, language: "ko", pageSize: 1000 });
    const open = new Set(await openNow());
    expect(open.size).toBeGreaterThan(0);
    expect(open.size).toBeLessThan(all.total);
    const first = await searchPlaces(
      { page: 1 },
      { now: at, language: "ko", pageSize: 1000, openFirst: true },
    );
    const slugs = first.items.map((item) => item.slug);
    expect(first.openFirst).toBe(open.size);
    expect(slugs.slice(0, open.size).every((slug) => open.has(slug))).toBe(true);
    expect(slugs.slice(open.size).some((slug) => open.has(slug))).toBe(false);
    expect(first.items.slice(0, open.size).every((item) => item.status.open)).toBe(true);
    // each part keeps the name order of the plain list
    const plain = all.items.map((item) => item.slug);
    expect(slugs.slice(0, open.size)).toEqual(plain.filter((slug) => open.has(slug)));
    expect(slugs.slice(open.size)).toEqual(plain.filter((slug) => !open.has(slug)));
    // pages of three, one after the other, give the same list: nothing lost, nothing twice
    const paged: string[] = [];
    for (let page = 1; page <= Math.ceil(all.total / 3); page += 1) {
      const result = await searchPlaces(
        { page },
        { now: at, language: "ko", pageSize: 3, openFirst: true },
      );
      paged.push(...result.items.map((item) => item.slug));
    }
    expect(paged).toEqual(slugs);
  });

  it("sorted by distance, still puts the open places first, nearest first in each part", async () => {
    const near = { lat: 37.55, lng: 126.92 };
    const result = await searchPlaces(
      { page: 1, near },
      { now: at, language: "ko", pageSize: 1000, openFirst: true },
    );
    const open = new Set(await openNow());
    const openPart = result.items.slice(0, open.size);
    expect(openPart.every((item) => open.has(item.slug))).toBe(true);
    const distances = (items: typeof result.items) => items.map((item) => item.distanceKm!);
    const sortedAsc = (values: number[]) => values.every((v, i) => i === 0 || values[i - 1]! <= v);
    expect(sortedAsc(distances(openPart))).toBe(true);
    expect(sortedAsc(distances(result.items.slice(open.size)))).toBe(true);
  });

  it("says what a place does at the searched time, not now", async () => {
    // asked at Wednesday 02:00 about Monday 10:30
    const result = await searchPlaces(
      { page: 1, open: { mode: "at", date: "2026-11-30", time: "10:30" } },
      { now: at, language: "ko", pageSize: 1000 },
    );
    expect(result.statusAt).toBe(seoulInstant("2026-11-30", "10:30").toISOString());
    expect(result.items.length).toBeGreaterThan(0);
    // every place found is open then, and says so (now, at 02:00, most of them are closed)
    expect(result.items.every((item) => item.status.open)).toBe(true);
    const now = await searchPlaces({ page: 1 }, { now: at, language: "ko", pageSize: 1000 });
    expect(now.statusAt).toBeNull();
  });

  it("when nothing is open, names the places that open next, soonest first", async () => {
    const next = await nextOpenings(
      { page: 1, kind: "job_cafe", open: { mode: "now" } },
      { now: at, language: "ko" },
    );
    expect(next.length).toBeGreaterThan(0);
    expect(next.length).toBeLessThanOrEqual(3);
    const times = next.map((place) => Date.parse(place.opensAt));
    expect(
      times.every((time, i) => time > at.getTime() && (i === 0 || times[i - 1]! <= time)),
    ).toBe(true);
  });
});
