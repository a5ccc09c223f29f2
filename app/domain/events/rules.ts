// The pure rules of a session: may a resident register now, how many seats are left.

export type SessionFacts = {
  startsAt: Date;
  capacity: number;
  registeredCount: number;
  registrationOpensAt: Date;
  registrationClosesAt: Date;
  status: string;
};

/**
 * The session fields every seat decision reads (registrationState, seatsLeft, the allocation):
 * one Prisma `select` for every query that decides or shows a session's seats.
 */
export const sessionSeatSelect = {
  startsAt: true,
  capacity: true,
  registeredCount: true,
  registrationOpensAt: true,
  registrationClosesAt: true,
  status: true,
  allocation: true,
} as const satisfies Record<keyof SessionFacts | "allocation", true>;

/**
 * Where a session's registration stands at `now`: cancelled, already begun, not open yet,
 * closed, full, or open. Registration ends when its window closes or the session begins,
 * whichever comes first.
 */
export type RegistrationState = "cancelled" | "past" | "notOpenYet" | "closed" | "full" | "open";

export function registrationState(session: SessionFacts, now: Date): RegistrationState {
  if (session.status === "cancelled") return "cancelled";
  if (session.startsAt <= now) return "past";
  if (now < session.registrationOpensAt) return "notOpenYet";
  if (now >= session.registrationClosesAt) return "closed";
  if (seatsLeft(session) === 0) return "full";
  return "open";
}

/** Seats still free (never negative, whatever the counter says). */
export function seatsLeft(session: Pick<SessionFacts, "capacity" | "registeredCount">): number {
  return Math.max(0, session.capacity - session.registeredCount);
}

/** One live registration per resident and session: the unique key while it is live. */
export function registrationKey(sessionId: string, residentId: string): string {
  return `${sessionId}:${residentId}`;
}
