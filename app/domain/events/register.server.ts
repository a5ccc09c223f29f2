// Registering for a session and cancelling it. The seat count is guarded by one conditional
// update (`registeredCount < capacity`, inside the registration window, session scheduled), in
// the transaction that inserts the registration, as booking does (decision 0007): never beyond
// the seats, whatever the concurrency. One live registration per resident and session is a
// unique key (`liveKey`). Every change is audited in the transaction that makes it.
import { recordAudit } from "~/domain/audit/service.server";
import { criteriaFromRow, judge, type Reason } from "~/domain/eligibility/judge";
import { criteriaSelect, getProfileFacts } from "~/domain/eligibility/service.server";
import { cancelPendingNotifications } from "~/domain/notifications/service.server";
import { isUniqueViolation } from "~/domain/shared/db-errors";
import { Refused, type Failure, type Outcome } from "~/domain/shared/outcome";
import { seoulDate } from "~/domain/shared/seoul-time";
import type { Prisma } from "~/generated/prisma/client";
import { getDb } from "~/utils/db.server";
import { HELD_STATUSES, LIVE_APPLICATION_STATUSES } from "./allocation";
import { lockResident, lockSession, releaseSeat, withinMonthlyCap } from "./allocation.server";
import { eventReminderKey } from "./reminders.server";
import { registrationKey, registrationState, sessionSeatSelect } from "./rules";

type Tx = Prisma.TransactionClient;
const TX_OPTIONS = { maxWait: 20_000, timeout: 20_000 } as const;

type RegisterFailure =
  | Failure<
      | "notFound"
      | "cancelled"
      | "past"
      | "notOpenYet"
      | "closed"
      | "full"
      | "alreadyBooked"
      | "notAllowed"
      | "limit"
    >
  | Failure<"ineligible", { reasons: Reason[] }>;

export type RegisterOutcome = Outcome<{ registrationId: string }, RegisterFailure>;

type Actor = { residentId: string; now: Date; ip: string | null };

/**
 * Registers a resident for a session of a published program: refuses (writing nothing) a
 * cancelled or begun session, one outside its registration window, one the resident is not
 * eligible for on the session's day, a second registration and a full session.
 */
export async function registerForSession(
  sessionId: string,
  { residentId, now, ip }: Actor,
): Promise<RegisterOutcome> {
  const db = getDb();
  const session = await db.programSession.findFirst({
    where: { id: sessionId, program: { status: "published" } },
    select: {
      id: true,
      ...sessionSeatSelect,
      program: {
        select: { id: true, slug: true, kind: true, eligibility: { select: criteriaSelect } },
      },
    },
  });
  if (!session) return { ok: false, code: "notFound" };
  // a lottery's seats are drawn (decision 0027): one applies instead
  if (session.allocation !== "first_come") return { ok: false, code: "notAllowed" };
  const state = registrationState(session, now);
  // "full" is decided by the conditional update below, never by this read
  if (state !== "open" && state !== "full") return { ok: false, code: state };
  const facts = await getProfileFacts(residentId);
  const verdict = judge(
    criteriaFromRow(session.program.eligibility),
    facts,
    seoulDate(session.startsAt),
  );
  if (!verdict.eligible) return { ok: false, code: "ineligible", reasons: verdict.reasons };

  const key = registrationKey(session.id, residentId);
  try {
    return await db.$transaction(async (tx): Promise<RegisterOutcome> => {
      const existing = await tx.programRegistration.findUnique({
        where: { liveKey: key },
        select: { id: true },
      });
      if (existing) return { ok: false, code: "alreadyBooked" };
      if (!(await lockResident(tx, residentId, now))) return { ok: false, code: "notFound" };
      if (!(await withinMonthlyCap(tx, residentId, session))) return { ok: false, code: "limit" };
      const taken = await tx.programSession.updateMany({
        where: {
          id: session.id,
          // a switch to a lottery (staff) that committed first leaves this seat to the draw
          allocation: "first_come",
          status: "scheduled",
          startsAt: { gt: now },
          registrationOpensAt: { lte: now },
          registrationClosesAt: { gt: now },
          registeredCount: { lt: tx.programSession.fields.capacity },
        },
        data: { registeredCount: { increment: 1 } },
      });
      if (taken.count !== 1) {
        // nothing was written: say why from the session as it is now
        const current = await tx.programSession.findUniqueOrThrow({
          where: { id: session.id },
          select: sessionSeatSelect,
        });
        if (current.allocation !== "first_come") return { ok: false, code: "notAllowed" };
        const state = registrationState(current, now);
        return { ok: false, code: state === "open" ? "full" : state };
      }
      const registration = await tx.programRegistration.create({
        data: { sessionId: session.id, residentId, liveKey: key, createdAt: now },
        select: { id: true },
      });
      await recordAudit(
        {
          actorId: residentId,
          action: "event.register",
          subjectType: "ProgramRegistration",
          subjectId: registration.id,
          subjectResidentId: residentId,
          metadata: { sessionId: session.id, program: session.program.slug },
          ip,
        },
        tx,
      );
      return { ok: true, registrationId: registration.id };
    }, TX_OPTIONS);
  } catch (error) {
    // the same resident twice at once: the second insert broke the unique key and rolled back
    if (isUniqueViolation(error)) return { ok: false, code: "alreadyBooked" };
    throw error;
  }
}

