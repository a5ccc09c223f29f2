// Helpers of the booking end-to-end tests: each test's own service and slots, residents with a
// profile, times from the live JSON, bookings over HTTP, and a look into the server's database.
import crypto from "node:crypto";
import type { BrowserContext } from "playwright-core";
import { afterAll } from "vitest";
import { baseUrl, postForm, serverDatabase, signUpOverHttp, uniqueEmail } from "./support";

export type OwnSlot = {
  /** Seoul date "YYYY-MM-DD" and start time "HH:MM" */
  date: string;
  time: string;
  /** default: the service's duration */
  minutes?: number;
  /** default: 1 */
  capacity?: number;
  /** labor consultations: the channels offered (default all three); empty for other services */
  channels?: string;
};

export type OwnService = {
  id: string;
  slug: string;
  nameKo: string;
  placeId: string;
  placeSlug: string;
  placeNameKo: string;
  /** the id of the slot created for `date` at `time` */
  slotId: (date: string, time: string) => string;
};

const ownServices: string[] = [];
const ownPlaces: string[] = [];
afterAll(async () => {
  const db = serverDatabase();
  // slots, bookings and waitlist entries go with them (cascades)
  await db.service.deleteMany({ where: { id: { in: ownServices } } });
  await db.place.deleteMany({ where: { id: { in: ownPlaces } } });
});

/**
 * A test's own copy of a seeded service — same place (or, with `ownPlace`, a copy of the place
 * too, for pages that list places; with `placeId`, in a place made earlier), kind, eligibility and duration — with exactly the slots the
 * test asks for. It has no slot templates, so the server's periodic slot sync leaves it alone, and
 * no other test books it: tests never depend on the seed's generated dates or on each other.
 * Removed after the test file.
 */
export async function ownService(
  baseSlug: string,
  slots: OwnSlot[],
  options: { ownPlace?: boolean; placeId?: string } = {},
): Promise<OwnService> {
  const db = serverDatabase();
  const base = await db.service.findUniqueOrThrow({
    where: { slug: baseSlug },
    include: { place: { include: { openingHours: true } } },
  });
  const tag = crypto.randomBytes(3).toString("hex");
  let place = base.place;
  if (options.placeId) {
    // another service of a place made earlier by the same test
    place = await db.place.findUniqueOrThrow({
      where: { id: options.placeId },
      include: { openingHours: true },
    });
  } else if (options.ownPlace) {
    const { id: _id, createdAt: _c, updatedAt: _u, openingHours, ...fields } = base.place;
    place = await db.place.create({
      data: {
        ...fields,
        slug: `${fields.slug}-${tag}`,
        nameKo: `${fields.nameKo} 시험 ${tag}`,
        nameEn: `${fields.nameEn} test ${tag}`,
        openingHours: {
          create: openingHours.map(({ weekday, opens, closes }) => ({ weekday, opens, closes })),
        },
      },
      include: { openingHours: true },
    });
    ownPlaces.push(place.id);
  }
  const labor = base.kind === "labor_consultation";
  const service = await db.service.create({
    data: {
      slug: `${base.slug}-${tag}`,
      placeId: place.id,
      kind: base.kind,
      nameKo: `${base.nameKo} 시험 ${tag}`,
      nameEn: `${base.nameEn} test ${tag}`,
      descriptionKo: base.descriptionKo,
      descriptionEn: base.descriptionEn,
      bookable: true,
      durationMinutes: base.durationMinutes,
      eligibilityId: base.eligibilityId,
    },
  });
  ownServices.push(service.id);
  const ids = new Map<string, string>();
  for (const slot of slots) {
    const startsAt = new Date(`${slot.date}T${slot.time}:00+09:00`);
    const minutes = slot.minutes ?? base.durationMinutes ?? 60;
    const created = await db.slot.create({
      data: {
        serviceId: service.id,
        startsAt,
        endsAt: new Date(startsAt.getTime() + minutes * 60_000),
        capacity: slot.capacity ?? 1,
        channels: slot.channels ?? (labor ? "in_person,phone,video" : ""),
      },
    });
    ids.set(`${slot.date} ${slot.time}`, created.id);
  }
  return {
    id: service.id,
    slug: service.slug,
    nameKo: service.nameKo,
    placeId: place.id,
    placeSlug: place.slug,
    placeNameKo: place.nameKo,
    slotId: (date, time) => {
      const id = ids.get(`${date} ${time}`);
      if (!id) throw new Error(`no own slot of ${service.slug} at ${date} ${time}`);
      return id;
    },
  };
}

