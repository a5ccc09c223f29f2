// Dates, times and money for people: Intl, in the Asia/Seoul time zone, in the page's language.
import { intlLocale } from "./i18n";

const TIME_ZONE = "Asia/Seoul";
// 24-hour clock times ("14:00"), as Korean timetables write them. It also keeps server and browser
// in step: Node's ICU 78 writes Korean 12-hour times as "PM 2:00" where Chromium writes "오후 2:00",
// which broke hydration of every page showing a time.
const HOUR_CYCLE = "h23";

type DateInput = Date | string | number;

// Building an Intl.DateTimeFormat costs far more than using one (it showed up as a large share of
// a page's server time in the booking benchmark): keep one per language and style.
const formatters = new Map<string, Intl.DateTimeFormat>();
function dateFormat(language: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${language}|${JSON.stringify(options)}`;
  let formatter = formatters.get(key);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat(intlLocale(language), { ...options, timeZone: TIME_ZONE });
    formatters.set(key, formatter);
  }
  return formatter;
}

export function formatDateTime(value: DateInput, language: string): string {
  return dateFormat(language, {
    dateStyle: "medium",
    timeStyle: "short",
    hourCycle: HOUR_CYCLE,
  }).format(new Date(value));
}

export function formatDate(
  value: DateInput,
  language: string,
  style: "long" | "medium" | "full" = "long",
): string {
  return dateFormat(language, { dateStyle: style }).format(new Date(value));
}

/** A calendar date "YYYY-MM-DD" (already Seoul's) for display. */
export function formatCalendarDate(
  date: string,
  language: string,
  style: "long" | "medium" | "full" = "long",
): string {
  return formatDate(`${date}T12:00:00+09:00`, language, style);
}

export function formatTime(value: DateInput, language: string): string {
  return dateFormat(language, { timeStyle: "short", hourCycle: HOUR_CYCLE }).format(
    new Date(value),
  );
}

export function formatWeekday(
  isoWeekday: number,
  language: string,
  style: "long" | "short" = "long",
): string {
  // 2026-11-23 is a Monday.
  const date = new Date(Date.UTC(2026, 10, 22 + isoWeekday, 3));
  return dateFormat(language, { weekday: style }).format(date);
}

// Number formatters kept like the date formatters above: building an Intl.NumberFormat costs far
// more than using it, and a page formats an amount or a count on most of its cards.
const numberFormatters = new Map<string, Intl.NumberFormat>();
function numberFormat(language: string, options: Intl.NumberFormatOptions = {}): Intl.NumberFormat {
  const key = `${language}|${JSON.stringify(options)}`;
  let formatter = numberFormatters.get(key);
  if (!formatter) {
    formatter = new Intl.NumberFormat(intlLocale(language), options);
    numberFormatters.set(key, formatter);
  }
  return formatter;
}

export function formatWon(amount: number, language: string): string {
  return numberFormat(language, {
    style: "currency",
    currency: "KRW",
    maximumFractionDigits: 0,
  }).format(amount);
}

/** A count or a distance in the page's language. */
export function formatNumber(value: number, language: string): string {
  return numberFormat(language).format(value);
}
