// Booking by lottery (decision 0031): for a service whose staff chose `allocation = lottery`,
// residents apply for a slot until it is drawn (`drawLeadHours` before its start); the periodic
// task draws each due slot in one transaction with the shared pure draw (decision 0027), books the
// winners directly and puts the others on the slot's waitlist in drawn order, where freed places
// are offered as for any full slot (held offers, waitlist.server.ts / capacity.server.ts).
import { recordAudit } from "~/domain/audit/service.server";
import { drawTier } from "~/domain/events/allocation";
import { isUniqueViolation } from "~/domain/shared/db-errors";
import { canonicalApplicants, newSeed, runDrawFromSeed } from "~/domain/shared/draw";
import { Refused } from "~/domain/shared/outcome";
import { pageCount, paginate } from "~/domain/shared/pagination";
import { getDb } from "~/utils/db.server";
import { getEnv } from "~/utils/env.server";
import {
  eligibilityOn,
  lockResident,
  offerFreePlaces,
  type Outcome,
  rulesFor,
  takePlace,
  targetSelect,
  type Tx,
  TX_OPTIONS,
  yearlyLimitFor,
  residentTarget,
} from "./capacity.server";
import { messageFacts, messageSlotSelect, notify, scheduleReminder } from "./messages.server";
import { liveKey, slotDrawAt } from "./rules";

/** A draw writes a booking or a waitlist entry, and a message, per applicant: give it room. */
const DRAW_TX_OPTIONS = { maxWait: 60_000, timeout: 120_000 } as const;

// ───────────── applying and withdrawing ─────────────

/**
 * Applies for a slot of a lottery service before its draw. The same checks as booking (the slot
 * is live, the resident eligible on its day, the per-resident rules and the yearly limit, an
 * application counting as a booking), one live application per resident and slot. Writes
 * nothing but the resident's row lock when refused.
 */
export async function applyForSlot(request: {
  residentId: string;
  serviceSlug: string;
  slotId: string;
  now: Date;
  ip: string | null;
}): Promise<Outcome<{ applicationId: string }>> {
  const db = getDb();
  const { residentId, now } = request;
  const checked = await residentTarget(request);
  if (!checked.ok) return checked;
  const { slot, resident } = checked;
  if (slot.service.allocation !== "lottery") return { ok: false, code: "notAllowed" };
  if (slot.draw || slotDrawAt(slot.startsAt, slot.service.drawLeadHours) <= now)
    return { ok: false, code: "closed" };
  const verdict = eligibilityOn(slot, resident.facts);
  if (!verdict.eligible) return { ok: false, code: "ineligible", reasons: verdict.reasons };
  const key = liveKey(slot.id, residentId);
  try {
    return await db.$transaction(async (tx): Promise<Outcome<{ applicationId: string }>> => {
      if (!(await lockResident(tx, residentId, now))) return { ok: false, code: "notFound" };
      const already = await tx.slotApplication.findUnique({
        where: { liveKey: key },
        select: { id: true },
      });
      if (already) return { ok: false, code: "alreadyApplied" };
      // (a form key no booking has: the resent-form rule does not apply to an application)
      const rule = await rulesFor(tx, residentId, slot, `apply:${crypto.randomUUID()}`, now);
      if (rule) return { ok: false, code: "replayOf" in rule ? "alreadyBooked" : rule.code };
      const yearly = await yearlyLimitFor(tx, residentId, slot);
      if (yearly) return { ok: false, code: "yearlyLimit", limit: yearly.limit };
      // The way of giving places, read again in here: staff may have switched the service to
      // first come (which ends its applications) since the read above, and an application made
      // now would never be drawn. A turn on the service's row, taken before the slot's (the
      // staff save takes the service, then its slots: one order, no deadlock), so this either
      // commits before the save ends the applications or sees the switch and refuses.
      const stillLottery = await tx.service.updateMany({
        where: { id: slot.service.id, allocation: "lottery" },
        data: { updatedAt: now },
      });
      if (stillLottery.count !== 1) return { ok: false, code: "notAllowed" };
      // Serialise with the draw on the slot's row: the draw claims it (`drawnAt`) before reading
      // the applications, so this write either comes first (and the draw, waiting on the row
      // lock, then sees this application) or waits for the draw and finds the slot drawn.
      if (!(await claimUndrawnSlot(tx, slot.id, now))) return { ok: false, code: "closed" };
      const application = await tx.slotApplication.create({
        data: { slotId: slot.id, residentId, status: "applied", liveKey: key, createdAt: now },
        select: { id: true },
      });
      await recordAudit(
        {
          actorId: residentId,
          action: "booking.apply",
          subjectType: "SlotApplication",
          subjectId: application.id,
          subjectResidentId: residentId,
          placeId: slot.service.place.id,
          metadata: { slotId: slot.id },
          ip: request.ip,
        },
        tx,
      );
      return { ok: true, applicationId: application.id };
    }, TX_OPTIONS);
  } catch (error) {
    if (isUniqueViolation(error)) return { ok: false, code: "alreadyApplied" };
    throw error;
  }
}

