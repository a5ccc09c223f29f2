// Booking: the waitlist (join, leave, offer expiry) and releasing a deleted resident's places.
import { cancelPendingNotifications } from "~/domain/notifications/service.server";
import { isUniqueViolation } from "~/domain/shared/db-errors";
import { getDb } from "~/utils/db.server";
import {
  eligibilityOn,
  lockResident,
  type Outcome,
  releasePlace,
  type Tx,
  TX_OPTIONS,
  residentTarget,
} from "./capacity.server";
import { messageFacts, messageSlotSelect, notify, reminderKey } from "./messages.server";
import { claimUndrawnSlot } from "./lottery.server";
import { liveKey } from "./rules";

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
  const checked = await residentTarget(request);
  if (!checked.ok) return checked;
  const { slot, resident } = checked;
  if (checked.state !== "full") return { ok: false, code: "notFull" };
  // Before its draw a lottery slot has one way in, applying: the draw puts those not drawn on
  // the waitlist itself (an entry of one's own besides would collide with it).
  if (slot.service.allocation === "lottery" && !slot.draw) return { ok: false, code: "notAllowed" };
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
        await notify(
          tx,
          { id: entry.residentId },
          "waitlist_offer_expired",
          messageFacts(slot),
          { path: `/book/${slot.service.slug}`, ref: `waitlist:${entry.id}` },
          { sendAfter: now },
        );
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
  // The resident's row before any slot's, the order applying and booking take them in.
  await lockResident(tx, residentId, now);
  // Applications first, each after a turn on its slot's row (as withdrawing does): one a draw
  // decided meanwhile is then already a booking or a waitlist entry, and ends with those below.
  const applications = await tx.slotApplication.findMany({
    where: { residentId, status: "applied" },
    select: { id: true, slotId: true },
  });
  for (const application of applications) {
    if (!(await claimUndrawnSlot(tx, application.slotId, now))) continue;
    await tx.slotApplication.updateMany({
      where: { id: application.id, status: "applied" },
      data: { status: "withdrawn", liveKey: null, updatedAt: now },
    });
  }
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
