import fc from "fast-check";
import { afterEach, describe, expect, it } from "vitest";
import { addDays, isoWeekday, seoulInstant, seoulParts } from "~/domain/shared/seoul-time";
import {
  isOpenAt,
  nextChange,
  statusAt,
  weekTable,
  type ClosurePeriod,
  type PlaceHours,
  type WeeklyInterval,
} from "./hours";

const EVERY_DAY = [1, 2, 3, 4, 5, 6, 7];
const WEEKDAYS = [1, 2, 3, 4, 5];
const MINUTE = 60_000;

function weekly(days: number[], opens: string, closes: string): WeeklyInterval[] {
  return days.map((weekday) => ({ weekday, opens, closes }));
}

// The four rest shelters as the seed has them (report hours; weekdays are sample data).
const SEOCHO: PlaceHours = {
  weekly: weekly(EVERY_DAY, "18:00", "06:00"),
  closures: [],
  closedOnPublicHolidays: false,
};
const HAPJEONG: PlaceHours = {
  weekly: weekly(EVERY_DAY, "08:30", "06:00"),
  closures: [],
  closedOnPublicHolidays: false,
};
const BUKCHANG: PlaceHours = {
  weekly: weekly([1, 2, 3, 4, 5, 6], "08:30", "20:00"),
  closures: [],
  closedOnPublicHolidays: true,
};
const SANGAM: PlaceHours = {
  weekly: weekly(WEEKDAYS, "09:30", "18:00"),
  closures: [],
  closedOnPublicHolidays: true,
};

const at = (date: string, time: string) => seoulInstant(date, time);
const clock = (minutes: number) =>
  `${String(Math.floor(minutes / 60)).padStart(2, "0")}:${String(minutes % 60).padStart(2, "0")}`;

// ── generators ──
const minuteOfDay = fc.integer({ min: 0, max: 1439 });
const clockTime = minuteOfDay.map(clock);
const calendarDate = fc
  .integer({ min: 0, max: 365 * 8 })
  .map((days) => addDays("2024-01-01", days));
/** Instants anywhere, and often within minutes of a Seoul midnight (where the bugs live). */
const instant = fc.oneof(
  fc
    .tuple(calendarDate, minuteOfDay, fc.integer({ min: 0, max: 59_999 }))
    .map(([date, minutes, ms]) => new Date(seoulInstant(date, clock(minutes)).getTime() + ms)),
  fc
    .tuple(calendarDate, fc.integer({ min: -5 * MINUTE, max: 5 * MINUTE }))
    .map(([date, offset]) => new Date(seoulInstant(date, "00:00").getTime() + offset)),
);
const interval = fc.record({
  weekday: fc.integer({ min: 1, max: 7 }),
  opens: clockTime,
  closes: clockTime,
});
const closure: fc.Arbitrary<ClosurePeriod> = fc
  .tuple(calendarDate, fc.integer({ min: 0, max: 20 }))
  .map(([startDate, length]) => ({ startDate, endDate: addDays(startDate, length) }));
const placeHours: fc.Arbitrary<PlaceHours> = fc.record({
  weekly: fc.array(interval, { maxLength: 6 }),
  closures: fc.array(closure, { maxLength: 3 }),
  closedOnPublicHolidays: fc.boolean(),
});

