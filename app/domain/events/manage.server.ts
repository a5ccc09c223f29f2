// Programs and events: the staff back office (issue 16). Staff bound to an organisation manage the
// programs it hosts, admins every program; a program of another organisation is "not found" to
// them. Every change is audited in the transaction that makes it. Cancelling a session cancels its
// live registrations and tells each resident once (the outbox's dedupe key), in their language
// and on the channels they chose; cancelling again changes nothing and tells nobody.
import { recordAudit } from "~/domain/audit/service.server";
import { criteriaSelect } from "~/domain/eligibility/service.server";
import {
  canManage,
  criteriaIdFor,
  managedOrganizations,
  TX_OPTIONS,
} from "~/domain/jobs/common.server";
import { messageT } from "~/domain/notifications/render.server";
import {
  cancelPendingNotifications,
  enqueueNotification,
} from "~/domain/notifications/service.server";
import type { SessionUser } from "~/domain/residents/types";
import { findDistrict } from "~/domain/residents/districts";
import { isUniqueViolation } from "~/domain/shared/db-errors";
import { buildSearchText } from "~/domain/shared/korean-search";
import { localized } from "~/domain/shared/localized";
import type { Failure, Outcome } from "~/domain/shared/outcome";
import { pageCount, paginate } from "~/domain/shared/pagination";
import { newSlug } from "~/domain/shared/slug";
import type { Prisma } from "~/generated/prisma/client";
import { getDb } from "~/utils/db.server";
import { formatDateTime } from "~/utils/format";
import { siteUrl } from "~/utils/site-url.server";
import {
  sessionAllocation,
  sessionInstants,
  type ProgramInput,
  type SessionInput,
} from "./staff-schema";
import { EVENTS_PAGE_SIZE, type AttendanceMark } from "./types";
import { LIVE_APPLICATION_STATUSES } from "./allocation";
import { lockSession } from "./allocation.server";
import { eventReminderKey } from "./reminders.server";
import { announceMove, isMove, offerAddedSeats } from "./reschedule.server";
import { sessionSeatSelect } from "./rules";

type Tx = Prisma.TransactionClient;
/**
 * Announcing a program's move writes, for each session to come, its revision and one message per
 * registrant and entrant: a program's sessions times their seats, given the room a draw has.
 */
const MOVE_TX_OPTIONS = { maxWait: 60_000, timeout: 120_000 } as const;
type Meta = { now: Date; ip: string | null };

// ───────────── who may manage what ─────────────

/** Who may use the programs back office: staff bound to an organisation, and admins. */
export function mayManageEvents(user: SessionUser): boolean {
  return user.role === "admin" || (user.role === "staff" && Boolean(user.staffOrganizationId));
}

export async function listOrganizationsAndPlaces() {
  const db = getDb();
  const [organizations, places] = await Promise.all([
    db.organization.findMany({
      orderBy: { nameKo: "asc" },
      select: { id: true, nameKo: true, nameEn: true },
    }),
    db.place.findMany({
      orderBy: { nameKo: "asc" },
      select: { id: true, nameKo: true, nameEn: true },
    }),
  ]);
  return { organizations, places };
}

export async function listManagedPrograms(actor: SessionUser, page: number) {
  const db = getDb();
  const where = managedOrganizations(actor);
  const [total, rows] = await Promise.all([
    db.program.count({ where }),
    db.program.findMany({
      where,
      orderBy: [{ updatedAt: "desc" }, { id: "asc" }],
      ...paginate(page, EVENTS_PAGE_SIZE),
      select: {
        id: true,
        slug: true,
        kind: true,
        titleKo: true,
        titleEn: true,
        status: true,
        organization: { select: { nameKo: true, nameEn: true } },
        sessions: {
          orderBy: { startsAt: "asc" },
          select: { startsAt: true, status: true, registeredCount: true },
        },
      },
    }),
  ]);
  return { total, pageCount: pageCount(total, EVENTS_PAGE_SIZE), programs: rows };
}

const managedProgramSelect = {
  id: true,
  slug: true,
  kind: true,
  titleKo: true,
  titleEn: true,
  descriptionKo: true,
  descriptionEn: true,
  organizationId: true,
  placeId: true,
  venueKo: true,
  venueEn: true,
  district: true,
  format: true,
  onlineUrl: true,
  languages: true,
  accessibilityNotesKo: true,
  accessibilityNotesEn: true,
  status: true,
  updatedAt: true,
  eligibility: { select: criteriaSelect },
  organization: { select: { nameKo: true, nameEn: true } },
  sessions: {
    orderBy: { startsAt: "asc" },
    select: {
      id: true,
      endsAt: true,
      ...sessionSeatSelect,
    },
  },
} as const satisfies Prisma.ProgramSelect;

