// Programs and events, public reads: the agenda (sessions in date order, filtered, paged), a
// program's page with its sessions, and what a resident has registered for.
import { criteriaFromRow, judge } from "~/domain/eligibility/judge";
import { criteriaSelect, getProfileFacts } from "~/domain/eligibility/service.server";
import { searchTerms } from "~/domain/shared/korean-search";
import { localized } from "~/domain/shared/localized";
import { pageCount, paginate } from "~/domain/shared/pagination";
import { addDays, seoulDate, seoulInstant } from "~/domain/shared/seoul-time";
import type { Prisma } from "~/generated/prisma/client";
import { getDb } from "~/utils/db.server";
import { siteUrl } from "~/utils/site-url.server";
import { MONTH_SESSION_LIMIT } from "./calendar";
import type { EventFilters } from "./filters";
import { FEED_SESSION_LIMIT, registrationUid, sessionUid, type CalendarSession } from "./ics";
import { registrationState, seatsLeft, sessionSeatSelect } from "./rules";
import { EVENTS_PAGE_SIZE } from "./types";

const programCardSelect = {
  slug: true,
  kind: true,
  titleKo: true,
  titleEn: true,
  district: true,
  format: true,
  venueKo: true,
  venueEn: true,
  isSampleData: true,
  organization: { select: { nameKo: true, nameEn: true } },
  place: { select: { nameKo: true, nameEn: true } },
} as const;

const sessionSelect = {
  id: true,
  endsAt: true,
  ...sessionSeatSelect,
  drawAt: true,
  confirmHours: true,
} as const;

/**
 * What narrows the sessions besides the URL's filters: the programs a resident may register for
 * ("for me"; null = every program), and the Seoul days of a month view (which lists past days too).
 */
type Scope = { programIds?: string[] | null; days?: { from: string; to: string } };

function sessionWhere(
  filters: EventFilters,
  now: Date,
  scope: Scope = {},
): Prisma.ProgramSessionWhereInput {
  const program: Prisma.ProgramWhereInput[] = [{ status: "published" }];
  if (scope.programIds) program.push({ id: { in: scope.programIds } });
  if (filters.kind) program.push({ kind: filters.kind });
  if (filters.district) program.push({ district: filters.district });
  if (filters.mode === "online") program.push({ format: { in: ["online", "hybrid"] } });
  if (filters.mode === "in_person") program.push({ format: { in: ["in_person", "hybrid"] } });
  for (const term of searchTerms(filters.q)) program.push({ searchText: { contains: term } });
  // Without a start day the agenda shows what has not ended yet.
  const from = scope.days?.from ?? filters.from;
  const to = scope.days?.to ?? filters.to;
  const startsAt: Prisma.DateTimeFilter = {};
  if (from) startsAt.gte = seoulInstant(from);
  if (to) startsAt.lt = seoulInstant(addDays(to, 1));
  return {
    AND: [{ program: { AND: program } }, { startsAt }, from ? {} : { endsAt: { gt: now } }],
  };
}

/** One page of the agenda: sessions in date order with their program, and the page count. */
export async function listSessions(filters: EventFilters, now: Date, scope: Scope = {}) {
  const db = getDb();
  const where = sessionWhere(filters, now, scope);
  const [total, rows] = await Promise.all([
    db.programSession.count({ where }),
    db.programSession.findMany({
      where,
      orderBy: [{ startsAt: "asc" }, { id: "asc" }],
      ...paginate(filters.page, EVENTS_PAGE_SIZE),
      select: { ...sessionSelect, program: { select: programCardSelect } },
    }),
  ]);
  return {
    total,
    page: filters.page,
    pageCount: pageCount(total, EVENTS_PAGE_SIZE),
    sessions: rows.map((row) => ({
      ...row,
      seatsLeft: seatsLeft(row),
      state: registrationState(row, now),
    })),
  };
}

/** A published program with its sessions in date order (and its eligibility criteria). */
export async function getProgram(slug: string) {
  const row = await getDb().program.findFirst({
    where: { slug, status: "published" },
    select: {
      id: true,
      slug: true,
      kind: true,
      titleKo: true,
      titleEn: true,
      descriptionKo: true,
      descriptionEn: true,
      venueKo: true,
      venueEn: true,
      district: true,
      format: true,
      onlineUrl: true,
      languages: true,
      accessibilityNotesKo: true,
      accessibilityNotesEn: true,
      isSampleData: true,
      organization: { select: { nameKo: true, nameEn: true, phone: true, website: true } },
      place: {
        select: { slug: true, nameKo: true, nameEn: true, addressKo: true, addressEn: true },
      },
      eligibility: { select: criteriaSelect },
      sessions: { orderBy: { startsAt: "asc" }, select: sessionSelect },
    },
  });
  if (!row) return null;
  const { eligibility, ...program } = row;
  return { ...program, criteria: criteriaFromRow(eligibility) };
}

/** The sessions (of the given ones) a resident holds a live registration for. */
export async function registeredSessionIds(residentId: string, sessionIds: string[]) {
  if (sessionIds.length === 0) return [];
  const rows = await getDb().programRegistration.findMany({
    where: { residentId, status: "registered", sessionId: { in: sessionIds } },
    select: { sessionId: true },
  });
  return rows.map((row) => row.sessionId);
}

