// Fair allocation of a session's seats (decision 0027): lottery applications and the seeded draw,
// first-come waitlists, held seats (a lottery win or a waitlist offer) that the resident confirms
// before a deadline, and the periodic task that draws, expires offers and closes waitlists.
// A held seat is counted in `registeredCount` like a registration (as booking's held offers are
// in `bookedCount`, decision 0007): confirming turns it into a registration without touching the
// counter; withdrawing or letting it expire passes it to the next one waiting, in order, or gives
// it back. Every status change is one conditional update on the current status.
import { recordAudit } from "~/domain/audit/service.server";
import { criteriaFromRow, judge, type Reason } from "~/domain/eligibility/judge";
import { criteriaSelect, getProfileFacts } from "~/domain/eligibility/service.server";
import { enqueueNotification } from "~/domain/notifications/service.server";
import { isUniqueViolation } from "~/domain/shared/db-errors";
import { localized } from "~/domain/shared/localized";
import { Refused, type Failure, type Outcome } from "~/domain/shared/outcome";
import { seoulDate } from "~/domain/shared/seoul-time";
import type { Prisma } from "~/generated/prisma/client";
import { getDb } from "~/utils/db.server";
import { getEnv } from "~/utils/env.server";
import { formatDateTime } from "~/utils/format";
import { siteUrl } from "~/utils/site-url.server";
import {
  drawTier,
  HELD_STATUSES,
  holdUntil,
  LIVE_APPLICATION_STATUSES,
  seoulMonth,
  type Standing,
} from "./allocation";
import { canonicalApplicants, newSeed, runDrawFromSeed } from "~/domain/shared/draw";
import { registrationKey, registrationState, sessionSeatSelect } from "./rules";

type Tx = Prisma.TransactionClient;
const TX_OPTIONS = { maxWait: 20_000, timeout: 20_000 } as const;
/** A draw writes one row per applicant and their messages: give a big lottery room. */
const DRAW_TX_OPTIONS = { maxWait: 60_000, timeout: 120_000 } as const;

type Actor = { residentId: string; now: Date; ip: string | null };

/** The configurable rules (environment), also shown on the event page. */
export function allocationRules() {
  const env = getEnv();
  return {
    monthlyCap: env.EVENTS_MONTHLY_CAP_PER_KIND,
    noShowMonths: env.EVENTS_NO_SHOW_MONTHS,
    offerHoldHours: env.EVENTS_OFFER_HOLD_HOURS,
  };
}

const sessionSelect = {
  id: true,
  ...sessionSeatSelect,
  drawAt: true,
  confirmHours: true,
  draw: { select: { id: true } },
  program: {
    select: {
      id: true,
      slug: true,
      kind: true,
      titleKo: true,
      titleEn: true,
      organizationId: true,
      eligibility: { select: criteriaSelect },
    },
  },
} as const;
type SessionRow = Prisma.ProgramSessionGetPayload<{ select: typeof sessionSelect }>;

function loadSession(db: Tx | ReturnType<typeof getDb>, sessionId: string) {
  return db.programSession.findFirst({
    where: { id: sessionId, program: { status: "published" } },
    select: sessionSelect,
  });
}

// ───────────── the monthly cap ─────────────

/**
 * Refuses ("limit") when the resident already holds the monthly cap of applications, waitlist
 * places and registrations for sessions of this kind in the session's Seoul month. Called inside
 * the transaction after the resident's row is locked, so two requests of one resident queue.
 */
export async function withinMonthlyCap(
  tx: Tx,
  residentId: string,
  session: { startsAt: Date; program: { kind: string } },
) {
  const { start, end } = seoulMonth(session.startsAt);
  const sameKind = { startsAt: { gte: start, lt: end }, program: { kind: session.program.kind } };
  const [registrations, applications] = await Promise.all([
    tx.programRegistration.count({
      where: { residentId, status: "registered", session: sameKind },
    }),
    tx.programApplication.count({
      where: { residentId, status: { in: [...LIVE_APPLICATION_STATUSES] }, session: sameKind },
    }),
  ]);
  return registrations + applications < allocationRules().monthlyCap;
}