/** A program the actor manages; another organisation's is "not found" (its existence is not told). */
export async function getManagedProgram(actor: SessionUser, programId: string) {
  const program = await getDb().program.findUnique({
    where: { id: programId },
    select: managedProgramSelect,
  });
  if (!program || !canManage(actor, program.organizationId))
    return { ok: false as const, code: "notFound" as const };
  return { ok: true as const, value: program };
}

const managedSessionSelect = {
  id: true,
  endsAt: true,
  ...sessionSeatSelect,
  drawAt: true,
  confirmHours: true,
  updatedAt: true,
  program: {
    select: { id: true, slug: true, titleKo: true, titleEn: true, organizationId: true },
  },
} as const satisfies Prisma.ProgramSessionSelect;

export async function getManagedSession(actor: SessionUser, sessionId: string) {
  const session = await getDb().programSession.findUnique({
    where: { id: sessionId },
    select: managedSessionSelect,
  });
  if (!session || !canManage(actor, session.program.organizationId))
    return { ok: false as const, code: "notFound" as const };
  return { ok: true as const, value: session };
}

// ───────────── programs ─────────────

type ProgramSaveOutcome = Outcome<
  { id: string },
  Failure<"notFound" | "organizationRequired" | "unknownOrganization" | "unknownPlace">
>;

/** What a program is found by: both languages' titles, venues, its place and district. */
function programSearchText(input: ProgramInput, placeNames: string[]): string {
  const district = input.district ? findDistrict(input.district) : undefined;
  return buildSearchText([
    input.titleKo,
    input.titleEn,
    input.venueKo ?? "",
    input.venueEn ?? "",
    ...placeNames,
    ...(district ? [district.ko, `${district.code}-gu`] : []),
  ]);
}

async function programFields(tx: Tx, input: ProgramInput) {
  const place = input.placeId
    ? await tx.place.findUnique({
        where: { id: input.placeId },
        select: { nameKo: true, nameEn: true },
      })
    : null;
  if (input.placeId && !place) return null;
  return {
    kind: input.kind,
    titleKo: input.titleKo,
    titleEn: input.titleEn,
    descriptionKo: input.descriptionKo,
    descriptionEn: input.descriptionEn,
    placeId: input.placeId ?? null,
    venueKo: input.venueKo ?? "",
    venueEn: input.venueEn ?? "",
    district: input.district ?? null,
    format: input.format,
    // an in-person program has no link to show
    onlineUrl: input.format === "in_person" ? null : (input.onlineUrl ?? null),
    languages: [...new Set(input.languages)].join(","),
    accessibilityNotesKo: input.accessibilityNotesKo ?? "",
    accessibilityNotesEn: input.accessibilityNotesEn ?? "",
    status: input.status,
    eligibilityId: await criteriaIdFor(tx, input),
    searchText: programSearchText(input, place ? [place.nameKo, place.nameEn] : []),
  };
}

/** Which organisation hosts a new program: the staff member's own; admins choose. */
function hostOrganization(actor: SessionUser, chosen: string | undefined): string | null {
  if (actor.role === "admin") return chosen || actor.staffOrganizationId;
  return actor.role === "staff" ? actor.staffOrganizationId : null;
}

export async function createProgram(
  actor: SessionUser,
  input: ProgramInput,
  meta: Meta,
): Promise<ProgramSaveOutcome> {
  const organizationId = hostOrganization(actor, input.organizationId);
  if (!organizationId) return { ok: false, code: "organizationRequired" };
  return getDb().$transaction(async (tx): Promise<ProgramSaveOutcome> => {
    const organization = await tx.organization.findUnique({
      where: { id: organizationId },
      select: { id: true },
    });
    if (!organization) return { ok: false, code: "unknownOrganization" };
    const fields = await programFields(tx, input);
    if (!fields) return { ok: false, code: "unknownPlace" };
    const program = await tx.program.create({
      data: {
        ...fields,
        organizationId,
        slug: newSlug(input.titleEn, "program"),
        createdAt: meta.now,
      },
      select: { id: true, slug: true },
    });
    await recordAudit(
      {
        actorId: actor.id,
        action: "event.program_create",
        subjectType: "Program",
        subjectId: program.id,
        organizationId,
        metadata: { slug: program.slug, status: input.status },
        ip: meta.ip,
      },
      tx,
    );
    return { ok: true, id: program.id };
  }, TX_OPTIONS);
}

