// Weekly booking templates for every bookable service of the seed, and the slots they generate.
// Real (from the report): the Youth Job Center's hours, its 14 study rooms and one seminar room,
// the services each place offers. Assumed (sample data): how many counselors work at once, the
// exact session times, evening phone consultations at the labor centers, the job cafés' rooms.
// Templates are created once (staff may change them afterwards, and a new seed run keeps their
// changes); slots are generated idempotently for each template's horizon from `now`.
import { syncSlots } from "../../app/domain/booking/schedule.server";
import type { Channel } from "../../app/domain/booking/types";
import { minutesOfClock } from "../../app/domain/shared/seoul-time";
import type { PrismaClient } from "../../app/generated/prisma/client";

type SeedTemplate = {
  days: number[];
  start: string;
  end: string;
  minutes: number;
  capacity: number;
  channels?: Channel[];
  horizonDays?: number;
};

const WEEKDAYS = [1, 2, 3, 4, 5];
const ALL_CHANNELS: Channel[] = ["in_person", "phone", "video"];
const REMOTE: Channel[] = ["phone", "video"];

const YOUTH_CENTER: Record<string, SeedTemplate[]> = {
  "youth-center-counseling": [
    { days: WEEKDAYS, start: "10:00", end: "20:00", minutes: 60, capacity: 2 },
    { days: [6], start: "10:00", end: "17:00", minutes: 60, capacity: 2 },
  ],
  "youth-center-mock-interview": [
    { days: WEEKDAYS, start: "14:00", end: "21:00", minutes: 60, capacity: 1 },
    { days: [6], start: "10:00", end: "16:00", minutes: 60, capacity: 1 },
  ],
  "youth-center-resume-clinic": [
    { days: WEEKDAYS, start: "10:00", end: "18:00", minutes: 40, capacity: 2 },
  ],
  "youth-center-job-analysis": [
    { days: WEEKDAYS, start: "13:00", end: "18:00", minutes: 60, capacity: 1 },
  ],
  "youth-center-photo": [
    { days: WEEKDAYS, start: "13:00", end: "17:00", minutes: 20, capacity: 1 },
  ],
  // the 14 study rooms and the one seminar room of the report, in two-hour blocks
  "youth-center-study-room": [
    { days: WEEKDAYS, start: "09:00", end: "21:00", minutes: 120, capacity: 14 },
    { days: [6], start: "10:00", end: "18:00", minutes: 120, capacity: 14 },
  ],
  "youth-center-seminar-room": [
    { days: WEEKDAYS, start: "09:00", end: "21:00", minutes: 120, capacity: 1 },
    { days: [6], start: "10:00", end: "18:00", minutes: 120, capacity: 1 },
  ],
};

/** Labor consultations: daytime at the center in every channel, and after-work phone/video. */
function laborTemplates(placeSlug: string, subKind: string | null): SeedTemplate[] {
  switch (subKind) {
    case "city":
      return [
        // three counselors at once at the city-wide center
        {
          days: WEEKDAYS,
          start: "10:00",
          end: "17:00",
          minutes: 60,
          capacity: 3,
          channels: ALL_CHANNELS,
        },
        {
          days: WEEKDAYS,
          start: "18:30",
          end: "20:30",
          minutes: 60,
          capacity: 2,
          channels: REMOTE,
        },
      ];
    case "ombudsman":
      return [
        {
          days: WEEKDAYS,
          start: "10:00",
          end: "21:00",
          minutes: 60,
          capacity: 2,
          channels: REMOTE,
        },
        { days: [6], start: "10:00", end: "13:00", minutes: 60, capacity: 1, channels: REMOTE },
      ];
    default: {
      // district centers and the emotional-labor center: one counselor, two evenings a week
      const evenings = placeSlug.length % 2 === 0 ? [1, 3] : [2, 4];
      return [
        {
          days: WEEKDAYS,
          start: "10:00",
          end: "17:00",
          minutes: 60,
          capacity: 1,
          channels: ALL_CHANNELS,
        },
        {
          days: evenings,
          start: "18:30",
          end: "20:30",
          minutes: 60,
          capacity: 1,
          channels: REMOTE,
        },
      ];
    }
  }
}