/**
 * Takes the session's row for the rest of the transaction (an update holds a row lock on
 * PostgreSQL) by a write that changes nothing residents see, if it still matches `where`. Every
 * transaction that writes a session's entries (applications, registrations) and the session takes
 * the session first, then its entries, so that two of them never wait for each other in a cycle
 * (a deadlock, which Prisma does not retry); the order is resident, then sessions (by id), then
 * entries (decision 0027, addendum of 2026-12-04). Statements after it see every change committed
 * by a transaction that held the row before.
 */
export async function lockSession(
  tx: Tx,
  sessionId: string,
  now: Date,
  where: Prisma.ProgramSessionWhereInput = {},
) {
  const locked = await tx.programSession.updateMany({
    where: { ...where, id: sessionId },
    data: { updatedAt: now },
  });
  return locked.count === 1;
}

/** Locks the resident's row (PostgreSQL) by writing it: parallel requests of one resident queue. */
export async function lockResident(tx: Tx, residentId: string, now: Date) {
  const locked = await tx.resident.updateMany({
    where: { id: residentId, deletedAt: null },
    data: { updatedAt: now },
  });
  return locked.count === 1;
}

// ───────────── applying and joining ─────────────

type JoinFailure =
  | Failure<
      | "notFound"
      | "cancelled"
      | "past"
      | "notOpenYet"
      | "closed"
      | "notAllowed"
      | "notFull"
      | "alreadyApplied"
      | "alreadyWaiting"
      | "alreadyBooked"
      | "limit"
    >
  | Failure<"ineligible", { reasons: Reason[] }>;
export type JoinOutcome = Outcome<{ applicationId: string }, JoinFailure>;

/**
 * Applies to a lottery session during its application window (before its draw), or joins the
 * waitlist of a full first-come session. Writes nothing when refused.
 */
export async function applyForSession(sessionId: string, actor: Actor): Promise<JoinOutcome> {
  const { residentId, now, ip } = actor;
  const db = getDb();
  const session = await loadSession(db, sessionId);
  if (!session) return { ok: false, code: "notFound" };
  const lottery = session.allocation === "lottery";
  const state = registrationState(session, now);
  if (lottery) {
    // before the draw every seat is free: the counter does not decide a lottery application
    if (state !== "open" && state !== "full") return { ok: false, code: state };
    if (session.draw || (session.drawAt && session.drawAt <= now))
      return { ok: false, code: "closed" };
  } else {
    if (state === "open") return { ok: false, code: "notFull" };
    if (state !== "full") return { ok: false, code: state };
  }
  const verdict = judge(
    criteriaFromRow(session.program.eligibility),
    await getProfileFacts(residentId),
    seoulDate(session.startsAt),
  );
  if (!verdict.eligible) return { ok: false, code: "ineligible", reasons: verdict.reasons };
  const key = registrationKey(session.id, residentId);
  const already = lottery ? "alreadyApplied" : "alreadyWaiting";
  try {
    return await db.$transaction(async (tx): Promise<JoinOutcome> => {
      if (!(await lockResident(tx, residentId, now))) return { ok: false, code: "notFound" };
      // Applying takes its turn on the session's row, still of this allocation and open to it:
      // a switch of the allocation (staff) either committed before (refused here) or waits and
      // then finds this entry. The draw, too: it holds the row, so after it a read finds it.
      const stillOpen = await lockSession(tx, session.id, now, {
        status: "scheduled",
        startsAt: { gt: now },
        ...(lottery
          ? {
              allocation: "lottery",
              registrationOpensAt: { lte: now },
              registrationClosesAt: { gt: now },
              drawAt: { gt: now },
            }
          : { allocation: "first_come" }),
      });
      if (!stillOpen) return { ok: false, code: "closed" };
      if (lottery && (await tx.programDraw.count({ where: { sessionId: session.id } })) > 0)
        return { ok: false, code: "closed" };
      const [application, registration] = await Promise.all([
        tx.programApplication.findUnique({ where: { liveKey: key }, select: { id: true } }),
        tx.programRegistration.findUnique({ where: { liveKey: key }, select: { id: true } }),
      ]);
      if (registration) return { ok: false, code: "alreadyBooked" };
      if (application) return { ok: false, code: already };
      if (!(await withinMonthlyCap(tx, residentId, session))) return { ok: false, code: "limit" };
      const created = await tx.programApplication.create({
        data: {
          sessionId: session.id,
          residentId,
          status: lottery ? "applied" : "waiting",
          liveKey: key,
          createdAt: now,
        },
        select: { id: true },
      });
      if (!lottery) {
        // a seat freed while this resident was joining: nobody waits while a seat is free
        const current = await tx.programSession.findUniqueOrThrow({
          where: { id: session.id },
          select: { capacity: true, registeredCount: true },
        });
        if (current.registeredCount < current.capacity) throw new Refused("notFull");
      }
      await recordAudit(
        {
          actorId: residentId,
          action: lottery ? "event.apply" : "event.waitlist",
          subjectType: "ProgramApplication",
          subjectId: created.id,
          subjectResidentId: residentId,
          organizationId: session.program.organizationId,
          metadata: { sessionId: session.id, program: session.program.slug },
          ip,
        },
        tx,
      );
      return { ok: true, applicationId: created.id };
    }, TX_OPTIONS);
  } catch (error) {
    if (error instanceof Refused) return { ok: false, code: "notFull" };
    if (isUniqueViolation(error)) return { ok: false, code: already };
    throw error;
  }
}

