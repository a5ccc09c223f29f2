// Jobs: what anyone reads — searching postings, current rounds, a posting or round page.
import { criteriaFromRow, judge } from "~/domain/eligibility/judge";
import { criteriaSelect, getProfileFacts } from "~/domain/eligibility/service.server";
import type { SessionUser } from "~/domain/residents/types";
import { seoulDate } from "~/domain/shared/seoul-time";
import type { Prisma } from "~/generated/prisma/client";
import { getDb } from "~/utils/db.server";
import { canManage, eligibleCriteriaIds } from "./common.server";
import type { SearchQuery } from "./schema";
import { postingOrderBy, postingWhere, sortPostingKeys } from "./search";
import { SEARCH_PAGE_SIZE } from "./types";
import { pageCount, paginate } from "~/domain/shared/pagination";

// ───────────── search ─────────────

export const postingCardSelect = {
  id: true,
  slug: true,
  kind: true,
  newDealCategory: true,
  titleKo: true,
  titleEn: true,
  district: true,
  positions: true,
  hourlyWageKrw: true,
  hoursPerDay: true,
  daysPerWeek: true,
  durationMonths: true,
  startDate: true,
  endDate: true,
  applicationOpensAt: true,
  applicationClosesAt: true,
  status: true,
  outdoor: true,
  publishedAt: true,
  isSampleData: true,
  organization: { select: { nameKo: true, nameEn: true } },
  round: { select: { slug: true } },
} as const satisfies Prisma.PostingSelect;

type PostingCard = Prisma.PostingGetPayload<{ select: typeof postingCardSelect }>;

/**
 * SQLite plans without table statistics: asked for `ORDER BY applicationClosesAt LIMIT 20`, it
 * prefers an index that yields that order and then runs the text LIKE on every row of its range
 * (15 ms on 20,000 postings) instead of the index that narrows by district first (0.5 ms). Up to
 * this many matches the page is sorted in memory instead (PostgreSQL plans with statistics and
 * would not need it; the result is the same either way).
 */
const SORT_IN_MEMORY_UP_TO = 2000;
const sortKeySelect = {
  id: true,
  applicationClosesAt: true,
  publishedAt: true,
  hourlyWageKrw: true,
} as const satisfies Prisma.PostingSelect;

export type SearchResult = {
  postings: PostingCard[];
  total: number;
  page: number;
  pageCount: number;
  /** true when "only what I am eligible for" was asked and applied */
  eligibleFilterApplied: boolean;
};

/**
 * One page of search results. "Only what I am eligible for" applies when a resident asks;
 * anonymous visitors get the unfiltered list (the page says why).
 */
export async function searchPostings(
  query: SearchQuery,
  options: { now: Date; residentId: string | null; pageSize?: number },
): Promise<SearchResult> {
  const db = getDb();
  const pageSize = options.pageSize ?? SEARCH_PAGE_SIZE;
  const applyEligibility = query.eligible && options.residentId !== null;
  const where = postingWhere(query, {
    now: options.now,
    eligibleCriteriaIds: applyEligibility
      ? await eligibleCriteriaIds(
          await getProfileFacts(options.residentId!),
          seoulDate(options.now),
        )
      : null,
  });
  const { skip } = paginate(query.page, pageSize);
  const total = await db.posting.count({ where });
  let postings: PostingCard[];
  if (total <= SORT_IN_MEMORY_UP_TO) {
    // Few matches: read only their sort keys (the database picks the index that narrows most,
    // as it does for the count), sort them here, then read the one page.
    const keys = await db.posting.findMany({ where, select: sortKeySelect });
    const ids = sortPostingKeys(keys, query.sort)
      .slice(skip, skip + pageSize)
      .map((key) => key.id);
    const rows = await db.posting.findMany({
      where: { id: { in: ids } },
      select: postingCardSelect,
    });
    const byId = new Map(rows.map((row) => [row.id, row]));
    postings = ids.flatMap((id) => byId.get(id) ?? []);
  } else {
    // Many matches: scanning an index in the requested order finds a page quickly.
    postings = await db.posting.findMany({
      where,
      orderBy: postingOrderBy(query.sort),
      skip,
      take: pageSize,
      select: postingCardSelect,
    });
  }
  return {
    postings,
    total,
    page: query.page,
    pageCount: pageCount(total, pageSize),
    eligibleFilterApplied: applyEligibility,
  };
}