/**
 * Takes the slot's row lock while it is undrawn (false once a draw claimed it). Everything that
 * ends an application before its draw goes through here first, as applying does, so that it and
 * the draw (which claims the row before reading the applications) happen one after the other.
 */
export async function claimUndrawnSlot(tx: Tx, slotId: string, now: Date) {
  const open = await tx.slot.updateMany({
    where: { id: slotId, drawnAt: null },
    data: { updatedAt: now },
  });
  return open.count === 1;
}

/** Withdraws one's own application before the draw. */
export async function withdrawSlotApplication(
  residentId: string,
  applicationId: string,
  now: Date,
  ip: string | null,
): Promise<Outcome> {
  return getDb().$transaction(async (tx): Promise<Outcome> => {
    const application = await tx.slotApplication.findFirst({
      where: { id: applicationId, residentId, status: "applied" },
      select: { slotId: true, slot: { select: { service: { select: { placeId: true } } } } },
    });
    if (!application) return { ok: false, code: "notLive" };
    // Take a turn on the slot's row like applying does: a draw that already claimed it has
    // decided this application (a withdrawal then would be overwritten by its "won").
    if (!(await claimUndrawnSlot(tx, application.slotId, now)))
      return { ok: false, code: "notLive" };
    const withdrawn = await tx.slotApplication.updateMany({
      where: { id: applicationId, residentId, status: "applied" },
      data: { status: "withdrawn", liveKey: null, updatedAt: now },
    });
    if (withdrawn.count !== 1) return { ok: false, code: "notLive" };
    await recordAudit(
      {
        actorId: residentId,
        action: "booking.withdraw_application",
        subjectType: "SlotApplication",
        subjectId: applicationId,
        subjectResidentId: residentId,
        placeId: application.slot.service.placeId,
        metadata: { slotId: application.slotId },
        ip,
      },
      tx,
    );
    return { ok: true };
  }, TX_OPTIONS);
}

// ───────────── the draw ─────────────

export type SlotDrawOutcome = Outcome<{ drawId: string; winners: number; applicants: number }>;

/**
 * Draws a lottery slot whose draw time has come: exactly min(free places, applicants) winners,
 * each booked; the others join the slot's waitlist in drawn order. The seed, the input and the
 * order are recorded (SlotDraw) and audited; the record's unique slot id makes a second draw (two
 * task runners at once) write nothing.
 */
