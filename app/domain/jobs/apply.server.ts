// Jobs: applying, a resident's own applications, and withdrawing.
import { recordAudit } from "~/domain/audit/service.server";
import { judge, type Reason } from "~/domain/eligibility/judge";
import { getCriteria, getProfileFacts } from "~/domain/eligibility/service.server";
import { isUniqueViolation } from "~/domain/shared/db-errors";
import { type Failure, type Outcome, Refused } from "~/domain/shared/outcome";
import { seoulDate } from "~/domain/shared/seoul-time";
import { getDb } from "~/utils/db.server";
import { type Tx, TX_OPTIONS } from "./common.server";
import {
  applicationSubject,
  applicationTitleSelect,
  cancelWaitingDecisionMessage,
  notifyApplicant,
} from "./messages.server";
import { nextStep } from "./next-step";
import { applyRefusal, type ApplyRefusal, canWithdraw, LIVE_STATUSES } from "./rules";
import type { ApplyInput } from "./schema";
import { type ApplicationStatus, MY_APPLICATIONS_PAGE_SIZE } from "./types";
import { pageCount, paginate } from "~/domain/shared/pagination";

// ───────────── applying ─────────────

export type ApplyOutcome = Outcome<
  { applicationId: string },
  | Failure<ApplyRefusal, { reasons: Reason[] }>
  | Failure<"notFound" | "roundSite" | "unknownSite">
  | Failure<"alreadyApplied", { applicationId: string }>
>;

type ApplyTarget =
  | {
      kind: "posting";
      id: string;
      organizationId: string;
      title: { ko: string; en: string };
    }
  | {
      kind: "round";
      id: string;
      organizationId: string;
      title: { ko: string; en: string };
      sites: string[];
    };

/**
 * Submits an application after checking, on the server and at this instant, that the target is
 * published, its window is open (to the second) and the resident is eligible on the profile as it
 * is now; the facts judged are stored with the application. A form sent twice (same idempotency
 * key) gives the same application; a second, different application is refused.
 */
async function submitApplication(
  residentId: string,
  target: ApplyTarget,
  gate: { status: string; opensAt: Date; closesAt: Date; eligibilityId: string | null },
  input: ApplyInput,
  meta: { now: Date; ip: string | null },
): Promise<ApplyOutcome> {
  const db = getDb();
  const today = seoulDate(meta.now);
  const facts = await getProfileFacts(residentId);
  const verdict = judge(await getCriteria(gate.eligibilityId), facts, today);
  const refusal = applyRefusal({
    status: gate.status,
    window: { opensAt: gate.opensAt, closesAt: gate.closesAt },
    now: meta.now,
    verdict,
  });
  if (refusal) return { ok: false, code: refusal, reasons: verdict.reasons };

  const targetKey = target.kind === "posting" ? { postingId: target.id } : { roundId: target.id };
  // Scoped to the resident, so nobody else's key can ever collide with theirs.
  const idempotencyKey = `${residentId}:${input.idempotencyKey}`;
  try {
    const applicationId = await db.$transaction(async (tx) => {
      const created = await tx.application.create({
        data: {
          residentId,
          ...targetKey,
          motivation: input.motivation,
          availability: input.availability ?? "",
          contactConsent: true,
          profileSnapshot: JSON.stringify({ judgedOn: today, facts }),
          idempotencyKey,
          submittedAt: meta.now,
          sitePreferences:
            target.kind === "round"
              ? { create: target.sites.map((postingId, i) => ({ postingId, rank: i + 1 })) }
              : undefined,
          statusChanges: { create: { status: "submitted", byId: residentId, at: meta.now } },
        },
        select: { id: true },
      });
      await recordAudit(
        {
          actorId: residentId,
          action: "application.submit",
          subjectType: "Application",
          subjectId: created.id,
          subjectResidentId: residentId,
          organizationId: target.organizationId,
          ip: meta.ip,
          metadata: { [target.kind === "posting" ? "postingId" : "roundId"]: target.id },
        },
        tx,
      );
      await notifyApplicant(tx, meta.now, residentId, "application_received", target.title, {
        applicationId: created.id,
      });
      return created.id;
    }, TX_OPTIONS);
    return { ok: true, applicationId };
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    const existing = await db.application.findFirst({
      where: { OR: [{ residentId, ...targetKey }, { idempotencyKey }] },
      select: { id: true, idempotencyKey: true },
    });
    if (!existing) throw error;
    // The same form sent again: the application it made is the answer.
    if (existing.idempotencyKey === idempotencyKey) return { ok: true, applicationId: existing.id };
    return { ok: false, code: "alreadyApplied", applicationId: existing.id };
  }
}

