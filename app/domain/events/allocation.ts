// The pure rules of fair allocation (decision 0027): where a resident stands in a session's
// lottery or waitlist, the month a monthly cap counts in, the no-show look-back, offer holds.
import { addDays, seoulDate, seoulInstant } from "~/domain/shared/seoul-time";

/** Statuses of a ProgramApplication that hold a place in a lottery or a queue. */
export const LIVE_APPLICATION_STATUSES = ["applied", "waiting", "won", "offered"] as const;
/** Statuses that hold a seat (counted in registeredCount) until confirmed, withdrawn or expired. */
export const HELD_STATUSES = ["won", "offered"] as const;

/** The first instant of the Seoul calendar month `instant` falls in, and of the next month. */
export function seoulMonth(instant: Date): { start: Date; end: Date } {
  const [year, month] = seoulDate(instant).split("-").map(Number) as [number, number];
  const next = month === 12 ? [year + 1, 1] : [year, month + 1];
  const pad = (n: number) => String(n).padStart(2, "0");
  return {
    start: seoulInstant(`${year}-${pad(month)}-01`),
    end: seoulInstant(`${next[0]}-${pad(next[1]!)}-01`),
  };
}

/** The instant `months` calendar months before `now` (Seoul days; the 31st falls back to the month's end). */
export function monthsBefore(now: Date, months: number): Date {
  const date = seoulDate(now);
  const [year, month, day] = date.split("-").map(Number) as [number, number, number];
  const total = year * 12 + (month - 1) - months;
  const targetYear = Math.floor(total / 12);
  const targetMonth = (total % 12) + 1;
  const pad = (n: number) => String(n).padStart(2, "0");
  const first = `${targetYear}-${pad(targetMonth)}-01`;
  const lastDay = Number(
    addDays(
      targetMonth === 12 ? `${targetYear + 1}-01-01` : `${targetYear}-${pad(targetMonth + 1)}-01`,
      -1,
    ).slice(8),
  );
  const time = new Date(now.getTime() - seoulInstant(date).getTime());
  return new Date(
    seoulInstant(addDays(first, Math.min(day, lastDay) - 1)).getTime() + time.getTime(),
  );
}

/** Until when a seat is held: `hours` from now, but never past the session's start. */
export function holdUntil(now: Date, hours: number, startsAt: Date): Date {
  return new Date(Math.min(now.getTime() + hours * 3_600_000, startsAt.getTime()));
}

/**
 * A priority tier of the draw: 0 for everyone, 1 for a resident with a recorded no-show in the
 * look-back (the no-show instants are the sessions' starts).
 */
export function drawTier(noShowStarts: readonly Date[], now: Date, months: number): number {
  if (months === 0) return 0;
  const since = monthsBefore(now, months);
  return noShowStarts.some((at) => at >= since && at < now) ? 1 : 0;
}

/** What a resident sees of their application to a session. */
export type Standing =
  | { kind: "applied" }
  | { kind: "won" | "offered"; until: string }
  | { kind: "waiting"; position: number }
  | { kind: "not_selected" }
  | { kind: "expired" };