export async function drawSlot(
  slotId: string,
  now: Date,
  /** staff who pressed "draw now" (null: the periodic task) */
  by: { staffId: string | null; ip: string | null } = { staffId: null, ip: null },
): Promise<SlotDrawOutcome> {
  try {
    return await getDb().$transaction(async (tx): Promise<SlotDrawOutcome> => {
      const slot = await tx.slot.findUnique({ where: { id: slotId }, select: targetSelect });
      if (!slot || slot.service.allocation !== "lottery") return { ok: false, code: "notFound" };
      if (slot.draw) return { ok: false, code: "closed" };
      if (slot.startsAt <= now) return { ok: false, code: "past" };
      if (slot.blocked) return { ok: false, code: "blocked" };
      if (slotDrawAt(slot.startsAt, slot.service.drawLeadHours) > now)
        return { ok: false, code: "notStarted" };
      // Claim the slot first: an application whose transaction touched the row commits before
      // this returns (READ COMMITTED waits on the row lock), later ones find it drawn. The
      // applications are read after the claim, so none committed before it is left undrawn.
      const claimed = await tx.slot.updateMany({
        where: { id: slotId, drawnAt: null, blocked: false },
        data: { drawnAt: now },
      });
      if (claimed.count !== 1) return { ok: false, code: "closed" };
      const applications = await tx.slotApplication.findMany({
        where: { slotId, status: "applied" },
        select: { id: true, residentId: true },
      });
      const tiers = await noShowTiers(
        tx,
        applications.map((a) => a.residentId),
        slot.service.kind,
        now,
      );
      const applicants = canonicalApplicants(
        applications.map((a) => ({ id: a.id, tier: tiers.get(a.residentId) ?? 0 })),
      );
      const seats = Math.max(0, slot.capacity - slot.bookedCount);
      const seed = newSeed();
      const result = runDrawFromSeed(seed, applicants, seats);
      const draw = await tx.slotDraw.create({
        data: {
          slotId,
          seed,
          seats,
          applicants: JSON.stringify(applicants),
          drawnOrder: JSON.stringify(result.order),
          drawnAt: now,
        },
        select: { id: true },
      });
      const residentOf = new Map(applications.map((a) => [a.id, a.residentId]));
      const tierOf = new Map(applicants.map((a) => [a.id, a.tier]));
      const facts = { startsAt: slot.startsAt, service: slot.service, place: slot.service.place };
      let booked = 0;
      for (const [index, id] of result.winners.entries()) {
        const residentId = residentOf.get(id)!;
        // Only an application still live is decided: one ended since it was read (nothing should
        // end it past the slot claim, but a lost update would book a withdrawn resident) is not.
        const won = await tx.slotApplication.updateMany({
          where: { id, status: "applied" },
          data: {
            status: "won",
            liveKey: null,
            tier: tierOf.get(id) ?? 0,
            drawPosition: index + 1,
            updatedAt: now,
          },
        });
        if (won.count !== 1) continue;
        // the free places were read in this transaction: a place that cannot be taken is a bug
        if (!(await takePlace(tx, slotId, now))) throw new Refused("changed");
        booked += 1;
        const booking = await tx.booking.create({
          data: {
            residentId,
            slotId,
            status: "confirmed",
            liveKey: liveKey(slotId, residentId),
            createdAt: now,
          },
          select: { id: true },
        });
        await tx.slotApplication.update({
          where: { id },
          data: { bookingId: booking.id },
          select: { id: true },
        });
        const recipient = { id: residentId };
        await notify(
          tx,
          recipient,
          "booking_lottery_won",
          facts,
          { path: `/bookings/${booking.id}`, ref: `booking:${booking.id}` },
          { sendAfter: now },
        );
        await scheduleReminder(tx, recipient, booking.id, facts, now);
      }
      for (const [index, id] of result.waitlist.entries()) {
        const residentId = residentOf.get(id)!;
        const waitlisted = await tx.slotApplication.updateMany({
          where: { id, status: "applied" },
          data: {
            status: "waitlisted",
            liveKey: null,
            tier: tierOf.get(id) ?? 0,
            drawPosition: result.winners.length + index + 1,
            updatedAt: now,
          },
        });
        if (waitlisted.count !== 1) continue;
        // An entry the resident already holds (joined before the service became a lottery) is
        // kept as it is: a second live entry would break the unique live key and the draw.
        const key = liveKey(slotId, residentId);
        const entry =
          (await tx.waitlistEntry.findUnique({ where: { liveKey: key }, select: { id: true } })) ??
          // The waitlist is served by time of joining: the drawn order is kept by joining times a
          // millisecond apart, before anyone could join by hand.
          (await tx.waitlistEntry.create({
            data: {
              slotId,
              residentId,
              status: "waiting",
              liveKey: key,
              createdAt: new Date(now.getTime() + index),
            },
            select: { id: true },
          }));
        await notify(
          tx,
          { id: residentId },
          "booking_lottery_waitlisted",
          facts,
          {
            path: `/book/${slot.service.slug}/${slotId}`,
            ref: `waitlist:${entry.id}`,
            position: index + 1,
          },
          { sendAfter: now },
        );
      }
      // A winner skipped above leaves its place free: it goes to the next one waiting (the drawn
      // order just written, after anyone who joined earlier), as any freed place does, instead
      // of staying free unseen while people wait.
      const skipped = result.winners.length - booked;
      const offered = skipped > 0 ? await offerFreePlaces(tx, slotId, now) : 0;
      await recordAudit(
        {
          actorId: by.staffId,
          action: "booking.draw",
          subjectType: "SlotDraw",
          subjectId: draw.id,
          placeId: slot.service.place.id,
          ip: by.ip,
          metadata: {
            slotId,
            by: by.staffId ? "staff" : "task",
            seed,
            seats,
            applicants: applicants.length,
            winners: booked,
            ...(skipped > 0 ? { skipped, offered } : {}),
          },
        },
        tx,
      );
      return {
        ok: true,
        drawId: draw.id,
        winners: booked,
        applicants: applicants.length,
      };
    }, DRAW_TX_OPTIONS);
  } catch (error) {
    if (error instanceof Refused || isUniqueViolation(error)) return { ok: false, code: "closed" };
    throw error;
  }
}

