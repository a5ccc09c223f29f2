// Booking: booking, cancelling and rescheduling a slot.
import { recordAudit } from "~/domain/audit/service.server";
import { cancelPendingNotifications } from "~/domain/notifications/service.server";
import { isUniqueViolation } from "~/domain/shared/db-errors";
import type { SessionUser } from "~/domain/residents/types";
import { Refused } from "~/domain/shared/outcome";
import { getDb } from "~/utils/db.server";
import { getEnv } from "~/utils/env.server";
import {
  awaitsDraw,
  bookingRules,
  type BookingTarget,
  eligibilityOn,
  holdPlace,
  loadTarget,
  lockResident,
  type Outcome,
  releasePlace,
  residentAt,
  rulesFor,
  takePlace,
  targetSelect,
  TX_OPTIONS,
  yearlyLimitFor,
  residentTarget,
} from "./capacity.server";
import { notify, reminderKey, scheduleReminder } from "./messages.server";
import { isLaborConsultation } from "./reads.server";
import { canChange, liveKey, slotState } from "./rules";
import { sealText } from "./sealing.server";
import { staffPlaceFilter } from "./staff.server";
import {
  type BookingCode,
  type BookingFailure,
  type Channel,
  CONSENT_KIND,
  CONSENT_VERSION,
  type LaborTopic,
  parseChannels,
  type StaffCancelReason,
} from "./types";

// ───────────── booking ─────────────

type LaborDetails = {
  topic: LaborTopic;
  channel: Channel;
  description: string;
  /** given on the form when the profile has none; saved to the profile with the booking */
  phone?: string;
};

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
 * service, is in the future and not blocked, that the channel is offered (and, for a phone
 * consultation, that there is a number to call) and the resident is eligible on the slot's day;
 * then, in one short transaction: the per-resident rules (resent form, same slot, overlap,
 * per-kind limit), a free place (or the offer held for this resident), the number given on the
 * form (into the profile), the booking, its consent, its messages and audit entry. A resent form returns the booking it
 * already made. Refusals inside the transaction are returned, not thrown: nothing but the
 * resident's row lock was written, so the transaction commits instead of rolling back.
 */
