// "Contact now" (issue 17): of a set of places (the labor-rights centers), which are open at an
// instant and until when, or — when none is — which opens first and when. Pure: the hours engine
// (hours.ts) decides each place; this only chooses among them.
import { statusAt, type PlaceHours, type PlaceStatus } from "./hours";

export type ContactCandidate<P> = { place: P; hours: PlaceHours };
type Open = Extract<PlaceStatus, { open: true }>;
type Closed = Extract<PlaceStatus, { open: false }> & { opensAt: Date };

export type ContactNow<P> =
  | { open: true; places: { place: P; status: Open }[] }
  | { open: false; next: { place: P; status: Closed } | null };

/**
 * The places open at `at` (the one open longest first), or the first to open after `at`; ties
 * keep the order given (the caller's name order).
 */
export function contactNow<P>(candidates: ContactCandidate<P>[], at: Date): ContactNow<P> {
  const open: { place: P; status: Open }[] = [];
  let next: { place: P; status: Closed } | null = null;
  for (const { place, hours } of candidates) {
    const status = statusAt(hours, at);
    if (status.open) open.push({ place, status });
    else if (status.opensAt && (!next || status.opensAt.getTime() < next.status.opensAt.getTime()))
      next = { place, status: { ...status, opensAt: status.opensAt } };
  }
  if (open.length === 0) return { open: false, next };
  const closing = (entry: { status: Open }) => entry.status.closesAt?.getTime() ?? Infinity;
  return { open: true, places: open.sort((a, b) => closing(b) - closing(a)) };
}
