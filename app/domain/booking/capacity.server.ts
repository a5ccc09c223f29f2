// Booking's shared primitives: taking, releasing and offering a place, the resident lock, the
// selects. The capability's other modules (book, waitlist, staff, schedule, reads, messages) build
// on them; the rules are pure functions in rules.ts and slots.ts.
//
// Invariants under concurrency are kept by the database, never by reading then writing:
//  - Slot.bookedCount (confirmed bookings + places held for a waitlist offer) only goes up through
//    `updateMany … bookedCount < capacity`, in the transaction that inserts the booking;
//  - one confirmed booking per resident and slot, one live waitlist entry per resident and slot:
//    the nullable unique `liveKey`; one booking per submitted form: the unique `idempotencyKey`;
//    one successor per rescheduled booking: the unique `rescheduledFromId`;
//  - every status change is a conditional update on the current status ("confirmed" → …), so two
//    requests cannot both cancel, move or accept the same thing;
//  - rules spanning several slots of one resident (no overlap, N upcoming per kind) run after the
//    resident's row is locked by an update, which serialises that resident's booking changes on
//    PostgreSQL; SQLite serialises every write transaction anyway.
import { criteriaFromRow, judge, type ProfileFacts } from "~/domain/eligibility/judge";
import { criteriaSelect, PROFILE_FACTS_SELECT } from "~/domain/eligibility/service.server";
import { type Outcome as SharedOutcome, Refused } from "~/domain/shared/outcome";
import { seoulDate } from "~/domain/shared/seoul-time";
import type { Prisma, PrismaClient } from "~/generated/prisma/client";
import { getDb } from "~/utils/db.server";
import { getEnv } from "~/utils/env.server";
import { messageFacts, messageSlotSelect, notify } from "./messages.server";
import {
  type HeldBooking,
  liveKey,
  offerExpiry,
  residentRules,
  seoulYearRange,
  slotState,
  yearlyLimitReached,
} from "./rules";
import type { BookingFailure } from "./types";

export type Tx = Prisma.TransactionClient;
type Client = PrismaClient | Tx;

/** Done (with `T`), or refused with a booking code. */
export type Outcome<T extends object = object> = SharedOutcome<T, BookingFailure>;

// Every write of this module runs in a transaction, single inserts included: the better-sqlite3
// adapter serialises transactions with a mutex but runs any other statement on its one connection
// inside whichever transaction is open at that moment, so a write made outside a transaction can
// be rolled back with someone else's. For the same reason a refusal decided inside a transaction
// is returned (the transaction commits) unless something it wrote must be undone.
// Writers queue (and wait for row locks on PostgreSQL): give a busy moment room instead of
// failing after Prisma's default two seconds.
export const TX_OPTIONS = { maxWait: 10_000, timeout: 10_000 } as const;

/** The configurable rules (environment), also shown on the pages. */
export function bookingRules() {
  const env = getEnv();
  return {
    cutoffMinutes: env.BOOKING_CANCEL_CUTOFF_MINUTES,
    maxPerKind: env.BOOKING_MAX_UPCOMING_PER_KIND,
    holdMinutes: env.WAITLIST_OFFER_HOLD_MINUTES,
    leadMinutes: env.WAITLIST_OFFER_LEAD_MINUTES,
  };
}

// ───────────── services, places and their slots ─────────────

export const placeSelect = {
  id: true,
  slug: true,
  kind: true,
  subKind: true,
  nameKo: true,
  nameEn: true,
  addressKo: true,
  addressEn: true,
  phone: true,
} as const;

export const serviceSelect = {
  id: true,
  slug: true,
  kind: true,
  nameKo: true,
  nameEn: true,
  descriptionKo: true,
  descriptionEn: true,
  durationMinutes: true,
  eligibilityId: true,
  allocation: true,
  drawLeadHours: true,
  yearlyLimitPerResident: true,
  place: { select: placeSelect },
} as const;

export const slotSelect = {
  id: true,
  serviceId: true,
  startsAt: true,
  endsAt: true,
  capacity: true,
  bookedCount: true,
  blocked: true,
  blockedReason: true,
  channels: true,
} as const;

// ───────────── one slot, and the resident in front of it ─────────────

