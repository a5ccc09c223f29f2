import { describe, expect, it } from "vitest";
import {
  addDays,
  ageOn,
  isoWeekday,
  seoulInstant,
  seoulParts,
  seoulPartsByIntl,
} from "./seoul-time";

describe("Seoul time", () => {
  it("maps Seoul wall time to the right UTC instant and back", () => {
    const instant = seoulInstant("2026-11-25", "02:00");
    expect(instant.toISOString()).toBe("2026-11-24T17:00:00.000Z");
    expect(seoulParts(instant)).toEqual({
      date: "2026-11-25",
      time: "02:00",
      weekday: 3,
      minutes: 120,
    });
  });

  it("knows the Seoul date when UTC is still on the previous day", () => {
    expect(seoulParts(new Date("2026-12-31T15:30:00Z")).date).toBe("2027-01-01");
  });

  it("adds days across month and year ends and leap days", () => {
    expect(addDays("2026-12-31", 1)).toBe("2027-01-01");
    expect(addDays("2028-02-28", 1)).toBe("2028-02-29");
    expect(addDays("2026-03-01", -1)).toBe("2026-02-28");
  });

  it("gives ISO weekdays", () => {
    expect(isoWeekday("2026-11-23")).toBe(1);
    expect(isoWeekday("2026-11-29")).toBe(7);
  });

  it("counts age with the birthday itself included", () => {
    expect(ageOn("2000-03-15", "2039-03-14")).toBe(38);
    expect(ageOn("2000-03-15", "2039-03-15")).toBe(39);
    expect(ageOn("2004-02-29", "2022-02-28")).toBe(17);
    expect(ageOn("2004-02-29", "2022-03-01")).toBe(18);
  });

  it("works out the parts by arithmetic exactly as Intl does with the named zone", () => {
    const instants = [
      // Seoul midnight and the minute before it, a leap day, the turn of the years
      "2026-11-24T14:59:59.999Z",
      "2026-11-24T15:00:00.000Z",
      "2028-02-28T15:30:00Z",
      "2099-12-31T15:00:00Z",
      "1989-01-01T00:00:00Z",
      // 1988, with daylight saving time in Korea until 9 October: Intl answers
      "1988-08-01T00:00:00Z",
      "1970-01-01T00:00:00Z",
    ].map((iso) => new Date(iso));
    let seed = 20261130;
    for (let i = 0; i < 2_000; i++) {
      seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
      instants.push(new Date(Date.UTC(1989, 0, 1) + (seed / 2 ** 31) * 120 * 365.25 * 86_400_000));
    }
    for (const instant of instants) expect(seoulParts(instant)).toEqual(seoulPartsByIntl(instant));
    expect(seoulParts(new Date("1988-08-01T00:00:00Z")).time).toBe("10:00");
  });
});