/** Whether a resident meets a program's criteria, judged on today's Seoul date. */
export async function residentVerdict(
  residentId: string,
  criteria: Parameters<typeof judge>[0],
  now: Date,
) {
  return judge(criteria, await getProfileFacts(residentId), seoulDate(now));
}

/**
 * The sessions of a month view (the given Seoul days), in date order, at most
 * MONTH_SESSION_LIMIT; `more` says whether some were left out.
 */
export async function listMonthSessions(
  filters: EventFilters,
  days: { from: string; to: string },
  now: Date,
  programIds: string[] | null,
) {
  const rows = await getDb().programSession.findMany({
    where: sessionWhere(filters, now, { programIds, days }),
    orderBy: [{ startsAt: "asc" }, { id: "asc" }],
    take: MONTH_SESSION_LIMIT + 1,
    select: { ...sessionSelect, program: { select: programCardSelect } },
  });
  return {
    more: rows.length > MONTH_SESSION_LIMIT,
    sessions: rows.slice(0, MONTH_SESSION_LIMIT).map((row) => ({
      ...row,
      seatsLeft: seatsLeft(row),
      state: registrationState(row, now),
    })),
  };
}

/**
 * The published programs a resident may register for, judged by the one eligibility engine on
 * today's Seoul date with their profile ("for me"); a program without criteria is for everyone.
 * `missingFacts` says whether filling in the profile could let more programs through.
 */
export async function programsForResident(residentId: string, now: Date) {
  const [programs, facts] = await Promise.all([
    getDb().program.findMany({
      where: { status: "published" },
      select: { id: true, eligibility: { select: criteriaSelect } },
    }),
    getProfileFacts(residentId),
  ]);
  const today = seoulDate(now);
  const ids: string[] = [];
  let missingFacts = false;
  for (const program of programs) {
    const verdict = judge(criteriaFromRow(program.eligibility), facts, today);
    if (verdict.eligible) ids.push(program.id);
    else if (verdict.onlyMissingFacts) missingFacts = true;
  }
  return { ids, missingFacts };
}

const calendarProgramSelect = {
  slug: true,
  titleKo: true,
  titleEn: true,
  descriptionKo: true,
  descriptionEn: true,
  venueKo: true,
  venueEn: true,
  format: true,
  onlineUrl: true,
  organization: { select: { nameKo: true, nameEn: true } },
  place: { select: { nameKo: true, nameEn: true, addressKo: true, addressEn: true } },
} as const;

type CalendarRow = {
  id: string;
  startsAt: Date;
  endsAt: Date;
  status: string;
  sequence: number;
  program: Prisma.ProgramGetPayload<{ select: typeof calendarProgramSelect }>;
};

/** One session as a calendar event, in `language`. */
function calendarSession(
  row: CalendarRow,
  language: string,
  uid: string,
  extra: { cancelled?: boolean; lines?: string[] } = {},
): CalendarSession {
  const { program } = row;
  const url = siteUrl(`/events/${program.slug}#session-${row.id}`);
  const place = program.place
    ? [localized(program.place, language, "name"), localized(program.place, language, "address")]
        .filter(Boolean)
        .join(", ")
    : localized(program, language, "venue");
  const online = program.format !== "in_person" ? program.onlineUrl : null;
  return {
    uid,
    startsAt: row.startsAt,
    endsAt: row.endsAt,
    title: localized(program, language, "title"),
    description: [
      localized(program.organization, language, "name"),
      ...(extra.lines ?? []),
      localized(program, language, "description"),
      url,
    ]
      .filter(Boolean)
      .join("\n\n"),
    location: [program.format !== "online" ? place : "", online ?? ""].filter(Boolean).join(" · "),
    url,
    cancelled: extra.cancelled ?? row.status === "cancelled",
    sequence: row.sequence,
  };
}

/**
 * The public feed's sessions: the agenda's filters (without "for me": a calendar that subscribes
 * carries no login), cancelled sessions included so that subscribers see them called off, at most
 * FEED_SESSION_LIMIT of them.
 */
export async function feedSessions(filters: EventFilters, now: Date, language: string) {
  const rows = await getDb().programSession.findMany({
    where: sessionWhere({ ...filters, forMe: undefined }, now),
    orderBy: [{ startsAt: "asc" }, { id: "asc" }],
    take: FEED_SESSION_LIMIT,
    select: {
      id: true,
      startsAt: true,
      endsAt: true,
      status: true,
      sequence: true,
      program: { select: calendarProgramSelect },
    },
  });
  return rows.map((row) => calendarSession(row, language, sessionUid(row.id)));
}

/**
 * A resident's own registration for a session of a program as a calendar event (their latest
 * one: a cancelled registration or session is written as cancelled); null when they have none.
 */
export async function myRegistrationEvent(
  residentId: string,
  slug: string,
  sessionId: string,
  language: string,
) {
  const registration = await getDb().programRegistration.findFirst({
    where: { residentId, sessionId, session: { program: { slug, status: "published" } } },
    orderBy: { createdAt: "desc" },
    select: {
      id: true,
      status: true,
      session: {
        select: {
          id: true,
          startsAt: true,
          endsAt: true,
          status: true,
          sequence: true,
          program: { select: calendarProgramSelect },
        },
      },
    },
  });
  if (!registration) return null;
  const { session } = registration;
  return calendarSession(session, language, registrationUid(registration.id), {
    cancelled: registration.status !== "registered" || session.status === "cancelled",
  });
}