/** What a booking needs of a slot's service: its rules, place and eligibility criteria. */
export const targetServiceSelect = {
  id: true,
  slug: true,
  kind: true,
  bookable: true,
  active: true,
  nameKo: true,
  nameEn: true,
  yearlyLimitPerResident: true,
  allocation: true,
  drawLeadHours: true,
  place: { select: placeSelect },
  eligibility: { select: criteriaSelect },
} as const;

/** A slot's own facts for booking it: times, places left, whether it has been drawn. */
export const targetSlotSelect = { ...slotSelect, draw: { select: { drawnAt: true } } } as const;

/** A slot with everything booking it needs: its service, place and eligibility criteria. */
export const targetSelect = {
  ...targetSlotSelect,
  service: { select: targetServiceSelect },
} as const;
export type BookingTarget = NonNullable<Awaited<ReturnType<typeof loadTarget>>>;

export function loadTarget(slotId: string) {
  return getDb().slot.findUnique({ where: { id: slotId }, select: targetSelect });
}

/** A slot can be booked (or waited for) through this service's forms only while it is live. */
function checkTarget(
  slot: BookingTarget | null,
  serviceSlug: string,
  now: Date,
): Outcome<{ state: ReturnType<typeof slotState> }> {
  if (!slot || !slot.service.bookable || !slot.service.active)
    return { ok: false, code: "notFound" };
  if (slot.service.slug !== serviceSlug) return { ok: false, code: "wrongService" };
  const state = slotState(slot, now);
  if (state === "past" || state === "blocked") return { ok: false, code: state };
  return { ok: true, state };
}

/**
 * Where booking, waiting and applying begin: the slot asked for (read unless the caller has it)
 * and the resident as seen from it, refused unless both exist and the slot is live on this
 * service's forms.
 */
export async function residentTarget(request: {
  residentId: string;
  serviceSlug: string;
  slotId: string;
  now: Date;
  target?: BookingTarget | null;
}): Promise<
  Outcome<{
    slot: BookingTarget;
    resident: NonNullable<Awaited<ReturnType<typeof residentAt>>>;
    state: ReturnType<typeof slotState>;
  }>
> {
  const [slot, resident] = await Promise.all([
    request.target ?? loadTarget(request.slotId),
    residentAt(getDb(), request.residentId, request.slotId),
  ]);
  const checked = checkTarget(slot, request.serviceSlug, request.now);
  if (!checked.ok) return checked;
  if (!slot || !resident) return { ok: false, code: "notFound" };
  return { ok: true, slot, resident, state: checked.state };
}

/**
 * A slot of a lottery service is not booked directly until it has been drawn (decision 0031);
 * afterwards its remaining places, if any, are first-come like any other.
 */
export const awaitsDraw = (target: BookingTarget) =>
  target.service.allocation === "lottery" && target.draw === null;

/**
 * The resident's eligibility facts, language, contact details and waitlist entry for one slot;
 * null if deleted.
 */
export async function residentAt(db: Client, residentId: string, slotId: string) {
  const row = await db.resident.findFirst({
    where: { id: residentId, deletedAt: null },
    select: {
      // the facts getProfileFacts() reads, with the language and the waitlist entry in the one
      // query of the hottest path (booking) instead of three
      ...PROFILE_FACTS_SELECT,
      preferredLanguage: true,
      email: true,
      phone: true,
      waitlistEntries: {
        where: { liveKey: liveKey(slotId, residentId) },
        select: { id: true, status: true, offerExpiresAt: true },
      },
    },
  });
  if (!row) return null;
  const { preferredLanguage, email, phone, waitlistEntries, ...facts } = row;
  return { language: preferredLanguage, email, phone, facts, entry: waitlistEntries[0] ?? null };
}

/** The verdict of the shared eligibility engine on the slot's own (Seoul) day. */
export function eligibilityOn(target: BookingTarget, facts: ProfileFacts) {
  return judge(criteriaFromRow(target.service.eligibility), facts, seoulDate(target.startsAt));
}

/**
 * The bookings the per-resident rules look at: this form's earlier booking (if a key is given)
 * and the resident's confirmed bookings that have not ended, with their slots' times and kinds.
 */
export async function heldBookings(
  db: Client,
  residentId: string,
  idempotencyKey: string | null,
  now: Date,
): Promise<HeldBooking[]> {
  return withSlotTimes(db, residentId, await bookingRows(db, residentId, idempotencyKey, now), []);
}

