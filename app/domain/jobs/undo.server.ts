// Jobs: undoing a staff decision while the applicant has not been told (decision 0016). A
// settling decision's message waits DECISION_UNDO_MINUTES in the outbox; until it goes, the
// decision can be taken back exactly, and nothing reaches the applicant.
import { recordAudit } from "~/domain/audit/service.server";
import type { SessionUser } from "~/domain/residents/types";
import { type Failure, type Outcome, Refused } from "~/domain/shared/outcome";
import { getDb } from "~/utils/db.server";
import { canManage, TX_OPTIONS } from "./common.server";
import { decisionMessageKey } from "./messages.server";
import { canUndo, settlingDecisionOf, undoDeadline } from "./rules";
import { APPLICATION_STATUSES, type ApplicationStatus, type SettlingDecision } from "./types";

type Scope = { postingId: string } | { roundId: string };

/**
 * The latest decision on an application that can still be undone: a settling decision by staff
 * (not the portal moving the waitlist up), made less than its undo time ago, whose message has not
 * gone out. Null otherwise.
 */
export async function undoableDecision(
  actor: SessionUser,
  scope: Scope,
  applicationId: string,
  now: Date,
) {
  const db = getDb();
  const row = await db.application.findFirst({
    where: { id: applicationId, ...scope },
    select: {
      id: true,
      status: true,
      decidedAt: true,
      resident: { select: { name: true, deletedAt: true } },
      posting: { select: { organizationId: true } },
      round: { select: { organizationId: true } },
    },
  });
  if (!row || !canManage(actor, (row.posting ?? row.round)!.organizationId)) return null;
  const decision = settlingDecisionOf(row.status);
  if (!decision || !row.decidedAt || !canUndo(row.decidedAt, now)) return null;
  const change = await db.applicationStatusChange.findFirst({
    where: { applicationId: row.id, status: row.status, at: row.decidedAt, byId: { not: null } },
    select: { id: true },
  });
  if (!change) return null;
  const message = await db.notification.findUnique({
    where: { dedupeKey: decisionMessageKey(row.id, change.id) },
    select: { status: true },
  });
  if (message && message.status !== "pending") return null;
  return {
    applicationId: row.id,
    changeId: change.id,
    decision,
    name: row.resident.deletedAt ? null : row.resident.name,
    until: undoDeadline(row.decidedAt),
  };
}

export type UndoOutcome = Outcome<
  { status: ApplicationStatus },
  Failure<"notFound" | "forbidden" | "tooLate" | "changed">
>;

/**
 * Undoes a settling decision while its message still waits: the application gets back exactly the
 * status, waitlist number, site and decision time it had (recorded with the decision), a place
 * it took is given back, the message is cancelled and the decision leaves the applicant's
 * timeline (they were never told). The audit log keeps both the decision and its undoing. A freed
 * place is not passed to the waitlist: undoing puts things back as they were, and nobody has
 * been told anything. Refused with "tooLate" once the message is out (or its time has come), and
 * "changed" when something else happened to the application since.
 */
