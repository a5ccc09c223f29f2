// Weekly intervals as plain clock arithmetic, with no calendar (so no holiday data): small enough
// for the browser, where the hours form checks them.
import { minutesOfClock } from "~/domain/shared/seoul-time";

/** ISO weekday (1 = Monday … 7 = Sunday) and two "HH:MM" clock times. */
export type WeeklyInterval = { weekday: number; opens: string; closes: string };

type Span = { start: number; end: number };

/** `closes` not later than `opens`: the interval runs past midnight into the next day. */
export function passesMidnight(interval: Pick<WeeklyInterval, "opens" | "closes">): boolean {
  return minutesOfClock(interval.closes) <= minutesOfClock(interval.opens);
}

const WEEK_MINUTES = 7 * 1440;

/**
 * The first two weekly intervals that overlap (indexes into `weekly`), counting the hours an
 * interval runs past midnight and Sunday night's run into Monday; null when none do.
 */
export function findOverlap(weekly: readonly WeeklyInterval[]): [number, number] | null {
  const spans = weekly.map((interval) => {
    const opens = minutesOfClock(interval.opens);
    const closes = minutesOfClock(interval.closes);
    const start = (interval.weekday - 1) * 1440 + opens;
    return { start, end: start + (closes <= opens ? closes + 1440 - opens : closes - opens) };
  });
  const overlaps = (a: Span, b: Span) => a.start < b.end && b.start < a.end;
  for (let i = 0; i < spans.length; i += 1) {
    for (let j = i + 1; j < spans.length; j += 1) {
      const a = spans[i]!;
      const b = spans[j]!;
      const shifted = (s: Span, by: number) => ({ start: s.start + by, end: s.end + by });
      if (
        overlaps(a, b) ||
        overlaps(a, shifted(b, WEEK_MINUTES)) ||
        overlaps(shifted(a, WEEK_MINUTES), b)
      ) {
        return [i, j];
      }
    }
  }
  return null;
}