// ───────────── confirming and withdrawing ─────────────

export type ConfirmOutcome = Outcome<
  { registrationId: string },
  Failure<"notFound" | "offerGone" | "cancelled" | "past" | "alreadyBooked">
>;

/** Confirms a held seat (a lottery win or a waitlist offer) before its deadline. */
export async function confirmSeat(sessionId: string, actor: Actor): Promise<ConfirmOutcome> {
  const { residentId, now, ip } = actor;
  const key = registrationKey(sessionId, residentId);
  try {
    return await getDb().$transaction(async (tx): Promise<ConfirmOutcome> => {
      const application = await tx.programApplication.findUnique({
        where: { liveKey: key },
        select: {
          id: true,
          residentId: true,
          status: true,
          offerExpiresAt: true,
          session: { select: { status: true, startsAt: true } },
        },
      });
      if (!application || application.residentId !== residentId)
        return { ok: false, code: "notFound" };
      if (!(HELD_STATUSES as readonly string[]).includes(application.status))
        return { ok: false, code: "offerGone" };
      if (application.session.status === "cancelled") return { ok: false, code: "cancelled" };
      if (application.session.startsAt <= now) return { ok: false, code: "past" };
      if (!application.offerExpiresAt || application.offerExpiresAt <= now)
        return { ok: false, code: "offerGone" };
      // Confirming and the staff's cancellation of the session take turns on the session's row:
      // this conditional write waits for a cancellation under way and then finds the session
      // cancelled (nothing written), or makes the cancellation wait until this registration is
      // committed, where it finds, cancels and tells it. The status read above may be stale.
      const stillScheduled = await tx.programSession.updateMany({
        where: { id: sessionId, status: "scheduled", startsAt: { gt: now } },
        data: { status: "scheduled" },
      });
      if (stillScheduled.count !== 1) return { ok: false, code: "cancelled" };
      const registration = await tx.programRegistration.create({
        data: { sessionId, residentId, liveKey: key, createdAt: now },
        select: { id: true },
      });
      const confirmed = await tx.programApplication.updateMany({
        where: {
          id: application.id,
          status: { in: [...HELD_STATUSES] },
          offerExpiresAt: { gt: now },
        },
        data: { status: "confirmed", liveKey: null, registrationId: registration.id },
      });
      // the offer expired or was withdrawn in between: undo the registration
      if (confirmed.count !== 1) throw new Refused("offerGone");
      await recordAudit(
        {
          actorId: residentId,
          action: "event.confirm",
          subjectType: "ProgramRegistration",
          subjectId: registration.id,
          subjectResidentId: residentId,
          metadata: { sessionId, applicationId: application.id },
          ip,
        },
        tx,
      );
      return { ok: true, registrationId: registration.id };
    }, TX_OPTIONS);
  } catch (error) {
    if (error instanceof Refused) return { ok: false, code: "offerGone" };
    if (isUniqueViolation(error)) return { ok: false, code: "alreadyBooked" };
    throw error;
  }
}