describe("the report's shelters at the end-to-end clock (Wednesday 2026-11-25, 02:00)", () => {
  const now = at("2026-11-25", "02:00");

  it("has exactly the overnight shelters open", () => {
    expect(isOpenAt(SEOCHO, now)).toBe(true);
    expect(isOpenAt(HAPJEONG, now)).toBe(true);
    expect(isOpenAt(BUKCHANG, now)).toBe(false);
    expect(isOpenAt(SANGAM, now)).toBe(false);
  });

  it("says when each closes or opens", () => {
    expect(statusAt(SEOCHO, now)).toEqual({
      open: true,
      closesAt: at("2026-11-25", "06:00"),
      closesInDays: 0,
    });
    expect(statusAt(BUKCHANG, now)).toMatchObject({
      open: false,
      reason: null,
      opensAt: at("2026-11-25", "08:30"),
      opensInDays: 0,
    });
    expect(statusAt(SANGAM, now)).toMatchObject({ opensAt: at("2026-11-25", "09:30") });
  });

  it("has Seocho open until 06:00 tomorrow from the evening on", () => {
    expect(statusAt(SEOCHO, at("2026-11-25", "19:00"))).toEqual({
      open: true,
      closesAt: at("2026-11-26", "06:00"),
      closesInDays: 1,
    });
    expect(statusAt(SEOCHO, at("2026-11-25", "12:00"))).toMatchObject({
      open: false,
      opensAt: at("2026-11-25", "18:00"),
      opensInDays: 0,
    });
  });

  it("opens and closes on the minute", () => {
    expect(isOpenAt(SEOCHO, new Date(at("2026-11-25", "06:00").getTime() - 1))).toBe(true);
    expect(isOpenAt(SEOCHO, at("2026-11-25", "06:00"))).toBe(false);
    expect(isOpenAt(SEOCHO, new Date(at("2026-11-25", "18:00").getTime() - 1))).toBe(false);
    expect(isOpenAt(SEOCHO, at("2026-11-25", "18:00"))).toBe(true);
  });

  it("keeps Bukchang closed on Sundays and open on Saturdays", () => {
    expect(isOpenAt(BUKCHANG, at("2026-11-28", "10:00"))).toBe(true);
    expect(statusAt(BUKCHANG, at("2026-11-29", "10:00"))).toMatchObject({
      open: false,
      reason: null,
      opensAt: at("2026-11-30", "08:30"),
      opensInDays: 1,
    });
  });
});

describe("public holidays (from the maintained library, lunar ones included)", () => {
  it("closes Bukchang over Chuseok 2026 (24–26 September) and says why", () => {
    const status = statusAt(BUKCHANG, at("2026-09-24", "10:00"));
    expect(status).toMatchObject({
      open: false,
      reason: "holiday",
      opensAt: at("2026-09-28", "08:30"),
      opensInDays: 4,
    });
    expect(status.open === false && status.holiday?.nameKo).toBe("추석");
  });

  it("closes on Seollal, a lunar holiday whose date moves every year", () => {
    expect(isOpenAt(SANGAM, at("2027-02-08", "10:00"))).toBe(false);
    expect(isOpenAt(SANGAM, at("2027-02-09", "10:00"))).toBe(false); // substitute holiday
    expect(isOpenAt(SANGAM, at("2027-02-10", "10:00"))).toBe(true);
  });

  it("keeps shelters that do not close on holidays open", () => {
    expect(isOpenAt(SEOCHO, at("2026-09-25", "02:00"))).toBe(true);
    expect(isOpenAt(HAPJEONG, at("2026-09-25", "12:00"))).toBe(true);
  });

  it("lets the evening-before interval run into the holiday, and cancels the holiday's own", () => {
    const overnight: PlaceHours = { ...SEOCHO, closedOnPublicHolidays: true };
    // Wed 23 Sep 18:00 → Thu 24 Sep 06:00 belongs to Wednesday, a working day.
    expect(isOpenAt(overnight, at("2026-09-24", "02:00"))).toBe(true);
    expect(statusAt(overnight, at("2026-09-24", "02:00"))).toMatchObject({
      closesAt: at("2026-09-24", "06:00"),
    });
    // Thursday's, Friday's and Saturday's intervals (opening on the holidays) do not take place.
    expect(isOpenAt(overnight, at("2026-09-24", "18:00"))).toBe(false);
    expect(isOpenAt(overnight, at("2026-09-25", "02:00"))).toBe(false);
    expect(isOpenAt(overnight, at("2026-09-27", "02:00"))).toBe(false);
    expect(statusAt(overnight, at("2026-09-24", "12:00"))).toMatchObject({
      reason: "holiday",
      opensAt: at("2026-09-27", "18:00"),
    });
  });
});

