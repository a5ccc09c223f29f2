// Labor calculators (issue 17): pure arithmetic of the Labor Standards Act and the Employee
// Retirement Benefit Security Act, in whole won (amounts below one won are dropped, as payslips do).
// Each result carries the figures of its formula so that the page can say it in words.
import { addDays, daysBetween } from "~/domain/shared/seoul-time";

/** Weekly hours below which the Act gives no paid weekly holiday and no severance (§18 ③). */
const SHORT_HOURS_LIMIT = 15;
const FULL_WEEK_HOURS = 40;
const PAID_HOLIDAY_HOURS = 8;

export type WeeklyRestResult =
  | { eligible: false; reason: "underFifteenHours" | "missedWorkday"; weeklyHours: number }
  | {
      eligible: true;
      weeklyHours: number;
      /** hours of the paid holiday: weekly hours / 40 × 8, at most 8 */
      paidHours: number;
      hourlyWage: number;
      amount: number;
    };

/**
 * 주휴수당 (Labor Standards Act §55, Enforcement Decree §30, §18 for part-time work): a worker
 * with at least 15 contracted hours a week who worked every contracted day of the week is paid
 * for one day off; a part-timer's day is in proportion to a 40-hour week.
 */
export function weeklyRestAllowance(input: {
  hourlyWage: number;
  weeklyHours: number;
  workedEveryContractedDay: boolean;
}): WeeklyRestResult {
  const { hourlyWage, weeklyHours } = input;
  if (weeklyHours < SHORT_HOURS_LIMIT)
    return { eligible: false, reason: "underFifteenHours", weeklyHours };
  if (!input.workedEveryContractedDay)
    return { eligible: false, reason: "missedWorkday", weeklyHours };
  const paidHours = (Math.min(weeklyHours, FULL_WEEK_HOURS) / FULL_WEEK_HOURS) * PAID_HOLIDAY_HOURS;
  return {
    eligible: true,
    weeklyHours,
    paidHours,
    hourlyWage,
    amount: Math.floor(paidHours * hourlyWage),
  };
}

export type SeveranceResult =
  | { eligible: false; reason: "underOneYear" | "underFifteenHours"; serviceDays: number }
  | {
      eligible: true;
      /** days from the first day of work to the day after the last (the retirement date) */
      serviceDays: number;
      /** the calendar days of the three months before the retirement date */
      periodDays: number;
      periodStart: string;
      lastThreeMonthsPay: number;
      /** average wage per day: the three months' pay / their calendar days (won, with decimals) */
      averageDailyWage: number;
      amount: number;
    };

/**
 * The same day `months` earlier; when that month is too short for the day (31 May − 3 months), the
 * period starts on the first day of the following month (1 March), so it never takes in a day more
 * than three calendar months.
 */
function monthsEarlier(date: string, months: number): string {
  const [y, m, d] = date.split("-").map(Number) as [number, number, number];
  const index = y * 12 + (m - 1) - months;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  const lastDay = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (d > lastDay) return addDays(`${year}-${String(month).padStart(2, "0")}-${lastDay}`, 1);
  return `${year}-${String(month).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
}

/**
 * 퇴직금 (Employee Retirement Benefit Security Act §8, Labor Standards Act §2 ① 6): 30 days of
 * average wage for every year of service, in proportion for part of a year. Average wage per day =
 * the wages of the three calendar months before the retirement date / the days of that period.
 * Needs at least one year of service at 15 hours a week or more.
 */
export function severancePay(input: {
  firstDay: string;
  lastDay: string;
  lastThreeMonthsPay: number;
  weeklyHours: number;
}): SeveranceResult {
  const retirementDate = addDays(input.lastDay, 1);
  const serviceDays = daysBetween(input.firstDay, retirementDate);
  if (input.weeklyHours < SHORT_HOURS_LIMIT)
    return { eligible: false, reason: "underFifteenHours", serviceDays };
  if (serviceDays < 365) return { eligible: false, reason: "underOneYear", serviceDays };
  const periodStart = monthsEarlier(retirementDate, 3);
  const periodDays = daysBetween(periodStart, retirementDate);
  const averageDailyWage = input.lastThreeMonthsPay / periodDays;
  return {
    eligible: true,
    serviceDays,
    periodDays,
    periodStart,
    lastThreeMonthsPay: input.lastThreeMonthsPay,
    averageDailyWage,
    amount: Math.floor((averageDailyWage * 30 * serviceDays) / 365),
  };
}

export type UnpaidWagesResult = {
  hoursWorked: number;
  hourlyWage: number;
  earned: number;
  /** paid weekly holidays owed for the full weeks worked (0 under 15 hours a week) */
  weeklyRest: number;
  weeks: number;
  paid: number;
  unpaid: number;
};

/**
 * Wages owed for a period: hours worked × hourly wage, plus a paid weekly holiday for each full
 * week when the weekly hours reach 15, minus what was paid. Overtime, night and holiday premiums
 * are not counted (the page says so).
 */
export function unpaidWages(input: {
  hourlyWage: number;
  weeklyHours: number;
  weeks: number;
  paid: number;
}): UnpaidWagesResult {
  const hoursWorked = input.weeklyHours * input.weeks;
  const earned = Math.floor(hoursWorked * input.hourlyWage);
  const rest = weeklyRestAllowance({
    hourlyWage: input.hourlyWage,
    weeklyHours: input.weeklyHours,
    workedEveryContractedDay: true,
  });
  const weeklyRest = rest.eligible ? rest.amount * input.weeks : 0;
  return {
    hoursWorked,
    hourlyWage: input.hourlyWage,
    earned,
    weeklyRest,
    weeks: input.weeks,
    paid: input.paid,
    unpaid: Math.max(0, earned + weeklyRest - input.paid),
  };
}

export type MinimumWageCheck =
  | { known: false; year: number }
  | { known: true; year: number; floor: number; hourlyWage: number; shortBy: number };

/** "Is my hourly pay at least that year's minimum wage?" against the dated floor, when recorded. */
export function checkMinimumWage(
  hourlyWage: number,
  year: number,
  floorOfYear: number | null,
): MinimumWageCheck {
  if (floorOfYear === null) return { known: false, year };
  return {
    known: true,
    year,
    floor: floorOfYear,
    hourlyWage,
    shortBy: Math.max(0, floorOfYear - hourlyWage),
  };
}
