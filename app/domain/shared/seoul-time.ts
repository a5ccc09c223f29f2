// Time in Asia/Seoul, whatever the server's own time zone. Instants are stored in UTC; calendar
// dates ("YYYY-MM-DD") and clock times ("HH:MM") are Seoul's. Korea has kept UTC+9 without
// daylight saving since 1988, so a Seoul wall time maps to exactly one instant; formatting still
// goes through Intl with the named zone.

const SEOUL_TIME_ZONE = "Asia/Seoul";
const SEOUL_OFFSET = "+09:00";
const DAY_MS = 86_400_000;

/** The instant at which it is `time` on `date` in Seoul. */
export function seoulInstant(date: string, time = "00:00"): Date {
  return new Date(`${date}T${time}:00${SEOUL_OFFSET}`);
}

const partsFormatter = new Intl.DateTimeFormat("en-CA", {
  timeZone: SEOUL_TIME_ZONE,
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
  hour: "2-digit",
  minute: "2-digit",
  hourCycle: "h23",
  weekday: "short",
});

const WEEKDAYS: Record<string, number> = { Mon: 1, Tue: 2, Wed: 3, Thu: 4, Fri: 5, Sat: 6, Sun: 7 };

// Korea's last daylight saving time ended on 1988-10-09 (03:00 KDT, 1988-10-08 18:00 UTC): from
// then on a Seoul wall time is the UTC time nine hours later, which is what seoulInstant assumes
// too. Pages work out the parts of hundreds of instants (a directory's opening statuses), and
// Intl's formatToParts costs about a hundred times the arithmetic, so instants since 1989 take
// the arithmetic; earlier ones (birth dates) go through Intl with the named zone.
const FIXED_OFFSET_SINCE = Date.UTC(1989, 0, 1);
const SEOUL_OFFSET_MS = 9 * 3_600_000;
const twoDigits = (value: number) => (value < 10 ? `0${value}` : String(value));

type SeoulParts = { date: string; time: string; weekday: number; minutes: number };

/** Seoul calendar date, clock time and ISO weekday (1 = Monday … 7 = Sunday) of an instant. */
export function seoulParts(instant: Date): SeoulParts {
  const ms = instant.getTime();
  if (ms >= FIXED_OFFSET_SINCE) {
    const wall = new Date(ms + SEOUL_OFFSET_MS);
    const hour = wall.getUTCHours();
    const minute = wall.getUTCMinutes();
    return {
      date: `${wall.getUTCFullYear()}-${twoDigits(wall.getUTCMonth() + 1)}-${twoDigits(wall.getUTCDate())}`,
      time: `${twoDigits(hour)}:${twoDigits(minute)}`,
      weekday: wall.getUTCDay() || 7,
      minutes: hour * 60 + minute,
    };
  }
  return seoulPartsByIntl(instant);
}

/** The same parts through Intl with the named zone, for any instant (seoulParts before 1989). */
export function seoulPartsByIntl(instant: Date): SeoulParts {
  const parts = Object.fromEntries(
    partsFormatter.formatToParts(instant).map((p) => [p.type, p.value]),
  );
  const time = `${parts.hour}:${parts.minute}`;
  return {
    date: `${parts.year}-${parts.month}-${parts.day}`,
    time,
    weekday: WEEKDAYS[parts.weekday as string] ?? 1,
    minutes: Number(parts.hour) * 60 + Number(parts.minute),
  };
}

export function seoulDate(instant: Date): string {
  return seoulParts(instant).date;
}

/** `date` plus `days` calendar days. */
export function addDays(date: string, days: number): string {
  const utc = new Date(`${date}T00:00:00Z`).getTime() + days * DAY_MS;
  return new Date(utc).toISOString().slice(0, 10);
}

/** Calendar days from `from` to `to` ("YYYY-MM-DD"; negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return Math.round(
    (new Date(`${to}T00:00:00Z`).getTime() - new Date(`${from}T00:00:00Z`).getTime()) / DAY_MS,
  );
}

/** ISO weekday of a calendar date (1 = Monday … 7 = Sunday). */
export function isoWeekday(date: string): number {
  const day = new Date(`${date}T00:00:00Z`).getUTCDay();
  return day === 0 ? 7 : day;
}

/** Whole years between a birth date and a reference date (both "YYYY-MM-DD"), birthday counted. */
export function ageOn(birthDate: string, referenceDate: string): number {
  const [by, bm, bd] = birthDate.split("-").map(Number) as [number, number, number];
  const [ry, rm, rd] = referenceDate.split("-").map(Number) as [number, number, number];
  let age = ry - by;
  if (rm < bm || (rm === bm && rd < bd)) age -= 1;
  return age;
}

export function minutesOfClock(time: string): number {
  const [h, m] = time.split(":").map(Number) as [number, number];
  return h * 60 + m;
}
