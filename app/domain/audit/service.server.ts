// The audit log: who did what to whom, when. Written inside the transaction of the change it
// records, so a change and its audit entry land together or not at all (the writer is therefore
// a required argument: inside a transaction, pass `tx`, never the global client).
import type { Prisma } from "~/generated/prisma/client";
import { getDb } from "~/utils/db.server";

export type AuditInput = {
  actorId: string | null;
  action: string;
  subjectType: string;
  subjectId?: string | null;
  subjectResidentId?: string | null;
  placeId?: string | null;
  organizationId?: string | null;
  metadata?: Record<string, string | number | boolean | null>;
  ip?: string | null;
};

type AuditWriter = { auditEvent: Pick<Prisma.AuditEventDelegate, "create"> };

export async function recordAudit(input: AuditInput, db: AuditWriter) {
  await db.auditEvent.create({
    data: {
      actorId: input.actorId,
      action: input.action,
      subjectType: input.subjectType,
      subjectId: input.subjectId ?? null,
      subjectResidentId: input.subjectResidentId ?? null,
      placeId: input.placeId ?? null,
      organizationId: input.organizationId ?? null,
      metadata: JSON.stringify(input.metadata ?? {}),
      ip: input.ip ?? null,
    },
    select: { id: true },
  });
}

export async function listAuditEvents(filter: {
  subjectType?: string;
  subjectId?: string;
  action?: string;
}) {
  return getDb().auditEvent.findMany({
    where: filter,
    orderBy: { createdAt: "asc" },
    select: {
      id: true,
      actorId: true,
      action: true,
      subjectType: true,
      subjectId: true,
      subjectResidentId: true,
      metadata: true,
      createdAt: true,
    },
  });
}