/** Published rounds whose window has not closed yet, for the search page. */
export async function listCurrentRounds(now: Date) {
  return getDb().publicWorkRound.findMany({
    where: { status: "published", applicationClosesAt: { gt: now } },
    orderBy: { applicationClosesAt: "asc" },
    take: 5,
    select: roundCardSelect,
  });
}

export const roundCardSelect = {
  id: true,
  slug: true,
  nameKo: true,
  nameEn: true,
  year: true,
  roundNumber: true,
  workStartDate: true,
  workEndDate: true,
  applicationOpensAt: true,
  applicationClosesAt: true,
  status: true,
  // Prisma's relation _count aggregates the whole related table; a round has at most a few
  // hundred sites, read through the roundId index.
  sites: { where: { status: { not: "draft" } }, select: { id: true } },
} as const satisfies Prisma.PublicWorkRoundSelect;

/** The newest published postings, for the Atom feed. */
export async function latestPublishedPostings(limit: number) {
  return getDb().posting.findMany({
    where: { status: { in: ["published", "closed"] }, publishedAt: { not: null } },
    orderBy: [{ publishedAt: "desc" }, { id: "asc" }],
    take: limit,
    select: { ...postingCardSelect, descriptionKo: true, descriptionEn: true, updatedAt: true },
  });
}

// ───────────── a posting's page ─────────────

/**
 * A posting as its page shows it. Drafts exist only for the staff who manage them (preview);
 * everyone else gets null, as for a slug that does not exist.
 */
export async function getPostingBySlug(slug: string, viewer: SessionUser | null) {
  const posting = await getDb().posting.findUnique({
    where: { slug },
    select: {
      ...postingCardSelect,
      organizationId: true,
      descriptionKo: true,
      descriptionEn: true,
      selectedCount: true,
      eligibility: { select: criteriaSelect },
      organization: { select: { nameKo: true, nameEn: true, website: true, phone: true } },
      place: {
        select: { slug: true, nameKo: true, nameEn: true, addressKo: true, addressEn: true },
      },
      round: { select: { slug: true, nameKo: true, nameEn: true, status: true } },
    },
  });
  if (!posting) return null;
  if (posting.status === "draft" && !(viewer && canManage(viewer, posting.organizationId)))
    return null;
  const { eligibility, ...rest } = posting;
  return { ...rest, criteria: criteriaFromRow(eligibility) };
}

export async function getRoundBySlug(slug: string, viewer: SessionUser | null) {
  const round = await getDb().publicWorkRound.findUnique({
    where: { slug },
    select: {
      ...roundCardSelect,
      organizationId: true,
      descriptionKo: true,
      descriptionEn: true,
      eligibility: { select: criteriaSelect },
      organization: { select: { nameKo: true, nameEn: true, phone: true } },
      sites: {
        where: { status: { not: "draft" } },
        orderBy: [{ titleKo: "asc" }, { id: "asc" }],
        select: {
          id: true,
          slug: true,
          titleKo: true,
          titleEn: true,
          district: true,
          positions: true,
          hourlyWageKrw: true,
          hoursPerDay: true,
          daysPerWeek: true,
          outdoor: true,
        },
      },
    },
  });
  if (!round) return null;
  if (round.status === "draft" && !(viewer && canManage(viewer, round.organizationId))) return null;
  const { eligibility, ...rest } = round;
  return { ...rest, criteria: criteriaFromRow(eligibility) };
}

/** The resident's application to a posting or a round, if any. */
export async function findOwnApplication(
  residentId: string,
  target: { postingId: string } | { roundId: string },
) {
  return getDb().application.findFirst({
    where: { residentId, ...target },
    select: { id: true, status: true, withdrawnAt: true },
  });
}

/** Eligibility of a resident for criteria, judged on today's Seoul date. */
export async function verdictFor(
  residentId: string,
  criteria: Parameters<typeof judge>[0],
  now: Date,
) {
  const facts = await getProfileFacts(residentId);
  return { facts, verdict: judge(criteria, facts, seoulDate(now)) };
}
