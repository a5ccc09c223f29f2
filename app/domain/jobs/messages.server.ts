// Jobs: the messages sent to applicants.
import { enqueueNotification } from "~/domain/notifications/service.server";
import type { Prisma } from "~/generated/prisma/client";
import { siteUrl } from "~/utils/site-url.server";
import type { Tx } from "./common.server";
import { localized } from "~/domain/shared/localized";

// ───────────── notifications ─────────────

/** A message in the applicant's language, about a posting or round named in that language. */
export async function notifyApplicant(
  tx: Tx,
  now: Date,
  residentId: string,
  template: string,
  title: { ko: string; en: string },
  params: Record<string, string | number> = {},
) {
  const resident = await tx.resident.findFirst({
    where: { id: residentId, deletedAt: null },
    select: { preferredLanguage: true },
  });
  if (!resident) return;
  await enqueueNotification(
    {
      residentId,
      template,
      params: {
        ...params,
        title: localized(title, resident.preferredLanguage),
        link: siteUrl(`/applications/${params.applicationId}`),
      },
      sendAfter: now,
    },
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
