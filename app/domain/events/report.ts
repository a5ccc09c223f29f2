// The back office's report: registrations and attendance of a host's programs per week (Monday to
// Sunday, Seoul time), for the chart and its table twin. Pure, so it is tested without a database.
import { addDays, isoWeekday, seoulDate } from "~/domain/shared/seoul-time";

export const REPORT_WEEKS = 12;

export type RegistrationFact = {
  createdAt: Date;
  attendance: string | null;
  session: { startsAt: Date };
};

export type WeekRow = {
  /** the Monday that starts the week ("YYYY-MM-DD") */
  week: string;
  /** registrations made that week */
  registrations: number;
  /** of the sessions held that week: who came, who did not */
  attended: number;
  noShow: number;
};

/** The Monday of the Seoul week an instant falls in. */
export function weekOf(instant: Date): string {
  const date = seoulDate(instant);
  return addDays(date, 1 - isoWeekday(date));
}

/** The first instant the report covers: the Monday `weeks - 1` weeks before this week's. */
export function reportStart(now: Date, weeks = REPORT_WEEKS): string {
  return addDays(weekOf(now), -7 * (weeks - 1));
}

/** The last `weeks` weeks up to the one containing `now`, every week present (zeros included). */
export function weeklyReport(
  facts: readonly RegistrationFact[],
  now: Date,
  weeks = REPORT_WEEKS,
): WeekRow[] {
  const first = reportStart(now, weeks);
  const rows: WeekRow[] = Array.from({ length: weeks }, (_, i) => ({
    week: addDays(first, 7 * i),
    registrations: 0,
    attended: 0,
    noShow: 0,
  }));
  const byWeek = new Map(rows.map((row) => [row.week, row]));
  for (const fact of facts) {
    const made = byWeek.get(weekOf(fact.createdAt));
    if (made) made.registrations += 1;
    const held = byWeek.get(weekOf(fact.session.startsAt));
    if (!held) continue;
    if (fact.attendance === "attended") held.attended += 1;
    if (fact.attendance === "no_show") held.noShow += 1;
  }
  return rows;
}