export async function applyToPosting(
  residentId: string,
  slug: string,
  input: ApplyInput,
  meta: { now: Date; ip: string | null },
): Promise<ApplyOutcome> {
  const posting = await getDb().posting.findUnique({
    where: { slug },
    select: {
      id: true,
      status: true,
      roundId: true,
      organizationId: true,
      titleKo: true,
      titleEn: true,
      applicationOpensAt: true,
      applicationClosesAt: true,
      eligibilityId: true,
    },
  });
  if (!posting || posting.status === "draft") return { ok: false, code: "notFound" };
  // Public-work sites are applied to through their round, once, with ranked preferences.
  if (posting.roundId) return { ok: false, code: "roundSite" };
  return submitApplication(
    residentId,
    {
      kind: "posting",
      id: posting.id,
      organizationId: posting.organizationId,
      title: { ko: posting.titleKo, en: posting.titleEn },
    },
    {
      status: posting.status,
      opensAt: posting.applicationOpensAt,
      closesAt: posting.applicationClosesAt,
      eligibilityId: posting.eligibilityId,
    },
    input,
    meta,
  );
}

export async function applyToRound(
  residentId: string,
  slug: string,
  input: ApplyInput & { sites: string[] },
  meta: { now: Date; ip: string | null },
): Promise<ApplyOutcome> {
  const round = await getDb().publicWorkRound.findUnique({
    where: { slug },
    select: {
      id: true,
      status: true,
      organizationId: true,
      nameKo: true,
      nameEn: true,
      applicationOpensAt: true,
      applicationClosesAt: true,
      eligibilityId: true,
      sites: { where: { status: "published" }, select: { id: true } },
    },
  });
  if (!round || round.status === "draft") return { ok: false, code: "notFound" };
  const siteIds = new Set(round.sites.map((s) => s.id));
  if (input.sites.length === 0 || input.sites.some((id) => !siteIds.has(id)))
    return { ok: false, code: "unknownSite" };
  return submitApplication(
    residentId,
    {
      kind: "round",
      id: round.id,
      organizationId: round.organizationId,
      title: { ko: round.nameKo, en: round.nameEn },
      sites: input.sites,
    },
    {
      status: round.status,
      opensAt: round.applicationOpensAt,
      closesAt: round.applicationClosesAt,
      eligibilityId: round.eligibilityId,
    },
    input,
    meta,
  );
}

export async function listMyApplications(residentId: string, page: number) {
  const db = getDb();
  const where = { residentId };
  const [total, rows] = await Promise.all([
    db.application.count({ where }),
    db.application.findMany({
      where,
      orderBy: [{ submittedAt: "desc" }, { id: "asc" }],
      ...paginate(page, MY_APPLICATIONS_PAGE_SIZE),
      select: {
        id: true,
        status: true,
        submittedAt: true,
        waitlistRank: true,
        ...applicationTitleSelect,
        statusChanges: {
          orderBy: [{ at: "asc" }, { id: "asc" }],
          select: { status: true, at: true, byId: true },
        },
      },
    }),
  ]);
  return {
    total,
    pageCount: pageCount(total, MY_APPLICATIONS_PAGE_SIZE),
    applications: rows.map((row) => ({
      id: row.id,
      status: row.status as ApplicationStatus,
      submittedAt: row.submittedAt,
      waitlistRank: row.waitlistRank,
      subject: applicationSubject(row),
      site: row.sitePosting,
      timeline: row.statusChanges,
    })),
  };
}

/** One of the resident's own applications (null for anyone else's: its existence is not told). */
export async function getMyApplication(residentId: string, applicationId: string, now: Date) {
  const row = await getDb().application.findFirst({
    where: { id: applicationId, residentId },
    select: {
      id: true,
      status: true,
      motivation: true,
      availability: true,
      contactConsent: true,
      submittedAt: true,
      decidedAt: true,
      withdrawnAt: true,
      waitlistRank: true,
      ...applicationTitleSelect,
      sitePreferences: {
        orderBy: { rank: "asc" },
        select: { rank: true, posting: { select: { slug: true, titleKo: true, titleEn: true } } },
      },
      statusChanges: {
        orderBy: [{ at: "asc" }, { id: "asc" }],
        select: { status: true, at: true, byId: true },
      },
    },
  });
  if (!row) return null;
  const subject = applicationSubject(row);
  return {
    id: row.id,
    status: row.status as ApplicationStatus,
    motivation: row.motivation,
    availability: row.availability,
    submittedAt: row.submittedAt,
    waitlistRank: row.waitlistRank,
    subject,
    site: row.sitePosting,
    preferences: row.sitePreferences.map((p) => ({ rank: p.rank, ...p.posting })),
    timeline: row.statusChanges,
    nextStep: nextStep({ ...row, status: row.status as ApplicationStatus }, subject, now),
    canWithdraw: canWithdraw({
      status: row.status,
      window: subject.window,
      workStartDate: subject.workStartDate,
      now,
    }),
  };
}

// ───────────── withdrawing, and the waitlist moving up ─────────────

type LiveApplication = {
  id: string;
  status: string;
  residentId: string;
  postingId: string | null;
  sitePostingId: string | null;
  decidedAt: Date | null;
};

/**
 * Withdraws one application inside `tx`. When it held a place, the place is freed and offered to
 * the first on that posting's (or site's) waitlist, who is selected and told so.
 */
