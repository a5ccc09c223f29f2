// Korean public holidays, lunar ones included, from the maintained `date-holidays` library.
// One correction on top of it: the library starts the three-day Seollal (설날) holiday on lunar
// new year's day itself, while the law gives the eve, the day and the day after (2026: 16–18 Feb,
// not 17–19; see commenthol/date-holidays#578). We keep the library's lunar date and rebuild that
// span and its substitute day (대체공휴일: when a day of the span is a Sunday or another holiday,
// the first working day after the span), as the law does for Chuseok.
import Holidays from "date-holidays";
import { addDays, isoWeekday } from "./seoul-time";

/**
 * Stable ids of the Korean public holidays: the key of their names in every site language
 * (`locales/<lng>/common.json` `holidays.names`). The library names them in Korean and English
 * only; Chinese and Vietnamese pages show the translated name instead of the English one.
 */
export const HOLIDAY_IDS = [
  "newYear",
  "seollal",
  "independenceMovement",
  "childrens",
  "buddhasBirthday",
  "memorial",
  "constitution",
  "liberation",
  "chuseok",
  "nationalFoundation",
  "hangul",
  "christmas",
] as const;
export type HolidayId = (typeof HOLIDAY_IDS)[number];

export type PublicHoliday = {
  date: string;
  /** null only for a holiday the library names that this table does not know yet */
  id: HolidayId | null;
  nameKo: string;
  nameEn: string;
  substitute: boolean;
};

// The library's Korean names are the official ones (관공서의 공휴일에 관한 규정).
const ID_BY_KOREAN_NAME: Record<string, HolidayId> = {
  신정: "newYear",
  설날: "seollal",
  "3·1절": "independenceMovement",
  어린이날: "childrens",
  석가탄신일: "buddhasBirthday",
  부처님오신날: "buddhasBirthday",
  현충일: "memorial",
  제헌절: "constitution",
  광복절: "liberation",
  추석: "chuseok",
  개천절: "nationalFoundation",
  한글날: "hangul",
  기독탄신일: "christmas",
};
const SUBSTITUTE_SUFFIX = " (대체공휴일)";

function holidayId(nameKo: string): HolidayId | null {
  const base = nameKo.endsWith(SUBSTITUTE_SUFFIX)
    ? nameKo.slice(0, -SUBSTITUTE_SUFFIX.length)
    : nameKo;
  return ID_BY_KOREAN_NAME[base] ?? null;
}

const korea = new Holidays("KR", { types: ["public"] });
const cache = new Map<number, Map<string, PublicHoliday>>();

type LibraryHoliday = {
  date: string;
  start: Date;
  end: Date;
  name: string;
  substitute?: boolean;
  rule: string;
};

function spanDates(holiday: LibraryHoliday): string[] {
  const days: string[] = [];
  const first = holiday.date.slice(0, 10);
  const count = Math.max(
    1,
    Math.round((holiday.end.getTime() - holiday.start.getTime()) / 86_400_000),
  );
  for (let i = 0; i < count; i += 1) days.push(addDays(first, i));
  return days;
}

function build(year: number): Map<string, PublicHoliday> {
  const holidays = new Map<string, PublicHoliday>();
  const list = korea.getHolidays(year, "ko") as LibraryHoliday[];
  const englishByRule = new Map(
    (korea.getHolidays(year, "en") as LibraryHoliday[]).map((h) => [h.rule, h.name]),
  );
  const isSeollal = (h: LibraryHoliday) =>
    h.rule.startsWith("korean 01-0-01") || (h.substitute && h.name.startsWith("설날"));

  for (const holiday of list) {
    if (isSeollal(holiday)) continue;
    for (const date of spanDates(holiday)) {
      if (!date.startsWith(String(year))) continue;
      holidays.set(date, {
        date,
        id: holidayId(holiday.name),
        nameKo: holiday.name,
        nameEn: englishByRule.get(holiday.rule) ?? holiday.name,
        substitute: Boolean(holiday.substitute),
      });
    }
  }

  const newYear = list.find((h) => h.rule.startsWith("korean 01-0-01"));
  if (newYear) {
    const names = { ko: newYear.name, en: englishByRule.get(newYear.rule) ?? newYear.name };
    const day = newYear.date.slice(0, 10);
    const span = [addDays(day, -1), day, addDays(day, 1)];
    const overlaps = span.some((date) => isoWeekday(date) === 7 || holidays.has(date));
    for (const date of span)
      holidays.set(date, {
        date,
        id: "seollal",
        nameKo: names.ko,
        nameEn: names.en,
        substitute: false,
      });
    if (overlaps) {
      let substitute = addDays(span[2]!, 1);
      while (isoWeekday(substitute) >= 6 || holidays.has(substitute))
        substitute = addDays(substitute, 1);
      holidays.set(substitute, {
        date: substitute,
        id: "seollal",
        nameKo: `${names.ko}${SUBSTITUTE_SUFFIX}`,
        // the library's wording for every other substitute day
        nameEn: `${names.en} (substitute day)`,
        substitute: true,
      });
    }
  }
  return holidays;
}

function forYear(year: number) {
  let holidays = cache.get(year);
  if (!holidays) {
    holidays = build(year);
    cache.set(year, holidays);
  }
  return holidays;
}

/** The public holiday on a Seoul calendar date ("YYYY-MM-DD"), or null. */
export function publicHoliday(date: string): PublicHoliday | null {
  return forYear(Number(date.slice(0, 4))).get(date) ?? null;
}

export function isPublicHoliday(date: string): boolean {
  return publicHoliday(date) !== null;
}

/** Every public holiday of a year, in date order. */
export function publicHolidays(year: number): PublicHoliday[] {
  return [...forYear(year).values()].sort((a, b) => a.date.localeCompare(b.date));
}
