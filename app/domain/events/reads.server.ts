// Programs and events, public reads: the agenda (sessions in date order, filtered, paged), a
// program's page with its sessions, and what a resident has registered for.
import { criteriaFromRow, judge } from "~/domain/eligibility/judge";
import { criteriaSelect, getProfileFacts } from "~/domain/eligibility/service.server";
import { searchTerms } from "~/domain/shared/korean-search";
import { pageCount, paginate } from "~/domain/shared/pagination";
import { addDays, seoulDate, seoulInstant } from "~/domain/shared/seoul-time";
import type { Prisma } from "~/generated/prisma/client";
import { getDb } from "~/utils/db.server";
import type { EventFilters } from "./filters";
import { registrationState, seatsLeft } from "./rules";
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
  startsAt: true,
  endsAt: true,
  capacity: true,
  registeredCount: true,
  registrationOpensAt: true,
  registrationClosesAt: true,
  status: true,
} as const;

function sessionWhere(filters: EventFilters, now: Date): Prisma.ProgramSessionWhereInput {
  const program: Prisma.ProgramWhereInput[] = [{ status: "published" }];
  if (filters.kind) program.push({ kind: filters.kind });
  if (filters.district) program.push({ district: filters.district });
  if (filters.mode === "online") program.push({ format: { in: ["online", "hybrid"] } });
  if (filters.mode === "in_person") program.push({ format: { in: ["in_person", "hybrid"] } });
  for (const term of searchTerms(filters.q)) program.push({ searchText: { contains: term } });
  // Without a start day the agenda shows what has not ended yet.
  const startsAt: Prisma.DateTimeFilter = {};
  if (filters.from) startsAt.gte = seoulInstant(filters.from);
  if (filters.to) startsAt.lt = seoulInstant(addDays(filters.to, 1));
  return {
    AND: [{ program: { AND: program } }, { startsAt }, filters.from ? {} : { endsAt: { gt: now } }],
  };
}

/** One page of the agenda: sessions in date order with their program, and the page count. */
export async function listSessions(filters: EventFilters, now: Date) {
  const db = getDb();
  const where = sessionWhere(filters, now);
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