async function withdrawInTx(
  tx: Tx,
  application: LiveApplication,
  meta: { byId: string | null; now: Date; ip: string | null },
): Promise<{ promotedId: string | null }> {
  const changed = await tx.application.updateMany({
    where: { id: application.id, status: application.status },
    data: { status: "withdrawn", withdrawnAt: meta.now, waitlistRank: null },
  });
  if (changed.count !== 1) throw new Refused("changed");
  // a decision still waiting to be announced is overtaken by the withdrawal
  await cancelWaitingDecisionMessage(tx, application);
  await tx.applicationStatusChange.create({
    data: { applicationId: application.id, status: "withdrawn", byId: meta.byId, at: meta.now },
    select: { id: true },
  });
  const placePostingId = application.postingId ?? application.sitePostingId;
  if (application.status !== "selected" || !placePostingId) return { promotedId: null };

  await tx.posting.updateMany({
    where: { id: placePostingId, selectedCount: { gt: 0 } },
    data: { selectedCount: { decrement: 1 } },
  });
  const next = await tx.application.findFirst({
    where: application.postingId
      ? { postingId: placePostingId, status: "waitlisted" }
      : { sitePostingId: placePostingId, status: "waitlisted" },
    orderBy: [{ waitlistRank: "asc" }, { id: "asc" }],
    select: {
      id: true,
      status: true,
      decidedAt: true,
      residentId: true,
      ...applicationTitleSelect,
    },
  });
  if (!next) return { promotedId: null };
  const took = await tx.posting.updateMany({
    where: { id: placePostingId, selectedCount: { lt: tx.posting.fields.positions } },
    data: { selectedCount: { increment: 1 } },
  });
  if (took.count !== 1) return { promotedId: null };
  // "you are on the waiting list", if still waiting to go, would now arrive after "moved up"
  await cancelWaitingDecisionMessage(tx, next);
  await tx.application.update({
    where: { id: next.id },
    data: { status: "selected", decidedAt: meta.now, waitlistRank: null },
    select: { id: true },
  });
  await tx.applicationStatusChange.create({
    // byId null: the portal moved the waitlist up, not a person
    data: { applicationId: next.id, status: "selected", byId: null, at: meta.now },
    select: { id: true },
  });
  await recordAudit(
    {
      actorId: meta.byId,
      action: "application.promote",
      subjectType: "Application",
      subjectId: next.id,
      subjectResidentId: next.residentId,
      ip: meta.ip,
      metadata: { freedBy: application.id, postingId: placePostingId },
    },
    tx,
  );
  const subject = applicationSubject(next);
  await notifyApplicant(tx, meta.now, next.residentId, "application_promoted", subject.title, {
    applicationId: next.id,
  });
  return { promotedId: next.id };
}

export type WithdrawOutcome = Outcome<
  { promotedId: string | null },
  Failure<"notFound" | "notAllowed" | "changed">
>;

export async function withdrawApplication(
  residentId: string,
  applicationId: string,
  meta: { now: Date; ip: string | null },
): Promise<WithdrawOutcome> {
  const db = getDb();
  const row = await db.application.findFirst({
    where: { id: applicationId, residentId },
    select: {
      id: true,
      status: true,
      residentId: true,
      postingId: true,
      sitePostingId: true,
      decidedAt: true,
      ...applicationTitleSelect,
    },
  });
  if (!row) return { ok: false, code: "notFound" };
  const subject = applicationSubject(row);
  if (
    !canWithdraw({
      status: row.status,
      window: subject.window,
      workStartDate: subject.workStartDate,
      now: meta.now,
    })
  )
    return { ok: false, code: "notAllowed" };
  try {
    const result = await db.$transaction(async (tx) => {
      const outcome = await withdrawInTx(tx, row, { byId: residentId, now: meta.now, ip: meta.ip });
      await recordAudit(
        {
          actorId: residentId,
          action: "application.withdraw",
          subjectType: "Application",
          subjectId: row.id,
          subjectResidentId: residentId,
          ip: meta.ip,
          metadata: { from: row.status },
        },
        tx,
      );
      await notifyApplicant(tx, meta.now, residentId, "application_withdrawn", subject.title, {
        applicationId: row.id,
      });
      return outcome;
    }, TX_OPTIONS);
    return { ok: true, promotedId: result.promotedId };
  } catch (error) {
    if (error instanceof Refused) return { ok: false, code: "changed" };
    throw error;
  }
}

/**
 * Account deletion (called inside its transaction): every live application is withdrawn — places
 * go to the waitlist — and what the resident wrote or was judged on is erased.
 */
export async function withdrawApplicationsOfDeletedResident(
  tx: Tx,
  residentId: string,
  now: Date,
): Promise<number> {
  const live = await tx.application.findMany({
    where: { residentId, status: { in: [...LIVE_STATUSES] } },
    select: {
      id: true,
      status: true,
      residentId: true,
      postingId: true,
      sitePostingId: true,
      decidedAt: true,
    },
  });
  for (const application of live)
    await withdrawInTx(tx, application, { byId: residentId, now, ip: null });
  await tx.application.updateMany({
    where: { residentId },
    data: { motivation: "", availability: "", profileSnapshot: "{}", idempotencyKey: null },
  });
  return live.length;
}
