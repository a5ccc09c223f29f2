import { describe, expect, it } from "vitest";
import { findOverlap, passesMidnight, type WeeklyInterval } from "./intervals";

const EVERY_DAY = [1, 2, 3, 4, 5, 6, 7];
const weekly = (days: number[], opens: string, closes: string): WeeklyInterval[] =>
  days.map((weekday) => ({ weekday, opens, closes }));

describe("passesMidnight", () => {
  it("is true when closing is not after opening", () => {
    expect(passesMidnight({ opens: "18:00", closes: "06:00" })).toBe(true);
    expect(passesMidnight({ opens: "00:00", closes: "00:00" })).toBe(true);
    expect(passesMidnight({ opens: "09:00", closes: "18:00" })).toBe(false);
  });
});

describe("findOverlap", () => {
  it("finds intervals that overlap on a day, past midnight and over the week end", () => {
    expect(findOverlap(weekly(EVERY_DAY, "18:00", "06:00"))).toBeNull();
    expect(findOverlap(weekly(EVERY_DAY, "08:30", "06:00"))).toBeNull();
    expect(
      findOverlap([
        { weekday: 1, opens: "09:00", closes: "12:00" },
        { weekday: 1, opens: "12:00", closes: "18:00" },
      ]),
    ).toBeNull();
    expect(
      findOverlap([
        { weekday: 1, opens: "09:00", closes: "12:00" },
        { weekday: 1, opens: "11:00", closes: "18:00" },
      ]),
    ).toEqual([0, 1]);
    expect(
      findOverlap([
        { weekday: 2, opens: "22:00", closes: "07:00" },
        { weekday: 3, opens: "06:00", closes: "09:00" },
      ]),
    ).toEqual([0, 1]);
    expect(
      findOverlap([
        { weekday: 1, opens: "05:00", closes: "09:00" },
        { weekday: 7, opens: "20:00", closes: "06:00" },
      ]),
    ).toEqual([0, 1]);
    expect(findOverlap(weekly(EVERY_DAY, "00:00", "00:00"))).toBeNull();
  });
});
