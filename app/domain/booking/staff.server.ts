// Booking: the staff back office — schedules, bookings, attendance, blocking slots.
import { recordAudit } from "~/domain/audit/service.server";
import { cancelPendingNotifications } from "~/domain/notifications/service.server";
import type { SessionUser } from "~/domain/residents/types";
import { addDays, seoulInstant } from "~/domain/shared/seoul-time";
import { pageCount, paginate } from "~/domain/shared/pagination";
import type { Prisma } from "~/generated/prisma/client";
import { containsText, getDb } from "~/utils/db.server";
import { getEnv } from "~/utils/env.server";
import {
  offerFreePlaces,
  type Outcome,
  placeSelect,
  serviceSelect,
  slotSelect,
  type Tx,
  TX_OPTIONS,
} from "./capacity.server";
import { endApplicationsOfCancelledSlot } from "./lottery.server";
import { messageFacts, messageSlotSelect, notify, reminderKey } from "./messages.server";
import { canMarkAttendance } from "./rules";
import { openText } from "./sealing.server";
import { bookingSeries } from "./reads.server";

// ───────────── staff: scope ─────────────

/** The place whose bookings a user may manage: staff their own, admins any ({}); null = none. */
export function staffPlaceFilter(user: SessionUser): { placeId?: string } | null {
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

export async function managedService(user: SessionUser, serviceId: string) {
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

// ───────────── staff: the day across services ─────────────

/** Slots a page of the staff day or week shows (the Youth Job Center's day is about 60). */
export const STAFF_SLOTS_PAGE_SIZE = 40;

export type StaffAgendaQuery = {
  /** one service, or every bookable service the user manages */
  serviceId: string | null;
  /** Seoul date of the first day */
  from: string;
  days: number;
  /** by time (the center's day as it runs) or by service (one desk after another) */
  group: "time" | "service";
  /** only times someone has booked */
  bookedOnly: boolean;
  /** part of a resident's name: who is on the phone */
  name: string | null;
  page: number;
};

/**
 * The slots of a day or a week across the services a staff member manages (or one of them), each
 * with its service and place, its live bookings, how many wait, and each resident's no-show count
 * at that place (repeated no-shows are pointed out). Null for a user who manages no place.
 */
export async function staffAgenda(user: SessionUser, query: StaffAgendaQuery) {
  const scope = staffPlaceFilter(user);
  if (!scope) return null;
  const db = getDb();
  const live = { status: { not: "cancelled" } };
  const where = {
    service: { bookable: true, ...scope, ...(query.serviceId ? { id: query.serviceId } : {}) },
    startsAt: { gte: seoulInstant(query.from), lt: seoulInstant(addDays(query.from, query.days)) },
    ...(query.bookedOnly || query.name
      ? {
          bookings: {
            some: {
              ...live,
              ...(query.name ? { resident: { name: containsText(query.name) } } : {}),
            },
          },
        }
      : {}),
  } satisfies Prisma.SlotWhereInput;
  const orderBy: Prisma.SlotOrderByWithRelationInput[] =
    query.group === "time"
      ? [{ startsAt: "asc" }, { service: { nameKo: "asc" } }, { id: "asc" }]
      : [
          { service: { place: { nameKo: "asc" } } },
          { service: { nameKo: "asc" } },
          { serviceId: "asc" },
          { startsAt: "asc" },
          { id: "asc" },
        ];
  const [total, slots] = await Promise.all([
    db.slot.count({ where }),
    db.slot.findMany({
      where,
      orderBy,
      ...paginate(query.page, STAFF_SLOTS_PAGE_SIZE),
      select: {
        ...slotSelect,
        service: {
          select: {
            id: true,
            nameKo: true,
            nameEn: true,
            allocation: true,
            place: { select: { id: true, nameKo: true, nameEn: true } },
          },
        },
        bookings: {
          where: live,
          orderBy: [{ createdAt: "asc" }, { id: "asc" }],
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
    }),
  ]);
  // No-shows count per place: one small grouped query per place on the page (staff have one).
  const noShowCount = new Map<string, number>();
  const residentsByPlace = new Map<string, Set<string>>();
  for (const slot of slots) {
    const ids = residentsByPlace.get(slot.service.place.id) ?? new Set<string>();
    for (const booking of slot.bookings) ids.add(booking.residentId);
    residentsByPlace.set(slot.service.place.id, ids);
  }
  for (const [placeId, ids] of residentsByPlace) {
    if (ids.size === 0) continue;
    const rows = await db.booking.groupBy({
      by: ["residentId"],
      where: { residentId: { in: [...ids] }, status: "no_show", slot: { service: { placeId } } },
      _count: { _all: true },
    });
    for (const row of rows) noShowCount.set(`${placeId}:${row.residentId}`, row._count._all);
  }
  return {
    total,
    pageCount: pageCount(total, STAFF_SLOTS_PAGE_SIZE),
    slots: slots.map(({ bookings, _count, ...slot }) => ({
      ...slot,
      waiting: _count.waitlistEntries,
      bookings: bookings.map(({ resident, ...booking }) => ({
        ...booking,
        residentName: resident.deletedAt ? null : resident.name,
        noShows: noShowCount.get(`${slot.service.place.id}:${booking.residentId}`) ?? 0,
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
      rescheduledFromId: true,
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
  const [hasDescription, series] = await Promise.all([
    getDb().booking.count({
      where: { id: booking.id, confidentialDescription: { not: null } },
    }),
    bookingSeries(booking),
  ]);
  // the reference the resident quotes on the phone
  return { ...booking, reference: series.reference, hasDescription: hasDescription > 0 };
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
    return openText(booking.confidentialDescription, getEnv().sealingKey);
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
    await notify(
      tx,
      { id: booking.residentId },
      "slot_blocked",
      messageFacts(slot),
      { path: `/book/${slot.service.slug}`, ref: `booking:${booking.id}`, reason },
      { sendAfter: now },
    );
  }
  // undrawn lottery applications end with the slot (blocking took its row: no draw runs now)
  const endedApplications = await endApplicationsOfCancelledSlot(tx, slotId, reason, now);
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
      metadata: { cancelledBookings: cancelled, endedApplications },
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
