// The month view of /events: the weeks of a month as a grid (Sunday first, as Korean wall
// calendars are), and which Seoul days a month shows once the date filters are applied.
import { addDays, isoWeekday } from "~/domain/shared/seoul-time";
import { shiftMonth } from "./filters";

/** A month view lists at most this many sessions (the grid and its list twin stay readable). */
export const MONTH_SESSION_LIMIT = 300;

export type MonthCell = { date: string; inMonth: boolean };

/** The weeks of `month` ("YYYY-MM"), each seven days from Sunday, padded with the days around. */
export function monthWeeks(month: string): MonthCell[][] {
  const first = `${month}-01`;
  const last = addDays(`${shiftMonth(month, 1)}-01`, -1);
  let day = addDays(first, -(isoWeekday(first) % 7));
  const weeks: MonthCell[][] = [];
  while (day <= last) {
    const week: MonthCell[] = [];
    for (let i = 0; i < 7; i += 1) {
      week.push({ date: day, inMonth: day.startsWith(month) });
      day = addDays(day, 1);
    }
    weeks.push(week);
  }
  return weeks;
}

/**
 * The Seoul days the month view lists: the month, narrowed by the `from`/`to` filters when they
 * fall inside it; null when the filters leave nothing of the month.
 */
export function monthDays(
  month: string,
  range: { from?: string; to?: string },
): { from: string; to: string } | null {
  const first = `${month}-01`;
  const last = addDays(`${shiftMonth(month, 1)}-01`, -1);
  const from = range.from && range.from > first ? range.from : first;
  const to = range.to && range.to < last ? range.to : last;
  return from <= to ? { from, to } : null;
}
