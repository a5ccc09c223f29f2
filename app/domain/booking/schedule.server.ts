// Booking: weekly templates and generating slots from them (the slot horizon).
import { recordAudit } from "~/domain/audit/service.server";
import type { SessionUser } from "~/domain/residents/types";
import { isUniqueViolation } from "~/domain/shared/db-errors";
import type { Failure, Outcome as SharedOutcome } from "~/domain/shared/outcome";
import { seoulDate } from "~/domain/shared/seoul-time";
import type { PrismaClient } from "~/generated/prisma/client";
import { getDb } from "~/utils/db.server";
import { type Tx, TX_OPTIONS } from "./capacity.server";
import { endApplicationsOfCancelledSlot } from "./lottery.server";
import { isLaborConsultation } from "./reads.server";
import type { TemplateInput as TemplateForm } from "./schema";
import {
  generateSlots,
  needsOpeningHours,
  overlappingTemplates,
  templateStarts,
  withinOpeningHours,
} from "./slots";
import { managedService } from "./staff.server";

// ───────────── templates and slot generation ─────────────

const templateSelect = {
  id: true,
  weekday: true,
  startTime: true,
  endTime: true,
  slotMinutes: true,
  capacity: true,
  horizonDays: true,
  validFrom: true,
  validUntil: true,
  active: true,
  channels: true,
} as const;

export async function getManagedSchedule(user: SessionUser, serviceId: string, now: Date) {
  const service = await managedService(user, serviceId);
  if (!service) return null;
  const db = getDb();
  const [templates, upcoming] = await Promise.all([
    db.slotTemplate.findMany({
      where: { serviceId, active: true },
      orderBy: [{ weekday: "asc" }, { startTime: "asc" }],
      select: templateSelect,
    }),
    db.slot.aggregate({
      where: { serviceId, startsAt: { gt: now } },
      _count: { _all: true },
      _max: { startsAt: true },
    }),
  ]);
  return {
    service,
    templates,
    upcomingSlots: upcoming._count._all,
    lastSlotAt: upcoming._max.startsAt,
  };
}

export type SyncResult = { created: number; removed: number; kept: number };

export type TemplateOutcome = SharedOutcome<
  { sync: SyncResult },
  Failure<"notFound" | "overlap" | "outsideHours" | "channelsRequired">
>;

/**
 * Adds or changes a weekly template and regenerates the service's slots. In-person templates must
 * lie inside the opening hours; templates of one weekday must not overlap.
 */
export async function saveTemplate(
  user: SessionUser,
  serviceId: string,
  templateId: string | null,
  input: TemplateForm,
  now: Date,
  ip: string | null,
): Promise<TemplateOutcome> {
  const service = await managedService(user, serviceId);
  if (!service) return { ok: false, code: "notFound" };
  const db = getDb();
  const labor = isLaborConsultation(service);
  if (labor && input.channels.length === 0) return { ok: false, code: "channelsRequired" };
  const channels = labor ? input.channels.join(",") : "";
  const others = await db.slotTemplate.findMany({
    where: { serviceId, active: true, ...(templateId ? { id: { not: templateId } } : {}) },
    select: { id: true, weekday: true, startTime: true, endTime: true },
  });
  const candidate = { id: templateId ?? "new", ...input };
  if (overlappingTemplates([candidate, ...others]).some(([a]) => a === candidate.id))
    return { ok: false, code: "overlap" };
  if (needsOpeningHours(channels)) {
    const starts = templateStarts(input);
    const fits = starts.every((start) =>
      withinOpeningHours(
        service.place.openingHours,
        input.weekday,
        start,
        start + input.slotMinutes,
      ),
    );
    if (!fits) return { ok: false, code: "outsideHours" };
  }
  if (templateId) {
    const existing = await db.slotTemplate.findFirst({
      where: { id: templateId, serviceId, active: true },
      select: { id: true },
    });
    if (!existing) return { ok: false, code: "notFound" };
  }
  const data = {
    weekday: input.weekday,
    startTime: input.startTime,
    endTime: input.endTime,
    slotMinutes: input.slotMinutes,
    capacity: input.capacity,
    horizonDays: input.horizonDays,
    validFrom: input.validFrom,
    validUntil: input.validUntil ?? null,
    channels,
  };
  const sync = await retryOnConflict(() =>
    db.$transaction(async (tx) => {
      const saved = templateId
        ? await tx.slotTemplate.update({ where: { id: templateId }, data, select: { id: true } })
        : await tx.slotTemplate.create({ data: { ...data, serviceId }, select: { id: true } });
      await recordAudit(
        {
          actorId: user.id,
          action: templateId ? "schedule.template_update" : "schedule.template_create",
          subjectType: "SlotTemplate",
          subjectId: saved.id,
          placeId: service.place.id,
          ip,
        },
        tx,
      );
      return syncSlotsIn(tx, serviceId, now);
    }, TX_OPTIONS),
  );
  return { ok: true, sync };
}

/** Retires a template (kept for the history of its slots) and regenerates. */
export async function removeTemplate(
  user: SessionUser,
  serviceId: string,
  templateId: string,
  now: Date,
  ip: string | null,
): Promise<SharedOutcome<{ sync: SyncResult }, Failure<"notFound">>> {
  const service = await managedService(user, serviceId);
  if (!service) return { ok: false, code: "notFound" };
  const sync = await retryOnConflict(() =>
    getDb().$transaction(async (tx) => {
      const retired = await tx.slotTemplate.updateMany({
        where: { id: templateId, serviceId, active: true },
        data: { active: false },
      });
      if (retired.count !== 1) return null;
      await recordAudit(
        {
          actorId: user.id,
          action: "schedule.template_remove",
          subjectType: "SlotTemplate",
          subjectId: templateId,
          placeId: service.place.id,
          ip,
        },
        tx,
      );
      return syncSlotsIn(tx, serviceId, now);
    }, TX_OPTIONS),
  );
  return sync ? { ok: true, sync } : { ok: false, code: "notFound" };
}

