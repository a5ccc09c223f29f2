import { describe, expect, it } from "vitest";
import { monthDays, monthWeeks } from "./calendar";

describe("monthWeeks", () => {
  it("lays December 2026 out in Sunday-first weeks, padded with the days around", () => {
    const weeks = monthWeeks("2026-12");
    expect(weeks).toHaveLength(5);
    // 1 December 2026 is a Tuesday: the first row starts on Sunday 29 November
    expect(weeks[0]!.map((cell) => cell.date)).toEqual([
      "2026-11-29",
      "2026-11-30",
      "2026-12-01",
      "2026-12-02",
      "2026-12-03",
      "2026-12-04",
      "2026-12-05",
    ]);
    expect(weeks[0]![1]!.inMonth).toBe(false);
    expect(weeks[0]![2]!.inMonth).toBe(true);
    expect(weeks.at(-1)!.at(-1)).toEqual({ date: "2027-01-02", inMonth: false });
    expect(weeks.flat().filter((cell) => cell.inMonth)).toHaveLength(31);
  });

  it("needs six rows for a month that starts late in the week", () => {
    // 1 August 2026 is a Saturday
    expect(monthWeeks("2026-08")).toHaveLength(6);
    // February 2026 starts on a Sunday and has 28 days: exactly four rows
    expect(monthWeeks("2026-02")).toHaveLength(4);
  });
});

describe("monthDays", () => {
  it("is the whole month without date filters, and narrowed by them", () => {
    expect(monthDays("2026-12", {})).toEqual({ from: "2026-12-01", to: "2026-12-31" });
    expect(monthDays("2026-12", { from: "2026-11-30", to: "2026-12-06" })).toEqual({
      from: "2026-12-01",
      to: "2026-12-06",
    });
    expect(monthDays("2026-12", { from: "2027-01-05" })).toBeNull();
  });
});
