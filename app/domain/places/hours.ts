// Opening hours, as a pure module: plain data and an instant in, answers out. Everything is
// reasoned in Asia/Seoul (through app/domain/shared/seoul-time.ts), whatever the server's zone.
//
// The rules (docs/decisions/0005-opening-hours.md):
// - A weekly interval whose `closes` is not later than its `opens` passes midnight: Seocho's
//   18:00–06:00 on a Tuesday is open from Tuesday 18:00 to Wednesday 06:00; "00:00–00:00" (or any
//   opens = closes) is a whole 24 hours.
// - An interval belongs to the day it opens. A closure date, or a public holiday for a place that
//   closes on public holidays, cancels every interval that opens on that day, after-midnight part
//   included; an interval that opened the evening before runs on into the holiday until it closes.
// - Intervals that overlap or touch form one opening (Mon 00:00–00:00 then Tue 00:00–00:00 is one
//   48-hour opening), so "open until" is the end of the whole run.
import { publicHoliday, type PublicHoliday } from "~/domain/shared/holidays";
import { addDays, isoWeekday, minutesOfClock, seoulInstant } from "~/domain/shared/seoul-time";
import { passesMidnight, type WeeklyInterval } from "./intervals";

export { type WeeklyInterval } from "./intervals";

export type ClosurePeriod = {
  /** "YYYY-MM-DD", inclusive */
  startDate: string;
  /** "YYYY-MM-DD", inclusive */
  endDate: string;
  reasonKo?: string;
  reasonEn?: string;
};
export type PlaceHours = {
  weekly: readonly WeeklyInterval[];
  closures: readonly ClosurePeriod[];
  closedOnPublicHolidays: boolean;
};

const DAY_MS = 86_400_000;
/** How far ahead "next opening" looks (a place may be closed for months). */
const DEFAULT_HORIZON_DAYS = 366;
/** An opening that does not end within this many days is reported as having no end. */
const AROUND_THE_CLOCK_DAYS = 7;

type Cancellation =
  { kind: "closure"; closure: ClosurePeriod } | { kind: "holiday"; holiday: PublicHoliday } | null;

/** Why the intervals opening on `date` do not take place, or null when they do. */
function cancellation(hours: PlaceHours, date: string): Cancellation {
  const closure = hours.closures.find((c) => c.startDate <= date && date <= c.endDate);
  if (closure) return { kind: "closure", closure };
  if (hours.closedOnPublicHolidays) {
    const holiday = publicHoliday(date);
    if (holiday) return { kind: "holiday", holiday };
  }
  return null;
}

type Moment = {
  date: string;
  previousDate: string;
  weekday: number;
  previousWeekday: number;
  minutes: number;
};

const SEOUL_OFFSET_MS = 9 * 3_600_000;

// A directory asks about the same instant for every place it lists: remember the last one
// (a pure memo, invisible from outside).
let lastMoment: { time: number; moment: Moment } | null = null;

/**
 * Where an instant falls on Seoul's calendar. Korea has kept UTC+9 without daylight saving since
 * 1988 (the assumption seoulInstant is built on), so this is arithmetic rather than Intl, whose
 * formatToParts would dominate the cost of listing a page of places.
 */
const seoulDateOf = (time: number) => new Date(time + SEOUL_OFFSET_MS).toISOString().slice(0, 10);

function momentOf(at: Date): Moment {
  const time = at.getTime();
  if (lastMoment?.time === time) return lastMoment.moment;
  const shifted = new Date(time + SEOUL_OFFSET_MS);
  const weekday = shifted.getUTCDay() === 0 ? 7 : shifted.getUTCDay();
  const moment = {
    date: seoulDateOf(time),
    previousDate: seoulDateOf(time - DAY_MS),
    weekday,
    previousWeekday: weekday === 1 ? 7 : weekday - 1,
    minutes:
      shifted.getUTCHours() * 60 +
      shifted.getUTCMinutes() +
      (shifted.getUTCSeconds() * 1000 + shifted.getUTCMilliseconds()) / 60_000,
  };
  lastMoment = { time, moment };
  return moment;
}

/** Is the place open at the instant `at`? */
export function isOpenAt(hours: PlaceHours, at: Date): boolean {
  const m = momentOf(at);
  for (const interval of hours.weekly) {
    const opens = minutesOfClock(interval.opens);
    const closes = minutesOfClock(interval.closes);
    const overnight = closes <= opens;
    // the part on the day it opens
    if (
      interval.weekday === m.weekday &&
      m.minutes >= opens &&
      (overnight || m.minutes < closes) &&
      cancellation(hours, m.date) === null
    ) {
      return true;
    }
    // the after-midnight part of yesterday's interval
    if (
      overnight &&
      interval.weekday === m.previousWeekday &&
      m.minutes < closes &&
      cancellation(hours, m.previousDate) === null
    ) {
      return true;
    }
  }
  return false;
}

type Block = { start: number; end: number };

/** The openings that start on `date` (none when the day is cancelled), as epoch-ms ranges. */
function openingsOn(hours: PlaceHours, date: string): Block[] {
  const weekday = isoWeekday(date);
  const intervals = hours.weekly.filter((interval) => interval.weekday === weekday);
  if (intervals.length === 0 || cancellation(hours, date)) return [];
  return intervals.map((interval) => ({
    start: seoulInstant(date, interval.opens).getTime(),
    end: seoulInstant(
      passesMidnight(interval) ? addDays(date, 1) : date,
      interval.closes,
    ).getTime(),
  }));
}