export async function updateProgram(
  actor: SessionUser,
  programId: string,
  input: ProgramInput,
  meta: Meta,
): Promise<ProgramSaveOutcome> {
  const found = await getManagedProgram(actor, programId);
  if (!found.ok) return found;
  const { organizationId } = found.value;
  // The change and its announcement to every session to come are one transaction: a failure
  // part-way writes nothing (the staff member sees an error and saves again, and the move is
  // still a move then), instead of leaving some sessions moved but untold.
  return getDb().$transaction(async (tx): Promise<ProgramSaveOutcome> => {
    // the sessions to come, taken in order of id as every transaction takes sessions
    // (lockSession, decision 0027) BEFORE reading what the program was: a second save waits for
    // the first and compares with what the first wrote, so a move is announced once
    const toCome = { status: "scheduled", startsAt: { gt: meta.now } } as const;
    const candidates = await tx.programSession.findMany({
      where: { programId, ...toCome },
      orderBy: { id: "asc" },
      select: { id: true },
    });
    for (const session of candidates) await lockSession(tx, session.id, meta.now, toCome);
    // their times as they are now that they are held (a session's own save may have moved one)
    const upcoming = await tx.programSession.findMany({
      where: { id: { in: candidates.map((c) => c.id) }, ...toCome },
      orderBy: { id: "asc" },
      select: { id: true, startsAt: true },
    });
    const before = await tx.program.findUnique({
      where: { id: programId },
      select: { placeId: true, venueKo: true, venueEn: true, format: true, onlineUrl: true },
    });
    if (!before) return { ok: false, code: "notFound" };
    const fields = await programFields(tx, input);
    if (!fields) return { ok: false, code: "unknownPlace" };
    const after = await tx.program.update({
      where: { id: programId },
      data: fields,
      select: { placeId: true, venueKo: true, venueEn: true, format: true, onlineUrl: true },
    });
    await recordAudit(
      {
        actorId: actor.id,
        action: "event.program_update",
        subjectType: "Program",
        subjectId: programId,
        organizationId,
        metadata: { status: input.status },
        ip: meta.ip,
      },
      tx,
    );
    const times = { startsAt: meta.now, endsAt: meta.now };
    if (!isMove({ ...before, ...times }, { ...after, ...times }))
      return { ok: true, id: programId };
    for (const session of upcoming) {
      const moved = await announceMove(tx, session.id, session.startsAt, meta.now);
      await recordAudit(
        {
          actorId: actor.id,
          action: "event.session_move",
          subjectType: "ProgramSession",
          subjectId: session.id,
          organizationId,
          metadata: { programId, why: "place", ...moved },
          ip: meta.ip,
        },
        tx,
      );
    }
    return { ok: true, id: programId };
  }, MOVE_TX_OPTIONS);
}

// ───────────── sessions ─────────────

type SessionSaveOutcome = Outcome<
  { id: string; told?: number },
  Failure<"notFound" | "cancelled" | "overlap" | "seatsBelowRegistered" | "allocationLocked">
>;

export async function createSession(
  actor: SessionUser,
  programId: string,
  input: SessionInput,
  meta: Meta,
): Promise<SessionSaveOutcome> {
  const found = await getManagedProgram(actor, programId);
  if (!found.ok) return found;
  try {
    return await getDb().$transaction(async (tx): Promise<SessionSaveOutcome> => {
      const session = await tx.programSession.create({
        data: {
          programId,
          capacity: input.capacity,
          ...sessionInstants(input),
          ...sessionAllocation(input),
          createdAt: meta.now,
        },
        select: { id: true },
      });
      await recordAudit(
        {
          actorId: actor.id,
          action: "event.session_create",
          subjectType: "ProgramSession",
          subjectId: session.id,
          organizationId: found.value.organizationId,
          metadata: { programId, capacity: input.capacity, allocation: input.allocation },
          ip: meta.ip,
        },
        tx,
      );
      return { ok: true, id: session.id };
    }, TX_OPTIONS);
  } catch (error) {
    // one session per program and start time
    if (isUniqueViolation(error)) return { ok: false, code: "overlap" };
    throw error;
  }
}

