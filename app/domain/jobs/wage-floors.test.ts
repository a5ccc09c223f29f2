import { describe, expect, it } from "vitest";
import { belowFloor, floorsFor, floorSummaries, workYears, type WageFloor } from "./wage-floors";

const floors: WageFloor[] = [
  { kind: "minimum", year: 2024, hourlyKrw: 9860, source: "고시 2023" },
  { kind: "minimum", year: 2025, hourlyKrw: 10030, source: "고시 2024" },
  { kind: "minimum", year: 2026, hourlyKrw: 10320, source: "고시 2025" },
  { kind: "living", year: 2018, hourlyKrw: 9220, source: "report" },
  { kind: "living", year: 2026, hourlyKrw: 12121, source: "issue 15" },
];

describe("wage floors of a work period", () => {
  it("lists every calendar year the period touches", () => {
    expect(workYears({ startDate: "2025-11-03", endDate: "2027-02-28" })).toEqual([
      2025, 2026, 2027,
    ]);
    expect(workYears({ startDate: "2026-05-01", endDate: "2025-01-01" })).toEqual([]);
  });

  it("applies each year's own minimum wage across 2025–2026", () => {
    const applied = floorsFor(
      floors,
      { startDate: "2025-07-01", endDate: "2026-06-30" },
      "minimum",
    );
    expect(applied).toEqual([
      {
        year: 2025,
        kind: "minimum",
        known: true,
        hourlyKrw: 10030,
        source: "고시 2024",
        fromYear: 2025,
        latestKnown: false,
      },
      {
        year: 2026,
        kind: "minimum",
        known: true,
        hourlyKrw: 10320,
        source: "고시 2025",
        fromYear: 2026,
        latestKnown: false,
      },
    ]);
  });

  it("refuses a wage lawful in 2025 but below 2026's minimum, naming 2026", () => {
    const period = { startDate: "2025-07-01", endDate: "2026-06-30" };
    expect(belowFloor(10030, period, "public_work", floors)).toEqual({
      year: 2026,
      kind: "minimum",
      floorKrw: 10320,
      fromYear: 2026,
      latestKnown: false,
      source: "고시 2025",
    });
    expect(belowFloor(10320, period, "public_work", floors)).toBeNull();
  });

  it("uses 2026's figure, flagged as the latest known, for work in 2028", () => {
    const period = { startDate: "2028-03-02", endDate: "2028-12-31" };
    expect(floorsFor(floors, period, "minimum")).toEqual([
      {
        year: 2028,
        kind: "minimum",
        known: true,
        hourlyKrw: 10320,
        source: "고시 2025",
        fromYear: 2026,
        latestKnown: true,
      },
    ]);
    expect(belowFloor(10000, period, "other_public", floors)).toMatchObject({
      year: 2028,
      floorKrw: 10320,
      fromYear: 2026,
      latestKnown: true,
    });
  });

  it("checks New Deal against the living wage only of the years where it is known", () => {
    // 2025: living wage not recorded (a gap between 2018 and 2026): the minimum wage alone
    const in2025 = { startDate: "2025-01-02", endDate: "2025-12-31" };
    expect(belowFloor(10030, in2025, "new_deal", floors)).toBeNull();
    expect(belowFloor(10029, in2025, "new_deal", floors)).toMatchObject({
      year: 2025,
      kind: "minimum",
      floorKrw: 10030,
    });
    // the same wage into 2026 falls below 2026's living wage
    const into2026 = { startDate: "2025-01-02", endDate: "2026-03-31" };
    expect(belowFloor(11000, into2026, "new_deal", floors)).toMatchObject({
      year: 2026,
      kind: "living",
      floorKrw: 12121,
    });
    // other kinds never meet the living wage
    expect(belowFloor(11000, into2026, "public_work", floors)).toBeNull();
  });

  it("reports a minimum-wage breach before a living-wage one", () => {
    const period = { startDate: "2026-01-05", endDate: "2026-12-31" };
    expect(belowFloor(9000, period, "new_deal", floors)).toMatchObject({ kind: "minimum" });
  });

  it("checks nothing for a year before the first recorded one", () => {
    const period = { startDate: "2020-01-01", endDate: "2020-12-31" };
    expect(floorsFor(floors, period, "minimum")).toEqual([
      { year: 2020, kind: "minimum", known: false },
    ]);
    expect(belowFloor(1, period, "public_work", floors)).toBeNull();
  });

  it("summarises, for the page, the binding floor and the years without their own figure", () => {
    const period = { startDate: "2025-03-01", endDate: "2027-02-28" };
    const [minimum, living] = floorSummaries(floors, period, "new_deal");
    expect(minimum).toMatchObject({
      kind: "minimum",
      binding: { hourlyKrw: 10320, fromYear: 2026 },
      latestKnownYears: [2027],
      unknownYears: [],
    });
    expect(living).toMatchObject({
      kind: "living",
      binding: { hourlyKrw: 12121, fromYear: 2026 },
      latestKnownYears: [2027],
      unknownYears: [2025],
    });
    expect(floorSummaries(floors, period, "public_work").map((s) => s.kind)).toEqual(["minimum"]);
  });
});