function merge(blocks: Block[]): Block[] {
  const sorted = [...blocks].sort((a, b) => a.start - b.start);
  const merged: Block[] = [];
  for (const block of sorted) {
    const last = merged[merged.length - 1];
    if (last && block.start <= last.end) last.end = Math.max(last.end, block.end);
    else merged.push({ ...block });
  }
  return merged;
}

export type NextChange = {
  /** open at `at`? */
  open: boolean;
  /** when it closes (if open) or next opens (if closed); null: not within the horizon */
  at: Date | null;
};

/**
 * When the place next closes (if open at `at`) or opens (if closed). Days are looked at one by
 * one from the day before `at`, only as far as the answer needs: an opening that ends before a
 * day starts cannot be extended by that day's openings, and no day opens before it starts.
 */
export function nextChange(
  hours: PlaceHours,
  at: Date,
  horizonDays = DEFAULT_HORIZON_DAYS,
): NextChange {
  const { date } = momentOf(at);
  const t = at.getTime();
  const found: Block[] = [...openingsOn(hours, addDays(date, -1))];
  for (let offset = 0; offset <= horizonDays; offset += 1) {
    found.push(...openingsOn(hours, addDays(date, offset)));
    // openings of later days start no earlier than this
    const nextDayStart = seoulInstant(addDays(date, offset + 1)).getTime();
    const blocks = merge(found);
    const current = blocks.find((block) => block.start <= t && t < block.end);
    if (current) {
      if (current.end - t >= AROUND_THE_CLOCK_DAYS * DAY_MS) return { open: true, at: null };
      if (current.end < nextDayStart) return { open: true, at: new Date(current.end) };
      continue;
    }
    const upcoming = blocks.find((block) => block.start > t);
    if (upcoming && upcoming.start < nextDayStart) {
      return { open: false, at: new Date(upcoming.start) };
    }
  }
  return { open: false, at: null };
}

export type DaySchedule = {
  date: string;
  weekday: number;
  isToday: boolean;
  /**
   * the regular intervals that open on this day, in order; `now`: the one taking place at the
   * moment asked about (at 02:00 that is often last night's, on the row before today's)
   */
  intervals: { opens: string; closes: string; overnight: boolean; now: boolean }[];
  /** why the regular intervals do not take place this day */
  closedFor: "closure" | "holiday" | null;
  /** the public holiday on this day, if any (shown even where the place stays open) */
  holiday: PublicHoliday | null;
  closure: ClosurePeriod | null;
};

/** One day of a place's calendar: its regular hours and whatever cancels them. */
function daySchedule(hours: PlaceHours, date: string, at: Date): DaySchedule {
  const weekday = isoWeekday(date);
  const cancelled = cancellation(hours, date);
  const runningAt = (opens: string, closes: string, overnight: boolean) =>
    !cancelled &&
    seoulInstant(date, opens).getTime() <= at.getTime() &&
    at.getTime() < seoulInstant(overnight ? addDays(date, 1) : date, closes).getTime();
  return {
    date,
    weekday,
    isToday: date === momentOf(at).date,
    intervals: hours.weekly
      .filter((interval) => interval.weekday === weekday)
      .sort((a, b) => a.opens.localeCompare(b.opens))
      .map(({ opens, closes }) => {
        const overnight = passesMidnight({ opens, closes });
        return { opens, closes, overnight, now: runningAt(opens, closes, overnight) };
      }),
    closedFor: cancelled?.kind ?? null,
    holiday: publicHoliday(date),
    closure: cancelled?.kind === "closure" ? cancelled.closure : null,
  };
}

/** Monday to Sunday of the Seoul week that contains `at`. */
export function weekTable(hours: PlaceHours, at: Date): DaySchedule[] {
  const { date, weekday } = momentOf(at);
  const monday = addDays(date, 1 - weekday);
  return Array.from({ length: 7 }, (_, i) => daySchedule(hours, addDays(monday, i), at));
}

/** Whole calendar days from one Seoul date to another. */
function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);
}

export type PlaceStatus =
  | {
      open: true;
      /** null: open around the clock (no closing within a week) */
      closesAt: Date | null;
      /** Seoul calendar days from `at` to the closing: 0 today, 1 tomorrow… */
      closesInDays: number;
    }
  | {
      open: false;
      /** why it is closed today beyond its regular hours */
      reason: "holiday" | "closure" | null;
      holiday: PublicHoliday | null;
      closure: ClosurePeriod | null;
      /** null: no opening known within the horizon */
      opensAt: Date | null;
      opensInDays: number;
    };

/** Today's status of a place, ready to be put into words ("open until 06:00 tomorrow"…). */
export function statusAt(hours: PlaceHours, at: Date): PlaceStatus {
  const change = nextChange(hours, at);
  const { date, weekday } = momentOf(at);
  const offset = (instant: Date | null) =>
    instant ? daysBetween(date, seoulDateOf(instant.getTime())) : 0;
  if (change.open) return { open: true, closesAt: change.at, closesInDays: offset(change.at) };
  const cancelled = cancellation(hours, date);
  // A holiday only explains the closure when the place would otherwise have opened today.
  const holidayApplies =
    cancelled?.kind === "holiday" && hours.weekly.some((interval) => interval.weekday === weekday);
  return {
    open: false,
    reason: cancelled?.kind === "closure" ? "closure" : holidayApplies ? "holiday" : null,
    holiday: holidayApplies && cancelled?.kind === "holiday" ? cancelled.holiday : null,
    closure: cancelled?.kind === "closure" ? cancelled.closure : null,
    opensAt: change.at,
    opensInDays: offset(change.at),
  };
}
