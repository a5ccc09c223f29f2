// Booking rules as pure functions of the facts and "now". The service enforces them in its
// transactions (capacity and uniqueness in the database itself); pages use them to say in advance
// what will be possible.
import type { Code } from "~/domain/shared/outcome";
import { seoulDate, seoulInstant } from "~/domain/shared/seoul-time";
import type { TimeChoice } from "./types";

export type SlotFacts = {
  startsAt: Date;
  endsAt: Date;
  capacity: number;
  bookedCount: number;
  blocked: boolean;
};

export type SlotState = TimeChoice["state"];

/** Places left to book (held waitlist offers count as taken). */
export function remaining(slot: Pick<SlotFacts, "capacity" | "bookedCount">): number {
  return Math.max(0, slot.capacity - slot.bookedCount);
}

export function slotState(slot: SlotFacts, now: Date): SlotState {
  if (slot.startsAt.getTime() <= now.getTime()) return "past";
  if (slot.blocked) return "blocked";
  return remaining(slot) > 0 ? "open" : "full";
}

/**
 * When a lottery service's slot is drawn (decision 0031): `drawLeadHours` before it starts.
 * Applications are taken until then.
 */
export function slotDrawAt(startsAt: Date, drawLeadHours: number): Date {
  return new Date(startsAt.getTime() - drawLeadHours * 3_600_000);
}

/** Last moment a booking can be cancelled or moved online. */
export function changeDeadline(startsAt: Date, cutoffMinutes: number): Date {
  return new Date(startsAt.getTime() - cutoffMinutes * 60_000);
}

export function canChange(startsAt: Date, now: Date, cutoffMinutes: number): boolean {
  return now.getTime() < changeDeadline(startsAt, cutoffMinutes).getTime();
}

/** Half-open intervals [start, end) overlap. */
export function overlaps(
  a: { startsAt: Date; endsAt: Date },
  b: { startsAt: Date; endsAt: Date },
): boolean {
  return a.startsAt.getTime() < b.endsAt.getTime() && b.startsAt.getTime() < a.endsAt.getTime();
}

/**
 * Until when a freed place is held for the next resident on the waitlist: `holdMinutes` from now,
 * but no later than `leadMinutes` before the start. Null when that moment has already passed
 * (too close to the start to offer: the place goes back to everyone).
 */
export function offerExpiry(
  now: Date,
  startsAt: Date,
  holdMinutes: number,
  leadMinutes: number,
): Date | null {
  const expires = Math.min(
    now.getTime() + holdMinutes * 60_000,
    startsAt.getTime() - leadMinutes * 60_000,
  );
  return expires > now.getTime() ? new Date(expires) : null;
}

const DAY_MS = 86_400_000;

/** The reminder goes out a day before the start; none when the booking is made later than that. */
export function reminderAt(startsAt: Date, bookedAt: Date): Date | null {
  const at = new Date(startsAt.getTime() - DAY_MS);
  return at.getTime() > bookedAt.getTime() ? at : null;
}

/** Attendance can be marked once the session has started, not before. */
export function canMarkAttendance(startsAt: Date, now: Date): boolean {
  return now.getTime() >= startsAt.getTime();
}

/** The unique "live key" of a confirmed booking or a live waitlist entry. */
export function liveKey(slotId: string, residentId: string): string {
  return `${slotId}:${residentId}`;
}

/** A resident with this many no-shows is pointed out to staff. */
const REPEATED_NO_SHOWS = 2;

export function isRepeatedNoShow(noShows: number): boolean {
  return noShows >= REPEATED_NO_SHOWS;
}

/** A resident's booking as the per-resident rules see it. */
export type HeldBooking = {
  id: string;
  residentId: string;
  idempotencyKey: string | null;
  status: string;
  slotId: string;
  startsAt: Date;
  endsAt: Date;
  kind: string;
};

type Wanted = { slotId: string; startsAt: Date; endsAt: Date; kind: string };

/**
 * What a resident already holds, seen from a slot they look at: a booking of that very slot, an
 * overlapping one, and how many upcoming bookings of the same kind. `ignore` is a booking being
 * moved away (it neither overlaps with its new time nor counts twice).
 */
export function summariseHeld(
  held: HeldBooking[],
  wanted: Wanted & { residentId: string },
  now: Date,
  ignore: string | null = null,
) {
  const live = held.filter(
    (b) => b.residentId === wanted.residentId && b.status === "confirmed" && b.id !== ignore,
  );
  return {
    sameSlot: live.find((b) => b.slotId === wanted.slotId) ?? null,
    overlapping: live.find((b) => b.slotId !== wanted.slotId && overlaps(b, wanted)) ?? null,
    sameKindUpcoming: live.filter((b) => b.kind === wanted.kind && b.startsAt > now).length,
  };
}

export type ResidentRuleOutcome =
  | { replayOf: string }
  | { code: Extract<Code, "formExpired" | "alreadyBooked" | "overlap" | "limit"> }
  | null;

/**
 * The rules that span a resident's bookings, judged on what they already hold: the same form
 * sent again (a replay), the same slot twice, an overlapping time, the per-kind limit (not for a
 * booking being moved, `ignore`, which gives up a place of the same kind as it takes one).
 */
export function residentRules(
  held: HeldBooking[],
  wanted: Wanted & { residentId: string; idempotencyKey: string },
  maxPerKind: number,
  now: Date,
  ignore: string | null = null,
): ResidentRuleOutcome {
  const resent = held.find((b) => b.idempotencyKey === wanted.idempotencyKey);
  if (resent)
    return resent.residentId === wanted.residentId
      ? { replayOf: resent.id }
      : { code: "formExpired" };
  const summary = summariseHeld(held, wanted, now, ignore);
  if (summary.sameSlot) return { code: "alreadyBooked" };
  if (summary.overlapping) return { code: "overlap" };
  if (ignore === null && summary.sameKindUpcoming >= maxPerKind) return { code: "limit" };
  return null;
}

/**
 * The Seoul calendar year an instant falls in, as the half-open range [from, to) of instants: a
 * service's yearly limit counts the bookings whose slot starts in the year of the wanted slot.
 */
export function seoulYearRange(instant: Date): { year: number; from: Date; to: Date } {
  const year = Number(seoulDate(instant).slice(0, 4));
  return { year, from: seoulInstant(`${year}-01-01`), to: seoulInstant(`${year + 1}-01-01`) };
}

/** A service's yearly limit is reached when the resident already has `limit` (null: no limit). */
export function yearlyLimitReached(used: number, limit: number | null): boolean {
  return limit !== null && used >= limit;
}

/**
 * The reference a resident quotes on the phone ("7K3F-2QX9"): the last eight characters of the
 * first booking's id (random in a cuid), in capitals, in two groups of four.
 */
export function bookingReference(firstBookingId: string): string {
  const tail = firstBookingId.slice(-8).toUpperCase();
  return `${tail.slice(0, 4)}-${tail.slice(4)}`;
}
