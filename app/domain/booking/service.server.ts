// Booking: slots from weekly templates, booking, cancelling, rescheduling, the waitlist, the staff
// back office and the periodic work (offer expiry, slot horizon). Every Prisma call of the
// capability is here; the rules are pure functions in rules.ts and slots.ts.
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
import { isUniqueViolation } from "~/domain/shared/db-errors";
import { Refused, type Failure, type Outcome as SharedOutcome } from "~/domain/shared/outcome";
import { recordAudit } from "~/domain/audit/service.server";
import { criteriaFromRow, judge, type ProfileFacts } from "~/domain/eligibility/judge";
import { criteriaSelect, PROFILE_FACTS_SELECT } from "~/domain/eligibility/service.server";
import { messageT } from "~/domain/notifications/render.server";
import {
  cancelPendingNotifications,
  enqueueNotification,
} from "~/domain/notifications/service.server";
import type { SessionUser } from "~/domain/residents/types";
import { addDays, seoulDate, seoulInstant } from "~/domain/shared/seoul-time";
import type { Prisma, PrismaClient } from "~/generated/prisma/client";
import { getDb } from "~/utils/db.server";
import { siteUrl } from "~/utils/site-url.server";
import { getEnv } from "~/utils/env.server";
import { formatDateTime } from "~/utils/format";
import { bookingCalendar } from "./ics";
import {
  canChange,
  canMarkAttendance,
  changeDeadline,
  liveKey,
  offerExpiry,
  remaining,
  reminderAt,
  residentRules,
  slotState,
  summariseHeld,
  type HeldBooking,
} from "./rules";
import type { TemplateInput as TemplateForm } from "./schema";
import { openText, sealText } from "./sealing.server";
import {
  generateSlots,
  needsOpeningHours,
  overlappingTemplates,
  templateStarts,
  withinOpeningHours,
} from "./slots";
import {
  CONSENT_KIND,
  CONSENT_VERSION,
  LABOR_CONSULTATION,
  parseChannels,
  type Channel,
  type LaborTopic,
  type BookingCode,
  type BookingFailure,
  type DaySummary,
  type TimeChoice,
} from "./types";

type Tx = Prisma.TransactionClient;
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
const TX_OPTIONS = { maxWait: 10_000, timeout: 10_000 } as const;

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