/**
 * Changes a session's times, seats, window and allocation. The seats never go below the live
 * registrations: the update is conditional on `registeredCount <= capacity`, so a registration that
 * lands at the same moment cannot slip past it. The allocation (and a lottery's draw settings)
 * changes only while nobody has registered or applied and no draw ran, in the same statement.
 * Added seats go to the people waiting; a move (new times) is announced (reschedule.server.ts).
 */
export async function updateSession(
  actor: SessionUser,
  sessionId: string,
  input: SessionInput,
  meta: Meta,
): Promise<SessionSaveOutcome> {
  const found = await getManagedSession(actor, sessionId);
  if (!found.ok) return found;
  if (found.value.status === "cancelled") return { ok: false, code: "cancelled" };
  const instants = sessionInstants(input);
  const allocation = sessionAllocation(input);
  try {
    return await getDb().$transaction(async (tx): Promise<SessionSaveOutcome> => {
      // The session's row first (lockSession): an application, a registration or a draw under
      // way commits before the reads and the conditional update below, which then see it (an
      // update's subquery alone would look at the tables as they were when it started waiting).
      await lockSession(tx, sessionId, meta.now);
      const before = await tx.programSession.findUniqueOrThrow({
        where: { id: sessionId },
        select: {
          startsAt: true,
          endsAt: true,
          capacity: true,
          allocation: true,
          drawAt: true,
          confirmHours: true,
          draw: { select: { id: true } },
          program: {
            select: { placeId: true, venueKo: true, venueEn: true, format: true, onlineUrl: true },
          },
        },
      });
      const lotteryChanged =
        before.allocation !== allocation.allocation ||
        (allocation.allocation === "lottery" &&
          (before.drawAt?.getTime() !== allocation.drawAt?.getTime() ||
            before.confirmHours !== allocation.confirmHours));
      // switching needs an empty session; a lottery's settings hold once its draw ran
      const untouched = {
        registeredCount: 0,
        draw: null,
        registrations: { none: { status: "registered" } },
        applications: { none: { status: { in: [...LIVE_APPLICATION_STATUSES] } } },
      } satisfies Prisma.ProgramSessionWhereInput;
      const locked =
        before.allocation !== allocation.allocation
          ? untouched
          : lotteryChanged
            ? { draw: null }
            : {};
      const updated = await tx.programSession.updateMany({
        where: {
          id: sessionId,
          status: "scheduled",
          registeredCount: { lte: input.capacity },
          ...locked,
        },
        data: {
          capacity: input.capacity,
          ...instants,
          ...(lotteryChanged ? allocation : {}),
        },
      });
      if (updated.count !== 1) {
        const current = await tx.programSession.findUniqueOrThrow({
          where: { id: sessionId },
          select: { status: true, registeredCount: true },
        });
        return {
          ok: false,
          code:
            current.status === "cancelled"
              ? "cancelled"
              : current.registeredCount > input.capacity
                ? "seatsBelowRegistered"
                : "allocationLocked",
        };
      }
      const offered =
        input.capacity > before.capacity ? await offerAddedSeats(tx, sessionId, meta.now) : 0;
      const moved = isMove({ ...before, ...before.program }, { ...instants, ...before.program })
        ? await announceMove(tx, sessionId, before.startsAt, meta.now)
        : null;
      await recordAudit(
        {
          actorId: actor.id,
          action: "event.session_update",
          subjectType: "ProgramSession",
          subjectId: sessionId,
          organizationId: found.value.program.organizationId,
          metadata: {
            capacity: input.capacity,
            allocation: allocation.allocation,
            offered,
            ...(moved ? { moved: true, told: moved.told, sequence: moved.sequence } : {}),
          },
          ip: meta.ip,
        },
        tx,
      );
      return { ok: true, id: sessionId, told: moved?.told };
    }, TX_OPTIONS);
  } catch (error) {
    if (isUniqueViolation(error)) return { ok: false, code: "overlap" };
    throw error;
  }
}

// ───────────── cancelling ─────────────

const cancellationKey = (registrationId: string) => `event-cancelled:${registrationId}`;

type CancelSessionOutcome = Outcome<
  { told: number; alreadyCancelled: boolean },
  Failure<"notFound" | "past">
>;

/**
 * Calls one session off, in one transaction: the session is marked cancelled (only once: a second
 * call finds it cancelled and does nothing), each live registration is cancelled and its resident
 * told, the seats are emptied and the change audited.
 */