export type WithdrawOutcome = Outcome<object, Failure<"notFound">>;

/** Withdraws one's own application, waitlist place or held seat (which passes on). */
export async function withdrawApplication(
  sessionId: string,
  actor: Actor,
): Promise<WithdrawOutcome> {
  const { residentId, now, ip } = actor;
  const key = registrationKey(sessionId, residentId);
  return getDb().$transaction(async (tx): Promise<WithdrawOutcome> => {
    // the session first, as confirming does (lockSession): a withdrawal and a confirmation of
    // the same held seat queue on it instead of deadlocking
    if (!(await lockSession(tx, sessionId, now))) return { ok: false, code: "notFound" };
    const application = await tx.programApplication.findUnique({
      where: { liveKey: key },
      select: { id: true, residentId: true, status: true },
    });
    if (!application || application.residentId !== residentId)
      return { ok: false, code: "notFound" };
    const withdrawn = await tx.programApplication.updateMany({
      where: { id: application.id, status: application.status },
      data: { status: "withdrawn", liveKey: null },
    });
    if (withdrawn.count !== 1) return { ok: false, code: "notFound" };
    if ((HELD_STATUSES as readonly string[]).includes(application.status))
      await releaseSeat(tx, sessionId, now);
    await recordAudit(
      {
        actorId: residentId,
        action: "event.withdraw",
        subjectType: "ProgramApplication",
        subjectId: application.id,
        subjectResidentId: residentId,
        metadata: { sessionId, was: application.status },
        ip,
      },
      tx,
    );
    return { ok: true };
  }, TX_OPTIONS);
}

// ───────────── passing a freed seat on ─────────────

/**
 * A seat of a session was freed (a cancelled registration, a withdrawn or expired hold): it is
 * offered to the first one waiting (drawn order, then time of joining), held for
 * EVENTS_OFFER_HOLD_HOURS; with nobody waiting (or the session begun) it goes back to everyone.
 * The caller holds the session's row (lockSession) since before it wrote the freed entry.
 */
export async function releaseSeat(tx: Tx, sessionId: string, now: Date) {
  const session = await tx.programSession.findUnique({
    where: { id: sessionId },
    select: messageSessionSelect,
  });
  if (session && session.status === "scheduled" && session.startsAt > now) {
    for (let attempt = 0; attempt < 5; attempt += 1) {
      const next = await tx.programApplication.findFirst({
        where: { sessionId, status: "waiting" },
        orderBy: [
          { drawPosition: { sort: "asc", nulls: "last" } },
          { createdAt: "asc" },
          { id: "asc" },
        ],
        select: { id: true, residentId: true },
      });
      if (!next) break;
      const until = holdUntil(now, allocationRules().offerHoldHours, session.startsAt);
      const offered = await tx.programApplication.updateMany({
        where: { id: next.id, status: "waiting" },
        data: { status: "offered", offerExpiresAt: until },
      });
      if (offered.count !== 1) continue;
      await notifyResident(tx, next.residentId, "event_seat_offered", session, {
        now,
        until,
        ref: `event-application:${next.id}`,
      });
      return "offered" as const;
    }
  }
  await tx.programSession.updateMany({
    where: { id: sessionId, registeredCount: { gt: 0 } },
    data: { registeredCount: { decrement: 1 } },
  });
  return "released" as const;
}

// ───────────── the draw ─────────────

export type DrawOutcome = Outcome<
  { drawId: string; winners: number; applicants: number },
  Failure<"notFound" | "notAllowed" | "notStarted" | "cancelled" | "changed">
>;

/**
 * Draws a lottery session at or after its `drawAt`: exactly min(free seats, applicants) winners,
 * each holding a seat to confirm within the session's `confirmHours`; the others wait in drawn
 * order. The seed, the input and the order are recorded (ProgramDraw) and audited; the record's
 * unique session id makes a second draw (two task runners, staff pressing twice) write nothing.
 */