function bookingRows(db: Client, residentId: string, idempotencyKey: string | null, now: Date) {
  return db.booking.findMany({
    where: {
      OR: [
        ...(idempotencyKey ? [{ idempotencyKey }] : []),
        { residentId, status: "confirmed", slot: { endsAt: { gt: now } } },
      ],
    },
    select: { id: true, residentId: true, idempotencyKey: true, status: true, slotId: true },
  });
}

/**
 * The resident's lottery applications not yet drawn (decision 0031), as the rules see them: each
 * holds its slot like a booking (same slot, overlap, per-kind limit), so that a resident cannot
 * win more than they could have booked.
 */
function applicationRows(db: Client, residentId: string, now: Date) {
  return db.slotApplication.findMany({
    where: { residentId, status: "applied", slot: { endsAt: { gt: now } } },
    select: { id: true, slotId: true },
  });
}

/**
 * Bookings and applications with their slots' times and service kinds, read for all of them at
 * once, and not at all when there are none. (A nested select would cost Prisma two statements
 * for each list, even an empty one: it reads the relations one table at a time.)
 */
async function withSlotTimes(
  db: Client,
  residentId: string,
  bookings: Awaited<ReturnType<typeof bookingRows>>,
  applications: Awaited<ReturnType<typeof applicationRows>>,
): Promise<HeldBooking[]> {
  const slotIds = [...new Set([...bookings, ...applications].map((row) => row.slotId))];
  if (slotIds.length === 0) return [];
  const slots = await db.slot.findMany({
    where: { id: { in: slotIds } },
    select: { id: true, startsAt: true, endsAt: true, service: { select: { kind: true } } },
  });
  const byId = new Map(
    slots.map((slot) => [
      slot.id,
      { startsAt: slot.startsAt, endsAt: slot.endsAt, kind: slot.service.kind },
    ]),
  );
  const held: HeldBooking[] = [];
  // (a slot deleted meanwhile took its bookings and applications with it: they are left out)
  for (const booking of bookings) {
    const slot = byId.get(booking.slotId);
    if (slot) held.push({ ...booking, ...slot });
  }
  for (const application of applications) {
    const slot = byId.get(application.slotId);
    if (slot)
      held.push({
        ...application,
        residentId,
        idempotencyKey: null,
        status: "confirmed",
        ...slot,
      });
  }
  return held;
}

/**
 * The per-resident rules (resent form, same slot, overlap, per-kind limit) for taking `target`,
 * judged on what the resident holds inside the transaction that takes the place (or, to name the
 * right refusal for a time already full, just before refusing it). `moving` is the booking a
 * reschedule gives up, which neither overlaps nor counts toward the limit.
 */
export async function rulesFor(
  db: Client,
  residentId: string,
  target: BookingTarget,
  idempotencyKey: string,
  now: Date,
  moving: string | null = null,
) {
  const [bookings, applications] = await Promise.all([
    bookingRows(db, residentId, idempotencyKey, now),
    applicationRows(db, residentId, now),
  ]);
  return residentRules(
    await withSlotTimes(db, residentId, bookings, applications),
    {
      residentId,
      idempotencyKey,
      slotId: target.id,
      startsAt: target.startsAt,
      endsAt: target.endsAt,
      kind: target.service.kind,
    },
    bookingRules().maxPerKind,
    now,
    moving,
  );
}

/**
 * The service's yearly limit per resident (Service.yearlyLimitPerResident, decision 0026): the
 * resident's bookings of this service whose slot starts in the Seoul calendar year of `target`'s —
 * confirmed, attended or missed; cancelled ones (and `moving`, the booking a reschedule gives up)
 * do not count. Run after lockResident, like the other per-resident rules, when a place is taken:
 * the lock serialises one resident's bookings, so two parallel requests cannot both take the last
 * place of the year.
 */
export async function yearlyLimitFor(
  db: Client,
  residentId: string,
  target: BookingTarget,
  moving: string | null = null,
): Promise<{ limit: number } | null> {
  const limit = target.service.yearlyLimitPerResident;
  if (limit === null) return null;
  const { from, to } = seoulYearRange(target.startsAt);
  const inYear = { serviceId: target.service.id, startsAt: { gte: from, lt: to } };
  const [booked, applied] = await Promise.all([
    db.booking.count({
      where: {
        residentId,
        status: { not: "cancelled" },
        slot: inYear,
        ...(moving ? { id: { not: moving } } : {}),
      },
    }),
    // an application not yet drawn may become a booking (decision 0031)
    db.slotApplication.count({ where: { residentId, status: "applied", slot: inYear } }),
  ]);
  return yearlyLimitReached(booked + applied, limit) ? { limit } : null;
}