export async function undoDecision(
  actor: SessionUser,
  scope: Scope,
  input: { applicationId: string; changeId: string },
  meta: { now: Date; ip: string | null },
): Promise<UndoOutcome> {
  const db = getDb();
  const row = await db.application.findFirst({
    where: { id: input.applicationId, ...scope },
    select: {
      id: true,
      status: true,
      decidedAt: true,
      waitlistRank: true,
      residentId: true,
      posting: { select: { organizationId: true } },
      round: { select: { organizationId: true } },
    },
  });
  if (!row) return { ok: false, code: "notFound" };
  const organizationId = (row.posting ?? row.round)!.organizationId;
  if (!canManage(actor, organizationId)) return { ok: false, code: "forbidden" };
  const change = await db.applicationStatusChange.findFirst({
    where: { id: input.changeId, applicationId: row.id, byId: { not: null } },
    select: { id: true, status: true, at: true },
  });
  const decision = change ? settlingDecisionOf(change.status) : null;
  if (!change || !decision) return { ok: false, code: "notFound" };
  if (!canUndo(change.at, meta.now)) return { ok: false, code: "tooLate" };
  if (row.status !== change.status || row.decidedAt?.getTime() !== change.at.getTime())
    return { ok: false, code: "changed" };
  const recorded = await decisionRecord(row.id, decision, change.id);
  if (!recorded) return { ok: false, code: "changed" };

  try {
    await db.$transaction(async (tx) => {
      const key = decisionMessageKey(row.id, change.id);
      const held = await tx.notification.updateMany({
        where: { dedupeKey: key, status: "pending" },
        data: { status: "cancelled" },
      });
      if (held.count !== 1 && (await tx.notification.count({ where: { dedupeKey: key } })) > 0)
        throw new Refused("tooLate");
      const restored = await tx.application.updateMany({
        where: { id: row.id, status: change.status, decidedAt: change.at },
        data: {
          status: recorded.from,
          waitlistRank: recorded.fromRank,
          sitePostingId: recorded.fromSite,
          decidedAt: recorded.fromDecidedAt,
        },
      });
      if (restored.count !== 1) throw new Refused("changed");
      if (change.status === "selected" && recorded.postingId) {
        await tx.posting.updateMany({
          where: { id: recorded.postingId, selectedCount: { gt: 0 } },
          data: { selectedCount: { decrement: 1 } },
        });
      }
      if (change.status === "waitlisted" && recorded.postingId && row.waitlistRank !== null) {
        // the number is handed out again if nobody was waitlisted after it
        await tx.posting.updateMany({
          where: { id: recorded.postingId, lastWaitlistRank: row.waitlistRank },
          data: { lastWaitlistRank: { decrement: 1 } },
        });
      }
      // Waitlisted, then selected within minutes (which cancelled "you are on the waiting list"),
      // then undone: the earlier message is due again, as if the selection had never been.
      if (recorded.fromDecidedAt && settlingDecisionOf(recorded.from)) {
        const earlier = await tx.applicationStatusChange.findMany({
          where: { applicationId: row.id, status: recorded.from, at: recorded.fromDecidedAt },
          select: { id: true },
        });
        await tx.notification.updateMany({
          where: {
            dedupeKey: { in: earlier.map((c) => decisionMessageKey(row.id, c.id)) },
            status: "cancelled",
          },
          data: { status: "pending" },
        });
      }
      await tx.applicationStatusChange.deleteMany({ where: { id: change.id } });
      await recordAudit(
        {
          actorId: actor.id,
          action: "application.undo",
          subjectType: "Application",
          subjectId: row.id,
          subjectResidentId: row.residentId,
          organizationId,
          ip: meta.ip,
          metadata: { undid: decision, change: change.id, to: recorded.from },
        },
        tx,
      );
    }, TX_OPTIONS);
    return { ok: true, status: recorded.from };
  } catch (error) {
    if (error instanceof Refused) return { ok: false, code: error.code as "tooLate" | "changed" };
    throw error;
  }
}

function parseMetadata(text: string): Record<string, unknown> {
  try {
    const parsed: unknown = JSON.parse(text);
    return parsed && typeof parsed === "object" ? (parsed as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

/** What a decision replaced, as its audit entry recorded it (written in the decision's transaction). */
async function decisionRecord(applicationId: string, decision: SettlingDecision, changeId: string) {
  const events = await getDb().auditEvent.findMany({
    where: {
      subjectType: "Application",
      subjectId: applicationId,
      action: `application.${decision}`,
    },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: 20,
    select: { metadata: true },
  });
  for (const event of events) {
    const data = parseMetadata(event.metadata);
    if (data.change !== changeId) continue;
    const from = data.from as ApplicationStatus;
    if (!(APPLICATION_STATUSES as readonly string[]).includes(from)) return null;
    return {
      from,
      postingId: typeof data.postingId === "string" ? data.postingId : null,
      fromRank: typeof data.fromRank === "number" ? data.fromRank : null,
      fromSite: typeof data.fromSite === "string" ? data.fromSite : null,
      fromDecidedAt: typeof data.fromDecidedAt === "string" ? new Date(data.fromDecidedAt) : null,
    };
  }
  return null;
}