export async function drawSession(
  sessionId: string,
  { now, staffId, ip }: { now: Date; staffId: string | null; ip: string | null },
): Promise<DrawOutcome> {
  const db = getDb();
  const session = await loadSession(db, sessionId);
  if (!session) return { ok: false, code: "notFound" };
  if (session.allocation !== "lottery") return { ok: false, code: "notAllowed" };
  if (session.draw) return { ok: false, code: "changed" };
  if (session.status === "cancelled") return { ok: false, code: "cancelled" };
  if (!session.drawAt || session.drawAt > now) return { ok: false, code: "notStarted" };
  // winners of a draw after the start could never confirm in time
  if (session.startsAt <= now) return { ok: false, code: "notAllowed" };
  const { noShowMonths } = allocationRules();
  try {
    return await db.$transaction(async (tx): Promise<DrawOutcome> => {
      // the session's row first: applications and a switch of the allocation queue behind it
      if (!(await lockSession(tx, session.id, now, { allocation: "lottery", status: "scheduled" })))
        throw new Refused("changed");
      const current = await tx.programSession.findUniqueOrThrow({
        where: { id: session.id },
        select: { capacity: true, registeredCount: true },
      });
      const applications = await tx.programApplication.findMany({
        where: { sessionId: session.id, status: "applied" },
        select: { id: true, residentId: true },
      });
      const residentIds = applications.map((a) => a.residentId);
      const noShows = residentIds.length
        ? await tx.programRegistration.findMany({
            where: {
              residentId: { in: residentIds },
              attendance: "no_show",
              session: { startsAt: { lt: now } },
            },
            select: { residentId: true, session: { select: { startsAt: true } } },
          })
        : [];
      const applicants = canonicalApplicants(
        applications.map((application) => ({
          id: application.id,
          tier: drawTier(
            noShows
              .filter((n) => n.residentId === application.residentId)
              .map((n) => n.session.startsAt),
            now,
            noShowMonths,
          ),
        })),
      );
      const seats = Math.max(0, current.capacity - current.registeredCount);
      const seed = newSeed();
      const result = runDrawFromSeed(seed, applicants, seats);
      const draw = await tx.programDraw.create({
        data: {
          sessionId: session.id,
          seed,
          seats,
          applicants: JSON.stringify(applicants),
          drawnOrder: JSON.stringify(result.order),
          drawnById: staffId,
          drawnAt: now,
        },
        select: { id: true },
      });
      if (result.winners.length > 0) {
        // the winners' held seats; the read above is the counter this update expects
        const held = await tx.programSession.updateMany({
          where: { id: session.id, registeredCount: current.registeredCount },
          data: { registeredCount: { increment: result.winners.length } },
        });
        if (held.count !== 1) throw new Refused("changed");
      }
      const tierOf = new Map(applicants.map((a) => [a.id, a.tier]));
      const residentOf = new Map(applications.map((a) => [a.id, a.residentId]));
      const until = holdUntil(now, session.confirmHours, session.startsAt);
      const facts = toMessageSession(session);
      for (const [index, id] of result.order.entries()) {
        const won = index < result.winners.length;
        await tx.programApplication.update({
          where: { id },
          data: {
            status: won ? "won" : "waiting",
            tier: tierOf.get(id) ?? 0,
            drawPosition: index + 1,
            offerExpiresAt: won ? until : null,
          },
          select: { id: true },
        });
        await notifyResident(
          tx,
          residentOf.get(id)!,
          won ? "event_lottery_won" : "event_lottery_waitlisted",
          facts,
          won
            ? { now, until, ref: `event-application:${id}` }
            : {
                now,
                position: index + 1 - result.winners.length,
                ref: `event-application:${id}`,
              },
        );
      }
      await recordAudit(
        {
          actorId: staffId,
          action: "event.draw",
          subjectType: "ProgramDraw",
          subjectId: draw.id,
          organizationId: session.program.organizationId,
          metadata: {
            sessionId: session.id,
            seed,
            seats,
            applicants: applicants.length,
            winners: result.winners.length,
          },
          ip,
        },
        tx,
      );
      return {
        ok: true,
        drawId: draw.id,
        winners: result.winners.length,
        applicants: applicants.length,
      };
    }, DRAW_TX_OPTIONS);
  } catch (error) {
    if (error instanceof Refused || isUniqueViolation(error)) return { ok: false, code: "changed" };
    throw error;
  }
}