const placeSelect = {
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

const serviceSelect = {
  id: true,
  slug: true,
  kind: true,
  nameKo: true,
  nameEn: true,
  descriptionKo: true,
  descriptionEn: true,
  durationMinutes: true,
  eligibilityId: true,
  place: { select: placeSelect },
} as const;

const slotSelect = {
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

export async function getBookableService(slug: string) {
  return getDb().service.findFirst({
    where: { slug, bookable: true, active: true },
    select: serviceSelect,
  });
}

export function isLaborConsultation(service: { kind: string }): boolean {
  return service.kind === LABOR_CONSULTATION;
}

/** The labor-rights centers that take consultation bookings, city-wide ones first. */
export async function listLaborCenters() {
  const services = await getDb().service.findMany({
    where: { kind: LABOR_CONSULTATION, bookable: true, active: true },
    select: { slug: true, place: { select: placeSelect } },
  });
  const order = ["city", "emotional_labor", "ombudsman", "district"];
  return services
    .map((s) => ({ serviceSlug: s.slug, ...s.place }))
    .sort(
      (a, b) =>
        order.indexOf(a.subKind ?? "") - order.indexOf(b.subKind ?? "") ||
        a.nameKo.localeCompare(b.nameKo, "ko"),
    );
}

/** A slot as the time-choice pages show it. */
export function toTimeChoice(
  slot: Prisma.SlotGetPayload<{ select: typeof slotSelect }>,
  now: Date,
): TimeChoice {
  return {
    id: slot.id,
    startsAt: slot.startsAt.toISOString(),
    endsAt: slot.endsAt.toISOString(),
    capacity: slot.capacity,
    remaining: remaining(slot),
    state: slotState(slot, now),
    channels: parseChannels(slot.channels),
  };
}

/**
 * The days ahead that have slots (with how many times are still open) and the times of one day.
 * Only slots offering `channel` count when one is given (a phone consultation after work).
 */
export async function getAvailability(
  serviceId: string,
  now: Date,
  options: { date?: string; channel?: Channel; excludeSlotId?: string } = {},
) {
  const slots = await getDb().slot.findMany({
    where: {
      serviceId,
      startsAt: { gt: now },
      ...(options.channel ? { channels: { contains: options.channel } } : {}),
      ...(options.excludeSlotId ? { id: { not: options.excludeSlotId } } : {}),
    },
    orderBy: { startsAt: "asc" },
    select: slotSelect,
  });
  const days = new Map<string, DaySummary & { slots: typeof slots }>();
  for (const slot of slots) {
    const date = seoulDate(slot.startsAt);
    const day = days.get(date) ?? { date, open: 0, total: 0, slots: [] };
    day.total += 1;
    if (slotState(slot, now) === "open") day.open += 1;
    day.slots.push(slot);
    days.set(date, day);
  }
  const dayList = [...days.values()].map(({ slots: _slots, ...day }) => day);
  const date =
    options.date && days.has(options.date)
      ? options.date
      : (dayList.find((d) => d.open > 0) ?? dayList[0])?.date;
  const times = date ? (days.get(date)?.slots ?? []).map((s) => toTimeChoice(s, now)) : [];
  return { days: dayList, date: date ?? null, times };
}

/** The times of one day, for the live refresh of the time-choice page. */
export async function getDayTimes(
  serviceId: string,
  date: string,
  now: Date,
  options: { channel?: Channel; excludeSlotId?: string } = {},
) {
  const from = seoulInstant(date);
  const slots = await getDb().slot.findMany({
    where: {
      serviceId,
      startsAt: { gte: from, lt: seoulInstant(addDays(date, 1)) },
      ...(options.channel ? { channels: { contains: options.channel } } : {}),
      ...(options.excludeSlotId ? { id: { not: options.excludeSlotId } } : {}),
    },
    orderBy: { startsAt: "asc" },
    select: slotSelect,
  });
  return slots.filter((s) => s.startsAt > now).map((s) => toTimeChoice(s, now));
}

// ───────────── one slot, and the resident in front of it ─────────────

/** A slot with everything booking it needs: its service, place and eligibility criteria. */
const targetSelect = {
  ...slotSelect,
  service: {
    select: {
      id: true,
      slug: true,
      kind: true,
      bookable: true,
      active: true,
      nameKo: true,
      nameEn: true,
      place: { select: placeSelect },
      eligibility: { select: criteriaSelect },
    },
  },
} as const;

/**
 * The slot a booking page or form is about, in one query: null when it does not exist, or does
 * not belong to a bookable service called `serviceSlug` (a slot of another service under this
 * service's address is "not found").
 */
export async function findBookingTarget(serviceSlug: string, slotId: string) {
  const slot = await loadTarget(slotId);
  if (!slot || !slot.service.bookable || !slot.service.active) return null;
  return slot.service.slug === serviceSlug ? slot : null;
}
export type BookingTarget = NonNullable<Awaited<ReturnType<typeof loadTarget>>>;

function loadTarget(slotId: string) {
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

/** The resident's eligibility facts, language and waitlist entry for one slot; null if deleted. */
async function residentAt(db: Client, residentId: string, slotId: string) {
  const row = await db.resident.findFirst({
    where: { id: residentId, deletedAt: null },
    select: {
      // the facts getProfileFacts() reads, with the language and the waitlist entry in the one
      // query of the hottest path (booking) instead of three
      ...PROFILE_FACTS_SELECT,
      preferredLanguage: true,
      email: true,
      waitlistEntries: {
        where: { liveKey: liveKey(slotId, residentId) },
        select: { id: true, status: true, offerExpiresAt: true },
      },
    },
  });
  if (!row) return null;
  const { preferredLanguage, email, waitlistEntries, ...facts } = row;
  return { language: preferredLanguage, email, facts, entry: waitlistEntries[0] ?? null };
}

/** The verdict of the shared eligibility engine on the slot's own (Seoul) day. */
function eligibilityOn(target: BookingTarget, facts: ProfileFacts) {
  return judge(criteriaFromRow(target.service.eligibility), facts, seoulDate(target.startsAt));
}

/**
 * The bookings the per-resident rules look at, in one query: this form's earlier booking (if a
 * key is given) and the resident's confirmed bookings that have not ended.
 */
async function heldBookings(
  db: Client,
  residentId: string,
  idempotencyKey: string | null,
  now: Date,
): Promise<HeldBooking[]> {
  const rows = await db.booking.findMany({
    where: {
      OR: [
        ...(idempotencyKey ? [{ idempotencyKey }] : []),
        { residentId, status: "confirmed", slot: { endsAt: { gt: now } } },
      ],
    },
    select: {
      id: true,
      residentId: true,
      idempotencyKey: true,
      status: true,
      slotId: true,
      slot: { select: { startsAt: true, endsAt: true, service: { select: { kind: true } } } },
    },
  });
  return rows.map(({ slot, ...booking }) => ({
    ...booking,
    startsAt: slot.startsAt,
    endsAt: slot.endsAt,
    kind: slot.service.kind,
  }));
}

/**
 * What the resident's situation says about a slot before they press "book": eligibility on the
 * slot's day, a booking or waitlist entry they already hold there, an overlapping booking, the
 * per-kind limit. The transaction decides again; this only lets the page explain in advance.
 */
export async function residentSlotContext(residentId: string, target: BookingTarget, now: Date) {
  const db = getDb();
  const [resident, held] = await Promise.all([
    residentAt(db, residentId, target.id),
    heldBookings(db, residentId, null, now),
  ]);
  if (!resident) return null;
  const summary = summariseHeld(
    held,
    { ...target, residentId, slotId: target.id, kind: target.service.kind },
    now,
  );
  const entry = resident.entry;
  return {
    verdict: eligibilityOn(target, resident.facts),
    bookingId: summary.sameSlot?.id ?? null,
    waitlistEntryId: entry?.status === "waiting" || entry?.status === "offered" ? entry.id : null,
    heldOfferUntil:
      entry?.status === "offered" && entry.offerExpiresAt && entry.offerExpiresAt > now
        ? entry.offerExpiresAt.toISOString()
        : null,
    overlappingBookingId: summary.overlapping?.id ?? null,
    limitReached: summary.sameKindUpcoming >= bookingRules().maxPerKind,
  };
}

// ───────────── messages ─────────────

type MessageFacts = {
  startsAt: Date;
  service: { nameKo: string; nameEn: string };
  place: { nameKo: string; nameEn: string; phone: string | null };
};

/** Who a message goes to; pass the language and address when already known (saves queries). */
type Recipient = { id: string; language?: string; email?: string | null };

/** Writes a booking message to the outbox, with names and times in the resident's language. */
async function notify(
  tx: Tx,
  recipient: Recipient,
  template: string,
  facts: MessageFacts,
  extra: { path: string; previous?: Date; until?: Date; reason?: string | null },
  options: { sendAfter?: Date; dedupeKey?: string } = {},
) {
  const language =
    recipient.language ??
    (
      await tx.resident.findFirst({
        where: { id: recipient.id, deletedAt: null },
        select: { preferredLanguage: true },
      })
    )?.preferredLanguage;
  if (!language) return;
  const en = language === "en";
  const t = (await messageT(language)) as unknown as (key: string) => string;
  const params: Record<string, string> = {
    service: en ? facts.service.nameEn : facts.service.nameKo,
    place: en ? facts.place.nameEn : facts.place.nameKo,
    when: formatDateTime(facts.startsAt, language),
    phone: facts.place.phone ?? t("booking:manage.phoneUnknown"),
    link: siteUrl(extra.path),
  };
  if (extra.previous) params.previous = formatDateTime(extra.previous, language);
  if (extra.until) params.until = formatDateTime(extra.until, language);
  if (template === "slot_blocked") params.reason = extra.reason || t("booking:staff.defaultReason");
  const to = recipient.email !== undefined ? { email: recipient.email, language } : undefined;
  await enqueueNotification({ residentId: recipient.id, template, params, to, ...options }, tx);
}

const reminderKey = (bookingId: string) => `booking-reminder:${bookingId}`;

async function scheduleReminder(
  tx: Tx,
  recipient: Recipient,
  bookingId: string,
  facts: MessageFacts,
  now: Date,
) {
  const at = reminderAt(facts.startsAt, now);
  if (!at) return;
  await notify(
    tx,
    recipient,
    "booking_reminder",
    facts,
    { path: `/bookings/${bookingId}` },
    { sendAfter: at, dedupeKey: reminderKey(bookingId) },
  );
}

const messageSlotSelect = {
  id: true,
  startsAt: true,
  endsAt: true,
  blocked: true,
  service: {
    select: {
      slug: true,
      nameKo: true,
      nameEn: true,
      place: { select: { id: true, nameKo: true, nameEn: true, phone: true } },
    },
  },
} as const;

function messageFacts(slot: Prisma.SlotGetPayload<{ select: typeof messageSlotSelect }>) {
  return { startsAt: slot.startsAt, service: slot.service, place: slot.service.place };
}

/**
 * The per-resident rules (resent form, same slot, overlap, per-kind limit) for taking `target`,
 * judged on what the resident holds inside the transaction. `moving` is the booking a reschedule
 * gives up, which neither overlaps nor counts toward the limit.
 */
async function rulesFor(
  tx: Tx,
  residentId: string,
  target: BookingTarget,
  idempotencyKey: string,
  now: Date,
  moving: string | null = null,
) {
  return residentRules(
    await heldBookings(tx, residentId, idempotencyKey, now),
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

// ───────────── holding and releasing places ─────────────

/**
 * Locks the resident's row for the rest of the transaction (an update takes a row lock on
 * PostgreSQL), so that two parallel requests of one resident cannot both pass the overlap and
 * per-kind checks. False for a deleted account.
 */
async function lockResident(tx: Tx, residentId: string, now: Date): Promise<boolean> {
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
async function takePlace(tx: Tx, slotId: string, now: Date): Promise<boolean> {
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
async function holdPlace(tx: Tx, slotId: string, now: Date) {
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
    await notify(tx, { id: next.residentId }, "waitlist_offer", messageFacts(slot), {
      path: `/book/${slot.service.slug}/${slot.id}`,
      until: expires,
    });
    return true;
  }
}

/**
 * A place of the slot is given up (cancel, move away, declined or expired offer): the first
 * resident waiting gets it held for them; with nobody waiting (or too close to the start) it goes
 * back to everyone.
 */
async function releasePlace(tx: Tx, slotId: string, now: Date) {
  if (await offerToNextWaiting(tx, slotId, now)) return "offered" as const;
  await tx.slot.updateMany({
    where: { id: slotId, bookedCount: { gt: 0 } },
    data: { bookedCount: { decrement: 1 } },
  });
  return "released" as const;
}

/** Free places of a slot (after staff unblock it) go to the people waiting, one offer each. */
async function offerFreePlaces(tx: Tx, slotId: string, now: Date) {
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

// ───────────── booking ─────────────

type LaborDetails = { topic: LaborTopic; channel: Channel; description: string };

export type BookRequest = {
  residentId: string;
  serviceSlug: string;
  slotId: string;
  idempotencyKey: string;
  /** required for labor consultations (validated by LaborBookSchema), ignored otherwise */
  labor?: LaborDetails;
  now: Date;
  ip: string | null;
  /** the slot, when the caller has already loaded it (saves a query) */
  target?: BookingTarget;
};

export type BookOutcome = Outcome<{ bookingId: string; replay: boolean }>;

/**
 * Books a place for a resident. Checks (in this order) that the slot exists and belongs to the
 * service, is in the future and not blocked, that the channel is offered and the resident is
 * eligible on the slot's day; then, in one short transaction: the per-resident rules (resent
 * form, same slot, overlap, per-kind limit), a free place (or the offer held for this resident),
 * the booking, its consent, its messages and audit entry. A resent form returns the booking it
 * already made. Refusals inside the transaction are returned, not thrown: nothing but the
 * resident's row lock was written, so the transaction commits instead of rolling back.
 */
export async function bookSlot(request: BookRequest): Promise<BookOutcome> {
  const db = getDb();
  const { residentId, now } = request;
  const [slot, resident] = await Promise.all([
    request.target ?? loadTarget(request.slotId),
    residentAt(db, residentId, request.slotId),
  ]);
  const checked = checkTarget(slot, request.serviceSlug, now);
  if (!checked.ok) return checked;
  if (!slot || !resident) return { ok: false, code: "notFound" };
  const labor = isLaborConsultation(slot.service);
  if (labor && (!request.labor || !parseChannels(slot.channels).includes(request.labor.channel)))
    return { ok: false, code: "channelNotOffered" };
  const verdict = eligibilityOn(slot, resident.facts);
  if (!verdict.eligible) return { ok: false, code: "ineligible", reasons: verdict.reasons };

  const key = liveKey(slot.id, residentId);
  const recipient = { id: residentId, language: resident.language, email: resident.email };
  const entry = resident.entry?.status ?? null;
  try {
    return await db.$transaction(async (tx): Promise<BookOutcome> => {
      if (!(await lockResident(tx, residentId, now))) return { ok: false, code: "notFound" };
      const rule = await rulesFor(tx, residentId, slot, request.idempotencyKey, now);
      // (a parallel request with the same form may have committed while this one waited)
      if (rule && "replayOf" in rule) return { ok: true, bookingId: rule.replayOf, replay: true };
      if (rule) return { ok: false, code: rule.code };

      // A place held for this resident by a waitlist offer is theirs to take; otherwise take a
      // free one (and a waiting entry has done its job). Anyone on this slot's waitlist tries the
      // offer first, conditionally: an offer made since the read above is then taken, not missed.
      const accepted =
        entry !== null &&
        (
          await tx.waitlistEntry.updateMany({
            where: { liveKey: key, status: "offered", offerExpiresAt: { gt: now } },
            data: { status: "accepted", liveKey: null },
          })
        ).count === 1;
      if (!accepted) {
        if (!(await takePlace(tx, slot.id, now))) return { ok: false, code: "full" };
        if (entry === "waiting") {
          await tx.waitlistEntry.updateMany({
            where: { liveKey: key, status: "waiting" },
            data: { status: "cancelled", liveKey: null },
          });
        }
      }

      const consent = labor
        ? await tx.consent.create({
            data: { residentId, kind: CONSENT_KIND, version: CONSENT_VERSION, grantedAt: now },
            select: { id: true },
          })
        : null;
      const booking = await tx.booking.create({
        data: {
          residentId,
          slotId: slot.id,
          status: "confirmed",
          liveKey: key,
          idempotencyKey: request.idempotencyKey,
          topic: labor ? request.labor!.topic : null,
          channel: labor ? request.labor!.channel : null,
          confidentialDescription: labor
            ? sealText(request.labor!.description, getEnv().BOOKING_DESCRIPTION_KEY)
            : null,
          consentId: consent?.id ?? null,
          createdAt: now,
        },
        select: { id: true },
      });
      // (No audit entry: the booking row itself records who booked what and when; cancels,
      // moves and staff actions are audited.)
      const message = { startsAt: slot.startsAt, service: slot.service, place: slot.service.place };
      await notify(tx, recipient, "booking_confirmed", message, {
        path: `/bookings/${booking.id}`,
      });
      await scheduleReminder(tx, recipient, booking.id, message, now);
      return { ok: true, bookingId: booking.id, replay: false };
    }, TX_OPTIONS);
  } catch (error) {
    if (isUniqueViolation(error)) {
      // Two requests raced past the checks: the same form twice, or the same slot twice.
      const again = await db.booking.findUnique({
        where: { idempotencyKey: request.idempotencyKey },
        select: { id: true, residentId: true },
      });
      if (!again) return { ok: false, code: "alreadyBooked" };
      return again.residentId === residentId
        ? { ok: true, bookingId: again.id, replay: true }
        : { ok: false, code: "formExpired" };
    }
    throw error;
  }
}

// ───────────── the resident's bookings ─────────────

const myBookingSelect = {
  id: true,
  status: true,
  topic: true,
  channel: true,
  createdAt: true,
  cancelledAt: true,
  rescheduledFromId: true,
  rescheduledTo: { select: { id: true } },
  slot: {
    select: {
      id: true,
      startsAt: true,
      endsAt: true,
      service: {
        select: {
          id: true,
          slug: true,
          kind: true,
          nameKo: true,
          nameEn: true,
          place: { select: placeSelect },
        },
      },
    },
  },
} as const;

const PAST_PAGE_SIZE = 10;

/** "My bookings": upcoming ones, waitlist entries, and the history a page at a time. */
export async function listMyBookings(residentId: string, now: Date, page: number) {
  const db = getDb();
  const history = {
    residentId,
    OR: [{ status: { not: "confirmed" } }, { slot: { startsAt: { lte: now } } }],
  };
  const [upcoming, waiting, past, pastCount] = await Promise.all([
    db.booking.findMany({
      where: { residentId, status: "confirmed", slot: { startsAt: { gt: now } } },
      orderBy: { slot: { startsAt: "asc" } },
      select: myBookingSelect,
    }),
    db.waitlistEntry.findMany({
      where: {
        residentId,
        status: { in: ["waiting", "offered"] },
        slot: { startsAt: { gt: now } },
      },
      orderBy: { slot: { startsAt: "asc" } },
      select: {
        id: true,
        status: true,
        offerExpiresAt: true,
        slot: {
          select: {
            id: true,
            startsAt: true,
            endsAt: true,
            service: {
              select: {
                slug: true,
                nameKo: true,
                nameEn: true,
                place: { select: { nameKo: true, nameEn: true } },
              },
            },
          },
        },
      },
    }),
    db.booking.findMany({
      where: history,
      orderBy: [{ slot: { startsAt: "desc" } }, { id: "asc" }],
      skip: (page - 1) * PAST_PAGE_SIZE,
      take: PAST_PAGE_SIZE,
      select: myBookingSelect,
    }),
    db.booking.count({ where: history }),
  ]);
  return {
    upcoming,
    waiting,
    past,
    pastPages: Math.max(1, Math.ceil(pastCount / PAST_PAGE_SIZE)),
  };
}

/** One of the resident's own bookings (null for anyone else's: never say whether it exists). */
export async function getMyBooking(residentId: string, bookingId: string, now: Date) {
  const booking = await getDb().booking.findFirst({
    where: { id: bookingId, residentId },
    select: {
      ...myBookingSelect,
      confidentialDescription: true,
      consent: { select: { version: true, grantedAt: true } },
    },
  });
  if (!booking) return null;
  const { confidentialDescription, ...rest } = booking;
  const { cutoffMinutes } = bookingRules();
  const live = booking.status === "confirmed" && booking.slot.startsAt > now;
  return {
    ...rest,
    description:
      confidentialDescription === null
        ? null
        : openText(confidentialDescription, getEnv().BOOKING_DESCRIPTION_KEY),
    live,
    changeable: live && canChange(booking.slot.startsAt, now, cutoffMinutes),
    changeDeadline: changeDeadline(booking.slot.startsAt, cutoffMinutes),
  };
}

/** The .ics file of one of the resident's bookings, in their language. */
export async function myBookingCalendar(residentId: string, bookingId: string, language: string) {
  const booking = await getDb().booking.findFirst({
    where: { id: bookingId, residentId },
    select: myBookingSelect,
  });
  if (!booking) return null;
  const en = language === "en";
  const t = (await messageT(language)) as unknown as (
    key: string,
    options?: Record<string, unknown>,
  ) => string;
  const { service } = booking.slot;
  const place = service.place;
  const serviceName = en ? service.nameEn : service.nameKo;
  const placeName = en ? place.nameEn : place.nameKo;
  const lines = [
    t("booking:calendar.description", { service: serviceName, place: placeName }),
    booking.channel ? t(`booking:channel.${booking.channel}`) : null,
    place.phone ? t("booking:calendar.phone", { phone: place.phone }) : null,
  ];
  return bookingCalendar({
    uid: `booking-${booking.id}@seoul-portal`,
    startsAt: booking.slot.startsAt,
    endsAt: booking.slot.endsAt,
    title: t("booking:calendar.title", { service: serviceName, place: placeName }),
    location:
      booking.channel && booking.channel !== "in_person"
        ? t(`booking:channel.${booking.channel}`)
        : `${placeName}, ${en ? place.addressEn : place.addressKo}`,
    description: lines.filter(Boolean).join("\n"),
    url: siteUrl(`/bookings/${booking.id}`),
    cancelled: booking.status === "cancelled",
  });
}

const changeSelect = {
  id: true,
  residentId: true,
  status: true,
  topic: true,
  channel: true,
  confidentialDescription: true,
  consentId: true,
  slot: { select: targetSelect },
} as const;

export type ChangeOutcome = Outcome<{ bookingId: string }>;

/** Cancels one of the resident's bookings, up to the cut-off; the place goes to the waitlist. */
export async function cancelBooking(
  residentId: string,
  bookingId: string,
  now: Date,
  ip: string | null,
): Promise<ChangeOutcome> {
  const db = getDb();
  const booking = await db.booking.findFirst({
    where: { id: bookingId, residentId },
    select: changeSelect,
  });
  if (!booking) return { ok: false, code: "notFound" };
  if (booking.status !== "confirmed" || booking.slot.startsAt <= now)
    return { ok: false, code: "notLive" };
  if (!canChange(booking.slot.startsAt, now, bookingRules().cutoffMinutes))
    return { ok: false, code: "tooLate", phone: booking.slot.service.place.phone };
  return db.$transaction(async (tx): Promise<ChangeOutcome> => {
    const cancelled = await tx.booking.updateMany({
      where: { id: booking.id, status: "confirmed" },
      data: { status: "cancelled", liveKey: null, cancelledAt: now },
    });
    if (cancelled.count !== 1) return { ok: false, code: "notLive" };
    const handedOn = await releasePlace(tx, booking.slot.id, now);
    await cancelPendingNotifications([reminderKey(booking.id)], tx);
    const facts = {
      startsAt: booking.slot.startsAt,
      service: booking.slot.service,
      place: booking.slot.service.place,
    };
    await notify(tx, { id: residentId }, "booking_cancelled", facts, {
      path: `/book/${booking.slot.service.slug}`,
    });
    await recordAudit(
      {
        actorId: residentId,
        action: "booking.cancel",
        subjectType: "Booking",
        subjectId: booking.id,
        subjectResidentId: residentId,
        placeId: booking.slot.service.place.id,
        metadata: { slotId: booking.slot.id, place: handedOn },
        ip,
      },
      tx,
    );
    return { ok: true, bookingId: booking.id };
  }, TX_OPTIONS);
}

/**
 * Moves a booking to another time of the same service in one step: the new place is taken and
 * the old one given up in the same transaction, or nothing changes. Slots are touched in id
 * order so that two residents swapping times cannot deadlock on PostgreSQL.
 */
export async function rescheduleBooking(request: {
  residentId: string;
  bookingId: string;
  slotId: string;
  idempotencyKey: string;
  now: Date;
  ip: string | null;
}): Promise<ChangeOutcome> {
  const db = getDb();
  const { residentId, now } = request;
  /** The booking this very form already made, if it was sent before. */
  const replayed = async (): Promise<ChangeOutcome | null> => {
    const replay = await db.booking.findUnique({
      where: { idempotencyKey: request.idempotencyKey },
      select: { id: true },
    });
    return replay ? replayedMove(replay.id) : null;
  };
  const replayedMove = async (bookingId: string): Promise<ChangeOutcome> => {
    const replay = await db.booking.findUniqueOrThrow({
      where: { id: bookingId },
      select: { residentId: true, rescheduledFromId: true },
    });
    return replay.residentId === residentId && replay.rescheduledFromId === request.bookingId
      ? { ok: true, bookingId }
      : { ok: false, code: "formExpired" };
  };
  const earlier = await replayed();
  if (earlier) return earlier;
  const old = await db.booking.findFirst({
    where: { id: request.bookingId, residentId },
    select: changeSelect,
  });
  if (!old) return { ok: false, code: "notFound" };
  if (old.status !== "confirmed" || old.slot.startsAt <= now) return { ok: false, code: "notLive" };
  if (!canChange(old.slot.startsAt, now, bookingRules().cutoffMinutes))
    return { ok: false, code: "tooLate", phone: old.slot.service.place.phone };
  const [target, resident] = await Promise.all([
    loadTarget(request.slotId),
    residentAt(db, residentId, request.slotId),
  ]);
  if (!target || !resident) return { ok: false, code: "notFound" };
  if (target.serviceId !== old.slot.serviceId) return { ok: false, code: "wrongService" };
  if (target.id === old.slot.id) return { ok: false, code: "sameSlot" };
  const state = slotState(target, now);
  if (state !== "open") return { ok: false, code: state };
  if (old.channel && !parseChannels(target.channels).includes(old.channel as Channel))
    return { ok: false, code: "channelNotOffered" };
  const verdict = eligibilityOn(target, resident.facts);
  if (!verdict.eligible) return { ok: false, code: "ineligible", reasons: verdict.reasons };

  try {
    return await db.$transaction(async (tx): Promise<ChangeOutcome> => {
      if (!(await lockResident(tx, residentId, now))) return { ok: false, code: "notFound" };
      const rule = await rulesFor(tx, residentId, target, request.idempotencyKey, now, old.id);
      if (rule && "replayOf" in rule) return replayedMove(rule.replayOf);
      if (rule) return { ok: false, code: rule.code };
      // From here a refusal must undo what was written: it is thrown (the transaction rolls back).
      const moved = await tx.booking.updateMany({
        where: { id: old.id, status: "confirmed" },
        data: { status: "cancelled", liveKey: null, cancelledAt: now },
      });
      if (moved.count !== 1) throw new Refused("notLive");
      const steps = [
        { slotId: target.id, run: () => holdPlace(tx, target.id, now) },
        { slotId: old.slot.id, run: () => releasePlace(tx, old.slot.id, now) },
      ].sort((a, b) => a.slotId.localeCompare(b.slotId));
      for (const step of steps) await step.run();

      const booking = await tx.booking.create({
        data: {
          residentId,
          slotId: target.id,
          status: "confirmed",
          liveKey: liveKey(target.id, residentId),
          idempotencyKey: request.idempotencyKey,
          topic: old.topic,
          channel: old.channel,
          confidentialDescription: old.confidentialDescription,
          consentId: old.consentId,
          rescheduledFromId: old.id,
          createdAt: now,
        },
        select: { id: true },
      });
      // Waiting for the new time is over once it is booked.
      await tx.waitlistEntry.updateMany({
        where: { liveKey: liveKey(target.id, residentId), status: "waiting" },
        data: { status: "cancelled", liveKey: null },
      });
      await cancelPendingNotifications([reminderKey(old.id)], tx);
      const messageFacts = {
        startsAt: target.startsAt,
        service: target.service,
        place: target.service.place,
      };
      const recipient = { id: residentId, language: resident.language, email: resident.email };
      await notify(tx, recipient, "booking_rescheduled", messageFacts, {
        path: `/bookings/${booking.id}`,
        previous: old.slot.startsAt,
      });
      await scheduleReminder(tx, recipient, booking.id, messageFacts, now);
      await recordAudit(
        {
          actorId: residentId,
          action: "booking.reschedule",
          subjectType: "Booking",
          subjectId: booking.id,
          subjectResidentId: residentId,
          placeId: target.service.place.id,
          metadata: { from: old.id, fromSlotId: old.slot.id, toSlotId: target.id },
          ip: request.ip,
        },
        tx,
      );
      return { ok: true, bookingId: booking.id };
    }, TX_OPTIONS);
  } catch (error) {
    // A parallel request moved the same booking first (its status changed, or the unique
    // rescheduledFromId refused a second successor): if it was this very form, that is success.
    if (error instanceof Refused || isUniqueViolation(error)) {
      const parallel = await replayed();
      if (parallel) return parallel;
      return {
        ok: false,
        code: error instanceof Refused ? (error.code as BookingCode) : "notLive",
      };
    }
    throw error;
  }
}

// ───────────── waitlist ─────────────

/** Joins the waitlist of a full slot (eligible residents only, once per slot). */
export async function joinWaitlist(request: {
  residentId: string;
  serviceSlug: string;
  slotId: string;
  now: Date;
}): Promise<Outcome<{ entryId: string }>> {
  const db = getDb();
  const { residentId, now } = request;
  const [slot, resident] = await Promise.all([
    loadTarget(request.slotId),
    residentAt(db, residentId, request.slotId),
  ]);
  const checked = checkTarget(slot, request.serviceSlug, now);
  if (!checked.ok) return checked;
  if (!slot || !resident) return { ok: false, code: "notFound" };
  if (checked.state !== "full") return { ok: false, code: "notFull" };
  const key = liveKey(slot.id, residentId);
  if (await db.booking.findUnique({ where: { liveKey: key }, select: { id: true } }))
    return { ok: false, code: "alreadyBooked" };
  const verdict = eligibilityOn(slot, resident.facts);
  if (!verdict.eligible) return { ok: false, code: "ineligible", reasons: verdict.reasons };
  try {
    const entry = await db.$transaction(
      (tx) =>
        tx.waitlistEntry.create({
          data: { slotId: slot.id, residentId, status: "waiting", liveKey: key, createdAt: now },
          select: { id: true },
        }),
      TX_OPTIONS,
    );
    return { ok: true, entryId: entry.id };
  } catch (error) {
    if (isUniqueViolation(error)) return { ok: false, code: "alreadyWaiting" };
    throw error;
  }
}

/** Leaves a waitlist; declining an offer hands the held place to the next in line. */
export async function leaveWaitlist(
  residentId: string,
  entryId: string,
  now: Date,
): Promise<Outcome> {
  const db = getDb();
  const entry = await db.waitlistEntry.findFirst({
    where: { id: entryId, residentId },
    select: { id: true, slotId: true, status: true },
  });
  if (!entry) return { ok: false, code: "notFound" };
  if (entry.status !== "waiting" && entry.status !== "offered")
    return { ok: false, code: "notLive" };
  await db.$transaction(async (tx) => {
    const left = await tx.waitlistEntry.updateMany({
      where: { id: entry.id, status: entry.status },
      data: { status: "cancelled", liveKey: null },
    });
    if (left.count === 1 && entry.status === "offered") await releasePlace(tx, entry.slotId, now);
  }, TX_OPTIONS);
  return { ok: true };
}

/**
 * Periodic: offers whose time is up pass to the next resident waiting (or the place goes back
 * to everyone). Each expiry is its own conditional update, so parallel runners and a resident
 * accepting at the last second never both win.
 */
export async function expireWaitlistOffers(now: Date) {
  const db = getDb();
  const due = await db.waitlistEntry.findMany({
    where: { status: "offered", offerExpiresAt: { lte: now } },
    orderBy: { offerExpiresAt: "asc" },
    take: 200,
    select: { id: true, slotId: true, residentId: true },
  });
  let expired = 0;
  let passedOn = 0;
  for (const entry of due) {
    const outcome = await db.$transaction(async (tx) => {
      const ended = await tx.waitlistEntry.updateMany({
        where: { id: entry.id, status: "offered", offerExpiresAt: { lte: now } },
        data: { status: "expired", liveKey: null },
      });
      if (ended.count !== 1) return null;
      const slot = await tx.slot.findUnique({
        where: { id: entry.slotId },
        select: messageSlotSelect,
      });
      if (slot) {
        await notify(tx, { id: entry.residentId }, "waitlist_offer_expired", messageFacts(slot), {
          path: `/book/${slot.service.slug}`,
        });
      }
      return releasePlace(tx, entry.slotId, now);
    }, TX_OPTIONS);
    if (outcome) expired += 1;
    if (outcome === "offered") passedOn += 1;
  }
  return { expired, passedOn };
}

// ───────────── account deletion ─────────────

/**
 * A deleted account gives back its future places (offered to the waitlist like any cancel), its
 * waitlist entries and held offers, and keeps its past bookings only as anonymous records.
 */
export async function releaseBookingsOfDeletedResident(tx: Tx, residentId: string, now: Date) {
  const live = await tx.booking.findMany({
    where: { residentId, status: "confirmed", slot: { startsAt: { gt: now } } },
    select: { id: true, slotId: true },
  });
  let cancelled = 0;
  for (const booking of live) {
    const done = await tx.booking.updateMany({
      where: { id: booking.id, status: "confirmed" },
      data: { status: "cancelled", liveKey: null, cancelledAt: now },
    });
    if (done.count !== 1) continue;
    cancelled += 1;
    await releasePlace(tx, booking.slotId, now);
  }
  const offers = await tx.waitlistEntry.findMany({
    where: { residentId, status: "offered" },
    select: { id: true, slotId: true },
  });
  for (const offer of offers) {
    const done = await tx.waitlistEntry.updateMany({
      where: { id: offer.id, status: "offered" },
      data: { status: "cancelled", liveKey: null },
    });
    if (done.count === 1) await releasePlace(tx, offer.slotId, now);
  }
  await tx.waitlistEntry.updateMany({
    where: { residentId, status: "waiting" },
    data: { status: "cancelled", liveKey: null },
  });
  await cancelPendingNotifications(
    live.map((b) => reminderKey(b.id)),
    tx,
  );
  await tx.booking.updateMany({
    where: { residentId },
    data: { confidentialDescription: null, idempotencyKey: null },
  });
  return { cancelledBookings: cancelled };
}

// ───────────── staff: scope ─────────────

/** The place whose bookings a user may manage: staff their own, admins any (null = all). */
function staffPlaceFilter(user: SessionUser): { placeId?: string } | null {
  if (user.role === "admin") return {};
  if (user.role === "staff" && user.staffPlaceId) return { placeId: user.staffPlaceId };
  return null;
}

export function canManageBookings(user: SessionUser): boolean {
  return staffPlaceFilter(user) !== null;
}

/** The bookable services a staff member manages (an admin: all), grouped by place. */
export async function listManagedServices(user: SessionUser) {
  const scope = staffPlaceFilter(user);
  if (!scope) return [];
  return getDb().service.findMany({
    where: { bookable: true, ...scope },
    orderBy: [{ place: { nameKo: "asc" } }, { nameKo: "asc" }],
    select: {
      id: true,
      slug: true,
      kind: true,
      nameKo: true,
      nameEn: true,
      active: true,
      place: { select: { id: true, nameKo: true, nameEn: true } },
    },
  });
}

async function managedService(user: SessionUser, serviceId: string) {
  const scope = staffPlaceFilter(user);
  if (!scope) return null;
  return getDb().service.findFirst({
    where: { id: serviceId, bookable: true, ...scope },
    select: {
      ...serviceSelect,
      place: {
        select: {
          ...placeSelect,
          closedOnPublicHolidays: true,
          openingHours: { select: { weekday: true, opens: true, closes: true } },
        },
      },
    },
  });
}

// ───────────── staff: day and week ─────────────

/**
 * A service's slots for a day or a week (Seoul dates), each with its bookings, how many wait,
 * and each resident's no-show count at this place (repeated no-shows are pointed out).
 */
export async function staffSchedule(
  user: SessionUser,
  serviceId: string,
  from: string,
  days: number,
) {
  const service = await managedService(user, serviceId);
  if (!service) return null;
  const db = getDb();
  const slots = await db.slot.findMany({
    where: {
      serviceId,
      startsAt: { gte: seoulInstant(from), lt: seoulInstant(addDays(from, days)) },
    },
    orderBy: { startsAt: "asc" },
    select: {
      ...slotSelect,
      bookings: {
        where: { status: { not: "cancelled" } },
        orderBy: { createdAt: "asc" },
        select: {
          id: true,
          status: true,
          topic: true,
          channel: true,
          residentId: true,
          resident: { select: { name: true, deletedAt: true } },
        },
      },
      _count: {
        select: { waitlistEntries: { where: { status: { in: ["waiting", "offered"] } } } },
      },
    },
  });
  const residentIds = [...new Set(slots.flatMap((s) => s.bookings.map((b) => b.residentId)))];
  const noShows = residentIds.length
    ? await db.booking.groupBy({
        by: ["residentId"],
        where: {
          residentId: { in: residentIds },
          status: "no_show",
          slot: { service: { placeId: service.place.id } },
        },
        _count: { _all: true },
      })
    : [];
  const noShowCount = new Map(noShows.map((n) => [n.residentId, n._count._all]));
  return {
    service,
    slots: slots.map(({ bookings, _count, ...slot }) => ({
      ...slot,
      waiting: _count.waitlistEntries,
      bookings: bookings.map(({ resident, ...booking }) => ({
        ...booking,
        residentName: resident.deletedAt ? null : resident.name,
        noShows: noShowCount.get(booking.residentId) ?? 0,
      })),
    })),
  };
}

/** A booking as staff of its place see it (the description stays closed until asked for). */
export async function getStaffBooking(user: SessionUser, bookingId: string) {
  const scope = staffPlaceFilter(user);
  if (!scope) return null;
  const booking = await getDb().booking.findFirst({
    where: { id: bookingId, slot: { service: scope } },
    select: {
      id: true,
      status: true,
      topic: true,
      channel: true,
      createdAt: true,
      cancelledAt: true,
      attendanceMarkedAt: true,
      residentId: true,
      consent: { select: { version: true, grantedAt: true } },
      resident: { select: { name: true, phone: true, email: true, deletedAt: true } },
      slot: {
        select: {
          id: true,
          startsAt: true,
          endsAt: true,
          service: {
            select: {
              id: true,
              kind: true,
              nameKo: true,
              nameEn: true,
              place: { select: { id: true, nameKo: true, nameEn: true } },
            },
          },
        },
      },
    },
  });
  if (!booking) return null;
  const hasDescription = await getDb().booking.count({
    where: { id: booking.id, confidentialDescription: { not: null } },
  });
  return { ...booking, hasDescription: hasDescription > 0 };
}

/**
 * May this user read consultation descriptions at all? Only staff of a place — the center the
 * resident confided in. Administrators manage every place but are not that center: they never
 * read descriptions (decision 0010).
 */
export function canReadDescriptions(user: SessionUser): boolean {
  return user.role === "staff" && Boolean(user.staffPlaceId);
}

/**
 * The confidential description, for staff of the booking's place only; every read is written to
 * the audit log in the same transaction as the read.
 */
export async function readDescriptionAsStaff(
  user: SessionUser,
  bookingId: string,
  ip: string | null,
): Promise<string | null | undefined> {
  if (!canReadDescriptions(user)) return undefined;
  const scope = { placeId: user.staffPlaceId! };
  return getDb().$transaction(async (tx) => {
    const booking = await tx.booking.findFirst({
      where: { id: bookingId, slot: { service: scope } },
      select: {
        id: true,
        residentId: true,
        confidentialDescription: true,
        slot: { select: { service: { select: { placeId: true } } } },
      },
    });
    if (!booking) return undefined;
    if (booking.confidentialDescription === null) return null;
    await recordAudit(
      {
        actorId: user.id,
        action: "booking.description_read",
        subjectType: "Booking",
        subjectId: booking.id,
        subjectResidentId: booking.residentId,
        placeId: booking.slot.service.placeId,
        ip,
      },
      tx,
    );
    return openText(booking.confidentialDescription, getEnv().BOOKING_DESCRIPTION_KEY);
  }, TX_OPTIONS);
}

/** Marks a booking attended or no-show, once its session has started. */
export async function markAttendance(
  user: SessionUser,
  bookingId: string,
  status: "attended" | "no_show",
  now: Date,
  ip: string | null,
): Promise<Outcome> {
  const scope = staffPlaceFilter(user);
  if (!scope) return { ok: false, code: "notFound" };
  const db = getDb();
  const booking = await db.booking.findFirst({
    where: { id: bookingId, slot: { service: scope } },
    select: {
      id: true,
      residentId: true,
      slot: { select: { startsAt: true, service: { select: { placeId: true } } } },
    },
  });
  if (!booking) return { ok: false, code: "notFound" };
  if (!canMarkAttendance(booking.slot.startsAt, now)) return { ok: false, code: "notStarted" };
  const marked = await db.$transaction(async (tx) => {
    const updated = await tx.booking.updateMany({
      where: { id: booking.id, status: { in: ["confirmed", "attended", "no_show"] } },
      data: { status, liveKey: null, attendanceMarkedAt: now },
    });
    if (updated.count === 1) {
      await recordAudit(
        {
          actorId: user.id,
          action: `booking.${status}`,
          subjectType: "Booking",
          subjectId: booking.id,
          subjectResidentId: booking.residentId,
          placeId: booking.slot.service.placeId,
          ip,
        },
        tx,
      );
    }
    return updated.count === 1;
  }, TX_OPTIONS);
  return marked ? { ok: true } : { ok: false, code: "notLive" };
}

// ───────────── staff: blocking ─────────────

/**
 * Blocks one future slot: its confirmed bookings are cancelled and their residents told, in their
 * language; places held by waitlist offers go back to waiting (they are offered again if the
 * slot is unblocked).
 */
async function blockOne(
  tx: Tx,
  user: SessionUser,
  slotId: string,
  reason: string | null,
  now: Date,
  ip: string | null,
) {
  const blocked = await tx.slot.updateMany({
    where: { id: slotId, blocked: false, startsAt: { gt: now } },
    data: { blocked: true, blockedReason: reason },
  });
  if (blocked.count !== 1) return 0;
  const slot = await tx.slot.findUniqueOrThrow({
    where: { id: slotId },
    select: messageSlotSelect,
  });
  const bookings = await tx.booking.findMany({
    where: { slotId, status: "confirmed" },
    select: { id: true, residentId: true },
  });
  let cancelled = 0;
  for (const booking of bookings) {
    const done = await tx.booking.updateMany({
      where: { id: booking.id, status: "confirmed" },
      data: { status: "cancelled", liveKey: null, cancelledAt: now },
    });
    if (done.count !== 1) continue;
    cancelled += 1;
    await cancelPendingNotifications([reminderKey(booking.id)], tx);
    await notify(tx, { id: booking.residentId }, "slot_blocked", messageFacts(slot), {
      path: `/book/${slot.service.slug}`,
      reason,
    });
  }
  await tx.waitlistEntry.updateMany({
    where: { slotId, status: "offered" },
    data: { status: "waiting", offeredAt: null, offerExpiresAt: null },
  });
  // Nothing is booked or held on a blocked slot: new bookings need `blocked: false`.
  await tx.slot.update({ where: { id: slotId }, data: { bookedCount: 0 }, select: { id: true } });
  await recordAudit(
    {
      actorId: user.id,
      action: "slot.block",
      subjectType: "Slot",
      subjectId: slotId,
      placeId: slot.service.place.id,
      metadata: { cancelledBookings: cancelled },
      ip,
    },
    tx,
  );
  return cancelled;
}

export async function blockSlot(
  user: SessionUser,
  slotId: string,
  reason: string | null,
  now: Date,
  ip: string | null,
): Promise<Outcome<{ cancelled: number }>> {
  const scope = staffPlaceFilter(user);
  const slot = scope
    ? await getDb().slot.findFirst({
        where: { id: slotId, service: scope },
        select: { startsAt: true, blocked: true },
      })
    : null;
  if (!slot) return { ok: false, code: "notFound" };
  if (slot.startsAt <= now) return { ok: false, code: "past" };
  const cancelled = await getDb().$transaction(
    (tx) => blockOne(tx, user, slotId, reason, now, ip),
    TX_OPTIONS,
  );
  return { ok: true, cancelled };
}

/** Blocks every future slot of a service on one Seoul day. */
export async function blockDay(
  user: SessionUser,
  serviceId: string,
  date: string,
  reason: string | null,
  now: Date,
  ip: string | null,
): Promise<Outcome<{ slots: number; cancelled: number }>> {
  const service = await managedService(user, serviceId);
  if (!service) return { ok: false, code: "notFound" };
  const slots = await getDb().slot.findMany({
    where: {
      serviceId,
      blocked: false,
      startsAt: { gt: now, gte: seoulInstant(date), lt: seoulInstant(addDays(date, 1)) },
    },
    select: { id: true },
  });
  if (slots.length === 0) return { ok: false, code: "past" };
  const cancelled = await getDb().$transaction(async (tx) => {
    let total = 0;
    for (const slot of slots) total += await blockOne(tx, user, slot.id, reason, now, ip);
    return total;
  }, TX_OPTIONS);
  return { ok: true, slots: slots.length, cancelled };
}

/** Opens a blocked future slot again; its free places are offered to the people waiting. */
export async function unblockSlot(
  user: SessionUser,
  slotId: string,
  now: Date,
  ip: string | null,
): Promise<Outcome<{ offers: number }>> {
  const scope = staffPlaceFilter(user);
  const slot = scope
    ? await getDb().slot.findFirst({
        where: { id: slotId, service: scope },
        select: { startsAt: true, service: { select: { placeId: true } } },
      })
    : null;
  if (!slot) return { ok: false, code: "notFound" };
  if (slot.startsAt <= now) return { ok: false, code: "past" };
  const offers = await getDb().$transaction(async (tx) => {
    const opened = await tx.slot.updateMany({
      where: { id: slotId, blocked: true, startsAt: { gt: now } },
      data: { blocked: false, blockedReason: null },
    });
    if (opened.count !== 1) return 0;
    await recordAudit(
      {
        actorId: user.id,
        action: "slot.unblock",
        subjectType: "Slot",
        subjectId: slotId,
        placeId: slot.service.placeId,
        ip,
      },
      tx,
    );
    return offerFreePlaces(tx, slotId, now);
  }, TX_OPTIONS);
  return { ok: true, offers };
}

// ───────────── templates and slot generation ─────────────

const templateSelect = {
  id: true,
  weekday: true,
  startTime: true,
  endTime: true,
  slotMinutes: true,
  capacity: true,
  horizonDays: true,
  validFrom: true,
  validUntil: true,
  active: true,
  channels: true,
} as const;

export async function getManagedSchedule(user: SessionUser, serviceId: string, now: Date) {
  const service = await managedService(user, serviceId);
  if (!service) return null;
  const db = getDb();
  const [templates, upcoming] = await Promise.all([
    db.slotTemplate.findMany({
      where: { serviceId, active: true },
      orderBy: [{ weekday: "asc" }, { startTime: "asc" }],
      select: templateSelect,
    }),
    db.slot.aggregate({
      where: { serviceId, startsAt: { gt: now } },
      _count: { _all: true },
      _max: { startsAt: true },
    }),
  ]);
  return {
    service,
    templates,
    upcomingSlots: upcoming._count._all,
    lastSlotAt: upcoming._max.startsAt,
  };
}

export type SyncResult = { created: number; removed: number; kept: number };

export type TemplateOutcome = SharedOutcome<
  { sync: SyncResult },
  Failure<"notFound" | "overlap" | "outsideHours" | "channelsRequired">
>;

/**
 * Adds or changes a weekly template and regenerates the service's slots. In-person templates must
 * lie inside the opening hours; templates of one weekday must not overlap.
 */
export async function saveTemplate(
  user: SessionUser,
  serviceId: string,
  templateId: string | null,
  input: TemplateForm,
  now: Date,
  ip: string | null,
): Promise<TemplateOutcome> {
  const service = await managedService(user, serviceId);
  if (!service) return { ok: false, code: "notFound" };
  const db = getDb();
  const labor = isLaborConsultation(service);
  if (labor && input.channels.length === 0) return { ok: false, code: "channelsRequired" };
  const channels = labor ? input.channels.join(",") : "";
  const others = await db.slotTemplate.findMany({
    where: { serviceId, active: true, ...(templateId ? { id: { not: templateId } } : {}) },
    select: { id: true, weekday: true, startTime: true, endTime: true },
  });
  const candidate = { id: templateId ?? "new", ...input };
  if (overlappingTemplates([candidate, ...others]).some(([a]) => a === candidate.id))
    return { ok: false, code: "overlap" };
  if (needsOpeningHours(channels)) {
    const starts = templateStarts(input);
    const fits = starts.every((start) =>
      withinOpeningHours(
        service.place.openingHours,
        input.weekday,
        start,
        start + input.slotMinutes,
      ),
    );
    if (!fits) return { ok: false, code: "outsideHours" };
  }
  if (templateId) {
    const existing = await db.slotTemplate.findFirst({
      where: { id: templateId, serviceId, active: true },
      select: { id: true },
    });
    if (!existing) return { ok: false, code: "notFound" };
  }
  const data = {
    weekday: input.weekday,
    startTime: input.startTime,
    endTime: input.endTime,
    slotMinutes: input.slotMinutes,
    capacity: input.capacity,
    horizonDays: input.horizonDays,
    validFrom: input.validFrom,
    validUntil: input.validUntil ?? null,
    channels,
  };
  const sync = await retryOnConflict(() =>
    db.$transaction(async (tx) => {
      const saved = templateId
        ? await tx.slotTemplate.update({ where: { id: templateId }, data, select: { id: true } })
        : await tx.slotTemplate.create({ data: { ...data, serviceId }, select: { id: true } });
      await recordAudit(
        {
          actorId: user.id,
          action: templateId ? "schedule.template_update" : "schedule.template_create",
          subjectType: "SlotTemplate",
          subjectId: saved.id,
          placeId: service.place.id,
          ip,
        },
        tx,
      );
      return syncSlotsIn(tx, serviceId, now);
    }, TX_OPTIONS),
  );
  return { ok: true, sync };
}

/** Retires a template (kept for the history of its slots) and regenerates. */
export async function removeTemplate(
  user: SessionUser,
  serviceId: string,
  templateId: string,
  now: Date,
  ip: string | null,
): Promise<SharedOutcome<{ sync: SyncResult }, Failure<"notFound">>> {
  const service = await managedService(user, serviceId);
  if (!service) return { ok: false, code: "notFound" };
  const sync = await retryOnConflict(() =>
    getDb().$transaction(async (tx) => {
      const retired = await tx.slotTemplate.updateMany({
        where: { id: templateId, serviceId, active: true },
        data: { active: false },
      });
      if (retired.count !== 1) return null;
      await recordAudit(
        {
          actorId: user.id,
          action: "schedule.template_remove",
          subjectType: "SlotTemplate",
          subjectId: templateId,
          placeId: service.place.id,
          ip,
        },
        tx,
      );
      return syncSlotsIn(tx, serviceId, now);
    }, TX_OPTIONS),
  );
  return sync ? { ok: true, sync } : { ok: false, code: "notFound" };
}

export async function regenerateSlots(
  user: SessionUser,
  serviceId: string,
  now: Date,
): Promise<SyncResult | null> {
  const service = await managedService(user, serviceId);
  if (!service) return null;
  return syncSlots(getDb(), serviceId, now);
}

/**
 * Two generators running at once (a staff save and the daily task, two servers) may both insert
 * the same slot: the unique (service, start) refuses the second, whose transaction rolls back;
 * run it again and it finds the rows the first one made.
 */
async function retryOnConflict<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    return run();
  }
}

/** Brings a service's future slots in line with its templates (see syncSlotsIn), atomically. */
export async function syncSlots(
  db: PrismaClient,
  serviceId: string,
  now: Date,
): Promise<SyncResult> {
  return retryOnConflict(() =>
    db.$transaction((tx) => syncSlotsIn(tx, serviceId, now), TX_OPTIONS),
  );
}

/**
 * Idempotent: missing slots are created; slots no template calls for any more are deleted when
 * nobody ever booked or waited for them, blocked when only history refers to them, and kept (and
 * counted) while someone holds a place — staff then decide, and blocking tells those residents.
 * Capacity changes reach the future slots whose bookings still fit.
 */
async function syncSlotsIn(db: Tx, serviceId: string, now: Date): Promise<SyncResult> {
  const service = await db.service.findUniqueOrThrow({
    where: { id: serviceId },
    select: {
      templates: { where: { active: true }, select: templateSelect },
      place: {
        select: {
          closedOnPublicHolidays: true,
          openingHours: { select: { weekday: true, opens: true, closes: true } },
          closures: {
            where: { endDate: { gte: seoulDate(now) } },
            select: { startDate: true, endDate: true },
          },
        },
      },
    },
  });
  const desired = generateSlots(service.templates, service.place, now, seoulDate(now));
  const existing = await db.slot.findMany({
    where: { serviceId, startsAt: { gt: now } },
    select: {
      id: true,
      startsAt: true,
      endsAt: true,
      capacity: true,
      bookedCount: true,
      blocked: true,
      templateId: true,
      channels: true,
      _count: { select: { bookings: true, waitlistEntries: true } },
    },
  });
  const existingByStart = new Map(existing.map((s) => [s.startsAt.getTime(), s]));
  const desiredStarts = new Set(desired.map((s) => s.startsAt.getTime()));

  const missing = desired.filter((s) => !existingByStart.has(s.startsAt.getTime()));
  const created =
    missing.length > 0
      ? (await db.slot.createMany({ data: missing.map((s) => ({ ...s, serviceId })) })).count
      : 0;

  for (const slot of desired) {
    const current = existingByStart.get(slot.startsAt.getTime());
    if (!current) continue;
    if (
      current.capacity !== slot.capacity ||
      current.templateId !== slot.templateId ||
      current.channels !== slot.channels ||
      current.endsAt.getTime() !== slot.endsAt.getTime()
    ) {
      await db.slot.updateMany({
        where: { id: current.id, bookedCount: { lte: slot.capacity } },
        data: {
          capacity: slot.capacity,
          templateId: slot.templateId,
          channels: slot.channels,
          endsAt: slot.endsAt,
        },
      });
    }
  }

  let removed = 0;
  let kept = 0;
  for (const slot of existing) {
    if (desiredStarts.has(slot.startsAt.getTime()) || slot.blocked) continue;
    if (slot.bookedCount > 0) {
      kept += 1;
    } else if (slot._count.bookings === 0 && slot._count.waitlistEntries === 0) {
      removed += (await db.slot.deleteMany({ where: { id: slot.id, bookedCount: 0 } })).count;
    } else {
      const closed = await db.slot.updateMany({
        where: { id: slot.id, bookedCount: 0 },
        data: { blocked: true, blockedReason: null },
      });
      removed += closed.count;
    }
  }
  return { created, removed, kept };
}

/**
 * Periodic: every service with templates keeps its horizon of slots as the days go by (and drops
 * unbooked slots that a new closure rules out).
 */
export async function syncAllSlots(now: Date) {
  const db = getDb();
  const services = await db.service.findMany({
    where: { bookable: true, active: true, templates: { some: { active: true } } },
    select: { id: true },
  });
  let created = 0;
  for (const service of services) created += (await syncSlots(db, service.id, now)).created;
  return { services: services.length, created };
}

// ───────────── periodic work ─────────────
