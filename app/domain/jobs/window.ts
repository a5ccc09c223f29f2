// The application window of a posting or round: whether it is open at an instant (to the second),
// and how to say when it opens or closes in words ("opens in 3 days", "closes tomorrow at 18:00").
// Days are Seoul calendar days, so "tomorrow" at 23:30 means the next date in Seoul.
import { seoulParts } from "~/domain/shared/seoul-time";

export type ApplicationWindow = { opensAt: Date; closesAt: Date };
export type WindowState = "upcoming" | "open" | "closed";

/** Open from `opensAt` (included) until `closesAt` (excluded). */
export function windowState(window: ApplicationWindow, now: Date): WindowState {
  if (now.getTime() < window.opensAt.getTime()) return "upcoming";
  if (now.getTime() < window.closesAt.getTime()) return "open";
  return "closed";
}

export type WindowWords =
  | { code: "opensToday"; time: string }
  | { code: "opensTomorrow"; time: string }
  | { code: "opensInDays"; days: number; date: string; time: string }
  | { code: "closesInMinutes"; minutes: number; time: string }
  | { code: "closesToday"; time: string }
  | { code: "closesTomorrow"; time: string }
  | { code: "closesInDays"; days: number; date: string; time: string }
  | { code: "closed"; date: string; time: string }
  /** staff closed it before its closing time */
  | { code: "closedEarly" };

function calendarDaysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/** The window in words, as codes with parameters (the page translates them). */
export function windowInWords(window: ApplicationWindow, now: Date): WindowWords {
  const today = seoulParts(now).date;
  const state = windowState(window, now);
  if (state === "upcoming") {
    const { date, time } = seoulParts(window.opensAt);
    const days = calendarDaysBetween(today, date);
    if (days === 0) return { code: "opensToday", time };
    if (days === 1) return { code: "opensTomorrow", time };
    return { code: "opensInDays", days, date, time };
  }
  const { date, time } = seoulParts(window.closesAt);
  if (state === "closed") return { code: "closed", date, time };
  const minutesLeft = Math.ceil((window.closesAt.getTime() - now.getTime()) / 60_000);
  if (minutesLeft <= 60) return { code: "closesInMinutes", minutes: minutesLeft, time };
  const days = calendarDaysBetween(today, date);
  if (days === 0) return { code: "closesToday", time };
  if (days === 1) return { code: "closesTomorrow", time };
  return { code: "closesInDays", days, date, time };
}

/**
 * The window of a posting or round as it stands, its publication status included: one that staff
 * have closed takes no more applications, whatever its dates say.
 */
export function currentWindow(
  status: string,
  window: ApplicationWindow,
  now: Date,
): { state: WindowState; words: WindowWords } {
  const state = windowState(window, now);
  if (status === "closed" && state !== "closed")
    return { state: "closed", words: { code: "closedEarly" } };
  return { state, words: windowInWords(window, now) };
}