/**
 * Tier 1 (drawn after everyone else) for a resident with a booking of the same kind of service
 * marked `no_show` by staff, whose slot started within EVENTS_NO_SHOW_MONTHS before the draw —
 * the programs' rule (decision 0027), on bookings.
 */
async function noShowTiers(tx: Tx, residentIds: string[], kind: string, now: Date) {
  const tiers = new Map<string, number>();
  if (residentIds.length === 0) return tiers;
  const missed = await tx.booking.findMany({
    where: {
      residentId: { in: residentIds },
      status: "no_show",
      slot: { startsAt: { lt: now }, service: { kind } },
    },
    select: { residentId: true, slot: { select: { startsAt: true } } },
  });
  const months = getEnv().EVENTS_NO_SHOW_MONTHS;
  for (const residentId of residentIds) {
    const starts = missed.filter((m) => m.residentId === residentId).map((m) => m.slot.startsAt);
    tiers.set(residentId, drawTier(starts, now, months));
  }
  return tiers;
}

// ───────────── switching back to first come ─────────────

/** Applications of this service still waiting for a draw (the staff form warns before ending them). */
export async function pendingApplicationCount(serviceId: string) {
  return getDb().slotApplication.count({ where: { status: "applied", slot: { serviceId } } });
}

/**
 * The service went back to first come: its undrawn applications end (`not_selected`) and each
 * resident is told, in their language, that the time can now be booked directly. Runs in the
 * transaction that saves the service.
 */
export async function endUndrawnApplications(tx: Tx, serviceId: string, now: Date) {
  const pending = await tx.slotApplication.findMany({
    where: { status: "applied", slot: { serviceId } },
    select: { id: true, residentId: true, slot: { select: messageSlotSelect } },
  });
  let count = 0;
  const claimed = new Map<string, boolean>();
  for (const application of pending) {
    // A slot whose draw claimed it first keeps its draw's outcome (see claimUndrawnSlot).
    const slotId = application.slot.id;
    if (!claimed.has(slotId)) claimed.set(slotId, await claimUndrawnSlot(tx, slotId, now));
    if (!claimed.get(slotId)) continue;
    const path = `/book/${application.slot.service.slug}/${application.slot.id}`;
    if (
      await endApplication(
        tx,
        application,
        application.slot,
        "booking_lottery_ended",
        { path },
        now,
      )
    )
      count += 1;
  }
  return count;
}

/**
 * A slot that will not run (blocked by staff, or gone from the timetable) ends its undrawn
 * applications (`not_selected`) and tells each resident why. In the caller's transaction, after
 * it took the slot's row (blocking it), so a draw either came first or finds the slot blocked.
 */
export async function endApplicationsOfCancelledSlot(
  tx: Tx,
  slotId: string,
  reason: string | null,
  now: Date,
) {
  const pending = await tx.slotApplication.findMany({
    where: { slotId, status: "applied" },
    select: { id: true, residentId: true },
  });
  if (pending.length === 0) return 0;
  const slot = await tx.slot.findUniqueOrThrow({
    where: { id: slotId },
    select: messageSlotSelect,
  });
  let ended = 0;
  for (const application of pending) {
    const told = { path: `/book/${slot.service.slug}`, reason };
    if (await endApplication(tx, application, slot, "booking_lottery_slot_cancelled", told, now))
      ended += 1;
  }
  return ended;
}

/**
 * Ends one undrawn application (`not_selected`) and tells its resident why, in the caller's
 * transaction; false when it was no longer waiting (withdrawn or drawn meanwhile).
 */
