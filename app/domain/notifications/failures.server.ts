// Messages that could not be delivered (dead-lettered after MAX_ATTEMPTS), on the desk of the
// place or organisation they were about: staff see them, phone the resident if need be, send again
// once the address is fixed, or mark them handled.
import { recordAudit } from "~/domain/audit/service.server";
import type { SessionUser } from "~/domain/residents/types";
import type { Failure, Outcome } from "~/domain/shared/outcome";
import { pageCount, paginate } from "~/domain/shared/pagination";
import type { Prisma } from "~/generated/prisma/client";
import { getDb } from "~/utils/db.server";
import { maskMobile } from "./phone";

const PAGE_SIZE = 20;

/** The failures a person may see: admins all, staff those of their place or organisation. */
export function failureScope(
  user: Pick<SessionUser, "role" | "staffPlaceId" | "staffOrganizationId">,
): Prisma.NotificationWhereInput | null {
  if (user.role === "admin") return {};
  if (user.role !== "staff") return null;
  const desks: Prisma.NotificationWhereInput[] = [];
  if (user.staffPlaceId) desks.push({ placeId: user.staffPlaceId });
  if (user.staffOrganizationId) desks.push({ organizationId: user.staffOrganizationId });
  return desks.length > 0 ? { OR: desks } : null;
}

export async function countFailedDeliveries(scope: Prisma.NotificationWhereInput) {
  return getDb().notification.count({ where: { ...scope, status: "failed" } });
}

export async function listFailedDeliveries(scope: Prisma.NotificationWhereInput, page: number) {
  const db = getDb();
  const where = { ...scope, status: "failed" };
  const [total, rows] = await Promise.all([
    db.notification.count({ where }),
    db.notification.findMany({
      where,
      orderBy: { sendAfter: "desc" },
      ...paginate(page, PAGE_SIZE),
      select: {
        id: true,
        channel: true,
        toAddress: true,
        template: true,
        subject: true,
        subjectRef: true,
        attempts: true,
        lastError: true,
        createdAt: true,
        resident: { select: { id: true, name: true, phone: true, deletedAt: true } },
      },
    }),
  ]);
  return {
    total,
    pageCount: pageCount(total, PAGE_SIZE),
    rows: rows.map((row) => ({
      id: row.id,
      channel: row.channel === "sms" ? ("sms" as const) : ("email" as const),
      to: row.channel === "sms" ? maskMobile(row.toAddress) : row.toAddress,
      template: row.template,
      subject: row.subject,
      subjectRef: row.subjectRef,
      attempts: row.attempts,
      lastError: row.lastError,
      createdAt: row.createdAt,
      resident:
        row.resident && !row.resident.deletedAt
          ? { id: row.resident.id, name: row.resident.name, phone: row.resident.phone }
          : null,
    })),
  };
}

/**
 * `retry`: send again from now, with a fresh count of attempts (after the resident fixed their
 * address, or the provider is back); `handled`: the desk reached the resident another way.
 */
export async function settleFailedDelivery(
  user: SessionUser,
  notificationId: string,
  decision: "retry" | "handled",
  meta: { now: Date; ip: string | null },
): Promise<Outcome<object, Failure<"notFound" | "forbidden">>> {
  const scope = failureScope(user);
  if (!scope) return { ok: false, code: "forbidden" };
  return getDb().$transaction(async (tx) => {
    const changed = await tx.notification.updateMany({
      where: { ...scope, id: notificationId, status: "failed" },
      data:
        decision === "retry"
          ? { status: "pending", attempts: 0, sendAfter: meta.now, claimedUntil: null }
          : { status: "handled" },
    });
    if (changed.count !== 1) return { ok: false, code: "notFound" };
    await recordAudit(
      {
        actorId: user.id,
        action: decision === "retry" ? "notification.retry" : "notification.handled",
        subjectType: "Notification",
        subjectId: notificationId,
        placeId: user.staffPlaceId,
        organizationId: user.staffOrganizationId,
        ip: meta.ip,
      },
      tx,
    );
    return { ok: true };
  });
}
