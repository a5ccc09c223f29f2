// Opening hours written as people write them in the city's open-data facility lists, in Korean or
// English: "평일 09:00~18:00; 토 10:00~17:00", "매일 18:00-06:00", "월-토 08:30-20:00",
// "Mon-Fri 09:00-12:00, 13:00-18:00", "24시간", "일 휴무". Groups are separated by ";", "/", "|"
// or a line break; a group is the days, then one or more time ranges (or "휴무"/"closed").
import type { WeeklyInterval } from "./intervals";

const DAY_WORDS: Record<string, number[]> = {
  월: [1],
  화: [2],
  수: [3],
  목: [4],
  금: [5],
  토: [6],
  일: [7],
  mon: [1],
  tue: [2],
  wed: [3],
  thu: [4],
  fri: [5],
  sat: [6],
  sun: [7],
  매일: [1, 2, 3, 4, 5, 6, 7],
  daily: [1, 2, 3, 4, 5, 6, 7],
  everyday: [1, 2, 3, 4, 5, 6, 7],
  평일: [1, 2, 3, 4, 5],
  weekdays: [1, 2, 3, 4, 5],
  주말: [6, 7],
  weekends: [6, 7],
};

const TIME_RANGE = /(\d{1,2}):(\d{2})\s*[-~–—]\s*(\d{1,2}):(\d{2})/g;
const CLOSED_WORDS = /^(휴무|휴관|closed)$/;
const ROUND_THE_CLOCK = /^(24\s*시간|24\s*h(ours)?|24\/7)$/;

/** "Mon", "monday", "월요일", "월" → the same key. */
function dayKey(word: string): string {
  const lower = word.toLowerCase().replace(/요일$/, "");
  if (/^(mon|tue|wed|thu|fri|sat|sun)/.test(lower)) return lower.slice(0, 3);
  return lower.replace(/^every ?day$/, "everyday");
}

/** "월-금", "월~토", "월,수,금", "Mon-Fri", "평일" → ISO weekdays; null when not understood. */
function parseDays(text: string): number[] | null {
  const days = new Set<number>();
  for (const part of text.split(/[,·\s]+/).filter(Boolean)) {
    const range = part.split(/[-~–—]/);
    if (range.length === 2) {
      const from = DAY_WORDS[dayKey(range[0]!)];
      const to = DAY_WORDS[dayKey(range[1]!)];
      if (from?.length !== 1 || to?.length !== 1) return null;
      for (let day = from[0]!; ; day = (day % 7) + 1) {
        days.add(day);
        if (day === to[0]) break;
      }
    } else {
      const words = DAY_WORDS[dayKey(part)];
      if (!words) return null;
      for (const day of words) days.add(day);
    }
  }
  return days.size > 0 ? [...days].sort((a, b) => a - b) : null;
}

function clockOf(hours: string, minutes: string, closing: boolean): string | null {
  const h = Number(hours);
  const m = Number(minutes);
  // "24:00" closes at midnight, written 00:00 (an interval passing midnight by zero minutes)
  if (closing && h === 24 && m === 0) return "00:00";
  if (h > 23 || m > 59) return null;
  return `${String(h).padStart(2, "0")}:${String(m).padStart(2, "0")}`;
}

/**
 * A well-formed interval: two clock times, and not the same time twice, unless it is
 * "00:00–00:00" (a whole day). "09:00–09:00" is far more likely a typo than 24 hours.
 */
export function isWellFormedInterval(opens: string, closes: string): boolean {
  const clock = /^([01]\d|2[0-3]):[0-5]\d$/;
  return clock.test(opens) && clock.test(closes) && (opens !== closes || opens === "00:00");
}

export type HoursTextResult = { ok: true; weekly: WeeklyInterval[] } | { ok: false };

export function parseHoursText(text: string): HoursTextResult {
  const weekly: WeeklyInterval[] = [];
  const groups = text
    .normalize("NFC")
    .split(/[;/|\n]+/)
    .map((group) => group.trim())
    .filter(Boolean);
  if (groups.length === 0) return { ok: false };
  for (const group of groups) {
    if (ROUND_THE_CLOCK.test(group.toLowerCase())) {
      for (let day = 1; day <= 7; day += 1)
        weekly.push({ weekday: day, opens: "00:00", closes: "00:00" });
      continue;
    }
    const ranges = [...group.matchAll(TIME_RANGE)];
    const firstRange = ranges[0]?.index ?? group.length;
    const dayText = group
      .slice(0, firstRange)
      .trim()
      .replace(/[:：]$/, "")
      .trim();
    const rest = group.slice(firstRange);
    if (ranges.length === 0) {
      // "일 휴무": days with no hours; anything else is not understood
      const closed = /^(.*?)\s*(휴무|휴관|closed)$/i.exec(group);
      if (!closed || !parseDays(closed[1]!) || !CLOSED_WORDS.test(closed[2]!.toLowerCase())) {
        return { ok: false };
      }
      continue;
    }
    // Nothing but ranges and their separators may follow the days.
    if (rest.replace(TIME_RANGE, "").replace(/[\s,]/g, "") !== "") return { ok: false };
    const days = dayText === "" ? [1, 2, 3, 4, 5, 6, 7] : parseDays(dayText);
    if (!days) return { ok: false };
    for (const range of ranges) {
      const opens = clockOf(range[1]!, range[2]!, false);
      const closes = clockOf(range[3]!, range[4]!, true);
      if (!opens || !closes || !isWellFormedInterval(opens, closes)) return { ok: false };
      for (const weekday of days) weekly.push({ weekday, opens, closes });
    }
  }
  return { ok: true, weekly: dedupe(weekly) };
}

/** One interval per (weekday, opening time): the later group wins, as people mean it. */
function dedupe(weekly: WeeklyInterval[]): WeeklyInterval[] {
  const byKey = new Map<string, WeeklyInterval>();
  for (const interval of weekly) byKey.set(`${interval.weekday}@${interval.opens}`, interval);
  return [...byKey.values()].sort(
    (a, b) => a.weekday - b.weekday || a.opens.localeCompare(b.opens),
  );
}