async function endApplication(
  tx: Tx,
  application: { id: string; residentId: string },
  slot: Parameters<typeof messageFacts>[0],
  template: "booking_lottery_ended" | "booking_lottery_slot_cancelled",
  told: { path: string; reason?: string | null },
  now: Date,
): Promise<boolean> {
  const ended = await tx.slotApplication.updateMany({
    where: { id: application.id, status: "applied" },
    data: { status: "not_selected", liveKey: null, updatedAt: now },
  });
  if (ended.count !== 1) return false;
  await notify(
    tx,
    { id: application.residentId },
    template,
    messageFacts(slot),
    { ...told, ref: `slot-application:${application.id}` },
    { sendAfter: now },
  );
  return true;
}

// ───────────── the periodic task ─────────────

/** Draws per run of the task: a due slot left over is drawn at the next tick (a minute). */
const DRAWS_PER_RUN = 20;

/**
 * Periodic (`booking.draws`): draws the lottery slots whose draw time has come, soonest first,
 * and closes the applications of slots that began (or stayed blocked) without a draw.
 */
export async function runSlotDraws(now: Date, options: { batch?: number } = {}) {
  const batch = options.batch ?? DRAWS_PER_RUN;
  const db = getDb();
  // Due is per service (its own lead time): the query asks each lottery service for its due
  // slots, so slots not yet due, however many start sooner, never push due ones out of a batch.
  const services = await db.service.findMany({
    where: { allocation: "lottery", slots: { some: { draw: null, startsAt: { gt: now } } } },
    select: { id: true, drawLeadHours: true },
  });
  const due = (
    await Promise.all(
      services.map((service) =>
        db.slot.findMany({
          where: {
            serviceId: service.id,
            draw: null,
            blocked: false,
            startsAt: {
              gt: now,
              lte: new Date(now.getTime() + service.drawLeadHours * 3_600_000),
            },
          },
          orderBy: [{ startsAt: "asc" }, { id: "asc" }],
          take: batch,
          select: { id: true, startsAt: true },
        }),
      ),
    )
  )
    .flat()
    .sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime())
    .slice(0, batch);
  let drawn = 0;
  for (const slot of due) if ((await drawSlot(slot.id, now)).ok) drawn += 1;
  return { drawn, closed: await closeUndrawnApplications(now) };
}

/**
 * Applications of slots that began without a draw (blocked, or switched off meanwhile) end
 * `not_selected`, like every other end of an application: with `updatedAt`, and audited (one
 * record per slot, by the task).
 */
async function closeUndrawnApplications(now: Date) {
  const db = getDb();
  const slots = await db.slot.findMany({
    where: { startsAt: { lte: now }, applications: { some: { status: "applied" } } },
    select: { id: true, service: { select: { placeId: true } } },
    take: 100,
  });
  let closed = 0;
  for (const slot of slots)
    closed += await db.$transaction(async (tx) => {
      const ended = await tx.slotApplication.updateMany({
        where: { slotId: slot.id, status: "applied" },
        data: { status: "not_selected", liveKey: null, updatedAt: now },
      });
      if (ended.count > 0)
        await recordAudit(
          {
            actorId: null,
            action: "booking.applications_closed",
            subjectType: "Slot",
            subjectId: slot.id,
            placeId: slot.service.placeId,
            ip: null,
            metadata: { closed: ended.count, by: "task" },
          },
          tx,
        );
      return ended.count;
    }, TX_OPTIONS);
  return closed;
}

// ───────────── what residents and staff see ─────────────

const applicationSelect = {
  id: true,
  status: true,
  drawPosition: true,
  bookingId: true,
  createdAt: true,
  slot: {
    select: {
      id: true,
      startsAt: true,
      endsAt: true,
      draw: { select: { seats: true } },
      service: {
        select: { slug: true, nameKo: true, nameEn: true, drawLeadHours: true },
      },
    },
  },
} as const;

/** Lottery applications per page of "My bookings" (its own `lotteryPage` parameter). */
const APPLICATIONS_PAGE_SIZE = 20;

/**
 * "won" holds only while the booking the draw made is live: the ids of those bookings since
 * cancelled (by the resident, or staff blocking the slot), whose applications then say so.
 */