describe("closures", () => {
  const closed: PlaceHours = {
    ...SANGAM,
    closures: [
      {
        startDate: "2026-11-30",
        endDate: "2026-12-02",
        reasonKo: "시설 점검",
        reasonEn: "Repairs",
      },
    ],
  };

  it("cancels the days in the closure, inclusive, and says why", () => {
    expect(isOpenAt(closed, at("2026-11-27", "10:00"))).toBe(true);
    expect(isOpenAt(closed, at("2026-11-30", "10:00"))).toBe(false);
    expect(isOpenAt(closed, at("2026-12-02", "10:00"))).toBe(false);
    expect(isOpenAt(closed, at("2026-12-03", "10:00"))).toBe(true);
    expect(statusAt(closed, at("2026-12-01", "08:00"))).toMatchObject({
      open: false,
      reason: "closure",
      closure: { reasonEn: "Repairs" },
      opensAt: at("2026-12-03", "09:30"),
    });
  });

  it("finds the next opening after a long closure", () => {
    const long: PlaceHours = {
      ...SANGAM,
      closures: [{ startDate: "2026-11-01", endDate: "2027-01-31" }],
    };
    expect(nextChange(long, at("2026-11-25", "10:00"))).toEqual({
      open: false,
      at: at("2027-02-01", "09:30"),
    });
  });

  it("knows no opening when there are no hours at all", () => {
    const none: PlaceHours = { weekly: [], closures: [], closedOnPublicHolidays: false };
    expect(statusAt(none, at("2026-11-25", "10:00"))).toMatchObject({
      open: false,
      opensAt: null,
    });
  });
});

describe("around the clock", () => {
  it("treats opens = closes as 24 hours, and a full week of them as having no end", () => {
    const always: PlaceHours = {
      weekly: weekly(EVERY_DAY, "00:00", "00:00"),
      closures: [],
      closedOnPublicHolidays: false,
    };
    expect(statusAt(always, at("2026-11-25", "03:00"))).toEqual({
      open: true,
      closesAt: null,
      closesInDays: 0,
    });
    const weekdaysOnly: PlaceHours = { ...always, weekly: weekly(WEEKDAYS, "00:00", "00:00") };
    // Monday 00:00 to Saturday 00:00, in one run.
    expect(nextChange(weekdaysOnly, at("2026-11-23", "12:00"))).toEqual({
      open: true,
      at: at("2026-11-28", "00:00"),
    });
  });

  it("merges a day's intervals that touch", () => {
    const split: PlaceHours = {
      weekly: [
        { weekday: 3, opens: "09:00", closes: "12:00" },
        { weekday: 3, opens: "12:00", closes: "18:00" },
      ],
      closures: [],
      closedOnPublicHolidays: false,
    };
    expect(nextChange(split, at("2026-11-25", "10:00")).at).toEqual(at("2026-11-25", "18:00"));
  });
});

