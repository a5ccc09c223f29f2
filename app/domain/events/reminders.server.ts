// The periodic task that reminds registrants of their session the day before (reminder-time.ts),
// through the notification outbox: in the resident's language, on the channels they chose, not at
// all when they turned reminders off, with the event page and their .ics. One reminder per
// registration: the outbox's unique dedupeKey makes a second run (or a second process) a no-op.
import { enqueueNotification } from "~/domain/notifications/service.server";
import { isUniqueViolation } from "~/domain/shared/db-errors";
import { localized } from "~/domain/shared/localized";
import { formatDateTime } from "~/utils/format";
import { getDb } from "~/utils/db.server";
import { siteUrl } from "~/utils/site-url.server";
import { messageT } from "~/domain/notifications/render.server";
import { reminderDue } from "./reminder-time";

export const eventReminderKey = (registrationId: string) => `event-reminder:${registrationId}`;

/** Reminders are due at most a day and a half before a session: only those sessions are read. */
const LOOKAHEAD_MS = 48 * 3_600_000;
/** Registrations read (and their reminders queued) at a time: memory stays bounded. */
const BATCH = 500;

type Db = ReturnType<typeof getDb>;

/**
 * Queues the due reminders of every registration for a session in the next two days, read in
 * batches of `batchSize` in (createdAt, id) order: each batch starts after the last row of the
 * one before (keyset pagination, stable while rows are added or cancelled meanwhile).
 */
export async function sendEventReminders(now: Date, { batchSize = BATCH } = {}) {
  const db = getDb();
  const totals = { considered: 0, due: 0, queued: 0 };
  let after: { createdAt: Date; id: string } | null = null;
  for (;;) {
    const registrations = await readBatch(db, now, after, batchSize);
    if (registrations.length === 0) break;
    const done = await queueReminders(db, now, registrations);
    totals.considered += registrations.length;
    totals.due += done.due;
    totals.queued += done.queued;
    if (registrations.length < batchSize) break;
    const last = registrations[registrations.length - 1]!;
    after = { createdAt: last.createdAt, id: last.id };
  }
  return totals;
}

function readBatch(
  db: Db,
  now: Date,
  after: { createdAt: Date; id: string } | null,
  batchSize: number,
) {
  return db.programRegistration.findMany({
    where: {
      status: "registered",
      session: {
        status: "scheduled",
        startsAt: { gt: now, lte: new Date(now.getTime() + LOOKAHEAD_MS) },
        program: { status: "published" },
      },
      ...(after && {
        OR: [
          { createdAt: { gt: after.createdAt } },
          { createdAt: after.createdAt, id: { gt: after.id } },
        ],
      }),
    },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    take: batchSize,
    select: {
      id: true,
      createdAt: true,
      resident: { select: { id: true, preferredLanguage: true } },
      session: {
        select: {
          id: true,
          startsAt: true,
          program: {
            select: {
              slug: true,
              titleKo: true,
              titleEn: true,
              venueKo: true,
              venueEn: true,
              format: true,
              organizationId: true,
              place: { select: { id: true, nameKo: true, nameEn: true } },
            },
          },
        },
      },
    },
  });
}

async function queueReminders(
  db: Db,
  now: Date,
  registrations: Awaited<ReturnType<typeof readBatch>>,
) {
  const due = registrations.filter((registration) =>
    reminderDue(registration.session.startsAt, registration.createdAt, now),
  );
  // Already queued (on either channel): nothing to render again.
  const keys = due.map((registration) => eventReminderKey(registration.id));
  const queued = new Set(
    (
      await db.notification.findMany({
        where: { dedupeKey: { in: [...keys, ...keys.map((key) => `${key}:sms`)] } },
        select: { dedupeKey: true },
      })
    ).map((row) => row.dedupeKey!.replace(/:sms$/, "")),
  );
  let queuedNow = 0;
  for (const registration of due) {
    const key = eventReminderKey(registration.id);
    if (queued.has(key)) continue;
    const { session, resident } = registration;
    const { program } = session;
    const language = resident.preferredLanguage;
    const t = (await messageT(language)) as unknown as (key: string) => string;
    const where =
      program.format === "online"
        ? t("events:format.online")
        : program.place
          ? localized(program.place, language, "name")
          : localized(program, language, "venue") || t(`events:format.${program.format}`);
    try {
      const row = await enqueueNotification(
        {
          residentId: resident.id,
          template: "event_reminder",
          params: {
            program: localized(program, language, "title"),
            when: formatDateTime(session.startsAt, language),
            where,
            link: siteUrl(`/events/${program.slug}#session-${session.id}`),
            calendar: siteUrl(`/events/${program.slug}/${session.id}/calendar.ics`),
          },
          sendAfter: now,
          dedupeKey: key,
          about: {
            ref: `event-registration:${registration.id}`,
            placeId: program.place?.id ?? null,
            organizationId: program.organizationId,
          },
          // pointless once the session has begun
          expiresAt: session.startsAt,
        },
        db,
      );
      if (row) queuedNow += 1;
    } catch (error) {
      // another process queued the same reminder a moment ago
      if (!isUniqueViolation(error)) throw error;
    }
  }
  return { due: due.length, queued: queuedNow };
}