/** Makes a new resident staff of a place; returns their session cookie. */
export async function staffOf(placeId: string, name = "시험 직원") {
  const staff = await signUpOverHttp(uniqueEmail("staff"), name);
  await serverDatabase().resident.update({
    where: { id: staff.id },
    data: { role: "staff", staffPlaceId: placeId },
  });
  return staff;
}

type TimeChoice = { id: string; startsAt: string; state: string; remaining: number };

/** A signed-up resident whose profile has a birth date (the youth services are for ages 15–39). */
export async function residentWithBirthDate(prefix: string, name = "예약 시민") {
  const resident = await signUpOverHttp(uniqueEmail(prefix), name);
  const saved = await postForm(
    `/residents/${resident.id}`,
    {
      name,
      birthDate: "1999-04-12",
      preferredLanguage: "ko",
      registeredJobSeeker: "unknown",
      hasRegularIncome: "unknown",
    },
    resident.cookie,
  );
  if (saved.status !== 200) throw new Error(`profile not saved: ${saved.status}`);
  return resident;
}

/**
 * A signed-up resident eligible for the public-work round and the New Deal postings of the seed
 * (36, unemployed, a registered job seeker without regular income, in Nowon).
 */
export async function eligibleJobSeeker(prefix: string, name = "양식 시험") {
  const resident = await signUpOverHttp(uniqueEmail(prefix), name);
  const saved = await postForm(
    `/residents/${resident.id}`,
    {
      name,
      birthDate: "1990-10-10",
      district: "nowon",
      employmentStatus: "unemployed",
      registeredJobSeeker: "yes",
      hasRegularIncome: "no",
      preferredLanguage: "ko",
    },
    resident.cookie,
  );
  if (saved.status !== 200) throw new Error(`profile not saved: ${saved.status}`);
  return resident;
}

/** Many residents at once, signed up over HTTP a few at a time. */
export async function manyResidents(count: number, prefix: string) {
  const residents: Awaited<ReturnType<typeof signUpOverHttp>>[] = [];
  for (let i = 0; i < count; i += 8) {
    const batch = Array.from({ length: Math.min(8, count - i) }, (_, j) =>
      signUpOverHttp(uniqueEmail(`${prefix}-${i + j}`), `동시 예약자 ${i + j}`),
    );
    residents.push(...(await Promise.all(batch)));
  }
  return residents;
}

/** Gives a browser context the session of a resident signed up over HTTP. */
export async function useSession(context: BrowserContext, cookie: string) {
  await context.addCookies(
    cookie.split("; ").map((pair) => ({
      name: pair.slice(0, pair.indexOf("=")),
      value: pair.slice(pair.indexOf("=") + 1),
      url: baseUrl(),
    })),
  );
}

async function timesOn(serviceSlug: string, date: string, channel?: string) {
  const query = new URLSearchParams({ date, ...(channel ? { channel } : {}) });
  const response = await fetch(`${baseUrl()}/book/${serviceSlug}/availability?${query}`);
  if (!response.ok) throw new Error(`availability ${response.status}`);
  return ((await response.json()) as { times: TimeChoice[] }).times;
}

/** The slot of a service starting at a Seoul time ("HH:MM") on a date. */
export async function slotAt(serviceSlug: string, date: string, time: string) {
  const instant = new Date(`${date}T${time}:00+09:00`).toISOString();
  const slot = (await timesOn(serviceSlug, date)).find((t) => t.startsAt === instant);
  if (!slot) throw new Error(`no slot of ${serviceSlug} at ${date} ${time}`);
  return slot;
}

export const LABOR_FIELDS = {
  topic: "unpaid_wages",
  channel: "phone",
  description: "석 달째 임금을 받지 못했습니다.",
  consent: "on",
  // a phone consultation needs a number; it is kept in a profile that has none
  phone: "010-2345-6789",
};

export function bookOverHttp(
  cookie: string,
  serviceSlug: string,
  slotId: string,
  fields: Record<string, string> = {},
  headers: Record<string, string> = {},
) {
  return postForm(
    `/book/${serviceSlug}/${slotId}`,
    { intent: "book", idempotencyKey: crypto.randomUUID(), ...fields },
    cookie,
    headers,
  );
}

/** What the server's database holds for a slot: its counter and the rows it must agree with. */
export async function liveCounts(slotId: string) {
  const db = serverDatabase();
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

/** Moves the server's clock (APP_ENV=test only); `null` puts it back to the fixed E2E time. */
export async function setServerClock(instant: string | null) {
  const response = await postForm("/test-support/clock", { now: instant ?? "" });
  if (!response.ok) throw new Error(`clock ${response.status}`);
}