describe("properties", () => {
  it("an interval passing midnight is open until its closing time the next day, across week ends", () => {
    fc.assert(
      fc.property(calendarDate, minuteOfDay, minuteOfDay, minuteOfDay, (date, a, b, x) => {
        const [closes, opens] = a <= b ? [a, b] : [b, a]; // closes ≤ opens: passes midnight
        const hours: PlaceHours = {
          weekly: [{ weekday: isoWeekday(date), opens: clock(opens), closes: clock(closes) }],
          closures: [],
          closedOnPublicHolidays: false,
        };
        const next = addDays(date, 1);
        expect(isOpenAt(hours, at(date, clock(x)))).toBe(x >= opens);
        expect(isOpenAt(hours, at(next, clock(x)))).toBe(x < closes);
      }),
      { numRuns: 500 },
    );
  });

  it("answers the same whether asked directly or through the next change", () => {
    fc.assert(
      fc.property(placeHours, instant, (hours, moment) => {
        expect(nextChange(hours, moment).open).toBe(isOpenAt(hours, moment));
      }),
      { numRuns: 1000 },
    );
  });

  it("changes state exactly at the next change, and not before", () => {
    fc.assert(
      fc.property(
        placeHours,
        instant,
        fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }),
        (h, t, f) => {
          const change = nextChange(h, t, 60);
          if (change.at === null) return;
          const when = change.at.getTime();
          expect(when).toBeGreaterThan(t.getTime());
          expect(isOpenAt(h, change.at)).toBe(!change.open);
          expect(isOpenAt(h, new Date(when - 1))).toBe(change.open);
          const between = new Date(t.getTime() + Math.floor((when - t.getTime()) * f));
          expect(isOpenAt(h, between)).toBe(change.open);
        },
      ),
      { numRuns: 1000 },
    );
  });

  it("is never open on a cancelled day's own intervals, and still runs the eve's into it", () => {
    fc.assert(
      fc.property(calendarDate, minuteOfDay, minuteOfDay, (date, a, b) => {
        fc.pre(a !== b);
        const [closes, opens] = a < b ? [a, b] : [b, a];
        const hours: PlaceHours = {
          weekly: weekly(EVERY_DAY, clock(opens), clock(closes)),
          closures: [{ startDate: date, endDate: date }],
          closedOnPublicHolidays: false,
        };
        // the eve's interval reaches into the closed day…
        expect(isOpenAt(hours, at(date, clock(Math.max(0, closes - 1))))).toBe(closes > 0);
        // …but the closed day's own does not take place, before or after midnight
        expect(isOpenAt(hours, at(date, clock(opens)))).toBe(false);
        expect(isOpenAt(hours, at(addDays(date, 1), "00:00"))).toBe(false);
      }),
      { numRuns: 300 },
    );
  });

  it("gives a Monday-to-Sunday week holding today exactly once", () => {
    fc.assert(
      fc.property(placeHours, instant, (hours, moment) => {
        const week = weekTable(hours, moment);
        expect(week.map((day) => day.weekday)).toEqual([1, 2, 3, 4, 5, 6, 7]);
        for (let i = 1; i < 7; i += 1) expect(week[i]!.date).toBe(addDays(week[i - 1]!.date, 1));
        const today = week.filter((day) => day.isToday);
        expect(today).toHaveLength(1);
        expect(today[0]!.date).toBe(seoulParts(moment).date);
        // an interval is marked as taking place exactly when the place is open, unless what
        // runs began the Sunday before this week's Monday
        const running = week.some((day) => day.intervals.some((interval) => interval.now));
        if (running) expect(isOpenAt(hours, moment)).toBe(true);
        if (seoulParts(moment).weekday !== 1) expect(running).toBe(isOpenAt(hours, moment));
      }),
      { numRuns: 300 },
    );
  });

  it("after midnight marks last night's interval as the one taking place, not today's", () => {
    const overnight = {
      weekly: [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({
        weekday,
        opens: "22:00",
        closes: "06:00",
      })),
      closures: [],
      closedOnPublicHolidays: false,
    };
    // Wednesday 25 November 2026, 02:00: Tuesday's 22:00–06:00 is running
    const week = weekTable(overnight, seoulInstant("2026-11-25", "02:00"));
    const running = week.filter((day) => day.intervals.some((interval) => interval.now));
    expect(running.map((day) => day.date)).toEqual(["2026-11-24"]);
    expect(week.find((day) => day.isToday)!.date).toBe("2026-11-25");
    // at 23:00 the same day it is Wednesday's own
    const evening = weekTable(overnight, seoulInstant("2026-11-25", "23:00"));
    expect(
      evening.filter((day) => day.intervals.some((interval) => interval.now)).map((d) => d.date),
    ).toEqual(["2026-11-25"]);
  });
});

describe("whatever the server's time zone", () => {
  const original = process.env.TZ;
  afterEach(() => {
    process.env.TZ = original;
  });

  it("gives the same answers in New York, UTC and Chatham as in Seoul", () => {
    const samples = fc.sample(fc.tuple(placeHours, instant), { numRuns: 200, seed: 42 });
    const answers = (zone: string) => {
      process.env.TZ = zone;
      return samples.map(([hours, moment]) => [
        isOpenAt(hours, moment),
        nextChange(hours, moment).at?.toISOString() ?? null,
        weekTable(hours, moment)[0]!.date,
      ]);
    };
    const seoul = answers("Asia/Seoul");
    expect(new Date(2026, 0, 1).getTimezoneOffset()).toBe(-540);
    for (const zone of ["America/New_York", "UTC", "Pacific/Chatham"]) {
      expect(answers(zone)).toEqual(seoul);
    }
  });
});
