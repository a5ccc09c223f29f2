// Booking: what residents read — bookable services, availability, their own bookings.
import { messageT } from "~/domain/notifications/render.server";
import { addDays, seoulDate, seoulInstant } from "~/domain/shared/seoul-time";
import type { Prisma } from "~/generated/prisma/client";
import { getDb } from "~/utils/db.server";
import { sharedRead } from "~/utils/public-reads.server";
import { getEnv } from "~/utils/env.server";
import { siteUrl } from "~/utils/site-url.server";
import {
  bookingRules,
  type BookingTarget,
  eligibilityOn,
  heldBookings,
  loadTarget,
  placeSelect,
  residentAt,
  serviceSelect,
  slotSelect,
  targetServiceSelect,
  targetSlotSelect,
} from "./capacity.server";
import { bookingCalendar } from "./ics";
import {
  bookingReference,
  canChange,
  changeDeadline,
  remaining,
  slotState,
  summariseHeld,
} from "./rules";
import { openText } from "./sealing.server";
import {
  type Channel,
  type DaySummary,
  LABOR_CONSULTATION,
  parseChannels,
  type TimeChoice,
} from "./types";
import { pageCount, paginate } from "~/domain/shared/pagination";
import { byDisplayedName, localized } from "~/domain/shared/localized";

export async function getBookableService(slug: string) {
  return getDb().service.findFirst({
    where: { slug, bookable: true, active: true },
    select: serviceSelect,
  });
}

/**
 * The same, shared for the sharing window (public-reads.server.ts) by the service's page and its
 * live refresh: what the service is, everyone reads alike. Its times and places left never are.
 */
export function sharedBookableService(slug: string) {
  return sharedRead(`book:service:${slug}`, () => getBookableService(slug));
}

export function isLaborConsultation(service: { kind: string }): boolean {
  return service.kind === LABOR_CONSULTATION;
}

/**
 * The labor-rights centers that take consultation bookings, city-wide ones first, then by the
 * name the page shows in the page language's order.
 */
export async function listLaborCenters(locale: string) {
  const services = await getDb().service.findMany({
    where: { kind: LABOR_CONSULTATION, bookable: true, active: true },
    select: { slug: true, place: { select: placeSelect } },
  });
  const order = ["city", "emotional_labor", "ombudsman", "district"];
  const byName = byDisplayedName(locale);
  return services
    .map((s) => ({ serviceSlug: s.slug, ...s.place }))
    .sort(
      (a, b) => order.indexOf(a.subKind ?? "") - order.indexOf(b.subKind ?? "") || byName(a, b),
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

/**
 * The slot a booking page or form is about, in one query: null when it does not exist, or does
 * not belong to a bookable service called `serviceSlug` (a slot of another service under this
 * service's address is "not found").
 */
export async function findBookingTarget(serviceSlug: string, slotId: string) {
  return bookableUnder(serviceSlug, await loadTarget(slotId));
}

/**
 * The same for the slot's page: the slot (its places left, its draw) read for every request,
 * what its service is shared for the sharing window, as on the service's own page
 * (sharedBookableService). A form decides on findBookingTarget, everything read afresh.
 */
export async function findBookingTargetToShow(
  serviceSlug: string,
  slotId: string,
): Promise<BookingTarget | null> {
  const db = getDb();
  const slot = await db.slot.findUnique({ where: { id: slotId }, select: targetSlotSelect });
  if (!slot) return null;
  const service = await sharedRead(`book:target-service:${slot.serviceId}`, () =>
    db.service.findUnique({ where: { id: slot.serviceId }, select: targetServiceSelect }),
  );
  return bookableUnder(serviceSlug, service ? { ...slot, service } : null);
}

function bookableUnder(serviceSlug: string, slot: BookingTarget | null) {
  if (!slot || !slot.service.bookable || !slot.service.active) return null;
  return slot.service.slug === serviceSlug ? slot : null;
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
    /** a phone consultation needs it (the counselor calls this number) */
    hasPhone: Boolean(resident.phone),
  };
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
      ...paginate(page, PAST_PAGE_SIZE),
      select: myBookingSelect,
    }),
    db.booking.count({ where: history }),
  ]);
  return {
    upcoming,
    waiting,
    past,
    pastPages: pageCount(pastCount, PAST_PAGE_SIZE),
  };
}

/** A service as a booking names it, with its place. */
export type BookedServiceName = {
  nameKo: string;
  nameEn: string;
  place: { nameKo: string; nameEn: string };
};