export async function bookSlot(request: BookRequest): Promise<BookOutcome> {
  const db = getDb();
  const { residentId, now } = request;
  const checked = await residentTarget(request);
  if (!checked.ok) return checked;
  const { slot, resident } = checked;
  if (awaitsDraw(slot)) return { ok: false, code: "notAllowed" };
  const labor = isLaborConsultation(slot.service);
  if (labor && (!request.labor || !parseChannels(slot.channels).includes(request.labor.channel)))
    return { ok: false, code: "channelNotOffered" };
  // A phone consultation is the counselor calling the resident: without a number it cannot happen.
  const newPhone =
    labor && request.labor?.channel === "phone" && !resident.phone
      ? request.labor.phone
      : undefined;
  if (labor && request.labor?.channel === "phone" && !resident.phone && !newPhone)
    return { ok: false, code: "phoneRequired" };
  const verdict = eligibilityOn(slot, resident.facts);
  if (!verdict.eligible) return { ok: false, code: "ineligible", reasons: verdict.reasons };

  const key = liveKey(slot.id, residentId);
  const recipient = { id: residentId, language: resident.language };
  const entry = resident.entry?.status ?? null;
  // A time already full when it was read, with no offer held for this resident: refused without
  // the write lock, which the confirms still booking need (when a popular time opens, most
  // confirms are these). What the transaction would answer first is read the same way first: a
  // resent form still finds its booking, and the same slot, an overlap or a limit are named.
  if (checked.state === "full" && entry !== "offered") {
    const rule = await rulesFor(db, residentId, slot, request.idempotencyKey, now);
    if (rule && "replayOf" in rule) return { ok: true, bookingId: rule.replayOf, replay: true };
    if (rule) return { ok: false, code: rule.code };
    const yearly = await yearlyLimitFor(db, residentId, slot);
    if (yearly) return { ok: false, code: "yearlyLimit", limit: yearly.limit };
    return { ok: false, code: "full" };
  }
  try {
    return await db.$transaction(async (tx): Promise<BookOutcome> => {
      if (!(await lockResident(tx, residentId, now))) return { ok: false, code: "notFound" };
      const rule = await rulesFor(tx, residentId, slot, request.idempotencyKey, now);
      // (a parallel request with the same form may have committed while this one waited)
      if (rule && "replayOf" in rule) return { ok: true, bookingId: rule.replayOf, replay: true };
      if (rule) return { ok: false, code: rule.code };
      const yearly = await yearlyLimitFor(tx, residentId, slot);
      if (yearly) return { ok: false, code: "yearlyLimit", limit: yearly.limit };

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

      if (newPhone)
        await tx.resident.update({ where: { id: residentId }, data: { phone: newPhone } });
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
            ? sealText(request.labor!.description, getEnv().sealingKey)
            : null,
          consentId: consent?.id ?? null,
          createdAt: now,
        },
        select: { id: true },
      });
      // (No audit entry: the booking row itself records who booked what and when; cancels,
      // moves and staff actions are audited.)
      const message = { startsAt: slot.startsAt, service: slot.service, place: slot.service.place };
      await notify(
        tx,
        recipient,
        "booking_confirmed",
        message,
        { path: `/bookings/${booking.id}`, ref: `booking:${booking.id}` },
        { sendAfter: now },
      );
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

/**
 * Who changes a booking: the resident themself, or staff of the booking's place (or an admin) on
 * the resident's behalf — someone who phones in. The same rules hold, with one difference: the
 * online cut-off (BOOKING_CANCEL_CUTOFF_MINUTES before the start) exists so that residents call
 * the center for a late change; staff are whom they call, so staff may change a booking until it
 * starts.
 */
export type Changer = { residentId: string } | { staff: SessionUser };

/** The bookings a changer may touch: the resident's own, or the staff member's place's. */
function changeableWhere(by: Changer, bookingId: string) {
  if ("residentId" in by) return { id: bookingId, residentId: by.residentId };
  const place = staffPlaceFilter(by.staff);
  return place ? { id: bookingId, slot: { service: place } } : null;
}

/** Why a live booking cannot be changed now by this changer, or null. */
function changeRefusal(
  by: Changer,
  booking: {
    status: string;
    slot: { startsAt: Date; service: { place: { phone: string | null } } };
  },
  now: Date,
): BookingFailure | null {
  if (booking.status !== "confirmed" || booking.slot.startsAt <= now)
    return { ok: false, code: "notLive" };
  if ("residentId" in by && !canChange(booking.slot.startsAt, now, bookingRules().cutoffMinutes))
    return { ok: false, code: "tooLate", phone: booking.slot.service.place.phone };
  return null;
}

const actorOf = (by: Changer) => ("residentId" in by ? by.residentId : by.staff.id);

/** Cancels one of the resident's bookings, up to the cut-off; the place goes to the waitlist. */
export function cancelBooking(
  residentId: string,
  bookingId: string,
  now: Date,
  ip: string | null,
): Promise<ChangeOutcome> {
  return cancelBookingBy({ residentId }, bookingId, { now, ip });
}

/**
 * Cancels a booking for whoever `by` is. The resident is told exactly as when they cancel
 * themself; a staff cancellation is audited with its reason (a code, never free text: the audit
 * log keeps no personal story).
 */
export async function cancelBookingBy(
  by: Changer,
  bookingId: string,
  meta: { now: Date; ip: string | null; reason?: StaffCancelReason },
): Promise<ChangeOutcome> {
  const { now, ip } = meta;
  const db = getDb();
  const where = changeableWhere(by, bookingId);
  const booking = where ? await db.booking.findFirst({ where, select: changeSelect }) : null;
  if (!booking) return { ok: false, code: "notFound" };
  const refusal = changeRefusal(by, booking, now);
  if (refusal) return refusal;
  const residentId = booking.residentId;
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
    await notify(
      tx,
      { id: residentId },
      "booking_cancelled",
      facts,
      { path: `/book/${booking.slot.service.slug}`, ref: `booking:${booking.id}` },
      // Told always when staff cancelled it; a receipt (may be turned off) when they did.
      { sendAfter: now, topic: "residentId" in by ? undefined : "required" },
    );
    await recordAudit(
      {
        actorId: actorOf(by),
        action: "residentId" in by ? "booking.cancel" : "booking.staff_cancel",
        subjectType: "Booking",
        subjectId: booking.id,
        subjectResidentId: residentId,
        placeId: booking.slot.service.place.id,
        metadata: {
          slotId: booking.slot.id,
          place: handedOn,
          ...("staff" in by ? { reason: meta.reason ?? "other" } : {}),
        },
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
export function rescheduleBooking(request: {
  residentId: string;
  bookingId: string;
  slotId: string;
  idempotencyKey: string;
  now: Date;
  ip: string | null;
}): Promise<ChangeOutcome> {
  const { residentId, ...rest } = request;
  return moveBookingBy({ residentId }, rest);
}

/**
 * Moves a booking for whoever `by` is (see `Changer`), with the resident's rules: the same
 * service, an open time, the channel offered, eligibility on the new day, no overlap and the
 * per-kind limit; the same message and reminder, and the same calendar event (the new booking
 * continues the chain, so its .ics keeps the UID and raises the SEQUENCE).
 */
export async function moveBookingBy(
  by: Changer,
  request: {
    bookingId: string;
    slotId: string;
    idempotencyKey: string;
    now: Date;
    ip: string | null;
  },
): Promise<ChangeOutcome> {
  const db = getDb();
  const { now } = request;
  const where = changeableWhere(by, request.bookingId);
  const old = where ? await db.booking.findFirst({ where, select: changeSelect }) : null;
  if (!old) return { ok: false, code: "notFound" };
  const residentId = old.residentId;
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
  const refusal = changeRefusal(by, old, now);
  if (refusal) return refusal;
  const [target, resident] = await Promise.all([
    loadTarget(request.slotId),
    residentAt(db, residentId, request.slotId),
  ]);
  if (!target || !resident) return { ok: false, code: "notFound" };
  if (target.serviceId !== old.slot.serviceId) return { ok: false, code: "wrongService" };
  if (target.id === old.slot.id) return { ok: false, code: "sameSlot" };
  if (awaitsDraw(target)) return { ok: false, code: "notAllowed" };
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
      const yearly = await yearlyLimitFor(tx, residentId, target, old.id);
      if (yearly) return { ok: false, code: "yearlyLimit", limit: yearly.limit };
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
      const recipient = { id: residentId, language: resident.language };
      await notify(
        tx,
        recipient,
        "booking_rescheduled",
        messageFacts,
        {
          path: `/bookings/${booking.id}`,
          ref: `booking:${booking.id}`,
          previous: old.slot.startsAt,
        },
        { sendAfter: now, topic: "residentId" in by ? undefined : "required" },
      );
      await scheduleReminder(tx, recipient, booking.id, messageFacts, now);
      await recordAudit(
        {
          actorId: actorOf(by),
          action: "residentId" in by ? "booking.reschedule" : "booking.staff_reschedule",
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
