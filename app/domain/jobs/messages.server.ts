// Jobs: the messages sent to applicants.
import {
  cancelPendingNotifications,
  enqueueNotification,
} from "~/domain/notifications/service.server";
import type { Prisma } from "~/generated/prisma/client";
import { siteUrl } from "~/utils/site-url.server";
import type { Tx } from "./common.server";
import { settlingDecisionOf } from "./rules";
import { localized } from "~/domain/shared/localized";

// ───────────── notifications ─────────────

/**
 * A message in the applicant's language, about a posting or round named in that language. Sent
 * at `now` unless `later` says when (a settling decision waits out its undo time) and under which
 * key it can be cancelled.
 */
export async function notifyApplicant(
  tx: Tx,
  now: Date,
  residentId: string,
  template: string,
  title: { ko: string; en: string },
  params: Record<string, string | number> = {},
  later?: { sendAfter: Date; dedupeKey: string },
) {
  const resident = await tx.resident.findFirst({
    where: { id: residentId, deletedAt: null },
    select: { preferredLanguage: true },
  });
  if (!resident) return;
  const applicationId = String(params.applicationId);
  // Whose desk hears of it if it cannot be delivered: the posting's or the round's organisation.
  const owner = await tx.application.findUnique({
    where: { id: applicationId },
    select: {
      posting: { select: { organizationId: true } },
      round: { select: { organizationId: true } },
    },
  });
  await enqueueNotification(
    {
      residentId,
      template,
      params: {
        ...params,
        title: localized(title, resident.preferredLanguage),
        link: siteUrl(`/applications/${applicationId}`),
        forMe: siteUrl("/for-me"),
      },
      sendAfter: later?.sendAfter ?? now,
      dedupeKey: later?.dedupeKey,
      about: {
        ref: `application:${applicationId}`,
        organizationId: owner?.posting?.organizationId ?? owner?.round?.organizationId ?? null,
      },
    },
    tx,
  );
}

/** The key of the message announcing one settling decision (one status change) of an application. */
export function decisionMessageKey(applicationId: string, statusChangeId: string): string {
  return `application-decision:${applicationId}:${statusChangeId}`;
}

/**
 * Any later change of an application (another decision, a withdrawal, a move up the waitlist)
 * makes a decision message still waiting pointless: the applicant is told the latest news only,
 * never an older one after it. The waiting message, if any, is the one of the status change that
 * made the application's current status (same status, same instant).
 */
export async function cancelWaitingDecisionMessage(
  tx: Tx,
  application: { id: string; status: string; decidedAt: Date | null },
) {
  if (!settlingDecisionOf(application.status) || !application.decidedAt) return;
  const changes = await tx.applicationStatusChange.findMany({
    where: { applicationId: application.id, status: application.status, at: application.decidedAt },
    select: { id: true },
  });
  await cancelPendingNotifications(
    changes.map((change) => decisionMessageKey(application.id, change.id)),
    tx,
  );
}

// ───────────── my applications ─────────────

export const applicationTitleSelect = {
  posting: {
    select: {
      slug: true,
      organizationId: true,
      titleKo: true,
      titleEn: true,
      startDate: true,
      applicationOpensAt: true,
      applicationClosesAt: true,
      organization: { select: { nameKo: true, nameEn: true } },
    },
  },
  round: {
    select: {
      slug: true,
      organizationId: true,
      nameKo: true,
      nameEn: true,
      workStartDate: true,
      applicationOpensAt: true,
      applicationClosesAt: true,
      organization: { select: { nameKo: true, nameEn: true } },
    },
  },
  sitePosting: { select: { slug: true, titleKo: true, titleEn: true } },
} as const satisfies Prisma.ApplicationSelect;

/** Title, organisation, window and first working day of an application's posting or round. */
export function applicationSubject(
  row: Prisma.ApplicationGetPayload<{ select: typeof applicationTitleSelect }>,
) {
  if (row.posting) {
    return {
      kind: "posting" as const,
      slug: row.posting.slug,
      title: { ko: row.posting.titleKo, en: row.posting.titleEn },
      organization: { ko: row.posting.organization.nameKo, en: row.posting.organization.nameEn },
      window: {
        opensAt: row.posting.applicationOpensAt,
        closesAt: row.posting.applicationClosesAt,
      },
      workStartDate: row.posting.startDate,
    };
  }
  const round = row.round!;
  return {
    kind: "round" as const,
    slug: round.slug,
    title: { ko: round.nameKo, en: round.nameEn },
    organization: { ko: round.organization.nameKo, en: round.organization.nameEn },
    window: { opensAt: round.applicationOpensAt, closesAt: round.applicationClosesAt },
    workStartDate: round.workStartDate,
  };
}