async function cancelledWins(bookingIds: (string | null)[]) {
  const ids = bookingIds.filter((id): id is string => id !== null);
  if (ids.length === 0) return new Set<string>();
  const cancelled = await getDb().booking.findMany({
    where: { id: { in: ids }, status: "cancelled" },
    select: { id: true },
  });
  return new Set(cancelled.map((b) => b.id));
}

/** What an application's page shows: its status, "won" becoming "wonCancelled" (see above). */
function shownStatus(status: string, bookingId: string | null, cancelled: Set<string>) {
  return status === "won" && bookingId !== null && cancelled.has(bookingId)
    ? "wonCancelled"
    : status;
}

/** The resident's applications for slots that have not begun, soonest first, a page at a time. */
export async function myApplications(residentId: string, now: Date, page = 1) {
  const db = getDb();
  const where = {
    residentId,
    status: { in: ["applied", "won", "waitlisted"] },
    slot: { startsAt: { gt: now } },
  };
  const [rows, total] = await Promise.all([
    db.slotApplication.findMany({
      where,
      orderBy: [{ slot: { startsAt: "asc" } }, { id: "asc" }],
      ...paginate(page, APPLICATIONS_PAGE_SIZE),
      select: applicationSelect,
    }),
    db.slotApplication.count({ where }),
  ]);
  const cancelled = await cancelledWins(rows.map((row) => row.bookingId));
  const applications = rows.map((row) => ({
    id: row.id,
    status: shownStatus(row.status, row.bookingId, cancelled),
    /** place on the waitlist as drawn (1 = first after the winners) */
    waitlistPosition:
      row.status === "waitlisted" && row.drawPosition !== null && row.slot.draw
        ? row.drawPosition - row.slot.draw.seats
        : null,
    slotId: row.slot.id,
    startsAt: row.slot.startsAt.toISOString(),
    endsAt: row.slot.endsAt.toISOString(),
    drawAt: slotDrawAt(row.slot.startsAt, row.slot.service.drawLeadHours).toISOString(),
    service: row.slot.service,
  }));
  return { applications, pages: pageCount(total, APPLICATIONS_PAGE_SIZE) };
}

/** The resident's application for one slot (the latest), for the slot page. */
export async function applicationFor(residentId: string, slotId: string) {
  const application = await getDb().slotApplication.findFirst({
    where: { residentId, slotId, status: { not: "withdrawn" } },
    orderBy: { createdAt: "desc" },
    select: { id: true, status: true, bookingId: true },
  });
  if (!application) return null;
  const cancelled = await cancelledWins([application.bookingId]);
  return {
    id: application.id,
    status: shownStatus(application.status, application.bookingId, cancelled),
  };
}

/**
 * A slot's draw for staff of its place (an admin: any place): the record, and every applicant in
 * drawn order; null when the slot is not theirs or not of a lottery service.
 */
export async function slotDrawForStaff(placeScope: { placeId?: string }, slotId: string) {
  const db = getDb();
  const slot = await db.slot.findFirst({
    where: { id: slotId, service: { ...placeScope, allocation: "lottery" } },
    select: {
      id: true,
      startsAt: true,
      endsAt: true,
      capacity: true,
      service: {
        select: { nameKo: true, nameEn: true, drawLeadHours: true },
      },
    },
  });
  if (!slot) return null;
  const draw = await db.slotDraw.findUnique({
    where: { slotId },
    select: { seed: true, seats: true, applicants: true, drawnOrder: true, drawnAt: true },
  });
  const applications = await db.slotApplication.findMany({
    where: { slotId },
    select: { id: true, status: true, tier: true, resident: { select: { name: true } } },
  });
  const byId = new Map(applications.map((a) => [a.id, a]));
  const order = draw ? (JSON.parse(draw.drawnOrder) as string[]) : [];
  return {
    slot: {
      ...slot,
      startsAt: slot.startsAt.toISOString(),
      endsAt: slot.endsAt.toISOString(),
      drawAt: slotDrawAt(slot.startsAt, slot.service.drawLeadHours).toISOString(),
    },
    draw: draw && { ...draw, drawnAt: draw.drawnAt.toISOString() },
    drawn: order.map((id, index) => ({
      position: index + 1,
      id,
      name: byId.get(id)?.resident.name ?? "",
      tier: byId.get(id)?.tier ?? 0,
      won: draw ? index < draw.seats : false,
    })),
    pending: applications.filter((a) => a.status === "applied").length,
  };
}