// ───────────── the periodic task ─────────────

/**
 * Periodic (`events.allocation`): draws the lotteries whose time has come, passes on held seats
 * whose deadline passed (drawn order), and closes the waitlists of sessions that have begun.
 */
export async function runAllocationTasks(now: Date) {
  const db = getDb();
  const due = await db.programSession.findMany({
    // only what drawSession will draw: a draft program or a session already begun would be
    // refused on every tick and, twenty of them, block the others
    where: {
      allocation: "lottery",
      status: "scheduled",
      drawAt: { lte: now },
      startsAt: { gt: now },
      draw: null,
      program: { status: "published" },
    },
    orderBy: { drawAt: "asc" },
    take: 20,
    select: { id: true },
  });
  let drawn = 0;
  for (const session of due) {
    const outcome = await drawSession(session.id, { now, staffId: null, ip: null });
    if (outcome.ok) drawn += 1;
  }
  const expiring = await db.programApplication.findMany({
    where: { status: { in: [...HELD_STATUSES] }, offerExpiresAt: { lte: now } },
    orderBy: { offerExpiresAt: "asc" },
    take: 200,
    select: { id: true, sessionId: true, residentId: true },
  });
  let expired = 0;
  let passedOn = 0;
  for (const held of expiring) {
    const outcome = await db.$transaction(async (tx) => {
      // the session before the entry, as confirming does (lockSession)
      await lockSession(tx, held.sessionId, now);
      const ended = await tx.programApplication.updateMany({
        where: { id: held.id, status: { in: [...HELD_STATUSES] }, offerExpiresAt: { lte: now } },
        data: { status: "expired", liveKey: null },
      });
      if (ended.count !== 1) return null;
      const session = await tx.programSession.findUnique({
        where: { id: held.sessionId },
        select: messageSessionSelect,
      });
      if (session)
        await notifyResident(tx, held.residentId, "event_offer_expired", session, {
          now,
          ref: `event-application:${held.id}`,
        });
      return releaseSeat(tx, held.sessionId, now);
    }, TX_OPTIONS);
    if (outcome) expired += 1;
    if (outcome === "offered") passedOn += 1;
  }
  // nobody is still "waiting" for, or "applied" to, a session that has begun or was called off
  const closed = await db.$transaction(
    (tx) =>
      tx.programApplication.updateMany({
        where: {
          status: { in: ["waiting", "applied"] },
          session: { OR: [{ startsAt: { lte: now } }, { status: "cancelled" }] },
        },
        data: { status: "not_selected", liveKey: null },
      }),
    TX_OPTIONS,
  );
  return { drawn, expired, passedOn, closed: closed.count };
}

// ───────────── messages ─────────────

const messageSessionSelect = {
  id: true,
  startsAt: true,
  status: true,
  program: {
    select: { slug: true, titleKo: true, titleEn: true, organizationId: true },
  },
} as const;
type MessageSession = Prisma.ProgramSessionGetPayload<{ select: typeof messageSessionSelect }>;

function toMessageSession(session: SessionRow): MessageSession {
  return {
    id: session.id,
    startsAt: session.startsAt,
    status: session.status,
    program: session.program,
  };
}

/** Writes a lottery or waitlist message to the outbox, in the resident's language. */
async function notifyResident(
  tx: Tx,
  residentId: string,
  template:
    "event_lottery_won" | "event_lottery_waitlisted" | "event_seat_offered" | "event_offer_expired",
  session: MessageSession,
  extra: { now: Date; until?: Date; position?: number; ref: string },
) {
  const resident = await tx.resident.findFirst({
    where: { id: residentId, deletedAt: null },
    select: { preferredLanguage: true },
  });
  if (!resident) return;
  const language = resident.preferredLanguage;
  const params: Record<string, string | number> = {
    program: localized(session.program, language, "title"),
    when: formatDateTime(session.startsAt, language),
    link: siteUrl(`/events/${session.program.slug}#session-${session.id}`),
  };
  if (extra.until) params.until = formatDateTime(extra.until, language);
  if (extra.position !== undefined) params.position = extra.position;
  await enqueueNotification(
    {
      residentId,
      template,
      params,
      sendAfter: extra.now,
      about: { ref: extra.ref, organizationId: session.program.organizationId },
      expiresAt: extra.until,
    },
    tx,
  );
}