/**
 * The resident's next `limit` confirmed bookings, soonest first ("my next steps"), and whether
 * there are more. Names come from `known` (services the caller has already read, by id); only
 * services missing there (no longer bookable, say) are read.
 */
export async function upcomingBookingsOf(
  residentId: string,
  now: Date,
  limit: number,
  known: ReadonlyMap<string, BookedServiceName> = new Map(),
) {
  const db = getDb();
  // the bookings first, their slots only when there are some: most visits find none
  const rows = await db.booking.findMany({
    where: { residentId, status: "confirmed", slot: { startsAt: { gt: now } } },
    orderBy: [{ slot: { startsAt: "asc" } }, { id: "asc" }],
    take: limit + 1,
    select: { id: true, slotId: true },
  });
  const shown = rows.slice(0, limit);
  if (shown.length === 0) return { bookings: [], more: false };
  const slots = new Map(
    (
      await db.slot.findMany({
        where: { id: { in: shown.map((row) => row.slotId) } },
        select: { id: true, startsAt: true, endsAt: true, serviceId: true },
      })
    ).map((slot) => [slot.id, slot]),
  );
  const names = new Map(known);
  const missing = [...new Set([...slots.values()].map((slot) => slot.serviceId))].filter(
    (id) => !names.has(id),
  );
  if (missing.length > 0) {
    const services = await db.service.findMany({
      where: { id: { in: missing } },
      select: {
        id: true,
        nameKo: true,
        nameEn: true,
        place: { select: { nameKo: true, nameEn: true } },
      },
    });
    for (const { id, ...name } of services) names.set(id, name);
  }
  return {
    // a slot deleted since (with its bookings) between the two reads is left out
    bookings: shown.flatMap((row) => {
      const slot = slots.get(row.slotId);
      const service = slot && names.get(slot.serviceId);
      if (!slot || !service) return [];
      return [{ id: row.id, startsAt: slot.startsAt, endsAt: slot.endsAt, service }];
    }),
    more: rows.length > limit,
  };
}

/**
 * A booking moved to another time is a new booking that continues the old one. The first booking
 * of such a chain names the whole chain: one calendar event (its UID) and one booking reference,
 * whatever the moves; `moves` is how many moves led to this booking.
 */
export async function bookingSeries(booking: { id: string; rescheduledFromId: string | null }) {
  const db = getDb();
  let first = booking;
  let moves = 0;
  // bounded: a chain longer than this has not been seen (each move is a resident's form)
  while (first.rescheduledFromId && moves < 100) {
    const earlier = await db.booking.findUnique({
      where: { id: first.rescheduledFromId },
      select: { id: true, rescheduledFromId: true },
    });
    if (!earlier) break;
    first = earlier;
    moves += 1;
  }
  return { firstId: first.id, moves, reference: bookingReference(first.id) };
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
    reference: (await bookingSeries(booking)).reference,
    description:
      confidentialDescription === null
        ? null
        : openText(confidentialDescription, getEnv().sealingKey),
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
  const t = (await messageT(language)) as unknown as (
    key: string,
    options?: Record<string, unknown>,
  ) => string;
  const { service } = booking.slot;
  const place = service.place;
  const series = await bookingSeries(booking);
  const serviceName = localized(service, language, "name");
  const placeName = localized(place, language, "name");
  const lines = [
    t("booking:calendar.description", { service: serviceName, place: placeName }),
    t("booking:calendar.reference", { reference: series.reference }),
    booking.channel ? t(`booking:channel.${booking.channel}`) : null,
    place.phone ? t("booking:calendar.phone", { phone: place.phone }) : null,
  ];
  return bookingCalendar({
    // one event for the booking and every move of it: a calendar updates it in place
    uid: `booking-${series.firstId}@seoul-portal`,
    // A move raises the sequence, and so does a cancellation, which must win over the confirmed
    // version; a booking moved away keeps its lower number (the moved booking is the event now).
    sequence: series.moves + (booking.status === "cancelled" && !booking.rescheduledTo ? 1 : 0),
    startsAt: booking.slot.startsAt,
    endsAt: booking.slot.endsAt,
    title: t("booking:calendar.title", { service: serviceName, place: placeName }),
    location:
      booking.channel && booking.channel !== "in_person"
        ? t(`booking:channel.${booking.channel}`)
        : `${placeName}, ${localized(place, language, "address")}`,
    description: lines.filter(Boolean).join("\n"),
    url: siteUrl(`/bookings/${booking.id}`),
    cancelled: booking.status === "cancelled",
  });
}
