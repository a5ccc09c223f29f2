// Worked examples, each computed by hand from the statutory formula written beside it.
import { describe, expect, it } from "vitest";
import { checkMinimumWage, severancePay, unpaidWages, weeklyRestAllowance } from "./calculators";

describe("weekly rest allowance (주휴수당)", () => {
  it("pays a part-timer's day in proportion to a 40-hour week", () => {
    // 4 hours × 5 days = 20 h; 20 / 40 × 8 = 4 paid hours × ₩10,320 (2026 minimum wage)
    expect(
      weeklyRestAllowance({ hourlyWage: 10_320, weeklyHours: 20, workedEveryContractedDay: true }),
    ).toEqual({
      eligible: true,
      weeklyHours: 20,
      paidHours: 4,
      hourlyWage: 10_320,
      amount: 41_280,
    });
    // 22 h at ₩10,030 (2024): 22 / 40 × 8 = 4.4 h → ₩44,132
    expect(
      weeklyRestAllowance({ hourlyWage: 10_030, weeklyHours: 22, workedEveryContractedDay: true }),
    ).toMatchObject({ paidHours: 4.4, amount: 44_132 });
  });

  it("starts at exactly 15 hours and stops growing at 40", () => {
    const at = (weeklyHours: number) =>
      weeklyRestAllowance({ hourlyWage: 10_320, weeklyHours, workedEveryContractedDay: true });
    expect(at(15)).toMatchObject({ eligible: true, paidHours: 3, amount: 30_960 });
    expect(at(14.5)).toEqual({ eligible: false, reason: "underFifteenHours", weeklyHours: 14.5 });
    expect(at(40)).toMatchObject({ paidHours: 8, amount: 82_560 });
    expect(at(52)).toMatchObject({ paidHours: 8, amount: 82_560 });
  });

  it("is not owed for a week with a missed contracted day", () => {
    expect(
      weeklyRestAllowance({ hourlyWage: 10_320, weeklyHours: 20, workedEveryContractedDay: false }),
    ).toEqual({ eligible: false, reason: "missedWorkday", weeklyHours: 20 });
  });
});

describe("severance pay (퇴직금)", () => {
  it("pays 30 days of average wage a year, in proportion to the days served", () => {
    // worked 1 Jan 2024 – 31 Dec 2025: retirement date 1 Jan 2026, 366 + 365 = 731 days served;
    // three months before: 1 Oct – 31 Dec 2025 = 92 days, ₩9,000,000 paid → ₩97,826.09 a day;
    // 97,826.09 × 30 × 731 / 365 = ₩5,877,605.7 → ₩5,877,605
    const result = severancePay({
      firstDay: "2024-01-01",
      lastDay: "2025-12-31",
      lastThreeMonthsPay: 9_000_000,
      weeklyHours: 40,
    });
    expect(result).toMatchObject({
      eligible: true,
      serviceDays: 731,
      periodStart: "2025-10-01",
      periodDays: 92,
      amount: 5_877_605,
    });
    if (result.eligible) expect(result.averageDailyWage).toBeCloseTo(97_826.087, 3);
  });

  it("needs a full year: 364 days is not enough, 365 is", () => {
    const served = (lastDay: string) =>
      severancePay({
        firstDay: "2025-01-01",
        lastDay,
        lastThreeMonthsPay: 6_000_000,
        weeklyHours: 20,
      });
    expect(served("2025-12-30")).toEqual({
      eligible: false,
      reason: "underOneYear",
      serviceDays: 364,
    });
    // 365 days; 1 Oct – 31 Dec = 92 days: 6,000,000 / 92 × 30 × 365 / 365 = ₩1,956,521.7
    expect(served("2025-12-31")).toMatchObject({
      eligible: true,
      serviceDays: 365,
      amount: 1_956_521,
    });
  });

  it("is not owed under 15 hours a week", () => {
    expect(
      severancePay({
        firstDay: "2020-01-01",
        lastDay: "2025-12-31",
        lastThreeMonthsPay: 3_000_000,
        weeklyHours: 14,
      }),
    ).toMatchObject({ eligible: false, reason: "underFifteenHours" });
  });

  it("takes three calendar months even when the month is short", () => {
    // last day 30 May 2026: retirement date 31 May; there is no 31 February, so the period is
    // 1 March – 30 May = 91 days
    expect(
      severancePay({
        firstDay: "2024-05-31",
        lastDay: "2026-05-30",
        lastThreeMonthsPay: 9_100_000,
        weeklyHours: 40,
      }),
    ).toMatchObject({ periodStart: "2026-03-01", periodDays: 91 });
  });
});