export type CancelOutcome = Outcome<object, Failure<"notFound" | "past">>;

/**
 * Cancels the resident's own live registration for a session, before the session begins, and
 * gives the seat back. Someone else's registration is "not found" to them.
 */
export async function cancelRegistration(
  sessionId: string,
  { residentId, now, ip }: Actor,
): Promise<CancelOutcome> {
  const key = registrationKey(sessionId, residentId);
  try {
    return await getDb().$transaction(async (tx): Promise<CancelOutcome> => {
      // the session before the registration, as every path that writes both (lockSession)
      if (!(await lockSession(tx, sessionId, now))) return { ok: false, code: "notFound" };
      const registration = await tx.programRegistration.findUnique({
        where: { liveKey: key },
        select: { id: true, residentId: true, session: { select: { startsAt: true } } },
      });
      if (!registration || registration.residentId !== residentId)
        return { ok: false, code: "notFound" };
      if (registration.session.startsAt <= now) return { ok: false, code: "past" };
      const cancelled = await tx.programRegistration.updateMany({
        where: { id: registration.id, status: "registered" },
        data: { status: "cancelled", liveKey: null, cancelledAt: now },
      });
      if (cancelled.count !== 1) return { ok: false, code: "notFound" };
      // the seat goes to the first one waiting, or back to everyone
      await releaseSeat(tx, sessionId, now);
      // a reminder queued but not yet sent (a text held back, a retry) is pointless now
      await cancelPendingNotifications([eventReminderKey(registration.id)], tx);
      await recordAudit(
        {
          actorId: residentId,
          action: "event.cancel",
          subjectType: "ProgramRegistration",
          subjectId: registration.id,
          subjectResidentId: residentId,
          metadata: { sessionId },
          ip,
        },
        tx,
      );
      return { ok: true };
    }, TX_OPTIONS);
  } catch (error) {
    if (error instanceof Refused) return { ok: false, code: "notFound" };
    throw error;
  }
}

// ───────────── account deletion ─────────────

/**
 * A deleted account (in the deletion's transaction) leaves the sessions it has not attended yet:
 * its lottery applications and waitlist places are withdrawn, its held seats and its registrations
 * for sessions not yet begun are given up and pass, like any cancellation, to the next one
 * waiting (or back to everyone), and their pending reminders are withdrawn. Registrations of
 * sessions already begun stay, with their attendance, as anonymous records: they hold nothing
 * personal but the link to the anonymised account (as past bookings are; decision 0027, addendum).
 */
export async function releaseEventsOfDeletedResident(tx: Tx, residentId: string, now: Date) {
  // Every session concerned is taken first, in order of id (lockSession), then the entries: a
  // confirmation takes its session before its entry, and another deletion takes the same sessions
  // in the same order. The account's row is already held (deleteAccount), so it applies to
  // nothing new meanwhile.
  const [liveIn, registeredIn] = await Promise.all([
    tx.programApplication.findMany({
      where: { residentId, status: { in: [...LIVE_APPLICATION_STATUSES] } },
      select: { sessionId: true },
    }),
    tx.programRegistration.findMany({
      where: { residentId, status: "registered", session: { startsAt: { gt: now } } },
      select: { sessionId: true },
    }),
  ]);
  const sessionIds = [...new Set([...liveIn, ...registeredIn].map((row) => row.sessionId))].sort();
  for (const sessionId of sessionIds) await lockSession(tx, sessionId, now);
  // its own entries first, so that no seat freed below is offered back to this account
  const applications = await tx.programApplication.findMany({
    where: { residentId, status: { in: [...LIVE_APPLICATION_STATUSES] } },
    select: { id: true, sessionId: true, status: true },
  });
  let withdrawn = 0;
  for (const application of applications) {
    const done = await tx.programApplication.updateMany({
      where: { id: application.id, status: application.status },
      data: { status: "withdrawn", liveKey: null },
    });
    if (done.count !== 1) continue;
    withdrawn += 1;
    if ((HELD_STATUSES as readonly string[]).includes(application.status))
      await releaseSeat(tx, application.sessionId, now);
  }
  const registrations = await tx.programRegistration.findMany({
    where: { residentId, status: "registered", session: { startsAt: { gt: now } } },
    select: { id: true, sessionId: true },
  });
  let cancelled = 0;
  for (const registration of registrations) {
    const done = await tx.programRegistration.updateMany({
      where: { id: registration.id, status: "registered" },
      data: { status: "cancelled", liveKey: null, cancelledAt: now },
    });
    if (done.count !== 1) continue;
    cancelled += 1;
    await releaseSeat(tx, registration.sessionId, now);
  }
  await cancelPendingNotifications(
    registrations.map((r) => eventReminderKey(r.id)),
    tx,
  );
  return { cancelledEventRegistrations: cancelled, withdrawnEventApplications: withdrawn };
}
