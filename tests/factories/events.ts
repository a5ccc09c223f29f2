// Programs and sessions for the events tests, written straight to the test database (the staff
// forms have their own tests). Defaults: a published in-person mentoring program in Mapo, a
// first-come session of 10 seats on Tuesday 1 December 2026, 19:00–21:00 in Seoul, registration
// open from 20 November 09:00 to 30 November 18:00.
import crypto from "node:crypto";
import { buildSearchText } from "~/domain/shared/korean-search";
import { seoulInstant } from "~/domain/shared/seoul-time";
import { getDb } from "~/utils/db.server";
import { makeOrganization } from "./jobs";

let counter = 0;

export type ProgramOverrides = {
  kind?: string;
  organizationId?: string;
  /** null: no district (an online program) */
  district?: string | null;
  format?: string;
  eligibilityId?: string | null;
  status?: string;
  titleKo?: string;
  /** A prefix for the slug, e.g. a token only one test file's programs carry. */
  slugPrefix?: string;
  /** More words the search finds the program by (the title and slug always). */
  searchWords?: string[];
  descriptionKo?: string;
  venueKo?: string;
  onlineUrl?: string | null;
};

export async function makeProgram(overrides: ProgramOverrides = {}) {
  counter += 1;
  const organizationId = overrides.organizationId ?? (await makeOrganization()).id;
  const slug = `${overrides.slugPrefix ?? "program"}-${crypto.randomUUID().slice(0, 8)}-${counter}`;
  const titleKo = overrides.titleKo ?? `테스트 멘토링 ${counter}`;
  return getDb().program.create({
    data: {
      slug,
      kind: overrides.kind ?? "mentoring",
      titleKo,
      titleEn: `Test mentoring ${counter}`,
      descriptionKo: overrides.descriptionKo ?? "",
      organizationId,
      district: overrides.district === undefined ? "mapo" : overrides.district,
      venueKo: overrides.venueKo ?? "",
      format: overrides.format ?? "in_person",
      onlineUrl: overrides.onlineUrl ?? null,
      eligibilityId: overrides.eligibilityId ?? null,
      status: overrides.status ?? "published",
      searchText: buildSearchText([titleKo, slug, ...(overrides.searchWords ?? [])]),
    },
    select: { id: true, slug: true, organizationId: true },
  });
}

export type SessionOverrides = Partial<{
  /** The Seoul day the session is held, 19:00–21:00. */
  day: string;
  capacity: number;
  registeredCount: number;
  status: string;
  opensAt: Date;
  closesAt: Date;
  /** A lottery (drawn at `drawAt`, 30 November 10:00 unless given) instead of first come. */
  lottery: boolean;
  drawAt: Date;
  confirmHours: number;
}>;

export async function makeSession(programId: string, overrides: SessionOverrides = {}) {
  const day = overrides.day ?? "2026-12-01";
  const lottery = overrides.lottery ?? false;
  return getDb().programSession.create({
    data: {
      programId,
      startsAt: seoulInstant(day, "19:00"),
      endsAt: seoulInstant(day, "21:00"),
      capacity: overrides.capacity ?? 10,
      registeredCount: overrides.registeredCount ?? 0,
      registrationOpensAt: overrides.opensAt ?? seoulInstant("2026-11-20", "09:00"),
      registrationClosesAt: overrides.closesAt ?? seoulInstant("2026-11-30", "18:00"),
      status: overrides.status ?? "scheduled",
      allocation: lottery ? "lottery" : "first_come",
      drawAt: lottery ? (overrides.drawAt ?? seoulInstant("2026-11-30", "10:00")) : null,
      confirmHours: overrides.confirmHours ?? 48,
    },
    select: { id: true },
  });
}
