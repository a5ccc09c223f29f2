// Jobs: staff decisions on applications (select, waitlist, promote) and the applicant lists.
import { recordAudit } from "~/domain/audit/service.server";
import type { ProfileFacts } from "~/domain/eligibility/judge";
import type { SessionUser } from "~/domain/residents/types";
import { type Failure, type Outcome, Refused } from "~/domain/shared/outcome";
import type { Prisma } from "~/generated/prisma/client";
import { containsText, getDb } from "~/utils/db.server";
import { canManage, TX_OPTIONS } from "./common.server";
import { applicationSubject, applicationTitleSelect, notifyApplicant } from "./messages.server";
import { canMoveTo, DECISION_STATUS } from "./rules";
import type { ApplicantFilter } from "./schema";
import { APPLICANTS_PAGE_SIZE, type ApplicationStatus, type Decision } from "./types";
import { pageCount, paginate } from "~/domain/shared/pagination";

// ───────────── staff: decisions ─────────────

export type DecisionOutcome = Outcome<
  { status: ApplicationStatus },
  Failure<"notFound" | "forbidden" | "notAllowed" | "siteRequired" | "full" | "changed">
>;

/**
 * A staff decision about one application of `scope` (the posting or round whose list the staff
 * member is looking at). Selecting takes a place only if one is left, checked by the database;
 * for a public-work round the place is at one of the applicant's preferred sites.
 */
export async function decideApplication(
  actor: SessionUser,
  scope: { postingId: string } | { roundId: string },
  input: { applicationId: string; decision: Decision; sitePostingId?: string },
  meta: { now: Date; ip: string | null },
): Promise<DecisionOutcome> {
  const db = getDb();
  const row = await db.application.findFirst({
    where: { id: input.applicationId, ...scope },
    select: {
      id: true,
      status: true,
      residentId: true,
      postingId: true,
      roundId: true,
      sitePreferences: { select: { postingId: true } },
      ...applicationTitleSelect,
    },
  });
  if (!row) return { ok: false, code: "notFound" };
  const organizationId = (row.posting ?? row.round)!.organizationId;
  if (!canManage(actor, organizationId)) return { ok: false, code: "forbidden" };
  const to = DECISION_STATUS[input.decision];
  if (!canMoveTo(row.status as ApplicationStatus, to)) return { ok: false, code: "notAllowed" };

  // The posting whose positions the decision concerns.
  let placePostingId: string | null = row.postingId;
  if (row.roundId && (to === "selected" || to === "waitlisted")) {
    const preferred = row.sitePreferences.some((p) => p.postingId === input.sitePostingId);
    if (!input.sitePostingId || !preferred) return { ok: false, code: "siteRequired" };
    placePostingId = input.sitePostingId;
  }

  try {
    await db.$transaction(async (tx) => {
      let waitlistRank: number | null = null;
      if (to === "waitlisted") {
        const counter = await tx.posting.update({
          where: { id: placePostingId! },
          data: { lastWaitlistRank: { increment: 1 } },
          select: { lastWaitlistRank: true },
        });
        waitlistRank = counter.lastWaitlistRank;
      }
      const changed = await tx.application.updateMany({
        where: { id: row.id, status: row.status },
        data: {
          status: to,
          decidedAt: to === "under_review" ? undefined : meta.now,
          waitlistRank,
          ...(row.roundId && (to === "selected" || to === "waitlisted")
            ? { sitePostingId: placePostingId }
            : {}),
        },
      });
      if (changed.count !== 1) throw new Refused("changed");
      if (to === "selected") {
        const took = await tx.posting.updateMany({
          where: { id: placePostingId!, selectedCount: { lt: tx.posting.fields.positions } },
          data: { selectedCount: { increment: 1 } },
        });
        if (took.count !== 1) throw new Refused("full");
      }
      await tx.applicationStatusChange.create({
        data: { applicationId: row.id, status: to, byId: actor.id, at: meta.now },
        select: { id: true },
      });
      await recordAudit(
        {
          actorId: actor.id,
          action: `application.${input.decision}`,
          subjectType: "Application",
          subjectId: row.id,
          subjectResidentId: row.residentId,
          organizationId,
          ip: meta.ip,
          metadata: { from: row.status, postingId: placePostingId },
        },
        tx,
      );
      await notifyApplicant(
        tx,
        meta.now,
        row.residentId,
        `application_${to}`,
        applicationSubject(row).title,
        {
          applicationId: row.id,
          rank: waitlistRank ?? "",
        },
      );
    }, TX_OPTIONS);
    return { ok: true, status: to };
  } catch (error) {
    if (error instanceof Refused) return { ok: false, code: error.code as "full" | "changed" };
    throw error;
  }
}

// ───────────── staff: applicant lists ─────────────

type Scope = { postingId: string } | { roundId: string };

function applicantWhere(scope: Scope, filter: ApplicantFilter): Prisma.ApplicationWhereInput {
  return {
    ...scope,
    ...(filter.status !== "all" ? { status: filter.status } : {}),
    ...(filter.q ? { resident: { name: containsText(filter.q) } } : {}),
    ...(filter.site && "roundId" in scope
      ? {
          OR: [
            { sitePreferences: { some: { postingId: filter.site } } },
            { sitePostingId: filter.site },
          ],
        }
      : {}),
  };
}