function clock(minutes: number) {
  return `${String(Math.floor(minutes / 60)).padStart(2, "0")}:${String(minutes % 60).padStart(2, "0")}`;
}

/**
 * Job Wings fittings (sample times: the report names the operators, not their branches' hours):
 * 30-minute fittings, two at once, inside the branches' 10:00–19:00 weekday hours.
 */
const JOB_WINGS_FITTINGS: SeedTemplate[] = [
  { days: WEEKDAYS, start: "10:00", end: "18:00", minutes: 30, capacity: 2, horizonDays: 28 },
];

/** Job cafés (sample data): sessions and rooms inside each café's own opening hours. */
function cafeTemplates(
  kind: string,
  hours: { weekday: number; opens: string; closes: string }[],
): SeedTemplate[] {
  return hours.flatMap((block) => {
    const opens = minutesOfClock(block.opens);
    const closes = minutesOfClock(block.closes);
    const base = { days: [block.weekday], horizonDays: 14 };
    switch (kind) {
      case "counseling":
        return [
          {
            ...base,
            start: clock(opens + 60),
            end: clock(Math.min(closes, opens + 300)),
            minutes: 60,
            capacity: 1,
          },
        ];
      case "mentoring":
        return [
          { ...base, start: clock(closes - 180), end: clock(closes), minutes: 60, capacity: 1 },
        ];
      case "photo":
        return [
          { ...base, start: clock(opens + 120), end: clock(opens + 240), minutes: 20, capacity: 1 },
        ];
      case "study_room":
        return [{ ...base, start: block.opens, end: block.closes, minutes: 120, capacity: 4 }];
      default:
        return [];
    }
  });
}

export async function seedBooking(db: PrismaClient, now: Date) {
  const services = await db.service.findMany({
    where: { bookable: true },
    select: {
      id: true,
      slug: true,
      kind: true,
      place: {
        select: {
          slug: true,
          kind: true,
          subKind: true,
          openingHours: { select: { weekday: true, opens: true, closes: true } },
        },
      },
    },
  });
  let slots = 0;
  for (const service of services) {
    const templates =
      YOUTH_CENTER[service.slug] ??
      (service.kind === "labor_consultation"
        ? laborTemplates(service.place.slug, service.place.subKind)
        : service.place.kind === "job_cafe"
          ? cafeTemplates(service.kind, service.place.openingHours)
          : service.kind === "suit_rental"
            ? JOB_WINGS_FITTINGS
            : []);
    const rows = templates
      .flatMap((template) => template.days.map((weekday) => ({ template, weekday })))
      .map(({ template, weekday }, i) => ({
        id: `seed-${service.slug}-${i + 1}`,
        serviceId: service.id,
        weekday,
        startTime: template.start,
        endTime: template.end,
        slotMinutes: template.minutes,
        capacity: template.capacity,
        horizonDays: template.horizonDays ?? 28,
        validFrom: "2026-01-01",
        channels: (template.channels ?? []).join(","),
      }));
    // Created once: staff may change or retire seeded templates, and a new run keeps that.
    const existing = await db.slotTemplate.findMany({
      where: { id: { in: rows.map((row) => row.id) } },
      select: { id: true },
    });
    const known = new Set(existing.map((row) => row.id));
    const missing = rows.filter((row) => !known.has(row.id));
    if (missing.length > 0) await db.slotTemplate.createMany({ data: missing });
    if (templates.length > 0) slots += (await syncSlots(db, service.id, now)).created;
  }
  // Sample setting (decision 0031): the report does not say how the center shares its study
  // rooms; they are given by lottery here, drawn 24 hours ahead, to show the option.
  await db.service.updateMany({
    where: { slug: "youth-center-study-room" },
    data: { allocation: "lottery", drawLeadHours: 24 },
  });
  return { slots };
}
