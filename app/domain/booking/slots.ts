// Slot generation from weekly templates: a pure function of the templates, the place's calendar
// (opening hours, closures, public holidays) and "now". The service stores what it returns,
// idempotently (Slot is unique per service and start).
import { isPublicHoliday } from "~/domain/shared/holidays";
import { addDays, isoWeekday, minutesOfClock, seoulInstant } from "~/domain/shared/seoul-time";
import { parseChannels } from "./types";

export type TemplateInput = {
  id: string;
  /** ISO weekday 1 = Monday … 7 = Sunday */
  weekday: number;
  /** "HH:MM", first start */
  startTime: string;
  /** "HH:MM", last end (later than startTime on the same day) */
  endTime: string;
  slotMinutes: number;
  capacity: number;
  horizonDays: number;
  validFrom: string;
  validUntil: string | null;
  active: boolean;
  channels: string;
};

export type PlaceCalendar = {
  openingHours: { weekday: number; opens: string; closes: string }[];
  closures: { startDate: string; endDate: string }[];
  closedOnPublicHolidays: boolean;
};

export type GeneratedSlot = {
  templateId: string;
  startsAt: Date;
  endsAt: Date;
  capacity: number;
  channels: string;
};

const DAY_MINUTES = 24 * 60;

/** Why a day gets no slots at all, whatever the templates say. */
export function dayClosedReason(
  date: string,
  calendar: Pick<PlaceCalendar, "closures" | "closedOnPublicHolidays">,
): "closure" | "holiday" | null {
  if (calendar.closures.some((c) => c.startDate <= date && date <= c.endDate)) return "closure";
  if (calendar.closedOnPublicHolidays && isPublicHoliday(date)) return "holiday";
  return null;
}

/**
 * Whether [start, end) (minutes of `weekday`) lies inside one opening interval: one of that
 * weekday, or the after-midnight part of an overnight interval of the day before.
 */
export function withinOpeningHours(
  openingHours: PlaceCalendar["openingHours"],
  weekday: number,
  start: number,
  end: number,
): boolean {
  const previous = weekday === 1 ? 7 : weekday - 1;
  return openingHours.some((hours) => {
    const opens = minutesOfClock(hours.opens);
    const closes = minutesOfClock(hours.closes);
    const overnight = closes <= opens;
    if (hours.weekday === weekday) {
      return opens <= start && end <= (overnight ? closes + DAY_MINUTES : closes);
    }
    return hours.weekday === previous && overnight && end <= closes;
  });
}

/**
 * A template needs the place to be open when residents come in person: every template of a
 * service without channels, and those offering "in_person". Phone and video consultations may
 * run after the doors close (workers call after work).
 */
export function needsOpeningHours(channels: string): boolean {
  const offered = parseChannels(channels);
  return offered.length === 0 || offered.includes("in_person");
}

/** The start times ("HH:MM" as minutes) a template yields on one of its days. */
export function templateStarts(
  template: Pick<TemplateInput, "startTime" | "endTime" | "slotMinutes">,
) {
  const first = minutesOfClock(template.startTime);
  const last = minutesOfClock(template.endTime);
  const starts: number[] = [];
  if (template.slotMinutes <= 0) return starts;
  for (let start = first; start + template.slotMinutes <= last; start += template.slotMinutes) {
    starts.push(start);
  }
  return starts;
}

function clock(minutes: number): string {
  return `${String(Math.floor(minutes / 60)).padStart(2, "0")}:${String(minutes % 60).padStart(2, "0")}`;
}

/**
 * Every future slot the templates call for, from today (Seoul) up to each template's horizon,
 * skipping closures, public holidays (when the place closes on them), times outside the opening
 * hours (for in-person services) and starts that are not after `now`. When two templates yield
 * the same start, the first one wins (the staff form refuses overlapping templates anyway).
 */
export function generateSlots(
  templates: TemplateInput[],
  calendar: PlaceCalendar,
  now: Date,
  today: string,
): GeneratedSlot[] {
  const byStart = new Map<number, GeneratedSlot>();
  for (const template of templates) {
    if (!template.active || template.capacity < 1) continue;
    const starts = templateStarts(template);
    const checkHours = needsOpeningHours(template.channels);
    for (let offset = 0; offset < template.horizonDays; offset += 1) {
      const date = addDays(today, offset);
      if (isoWeekday(date) !== template.weekday) continue;
      if (date < template.validFrom) continue;
      if (template.validUntil && date > template.validUntil) continue;
      if (dayClosedReason(date, calendar)) continue;
      for (const start of starts) {
        const end = start + template.slotMinutes;
        if (checkHours && !withinOpeningHours(calendar.openingHours, template.weekday, start, end))
          continue;
        const startsAt = seoulInstant(date, clock(start));
        if (startsAt.getTime() <= now.getTime() || byStart.has(startsAt.getTime())) continue;
        byStart.set(startsAt.getTime(), {
          templateId: template.id,
          startsAt,
          endsAt: new Date(startsAt.getTime() + template.slotMinutes * 60_000),
          capacity: template.capacity,
          channels: template.channels,
        });
      }
    }
  }
  return [...byStart.values()].sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime());
}

/** Templates of one weekday whose hours overlap (the staff form refuses to save such a pair). */
export function overlappingTemplates(
  templates: Pick<TemplateInput, "id" | "weekday" | "startTime" | "endTime">[],
): [string, string][] {
  const pairs: [string, string][] = [];
  for (let i = 0; i < templates.length; i += 1) {
    for (let j = i + 1; j < templates.length; j += 1) {
      const a = templates[i]!;
      const b = templates[j]!;
      if (a.weekday === b.weekday && a.startTime < b.endTime && b.startTime < a.endTime)
        pairs.push([a.id, b.id]);
    }
  }
  return pairs;
}