async function cancelOne(tx: Tx, actor: SessionUser, sessionId: string, meta: Meta) {
  const marked = await tx.programSession.updateMany({
    where: { id: sessionId, status: "scheduled", startsAt: { gt: meta.now } },
    data: { status: "cancelled", registeredCount: 0 },
  });
  if (marked.count !== 1) return null;
  const session = await tx.programSession.findUniqueOrThrow({
    where: { id: sessionId },
    select: {
      startsAt: true,
      program: {
        select: {
          id: true,
          slug: true,
          titleKo: true,
          titleEn: true,
          organizationId: true,
          organization: { select: { nameKo: true, nameEn: true, phone: true } },
        },
      },
    },
  });
  const registrations = await tx.programRegistration.findMany({
    where: { sessionId, status: "registered" },
    select: { id: true, residentId: true, resident: { select: { preferredLanguage: true } } },
  });
  // Lottery entrants, people waiting and held seats are told too, and leave the session (their
  // entry would otherwise hold a place in the monthly cap and later read as "offer expired").
  const applications = await tx.programApplication.findMany({
    where: { sessionId, status: { in: [...LIVE_APPLICATION_STATUSES] } },
    select: { id: true, residentId: true, resident: { select: { preferredLanguage: true } } },
  });
  const entries = [
    ...registrations.map((r) => ({ ...r, kind: "registration" as const })),
    ...applications.map((a) => ({ ...a, kind: "application" as const })),
  ];
  let told = 0;
  for (const registration of entries) {
    const done =
      registration.kind === "registration"
        ? await tx.programRegistration.updateMany({
            where: { id: registration.id, status: "registered" },
            data: { status: "cancelled", liveKey: null, cancelledAt: meta.now },
          })
        : await tx.programApplication.updateMany({
            where: { id: registration.id, status: { in: [...LIVE_APPLICATION_STATUSES] } },
            data: { status: "not_selected", liveKey: null, offerExpiresAt: null },
          });
    if (done.count !== 1) continue;
    if (registration.kind === "registration")
      await cancelPendingNotifications([eventReminderKey(registration.id)], tx);
    const language = registration.resident.preferredLanguage;
    const t = (await messageT(language)) as unknown as (key: string) => string;
    const written = await enqueueNotification(
      {
        residentId: registration.residentId,
        template: "event_cancelled",
        params: {
          title: localized(session.program, language, "title"),
          when: formatDateTime(session.startsAt, language),
          organization: localized(session.program.organization, language, "name"),
          phone: session.program.organization.phone ?? t("events:staff.noPhone"),
          link: siteUrl(`/events/${session.program.slug}`),
        },
        sendAfter: meta.now,
        // called off by its organiser: always told, whatever the resident muted
        topic: "required",
        dedupeKey:
          registration.kind === "registration"
            ? cancellationKey(registration.id)
            : `event-cancelled-application:${registration.id}`,
        about: {
          ref: `event-${registration.kind}:${registration.id}`,
          organizationId: session.program.organizationId,
        },
      },
      tx,
    );
    if (written) told += 1;
  }
  await recordAudit(
    {
      actorId: actor.id,
      action: "event.session_cancel",
      subjectType: "ProgramSession",
      subjectId: sessionId,
      organizationId: session.program.organizationId,
      metadata: { programId: session.program.id, registrations: registrations.length, told },
      ip: meta.ip,
    },
    tx,
  );
  return { told };
}

export async function cancelSession(
  actor: SessionUser,
  sessionId: string,
  meta: Meta,
): Promise<CancelSessionOutcome> {
  const found = await getManagedSession(actor, sessionId);
  if (!found.ok) return found;
  if (found.value.status === "cancelled") return { ok: true, told: 0, alreadyCancelled: true };
  if (found.value.startsAt <= meta.now) return { ok: false, code: "past" };
  const done = await getDb().$transaction(
    (tx) => cancelOne(tx, actor, sessionId, meta),
    TX_OPTIONS,
  );
  // null: someone cancelled it (or it began) in between; cancelled either way, nobody told twice
  return { ok: true, told: done?.told ?? 0, alreadyCancelled: done === null };
}

/**
 * Calls a whole program off: every session not yet begun is cancelled as above (each in its own
 * transaction, so a large program never holds one long lock). The program stays published, so
 * that the link in the message shows its sessions as cancelled. Calling it again cancels nothing
 * more and tells nobody.
 */