const applicantSelect = {
  id: true,
  status: true,
  motivation: true,
  availability: true,
  contactConsent: true,
  profileSnapshot: true,
  submittedAt: true,
  decidedAt: true,
  waitlistRank: true,
  sitePostingId: true,
  resident: { select: { name: true, email: true, phone: true, deletedAt: true } },
  sitePreferences: { orderBy: { rank: "asc" }, select: { rank: true, postingId: true } },
} as const satisfies Prisma.ApplicationSelect;

function readSnapshot(text: string): { judgedOn: string | null; facts: Partial<ProfileFacts> } {
  try {
    const parsed = JSON.parse(text) as { judgedOn?: string; facts?: Partial<ProfileFacts> };
    return { judgedOn: parsed.judgedOn ?? null, facts: parsed.facts ?? {} };
  } catch {
    return { judgedOn: null, facts: {} };
  }
}

function toApplicant(row: Prisma.ApplicationGetPayload<{ select: typeof applicantSelect }>) {
  const { profileSnapshot, resident, ...rest } = row;
  return {
    ...rest,
    status: row.status as ApplicationStatus,
    name: resident.deletedAt ? null : resident.name,
    // Contact details only for applicants who agreed to be contacted.
    email: row.contactConsent && !resident.deletedAt ? resident.email : null,
    phone: row.contactConsent && !resident.deletedAt ? resident.phone : null,
    snapshot: readSnapshot(profileSnapshot),
  };
}
export type Applicant = ReturnType<typeof toApplicant>;

const roundSiteSelect = {
  id: true,
  titleKo: true,
  titleEn: true,
  positions: true,
  selectedCount: true,
} as const satisfies Prisma.PostingSelect;

/** What the staff see about the posting or round they decide on. */
async function decisionContext(actor: SessionUser, scope: Scope) {
  const db = getDb();
  if ("postingId" in scope) {
    const posting = await db.posting.findUnique({
      where: { id: scope.postingId },
      select: {
        id: true,
        slug: true,
        organizationId: true,
        titleKo: true,
        titleEn: true,
        positions: true,
        selectedCount: true,
        roundId: true,
        status: true,
      },
    });
    if (!posting) return { ok: false as const, code: "notFound" as const };
    if (!canManage(actor, posting.organizationId))
      return { ok: false as const, code: "forbidden" as const };
    const sites: Prisma.PostingGetPayload<{ select: typeof roundSiteSelect }>[] = [];
    return {
      ok: true as const,
      organizationId: posting.organizationId,
      posting,
      round: null,
      sites,
    };
  }
  const round = await db.publicWorkRound.findUnique({
    where: { id: scope.roundId },
    select: {
      id: true,
      slug: true,
      organizationId: true,
      nameKo: true,
      nameEn: true,
      status: true,
      sites: { orderBy: [{ titleKo: "asc" }, { id: "asc" }], select: roundSiteSelect },
    },
  });
  if (!round) return { ok: false as const, code: "notFound" as const };
  if (!canManage(actor, round.organizationId))
    return { ok: false as const, code: "forbidden" as const };
  const { sites, ...rest } = round;
  return {
    ok: true as const,
    organizationId: round.organizationId,
    posting: null,
    round: rest,
    sites,
  };
}

/** One page of a posting's or round's applicants, with the counts per status. */
export async function listApplicants(actor: SessionUser, scope: Scope, filter: ApplicantFilter) {
  const context = await decisionContext(actor, scope);
  if (!context.ok) return context;
  const db = getDb();
  const where = applicantWhere(scope, filter);
  const [rows, byStatus] = await Promise.all([
    db.application.findMany({
      where,
      orderBy: [{ submittedAt: "asc" }, { id: "asc" }],
      ...paginate(filter.page, APPLICANTS_PAGE_SIZE),
      select: applicantSelect,
    }),
    db.application.groupBy({ by: ["status"], where: scope, _count: { _all: true } }),
  ]);
  const counts = Object.fromEntries(byStatus.map((g) => [g.status, g._count._all])) as Partial<
    Record<ApplicationStatus, number>
  >;
  // Filtered by status only, the total is one of the counts per status (read from the index);
  // a plain count would visit every application row of a large posting.
  const total =
    filter.q || filter.site
      ? await db.application.count({ where })
      : filter.status === "all"
        ? Object.values(counts).reduce((sum, n) => sum + (n ?? 0), 0)
        : (counts[filter.status] ?? 0);
  return {
    ...context,
    total,
    pageCount: pageCount(total, APPLICANTS_PAGE_SIZE),
    counts,
    applicants: rows.map(toApplicant),
  };
}

/** Every applicant of a posting or round, for the CSV export (audited: personal data leaves). */
export async function exportApplicants(
  actor: SessionUser,
  scope: Scope,
  meta: { ip: string | null },
) {
  const context = await decisionContext(actor, scope);
  if (!context.ok) return context;
  const db = getDb();
  const rows = await db.application.findMany({
    where: scope,
    orderBy: [{ submittedAt: "asc" }, { id: "asc" }],
    select: applicantSelect,
  });
  await recordAudit(
    {
      actorId: actor.id,
      action: "applications.export",
      subjectType: "postingId" in scope ? "Posting" : "PublicWorkRound",
      subjectId: "postingId" in scope ? scope.postingId : scope.roundId,
      organizationId: context.organizationId,
      ip: meta.ip,
      metadata: { rows: rows.length },
    },
    db,
  );
  return { ...context, applicants: rows.map(toApplicant) };
}