// ───────────── holding and releasing places ─────────────

/**
 * Locks the resident's row for the rest of the transaction (an update takes a row lock on
 * PostgreSQL), so that two parallel requests of one resident cannot both pass the overlap and
 * per-kind checks. False for a deleted account.
 */
export async function lockResident(tx: Tx, residentId: string, now: Date): Promise<boolean> {
  const locked = await tx.resident.updateMany({
    where: { id: residentId, deletedAt: null },
    data: { updatedAt: now },
  });
  return locked.count === 1;
}

/**
 * Takes one place of a slot if one is free and the slot is still bookable: the capacity invariant,
 * as one conditional update (`bookedCount < capacity`) that the database applies atomically.
 */
export async function takePlace(tx: Tx, slotId: string, now: Date): Promise<boolean> {
  const taken = await tx.slot.updateMany({
    where: {
      id: slotId,
      blocked: false,
      startsAt: { gt: now },
      bookedCount: { lt: tx.slot.fields.capacity },
    },
    data: { bookedCount: { increment: 1 } },
  });
  return taken.count === 1;
}

/** takePlace, refusing (and so rolling back) with the slot's state when it cannot. */
export async function holdPlace(tx: Tx, slotId: string, now: Date) {
  if (await takePlace(tx, slotId, now)) return;
  const slot = await tx.slot.findUnique({ where: { id: slotId }, select: slotSelect });
  if (!slot) throw new Refused("notFound");
  const state = slotState(slot, now);
  throw new Refused(state === "open" ? "full" : state);
}

/**
 * Offers a slot's held place to the first resident waiting for it. Returns whether someone got
 * the offer; the conditional update makes two parallel releases offer to two different people.
 */
async function offerToNextWaiting(tx: Tx, slotId: string, now: Date): Promise<boolean> {
  const slot = await tx.slot.findUnique({ where: { id: slotId }, select: messageSlotSelect });
  if (!slot || slot.blocked) return false;
  const { holdMinutes, leadMinutes } = bookingRules();
  const expires = offerExpiry(now, slot.startsAt, holdMinutes, leadMinutes);
  if (!expires) return false;
  for (;;) {
    const next = await tx.waitlistEntry.findFirst({
      where: { slotId, status: "waiting" },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      select: { id: true, residentId: true },
    });
    if (!next) return false;
    const claimed = await tx.waitlistEntry.updateMany({
      where: { id: next.id, status: "waiting" },
      data: { status: "offered", offeredAt: now, offerExpiresAt: expires },
    });
    if (claimed.count !== 1) continue;
    await notify(
      tx,
      { id: next.residentId },
      "waitlist_offer",
      messageFacts(slot),
      { path: `/book/${slot.service.slug}/${slot.id}`, ref: `waitlist:${next.id}`, until: expires },
      { sendAfter: now },
    );
    return true;
  }
}

/**
 * A place of the slot is given up (cancel, move away, declined or expired offer): the first
 * resident waiting gets it held for them; with nobody waiting (or too close to the start) it goes
 * back to everyone.
 */
export async function releasePlace(tx: Tx, slotId: string, now: Date) {
  if (await offerToNextWaiting(tx, slotId, now)) return "offered" as const;
  await tx.slot.updateMany({
    where: { id: slotId, bookedCount: { gt: 0 } },
    data: { bookedCount: { decrement: 1 } },
  });
  return "released" as const;
}

/** Free places of a slot (after staff unblock it) go to the people waiting, one offer each. */
export async function offerFreePlaces(tx: Tx, slotId: string, now: Date) {
  let offers = 0;
  for (;;) {
    if (!(await takePlace(tx, slotId, now))) return offers;
    if (!(await offerToNextWaiting(tx, slotId, now))) {
      await tx.slot.update({
        where: { id: slotId },
        data: { bookedCount: { decrement: 1 } },
        select: { id: true },
      });
      return offers;
    }
    offers += 1;
  }
}
