// Estimated monthly pay of a posting, the way Korean pay slips count it: the hours worked plus the
// paid weekly rest day (주휴수당, Labor Standards Act art. 55) that anyone working 15 hours or
// more a week is owed, pro rata to a 40-hour week (8 hours at most). A month is 365 / 12 / 7 weeks
// and the paid hours are rounded to the hour, which gives the familiar 209 hours for a 40-hour
// week (9,220 KRW × 209 = 1,926,980 KRW, the 2018 Seoul living wage per month). Before tax and
// social insurance; paid public holidays, overtime and allowances are not included.

const WEEKS_PER_MONTH = 365 / 12 / 7;
const WEEKLY_REST_MIN_HOURS = 15;
const FULL_WEEK_HOURS = 40;
const FULL_REST_DAY_HOURS = 8;

export type PayEstimate = {
  weeklyHours: number;
  /** paid weekly rest hours (주휴시간); 0 below 15 hours a week */
  weeklyRestHours: number;
  monthlyPaidHours: number;
  monthlyPayKrw: number;
  /** the part of the monthly pay that is the weekly rest allowance */
  monthlyRestAllowanceKrw: number;
};

export function estimateMonthlyPay(input: {
  hourlyWageKrw: number;
  hoursPerDay: number;
  daysPerWeek: number;
}): PayEstimate {
  const weeklyHours = input.hoursPerDay * input.daysPerWeek;
  const weeklyRestHours =
    weeklyHours >= WEEKLY_REST_MIN_HOURS
      ? Math.min(FULL_REST_DAY_HOURS, (weeklyHours / FULL_WEEK_HOURS) * FULL_REST_DAY_HOURS)
      : 0;
  const monthlyPaidHours = Math.round((weeklyHours + weeklyRestHours) * WEEKS_PER_MONTH);
  const monthlyRestHours = Math.round(weeklyRestHours * WEEKS_PER_MONTH);
  return {
    weeklyHours,
    weeklyRestHours,
    monthlyPaidHours,
    monthlyPayKrw: monthlyPaidHours * input.hourlyWageKrw,
    monthlyRestAllowanceKrw: monthlyRestHours * input.hourlyWageKrw,
  };
}