describe("unpaid wages", () => {
  it("adds the weekly holidays of the weeks worked and takes off what was paid", () => {
    // 20 h × 4 weeks × ₩10,320 = ₩825,600; 4 weekly holidays × ₩41,280 = ₩165,120;
    // owed ₩990,720 − paid ₩500,000 = ₩490,720
    expect(unpaidWages({ hourlyWage: 10_320, weeklyHours: 20, weeks: 4, paid: 500_000 })).toEqual({
      hoursWorked: 80,
      hourlyWage: 10_320,
      earned: 825_600,
      weeklyRest: 165_120,
      weeks: 4,
      paid: 500_000,
      unpaid: 490_720,
    });
  });

  it("owes no weekly holiday under 15 hours and never a negative amount", () => {
    expect(unpaidWages({ hourlyWage: 10_320, weeklyHours: 10, weeks: 4, paid: 0 })).toMatchObject({
      weeklyRest: 0,
      unpaid: 412_800,
    });
    expect(
      unpaidWages({ hourlyWage: 10_320, weeklyHours: 10, weeks: 1, paid: 200_000 }).unpaid,
    ).toBe(0);
  });
});

describe("minimum wage check", () => {
  it("says how far below the year's floor the pay is, or that the year is not recorded", () => {
    expect(checkMinimumWage(9_860, 2026, 10_320)).toEqual({
      known: true,
      year: 2026,
      floor: 10_320,
      hourlyWage: 9_860,
      shortBy: 460,
    });
    expect(checkMinimumWage(10_320, 2026, 10_320)).toMatchObject({ shortBy: 0 });
    expect(checkMinimumWage(9_000, 2010, null)).toEqual({ known: false, year: 2010 });
  });
});

// Worked examples from official figures. Sources:
// - 고용노동부 고시 「2026년 적용 최저임금」 (Ministry of Employment and Labor notice, 2025-08, on
//   the Minimum Wage Commission's decision of 2025-07): 시간급 10,320원; 월 환산액 2,156,880원
//   "주 소정근로 40시간 근무 시, 월 환산 기준시간 수 209시간 (주당 유급주휴 8시간 포함)". The
//   2025 notice: 10,030원, 2,096,270원; the 2024 notice: 9,860원, 2,060,740원, on the same 209 h.
// - 근로기준법 시행령 별표 2 (Enforcement Decree of the Labor Standards Act, annex 2): a
//   part-timer's paid holiday is in proportion to a full-timer's contracted hours.
// - 근로자퇴직급여 보장법 제8조 and 근로기준법 제2조 ① 6 (severance: 30 days of average wage a
//   year; average wage = the three calendar months' wages ÷ their days). We found no official
//   worked severance example in the searched material, so the severance case below applies the
//   statutory formula to the notice's monthly minimum wage, and says so.
describe("official worked examples", () => {
  /** the notice's monthly hours: (40 h + the paid holiday) a week × the average weeks of a month */
  const monthlyHours = (paidHolidayHours: number) =>
    Math.round(((40 + paidHolidayHours) * 365) / 7 / 12);

  for (const [year, hourly, monthly] of [
    [2026, 10_320, 2_156_880],
    [2025, 10_030, 2_096_270],
    [2024, 9_860, 2_060_740],
  ] as const) {
    it(`${year}: a 40-hour week's paid holiday is 8 hours, the month 209 hours = ₩${monthly.toLocaleString("en")}`, () => {
      const week = weeklyRestAllowance({
        hourlyWage: hourly,
        weeklyHours: 40,
        workedEveryContractedDay: true,
      });
      expect(week).toMatchObject({ eligible: true, paidHours: 8, amount: 8 * hourly });
      if (!week.eligible) return;
      expect(monthlyHours(week.paidHours)).toBe(209);
      expect(monthlyHours(week.paidHours) * hourly).toBe(monthly);
    });
  }

  it("unpaid wages: four full-time weeks at the 2026 minimum wage, nothing paid", () => {
    // 160 h × ₩10,320 = ₩1,651,200; 4 paid holidays × 8 h × ₩10,320 = ₩330,240
    expect(unpaidWages({ hourlyWage: 10_320, weeklyHours: 40, weeks: 4, paid: 0 })).toMatchObject({
      earned: 1_651_200,
      weeklyRest: 330_240,
      unpaid: 1_981_440,
    });
  });

  it("severance: a year of full-time work at the 2026 monthly minimum wage (statutory formula)", () => {
    // 1 Jan – 31 Dec 2026: 365 days; three months 1 Oct – 31 Dec = 92 days, 3 × ₩2,156,880 =
    // ₩6,470,640 → ₩70,333.04 a day × 30 × 365 / 365 = ₩2,109,991.3 → ₩2,109,991
    expect(
      severancePay({
        firstDay: "2026-01-01",
        lastDay: "2026-12-31",
        lastThreeMonthsPay: 3 * 2_156_880,
        weeklyHours: 40,
      }),
    ).toMatchObject({ eligible: true, serviceDays: 365, periodDays: 92, amount: 2_109_991 });
  });
});
