// When staff move a session (its times, or its program's place or online link) and when they add
// seats. A move raises the session's revision (the .ics SEQUENCE), tells every registrant and
// everyone with a live application in their language, and takes back their reminder for the old
// time so that the reminder sweep (reminders.server.ts) schedules one for the new time. New seats
// go to the people waiting through the one path that passes a freed seat on (`releaseSeat`).
import { messageT } from "~/domain/notifications/render.server";
import {
  cancelPendingNotifications,
  enqueueNotification,
} from "~/domain/notifications/service.server";
import { localized } from "~/domain/shared/localized";
import type { Prisma } from "~/generated/prisma/client";
import { formatDateTime } from "~/utils/format";
import { siteUrl } from "~/utils/site-url.server";
import { HELD_STATUSES, LIVE_APPLICATION_STATUSES } from "./allocation";
import { releaseSeat } from "./allocation.server";
import { eventReminderKey } from "./reminders.server";

type Tx = Prisma.TransactionClient;

/** What a session was before a change, to tell whether it moved. */
export type SessionPlace = {
  startsAt: Date;
  endsAt: Date;
  placeId: string | null;
  venueKo: string;
  venueEn: string;
  format: string;
  onlineUrl: string | null;
};

/** Whether residents must hear of a change: the times, the place or the link moved. */
export function isMove(before: SessionPlace, after: SessionPlace): boolean {
  return (
    before.startsAt.getTime() !== after.startsAt.getTime() ||
    before.endsAt.getTime() !== after.endsAt.getTime() ||
    before.placeId !== after.placeId ||
    before.venueKo !== after.venueKo ||
    before.venueEn !== after.venueEn ||
    before.format !== after.format ||
    (before.format === "in_person" ? null : before.onlineUrl) !==
      (after.format === "in_person" ? null : after.onlineUrl)
  );
}

/**
 * Takes back the reminders of these registrations for the old time: a pending one is cancelled,
 * and every earlier one (sent or not) gives up its key, so that the sweep schedules a reminder for
 * the new time under the usual key (and cancelling the registration still finds it).
 */
async function rearmReminders(tx: Tx, registrationIds: string[], revision: number) {
  if (registrationIds.length === 0) return;
  const keys = registrationIds.map(eventReminderKey);
  await cancelPendingNotifications(keys, tx);
  const earlier = await tx.notification.findMany({
    where: { dedupeKey: { in: keys.flatMap((key) => [key, `${key}:sms`]) } },
    select: { id: true, dedupeKey: true },
  });
  for (const row of earlier)
    await tx.notification.update({
      where: { id: row.id },
      data: { dedupeKey: `${row.dedupeKey}#before-${revision}` },
      select: { id: true },
    });
}

/**
 * A session moved: its revision is raised, held seats never outlast the new start, and every
 * registrant and live applicant is told once (the dedupe key names the revision) on their
 * channels, an applicant without the calendar file they cannot open; their reminders for the old time are taken back. Returns how many were told.
 */
export async function announceMove(
  tx: Tx,
  sessionId: string,
  previousStartsAt: Date,
  now: Date,
): Promise<{ told: number; sequence: number }> {
  const session = await tx.programSession.update({
    where: { id: sessionId },
    data: { sequence: { increment: 1 } },
    select: {
      id: true,
      startsAt: true,
      sequence: true,
      program: {
        select: {
          slug: true,
          titleKo: true,
          titleEn: true,
          venueKo: true,
          venueEn: true,
          format: true,
          onlineUrl: true,
          organizationId: true,
          place: { select: { id: true, nameKo: true, nameEn: true } },
        },
      },
    },
  });
  await tx.programApplication.updateMany({
    where: {
      sessionId,
      status: { in: [...HELD_STATUSES] },
      offerExpiresAt: { gt: session.startsAt },
    },
    data: { offerExpiresAt: session.startsAt },
  });
  const [registrations, applications] = await Promise.all([
    tx.programRegistration.findMany({
      where: { sessionId, status: "registered" },
      select: { id: true, residentId: true },
    }),
    tx.programApplication.findMany({
      where: { sessionId, status: { in: [...LIVE_APPLICATION_STATUSES] } },
      select: { id: true, residentId: true },
    }),
  ]);
  await rearmReminders(
    tx,
    registrations.map((r) => r.id),
    session.sequence,
  );
  const { program } = session;
  // only a registrant has a seat, hence a calendar file; an applicant's .ics link would lead to
  // not-found, so theirs is the wording without it
  const entries = [
    ...registrations.map((r) => ({
      ...r,
      ref: `event-registration:${r.id}`,
      template: "event_rescheduled" as const,
    })),
    ...applications.map((a) => ({
      ...a,
      ref: `event-application:${a.id}`,
      template: "event_rescheduled_applicant" as const,
    })),
  ];
  let told = 0;
  for (const entry of entries) {
    const resident = await tx.resident.findFirst({
      where: { id: entry.residentId, deletedAt: null },
      select: { preferredLanguage: true },
    });
    if (!resident) continue;
    const language = resident.preferredLanguage;
    const t = (await messageT(language)) as unknown as (key: string) => string;
    const place = program.place
      ? localized(program.place, language, "name")
      : localized(program, language, "venue") || t(`events:format.${program.format}`);
    const online = program.format !== "in_person" && program.onlineUrl ? program.onlineUrl : "";
    const where =
      program.format === "online"
        ? `${t("events:format.online")} ${online}`.trim()
        : [place, online ? `${t("events:format.online")} ${online}` : ""]
            .filter(Boolean)
            .join(" · ");
    const written = await enqueueNotification(
      {
        residentId: entry.residentId,
        template: entry.template,
        params: {
          title: localized(program, language, "title"),
          when: formatDateTime(session.startsAt, language),
          previous: formatDateTime(previousStartsAt, language),
          where,
          link: siteUrl(`/events/${program.slug}#session-${session.id}`),
          ...(entry.template === "event_rescheduled"
            ? { calendar: siteUrl(`/events/${program.slug}/${session.id}/calendar.ics`) }
            : {}),
        },
        sendAfter: now,
        // the organiser changed what they signed up for: told whatever they muted
        topic: "required",
        dedupeKey: `event-moved:${entry.ref}:${session.sequence}`,
        about: { ref: entry.ref, organizationId: program.organizationId },
        expiresAt: session.startsAt,
      },
      tx,
    );
    if (written) told += 1;
  }
  return { told, sequence: session.sequence };
}

/**
 * Seats were added: each free seat goes to the next one waiting (a first-come waitlist in order of
 * joining, a drawn lottery in drawn order), held as any freed seat is. Before a draw nobody waits:
 * the draw itself counts the seats. Returns how many were offered.
 */
export async function offerAddedSeats(tx: Tx, sessionId: string, now: Date): Promise<number> {
  let offered = 0;
  for (;;) {
    const session = await tx.programSession.findUniqueOrThrow({
      where: { id: sessionId },
      select: { capacity: true, registeredCount: true },
    });
    if (session.registeredCount >= session.capacity) break;
    // take the free seat as if it were held, then free it: releaseSeat offers it or gives it back
    const taken = await tx.programSession.updateMany({
      where: { id: sessionId, registeredCount: session.registeredCount },
      data: { registeredCount: { increment: 1 } },
    });
    if (taken.count !== 1) continue;
    if ((await releaseSeat(tx, sessionId, now)) === "released") break;
    offered += 1;
  }
  return offered;
}
