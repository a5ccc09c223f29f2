// Jobs: "for me" — the openings a resident is eligible for, and the nearest misses.
import { criteriaFromRow, judge, type Reason } from "~/domain/eligibility/judge";
import { criteriaSelect, getProfileFacts } from "~/domain/eligibility/service.server";
import { seoulDate } from "~/domain/shared/seoul-time";
import type { Prisma } from "~/generated/prisma/client";
import { getDb } from "~/utils/db.server";

// ───────────── "for me" ─────────────

export type Opportunity = {
  type: "service" | "posting" | "round";
  slug: string;
  title: { ko: string; en: string };
  organization: { ko: string; en: string };
  /** postings and rounds: when applications close */
  closesAt: Date | null;
  reasons: Reason[];
};

const NEAREST_MISSES = 12;
const LIST_LIMIT = 50;

const openWindow = (now: Date) => ({
  applicationOpensAt: { lte: now },
  applicationClosesAt: { gt: now },
});

/**
 * What "for me" judges that is the same for everyone: every set of eligibility criteria, the
 * bookable services and the public-work rounds whose window is open. A route may share it
 * between requests for a few seconds (utils/public-reads.server.ts).
 */
export async function opportunityCatalog(now: Date) {
  const db = getDb();
  const [criteriaRows, services, rounds] = await Promise.all([
    db.eligibilityCriteria.findMany({ select: { id: true, ...criteriaSelect } }),
    db.service.findMany({
      where: { bookable: true, active: true },
      orderBy: [{ nameKo: "asc" }, { id: "asc" }],
      select: {
        slug: true,
        nameKo: true,
        nameEn: true,
        eligibilityId: true,
        place: { select: { nameKo: true, nameEn: true } },
      },
    }),
    db.publicWorkRound.findMany({
      where: { status: "published", ...openWindow(now) },
      orderBy: [{ applicationClosesAt: "asc" }, { id: "asc" }],
      select: {
        id: true,
        slug: true,
        nameKo: true,
        nameEn: true,
        applicationClosesAt: true,
        eligibilityId: true,
        organization: { select: { nameKo: true, nameEn: true } },
      },
    }),
  ]);
  return { criteriaRows, services, rounds };
}
export type OpportunityCatalog = Awaited<ReturnType<typeof opportunityCatalog>>;

/**
 * Everything the resident can use or apply for now, from the one profile: bookable services,
 * postings and public-work rounds whose window is open, judged by the one eligibility engine; and
 * the nearest misses (fewest unmet conditions first) with their reasons. `catalog` is
 * opportunityCatalog(now), read here unless the caller has it.
 */
export async function opportunitiesFor(
  residentId: string,
  now: Date,
  catalog?: OpportunityCatalog,
) {
  const db = getDb();
  const today = seoulDate(now);
  const [facts, { criteriaRows, services, rounds }, applied] = await Promise.all([
    getProfileFacts(residentId),
    catalog ?? opportunityCatalog(now),
    db.application.findMany({
      where: { residentId },
      select: { postingId: true, roundId: true },
    }),
  ]);
  const reasonsByCriteria = new Map(
    criteriaRows.map((row) => [row.id, judge(criteriaFromRow(row), facts, today).reasons]),
  );
  const reasonsOf = (eligibilityId: string | null) =>
    eligibilityId ? (reasonsByCriteria.get(eligibilityId) ?? []) : [];
  const eligibleIds = [...reasonsByCriteria].filter(([, r]) => r.length === 0).map(([id]) => id);
  const appliedPostings = applied.flatMap((a) => (a.postingId ? [a.postingId] : []));
  const appliedRounds = new Set(applied.flatMap((a) => (a.roundId ? [a.roundId] : [])));

  const postingBase: Prisma.PostingWhereInput = {
    status: "published",
    roundId: null,
    ...openWindow(now),
    id: { notIn: appliedPostings },
  };
  const postingSelect = {
    slug: true,
    titleKo: true,
    titleEn: true,
    applicationClosesAt: true,
    eligibilityId: true,
    organization: { select: { nameKo: true, nameEn: true } },
  } as const;
  // Misses come from the criteria with the fewest unmet conditions, nearest first.
  const missCriteria = [...reasonsByCriteria]
    .filter(([, r]) => r.length > 0)
    .sort((a, b) => a[1].length - b[1].length)
    .map(([id]) => id)
    .slice(0, NEAREST_MISSES);
  const [eligiblePostings, eligiblePostingCount, missedPostings] = await Promise.all([
    db.posting.findMany({
      where: {
        ...postingBase,
        OR: [{ eligibilityId: null }, { eligibilityId: { in: eligibleIds } }],
      },
      orderBy: [{ applicationClosesAt: "asc" }, { id: "asc" }],
      take: LIST_LIMIT,
      select: postingSelect,
    }),
    db.posting.count({
      where: {
        ...postingBase,
        OR: [{ eligibilityId: null }, { eligibilityId: { in: eligibleIds } }],
      },
    }),
    db.posting.findMany({
      where: { ...postingBase, eligibilityId: { in: missCriteria } },
      orderBy: [{ applicationClosesAt: "asc" }, { id: "asc" }],
      take: NEAREST_MISSES * 4,
      select: postingSelect,
    }),
  ]);

  const toPosting = (p: (typeof eligiblePostings)[number]): Opportunity => ({
    type: "posting",
    slug: p.slug,
    title: { ko: p.titleKo, en: p.titleEn },
    organization: { ko: p.organization.nameKo, en: p.organization.nameEn },
    closesAt: p.applicationClosesAt,
    reasons: reasonsOf(p.eligibilityId),
  });
  const allServices: Opportunity[] = services.map((s) => ({
    type: "service",
    slug: s.slug,
    title: { ko: s.nameKo, en: s.nameEn },
    organization: { ko: s.place.nameKo, en: s.place.nameEn },
    closesAt: null,
    reasons: reasonsOf(s.eligibilityId),
  }));
  const allRounds: Opportunity[] = rounds
    .filter((r) => !appliedRounds.has(r.id))
    .map((r) => ({
      type: "round",
      slug: r.slug,
      title: { ko: r.nameKo, en: r.nameEn },
      organization: { ko: r.organization.nameKo, en: r.organization.nameEn },
      closesAt: r.applicationClosesAt,
      reasons: reasonsOf(r.eligibilityId),
    }));
  const misses = [
    ...allServices.filter((s) => s.reasons.length > 0),
    ...allRounds.filter((r) => r.reasons.length > 0),
    ...missedPostings.map(toPosting),
  ]
    .sort((a, b) => a.reasons.length - b.reasons.length)
    .slice(0, NEAREST_MISSES);
  return {
    facts,
    services: allServices.filter((s) => s.reasons.length === 0),
    rounds: allRounds.filter((r) => r.reasons.length === 0),
    postings: eligiblePostings.map(toPosting),
    postingTotal: eligiblePostingCount,
    misses,
  };
}