export async function regenerateSlots(
  user: SessionUser,
  serviceId: string,
  now: Date,
): Promise<SyncResult | null> {
  const service = await managedService(user, serviceId);
  if (!service) return null;
  return syncSlots(getDb(), serviceId, now);
}

/**
 * Two generators running at once (a staff save and the daily task, two servers) may both insert
 * the same slot: the unique (service, start) refuses the second, whose transaction rolls back;
 * run it again and it finds the rows the first one made.
 */
async function retryOnConflict<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    return run();
  }
}

/** Brings a service's future slots in line with its templates (see syncSlotsIn), atomically. */
export async function syncSlots(
  db: PrismaClient,
  serviceId: string,
  now: Date,
): Promise<SyncResult> {
  return retryOnConflict(() =>
    db.$transaction((tx) => syncSlotsIn(tx, serviceId, now), TX_OPTIONS),
  );
}

/**
 * Idempotent: missing slots are created; slots no template calls for any more are deleted when
 * nobody ever booked or waited for them, blocked when only history refers to them, and kept (and
 * counted) while someone holds a place — staff then decide, and blocking tells those residents.
 * Capacity changes reach the future slots whose bookings still fit.
 */
async function syncSlotsIn(db: Tx, serviceId: string, now: Date): Promise<SyncResult> {
  const service = await db.service.findUniqueOrThrow({
    where: { id: serviceId },
    select: {
      templates: { where: { active: true }, select: templateSelect },
      place: {
        select: {
          closedOnPublicHolidays: true,
          openingHours: { select: { weekday: true, opens: true, closes: true } },
          closures: {
            where: { endDate: { gte: seoulDate(now) } },
            select: { startDate: true, endDate: true },
          },
        },
      },
    },
  });
  const desired = generateSlots(service.templates, service.place, now, seoulDate(now));
  const existing = await db.slot.findMany({
    where: { serviceId, startsAt: { gt: now } },
    select: {
      id: true,
      startsAt: true,
      endsAt: true,
      capacity: true,
      bookedCount: true,
      blocked: true,
      templateId: true,
      channels: true,
    },
  });
  const existingByStart = new Map(existing.map((s) => [s.startsAt.getTime(), s]));
  const desiredStarts = new Set(desired.map((s) => s.startsAt.getTime()));

  const missing = desired.filter((s) => !existingByStart.has(s.startsAt.getTime()));
  const created =
    missing.length > 0
      ? (await db.slot.createMany({ data: missing.map((s) => ({ ...s, serviceId })) })).count
      : 0;

  for (const slot of desired) {
    const current = existingByStart.get(slot.startsAt.getTime());
    if (!current) continue;
    if (
      current.capacity !== slot.capacity ||
      current.templateId !== slot.templateId ||
      current.channels !== slot.channels ||
      current.endsAt.getTime() !== slot.endsAt.getTime()
    ) {
      await db.slot.updateMany({
        where: { id: current.id, bookedCount: { lte: slot.capacity } },
        data: {
          capacity: slot.capacity,
          templateId: slot.templateId,
          channels: slot.channels,
          endsAt: slot.endsAt,
        },
      });
    }
  }

  let removed = 0;
  let kept = 0;
  for (const slot of existing) {
    if (desiredStarts.has(slot.startsAt.getTime()) || slot.blocked) continue;
    if (slot.bookedCount > 0) {
      kept += 1;
      continue;
    }
    // Take the slot's row before counting what refers to it: an application (which takes the
    // row too) committed meanwhile is then counted, and is not deleted with the slot.
    const locked = await db.slot.updateMany({
      where: { id: slot.id, bookedCount: 0, blocked: false },
      data: { updatedAt: now },
    });
    if (locked.count !== 1) continue;
    const [bookings, waiting, applications] = await Promise.all([
      db.booking.count({ where: { slotId: slot.id } }),
      db.waitlistEntry.count({ where: { slotId: slot.id } }),
      db.slotApplication.count({ where: { slotId: slot.id } }),
    ]);
    if (bookings === 0 && waiting === 0 && applications === 0) {
      removed += (await db.slot.deleteMany({ where: { id: slot.id, bookedCount: 0 } })).count;
    } else {
      const closed = await db.slot.updateMany({
        where: { id: slot.id, bookedCount: 0 },
        data: { blocked: true, blockedReason: null },
      });
      removed += closed.count;
      // applications waiting for a draw end, and their residents are told
      if (closed.count === 1) await endApplicationsOfCancelledSlot(db, slot.id, null, now);
    }
  }
  return { created, removed, kept };
}

/**
 * Periodic: every service with templates keeps its horizon of slots as the days go by (and drops
 * unbooked slots that a new closure rules out).
 */
export async function syncAllSlots(now: Date) {
  const db = getDb();
  const services = await db.service.findMany({
    where: { bookable: true, active: true, templates: { some: { active: true } } },
    select: { id: true },
  });
  let created = 0;
  for (const service of services) created += (await syncSlots(db, service.id, now)).created;
  return { services: services.length, created };
}