// ───────────── what a resident sees ─────────────

/** A resident's standing in each of the given sessions' lotteries or waitlists (live or decided). */
export async function standingsOf(
  residentId: string,
  sessionIds: string[],
): Promise<Record<string, Standing>> {
  if (sessionIds.length === 0) return {};
  const db = getDb();
  const rows = await db.programApplication.findMany({
    where: {
      residentId,
      sessionId: { in: sessionIds },
      status: { in: [...LIVE_APPLICATION_STATUSES, "not_selected", "expired"] },
    },
    orderBy: { createdAt: "asc" },
    select: {
      id: true,
      sessionId: true,
      status: true,
      drawPosition: true,
      createdAt: true,
      offerExpiresAt: true,
    },
  });
  const standings: Record<string, Standing> = {};
  for (const row of rows) {
    // the latest row of a session wins (a live one after an old expired one)
    if (row.status === "applied") standings[row.sessionId] = { kind: "applied" };
    else if (row.status === "won" || row.status === "offered")
      standings[row.sessionId] = {
        kind: row.status,
        until: (row.offerExpiresAt ?? new Date(0)).toISOString(),
      };
    else if (row.status === "waiting") {
      const ahead = await db.programApplication.count({
        where: {
          sessionId: row.sessionId,
          status: "waiting",
          OR:
            row.drawPosition !== null
              ? [{ drawPosition: { lt: row.drawPosition } }]
              : [
                  { drawPosition: { not: null } },
                  { drawPosition: null, createdAt: { lt: row.createdAt } },
                  { drawPosition: null, createdAt: row.createdAt, id: { lt: row.id } },
                ],
        },
      });
      standings[row.sessionId] = { kind: "waiting", position: ahead + 1 };
    } else if (row.status === "not_selected") standings[row.sessionId] = { kind: "not_selected" };
    else standings[row.sessionId] = { kind: "expired" };
  }
  return standings;
}

// ───────────── the staff's view of a draw ─────────────

/** A lottery session's draw for the staff page: the record, and every applicant in drawn order. */
export async function drawForStaff(sessionId: string) {
  const db = getDb();
  const session = await db.programSession.findUnique({
    where: { id: sessionId },
    select: {
      id: true,
      startsAt: true,
      status: true,
      allocation: true,
      drawAt: true,
      capacity: true,
      program: {
        select: { slug: true, titleKo: true, titleEn: true, organizationId: true },
      },
      draw: {
        select: {
          seed: true,
          seats: true,
          applicants: true,
          drawnOrder: true,
          drawnAt: true,
          drawnById: true,
        },
      },
    },
  });
  if (!session) return null;
  const applications = await db.programApplication.findMany({
    where: { sessionId },
    select: {
      id: true,
      status: true,
      tier: true,
      drawPosition: true,
      resident: { select: { name: true } },
    },
  });
  const byId = new Map(applications.map((a) => [a.id, a]));
  const order: string[] = session.draw ? (JSON.parse(session.draw.drawnOrder) as string[]) : [];
  const drawnBy = session.draw?.drawnById
    ? await db.resident.findUnique({
        where: { id: session.draw.drawnById },
        select: { name: true },
      })
    : null;
  return {
    session,
    drawnByName: drawnBy?.name ?? null,
    drawn: order.map((id, index) => {
      const application = byId.get(id);
      return {
        position: index + 1,
        id,
        name: application?.resident.name ?? "",
        tier: application?.tier ?? 0,
        won: session.draw ? index < session.draw.seats : false,
        status: application?.status ?? "",
      };
    }),
    pending: applications.filter((a) => a.status === "applied").length,
  };
}