export async function cancelProgram(
  actor: SessionUser,
  programId: string,
  meta: Meta,
): Promise<Outcome<{ sessions: number; told: number }, Failure<"notFound">>> {
  const found = await getManagedProgram(actor, programId);
  if (!found.ok) return found;
  let sessions = 0;
  let told = 0;
  for (const session of found.value.sessions) {
    if (session.status !== "scheduled" || session.startsAt <= meta.now) continue;
    const done = await getDb().$transaction(
      (tx) => cancelOne(tx, actor, session.id, meta),
      TX_OPTIONS,
    );
    if (!done) continue;
    sessions += 1;
    told += done.told;
  }
  await getDb().$transaction(async (tx) => {
    await recordAudit(
      {
        actorId: actor.id,
        action: "event.program_cancel",
        subjectType: "Program",
        subjectId: programId,
        organizationId: found.value.organizationId,
        metadata: { sessions, told },
        ip: meta.ip,
      },
      tx,
    );
  }, TX_OPTIONS);
  return { ok: true, sessions, told };
}

// ───────────── registrants, attendance, export ─────────────

const registrantSelect = {
  id: true,
  createdAt: true,
  attendance: true,
  resident: { select: { id: true, name: true, email: true, phone: true, deletedAt: true } },
} as const satisfies Prisma.ProgramRegistrationSelect;

/** The live registrations of a session, oldest first (the order they took their seats). */
export async function listRegistrants(sessionId: string) {
  return getDb().programRegistration.findMany({
    where: { sessionId, status: "registered" },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: registrantSelect,
  });
}

type AttendanceOutcome = Outcome<
  { marked: number },
  Failure<"notFound" | "cancelled" | "notStarted">
>;

/**
 * Records who came, once the session has begun: attended, no-show or (again) not recorded, for
 * live registrations of this session only; ids of anything else are ignored.
 */
export async function recordAttendance(
  actor: SessionUser,
  sessionId: string,
  marks: Record<string, AttendanceMark | "unknown">,
  meta: Meta,
): Promise<AttendanceOutcome> {
  const found = await getManagedSession(actor, sessionId);
  if (!found.ok) return found;
  if (found.value.status === "cancelled") return { ok: false, code: "cancelled" };
  if (found.value.startsAt > meta.now) return { ok: false, code: "notStarted" };
  return getDb().$transaction(async (tx): Promise<AttendanceOutcome> => {
    const counts = { attended: 0, no_show: 0, unknown: 0 };
    for (const [registrationId, mark] of Object.entries(marks)) {
      const done = await tx.programRegistration.updateMany({
        where: { id: registrationId, sessionId, status: "registered" },
        data: { attendance: mark === "unknown" ? null : mark },
      });
      if (done.count === 1) counts[mark] += 1;
    }
    await recordAudit(
      {
        actorId: actor.id,
        action: "event.attendance",
        subjectType: "ProgramSession",
        subjectId: sessionId,
        organizationId: found.value.program.organizationId,
        metadata: counts,
        ip: meta.ip,
      },
      tx,
    );
    return { ok: true, marked: counts.attended + counts.no_show };
  }, TX_OPTIONS);
}

/** The registrants for the CSV export, with the export itself audited (personal data left the site). */
export async function exportRegistrants(
  actor: SessionUser,
  sessionId: string,
  meta: { ip: string | null },
) {
  const found = await getManagedSession(actor, sessionId);
  if (!found.ok) return found;
  const rows = await listRegistrants(sessionId);
  await recordAudit(
    {
      actorId: actor.id,
      action: "event.registrants_export",
      subjectType: "ProgramSession",
      subjectId: sessionId,
      organizationId: found.value.program.organizationId,
      metadata: { rows: rows.length },
      ip: meta.ip,
    },
    getDb(),
  );
  return { ok: true as const, session: found.value, registrants: rows };
}

// ───────────── the chart's numbers ─────────────

/**
 * Registrations and attendance of the actor's programs, for the report: when each registration
 * was made (cancelled ones too: they were made) and, for sessions that have begun, who came.
 */
export async function registrationFacts(actor: SessionUser, since: Date) {
  return getDb().programRegistration.findMany({
    where: {
      OR: [{ createdAt: { gte: since } }, { session: { startsAt: { gte: since } } }],
      session: { program: managedOrganizations(actor) },
    },
    select: { createdAt: true, attendance: true, session: { select: { startsAt: true } } },
  });
}
