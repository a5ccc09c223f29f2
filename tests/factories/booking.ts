// Places, services and slots for the booking tests, made directly in the test's own database.
import { seoulInstant } from "~/domain/shared/seoul-time";
import { getDb } from "~/utils/db.server";

let counter = 0;
const next = () => `${Date.now().toString(36)}-${(counter += 1)}`;

/** A place open weekdays 09:00–21:00 and Saturday 10:00–18:00 (the Youth Job Center's hours). */
export async function makePlace(overrides: { kind?: string; phone?: string | null } = {}) {
  const slug = `test-place-${next()}`;
  return getDb().place.create({
    data: {
      slug,
      kind: overrides.kind ?? "youth_center",
      nameKo: `테스트 센터 ${slug}`,
      nameEn: `Test Center ${slug}`,
      addressKo: "서울특별시 중구",
      addressEn: "Jung-gu, Seoul",
      district: "jung",
      latitude: 37.56,
      longitude: 126.97,
      phone: overrides.phone === undefined ? "02-120-0000" : overrides.phone,
      openingHours: {
        create: [
          ...[1, 2, 3, 4, 5].map((weekday) => ({ weekday, opens: "09:00", closes: "21:00" })),
          { weekday: 6, opens: "10:00", closes: "18:00" },
        ],
      },
    },
    select: { id: true, slug: true },
  });
}

export async function makeService(
  placeId: string,
  options: {
    kind?: string;
    minAge?: number;
    maxAge?: number;
    allocation?: "first_come" | "lottery";
    drawLeadHours?: number;
  } = {},
) {
  const eligibility =
    options.minAge !== undefined || options.maxAge !== undefined
      ? await getDb().eligibilityCriteria.create({
          data: { minAge: options.minAge ?? null, maxAge: options.maxAge ?? null },
          select: { id: true },
        })
      : null;
  const slug = `test-service-${next()}`;
  return getDb().service.create({
    data: {
      slug,
      placeId,
      kind: options.kind ?? "mock_interview",
      nameKo: "모의 면접",
      nameEn: "Mock interview",
      bookable: true,
      durationMinutes: 60,
      eligibilityId: eligibility?.id ?? null,
      allocation: options.allocation,
      drawLeadHours: options.drawLeadHours,
    },
    select: { id: true, slug: true, placeId: true },
  });
}

/**
 * A place with a bookable service by lottery (decision 0031), a study room unless told otherwise:
 * each slot is drawn `drawLeadHours` (24) before it starts.
 */
export async function makeLotteryService(
  options: { kind?: string; minAge?: number; maxAge?: number; drawLeadHours?: number } = {},
) {
  const place = await makePlace();
  const service = await makeService(place.id, {
    kind: "study_room",
    drawLeadHours: 24,
    ...options,
    allocation: "lottery",
  });
  return { place, service };
}

/** A slot starting at `time` on a Seoul `date`. */
export async function makeSlot(
  serviceId: string,
  date: string,
  time: string,
  options: { minutes?: number; capacity?: number; channels?: string; blocked?: boolean } = {},
) {
  const startsAt = seoulInstant(date, time);
  return getDb().slot.create({
    data: {
      serviceId,
      startsAt,
      endsAt: new Date(startsAt.getTime() + (options.minutes ?? 60) * 60_000),
      capacity: options.capacity ?? 1,
      channels: options.channels ?? "",
      blocked: options.blocked ?? false,
    },
    select: { id: true, startsAt: true, endsAt: true },
  });
}

/** Makes an existing resident staff of a place. */
export async function makeStaffOf(residentId: string, placeId: string) {
  await getDb().resident.update({
    where: { id: residentId },
    data: { role: "staff", staffPlaceId: placeId },
  });
}

/** Live bookings and the counter of a slot, to check capacity after concurrent requests. */
export async function slotCounts(slotId: string) {
  const db = getDb();
  const [slot, confirmed, offered] = await Promise.all([
    db.slot.findUniqueOrThrow({
      where: { id: slotId },
      select: { bookedCount: true, capacity: true },
    }),
    db.booking.count({ where: { slotId, status: "confirmed" } }),
    db.waitlistEntry.count({ where: { slotId, status: "offered" } }),
  ]);
  return { ...slot, confirmed, offered };
}

export const KEY = () => crypto.randomUUID();
