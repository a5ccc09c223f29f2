// Postings, public-work rounds and applications: every database access of the jobs capability.
// Rules that must hold under concurrency are enforced by the database: one application per
// resident and posting/round (unique constraints), a place is taken only by the conditional update
// `selectedCount < positions`, and every status change is conditional on the status it was
// decided from, so two staff members (or a decision and a withdrawal) cannot both win.
import { recordAudit } from "~/domain/audit/service.server";
import { criteriaFromRow, judge, type ProfileFacts, type Reason } from "~/domain/eligibility/judge";
import { criteriaSelect, getCriteria, getProfileFacts } from "~/domain/eligibility/service.server";
import { enqueueNotification } from "~/domain/notifications/service.server";
import { findDistrict } from "~/domain/residents/districts";
import { isUniqueViolation } from "~/domain/shared/db-errors";
import { Refused, type Failure, type Outcome } from "~/domain/shared/outcome";
import type { SessionUser } from "~/domain/residents/types";
import { buildSearchText, searchTerms } from "~/domain/shared/korean-search";
import { seoulDate, seoulInstant } from "~/domain/shared/seoul-time";
import type { Prisma } from "~/generated/prisma/client";
import { newSlug } from "~/domain/shared/slug";
import { containsText, getDb } from "~/utils/db.server";
import { getEnv } from "~/utils/env.server";
import {
  applyRefusal,
  canMoveTo,
  canWithdraw,
  DECISION_STATUS,
  LIVE_STATUSES,
  type ApplyRefusal,
} from "./rules";
import {
  MAX_PAGE,
  type ApplicantFilter,
  type ApplyInput,
  type PostingInput,
  type RoundInput,
  type SearchQuery,
  type SiteInput,
} from "./schema";
import { postingOrderBy, postingWhere, sortPostingKeys } from "./search";
import {
  APPLICANTS_PAGE_SIZE,
  MY_APPLICATIONS_PAGE_SIZE,
  SEARCH_PAGE_SIZE,
  type ApplicationStatus,
  type Decision,
} from "./types";

type Tx = Prisma.TransactionClient;

// Interactive transactions queue behind one another on SQLite's single connection; on deadline
// day many wait at once, so give them longer than Prisma's 2 s default to start.
const TX_OPTIONS = { maxWait: 20_000, timeout: 20_000 } as const;

export function livingWageKrw(): number {
  return getEnv().LIVING_WAGE_KRW;
}

// ───────────── who may manage what ─────────────

/** Staff manage their own organisation's postings and rounds; admins manage all. */
export function canManage(user: SessionUser, organizationId: string): boolean {
  return (
    user.role === "admin" || (user.role === "staff" && user.staffOrganizationId === organizationId)
  );
}

/** Who may use the jobs back office: staff bound to an organisation, and admins. */
export function mayUseJobsBackOffice(user: SessionUser): boolean {
  return user.role === "admin" || (user.role === "staff" && Boolean(user.staffOrganizationId));
}

/** The organisation filter of a staff list: admins see every organisation's; staff without one, none. */
function managedOrganizations(user: SessionUser): { organizationId?: { in: string[] } } {
  if (user.role === "admin") return {};
  return { organizationId: { in: user.staffOrganizationId ? [user.staffOrganizationId] : [] } };
}

// ───────────── search text and criteria rows ─────────────

/** What postings are found by: both languages' titles and descriptions and the district. */
export function postingSearchText(posting: {
  titleKo: string;
  titleEn: string;
  descriptionKo: string;
  descriptionEn: string;
  district: string | null;
}): string {
  const district = posting.district ? findDistrict(posting.district) : undefined;
  return buildSearchText([
    posting.titleKo,
    posting.titleEn,
    posting.descriptionKo,
    posting.descriptionEn,
    ...(district ? [district.ko, `${district.code}-gu`] : []),
  ]);
}

type CriteriaInput = Pick<
  PostingInput,
  | "minAge"
  | "maxAge"
  | "ageReferenceDate"
  | "seoulResidentRequired"
  | "unemployedRequired"
  | "noRegularIncomeRequired"
  | "registeredJobSeekerRequired"
  | "workerTypes"
  | "districts"
>;

/**
 * The criteria row for a form's conditions. Rows are values: identical conditions share one row
 * and a row is never changed in place (services may share it too), so editing a posting points it
 * at another row. Keeping rows few also keeps "only what I am eligible for" one small query.
 */
async function criteriaIdFor(tx: Tx, input: CriteriaInput): Promise<string | null> {
  const data = {
    minAge: input.minAge ?? null,
    maxAge: input.maxAge ?? null,
    ageReferenceDate:
      input.minAge !== undefined || input.maxAge !== undefined
        ? (input.ageReferenceDate ?? null)
        : null,
    seoulResidentRequired: input.seoulResidentRequired,
    unemployedRequired: input.unemployedRequired,
    noRegularIncomeRequired: input.noRegularIncomeRequired,
    registeredJobSeekerRequired: input.registeredJobSeekerRequired,
    workerTypes: [...new Set(input.workerTypes)].sort().join(","),
    districts: [...new Set(input.districts)].sort().join(","),
  };
  const none =
    data.minAge === null &&
    data.maxAge === null &&
    !data.seoulResidentRequired &&
    !data.unemployedRequired &&
    !data.noRegularIncomeRequired &&
    !data.registeredJobSeekerRequired &&
    !data.workerTypes &&
    !data.districts;
  if (none) return null;
  const existing = await tx.eligibilityCriteria.findFirst({ where: data, select: { id: true } });
  if (existing) return existing.id;
  return (await tx.eligibilityCriteria.create({ data, select: { id: true } })).id;
}

/** The criteria rows a resident meets today (postings without criteria are open to all). */
async function eligibleCriteriaIds(facts: ProfileFacts, today: string): Promise<string[]> {
  const rows = await getDb().eligibilityCriteria.findMany({
    select: { id: true, ...criteriaSelect },
  });
  return rows.filter((row) => judge(criteriaFromRow(row), facts, today).eligible).map((r) => r.id);
}

// ───────────── search ─────────────

const postingCardSelect = {
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
  const skip = (query.page - 1) * pageSize;
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
    pageCount: Math.min(MAX_PAGE, Math.max(1, Math.ceil(total / pageSize))),
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

const roundCardSelect = {
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
    select: { id: true, status: true },
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
      await notifyApplicant(tx, residentId, "application_received", target.title, {
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

// ───────────── notifications ─────────────

/** A message in the applicant's language, about a posting or round named in that language. */
async function notifyApplicant(
  tx: Tx,
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
      params: { ...params, title: resident.preferredLanguage === "en" ? title.en : title.ko },
    },
    tx,
  );
}

// ───────────── my applications ─────────────

const applicationTitleSelect = {
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
function applicationSubject(
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

export async function listMyApplications(residentId: string, page: number) {
  const db = getDb();
  const where = { residentId };
  const [total, rows] = await Promise.all([
    db.application.count({ where }),
    db.application.findMany({
      where,
      orderBy: [{ submittedAt: "desc" }, { id: "asc" }],
      skip: (page - 1) * MY_APPLICATIONS_PAGE_SIZE,
      take: MY_APPLICATIONS_PAGE_SIZE,
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
    pageCount: Math.max(1, Math.ceil(total / MY_APPLICATIONS_PAGE_SIZE)),
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
  await notifyApplicant(tx, next.residentId, "application_promoted", subject.title, {
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
      await notifyApplicant(tx, residentId, "application_withdrawn", subject.title, {
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
    select: { id: true, status: true, residentId: true, postingId: true, sitePostingId: true },
  });
  for (const application of live)
    await withdrawInTx(tx, application, { byId: residentId, now, ip: null });
  await tx.application.updateMany({
    where: { residentId },
    data: { motivation: "", availability: "", profileSnapshot: "{}", idempotencyKey: null },
  });
  return live.length;
}

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
      skip: (filter.page - 1) * APPLICANTS_PAGE_SIZE,
      take: APPLICANTS_PAGE_SIZE,
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
    pageCount: Math.max(1, Math.ceil(total / APPLICANTS_PAGE_SIZE)),
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

// ───────────── staff: postings and rounds ─────────────

export async function listOrganizations() {
  return getDb().organization.findMany({
    orderBy: { nameKo: "asc" },
    select: { id: true, nameKo: true, nameEn: true },
  });
}

export async function listManagedPostings(
  actor: SessionUser,
  filter: { status?: string; q?: string; page: number },
) {
  const db = getDb();
  const where: Prisma.PostingWhereInput = {
    ...managedOrganizations(actor),
    roundId: null,
    ...(filter.status ? { status: filter.status } : {}),
    AND: searchTerms(filter.q).map((term) => ({ searchText: { contains: term } })),
  };
  const [total, rows] = await Promise.all([
    db.posting.count({ where }),
    db.posting.findMany({
      where,
      orderBy: [{ updatedAt: "desc" }, { id: "asc" }],
      skip: (filter.page - 1) * SEARCH_PAGE_SIZE,
      take: SEARCH_PAGE_SIZE,
      select: { ...postingCardSelect, selectedCount: true },
    }),
  ]);
  const live = await liveApplicationCounts(
    "postingId",
    rows.map((r) => r.id),
  );
  return {
    total,
    pageCount: Math.max(1, Math.ceil(total / SEARCH_PAGE_SIZE)),
    postings: rows.map((row) => ({ ...row, liveApplications: live.get(row.id) ?? 0 })),
  };
}

/**
 * Live applications per posting or round of a page, through the (postingId|roundId, status)
 * indexes; Prisma's relation _count would aggregate every application in the table.
 */
async function liveApplicationCounts(key: "postingId" | "roundId", ids: string[]) {
  const groups = await getDb().application.groupBy({
    by: [key],
    where: { [key]: { in: ids }, status: { in: [...LIVE_STATUSES] } },
    _count: { _all: true },
  });
  return new Map(groups.map((g) => [g[key] ?? "", g._count._all]));
}

export async function listManagedRounds(actor: SessionUser, page: number) {
  const db = getDb();
  const where = managedOrganizations(actor);
  const [total, rows] = await Promise.all([
    db.publicWorkRound.count({ where }),
    db.publicWorkRound.findMany({
      where,
      orderBy: [{ applicationOpensAt: "desc" }, { id: "asc" }],
      skip: (page - 1) * SEARCH_PAGE_SIZE,
      take: SEARCH_PAGE_SIZE,
      select: { ...roundCardSelect, sites: { select: { id: true } } },
    }),
  ]);
  const live = await liveApplicationCounts(
    "roundId",
    rows.map((r) => r.id),
  );
  return {
    total,
    pageCount: Math.max(1, Math.ceil(total / SEARCH_PAGE_SIZE)),
    rounds: rows.map((row) => ({ ...row, liveApplications: live.get(row.id) ?? 0 })),
  };
}

const managedPostingSelect = {
  ...postingCardSelect,
  organizationId: true,
  updatedAt: true,
  descriptionKo: true,
  descriptionEn: true,
  selectedCount: true,
  roundId: true,
  eligibility: { select: criteriaSelect },
} as const satisfies Prisma.PostingSelect;

export async function getManagedPosting(actor: SessionUser, postingId: string) {
  const posting = await getDb().posting.findUnique({
    where: { id: postingId },
    select: managedPostingSelect,
  });
  if (!posting) return { ok: false as const, code: "notFound" as const };
  if (!canManage(actor, posting.organizationId))
    return { ok: false as const, code: "forbidden" as const };
  return { ok: true as const, value: posting };
}

export async function getManagedRound(actor: SessionUser, roundId: string) {
  const round = await getDb().publicWorkRound.findUnique({
    where: { id: roundId },
    select: {
      ...roundCardSelect,
      organizationId: true,
      descriptionKo: true,
      descriptionEn: true,
      updatedAt: true,
      eligibility: { select: criteriaSelect },
      sites: {
        orderBy: [{ titleKo: "asc" }, { id: "asc" }],
        select: {
          id: true,
          slug: true,
          titleKo: true,
          titleEn: true,
          district: true,
          positions: true,
          selectedCount: true,
          status: true,
          outdoor: true,
        },
      },
    },
  });
  if (!round) return { ok: false as const, code: "notFound" as const };
  if (!canManage(actor, round.organizationId))
    return { ok: false as const, code: "forbidden" as const };
  return { ok: true as const, value: round };
}

type SaveOutcome = Outcome<
  { id: string; slug: string },
  Failure<"notFound" | "forbidden" | "positionsBelowSelected" | "organizationRequired">
>;

function postingFields(input: PostingInput) {
  return {
    kind: input.kind,
    newDealCategory: input.kind === "new_deal" ? (input.newDealCategory ?? null) : null,
    titleKo: input.titleKo,
    titleEn: input.titleEn,
    descriptionKo: input.descriptionKo,
    descriptionEn: input.descriptionEn,
    district: input.district ?? null,
    positions: input.positions,
    hourlyWageKrw: input.hourlyWageKrw,
    hoursPerDay: input.hoursPerDay,
    daysPerWeek: input.daysPerWeek,
    durationMonths: input.durationMonths ?? null,
    startDate: input.startDate,
    endDate: input.endDate,
    applicationOpensAt: seoulInstant(input.opensDate, input.opensTime),
    applicationClosesAt: seoulInstant(input.closesDate, input.closesTime),
    outdoor: input.outdoor,
    searchText: postingSearchText({ ...input, district: input.district ?? null }),
  };
}

/** Which organisation a new posting or round belongs to: the staff member's own; admins choose. */
function owningOrganization(actor: SessionUser, chosen: string | undefined): string | null {
  if (actor.role === "admin") return chosen || actor.staffOrganizationId;
  return actor.role === "staff" ? actor.staffOrganizationId : null;
}

export async function createPosting(
  actor: SessionUser,
  input: PostingInput,
  meta: { now: Date; ip: string | null },
): Promise<SaveOutcome> {
  const organizationId = owningOrganization(actor, input.organizationId);
  if (!organizationId) return { ok: false, code: "organizationRequired" };
  const created = await getDb().$transaction(async (tx) => {
    const row = await tx.posting.create({
      data: {
        ...postingFields(input),
        slug: newSlug(input.titleEn, "posting"),
        organizationId,
        eligibilityId: await criteriaIdFor(tx, input),
        status: "draft",
      },
      select: { id: true, slug: true },
    });
    await recordAudit(
      {
        actorId: actor.id,
        action: "posting.create",
        subjectType: "Posting",
        subjectId: row.id,
        organizationId,
        ip: meta.ip,
      },
      tx,
    );
    return row;
  }, TX_OPTIONS);
  return { ok: true, ...created };
}

/**
 * Saves a posting's form: a standalone posting's full form, or a public-work site's own fields
 * (the rest follows its round).
 */
export async function updatePosting(
  actor: SessionUser,
  postingId: string,
  change: { posting: PostingInput } | { site: SiteInput },
  meta: { now: Date; ip: string | null },
): Promise<SaveOutcome> {
  const found = await getManagedPosting(actor, postingId);
  if (!found.ok) return found;
  const isSite = found.value.roundId !== null;
  if (isSite !== "site" in change) return { ok: false, code: "notFound" };
  const positions = "site" in change ? change.site.positions : change.posting.positions;
  try {
    return await getDb().$transaction(async (tx) => {
      const data =
        "site" in change
          ? siteFields(change.site)
          : {
              ...postingFields(change.posting),
              eligibilityId: await criteriaIdFor(tx, change.posting),
            };
      // Fewer positions than places already taken would break the quota: refused by the database.
      const changed = await tx.posting.updateMany({
        where: { id: postingId, selectedCount: { lte: positions } },
        data,
      });
      if (changed.count !== 1) throw new Refused("positionsBelowSelected");
      await recordAudit(
        {
          actorId: actor.id,
          action: "posting.update",
          subjectType: "Posting",
          subjectId: postingId,
          organizationId: found.value.organizationId,
          ip: meta.ip,
        },
        tx,
      );
      return { ok: true as const, id: postingId, slug: found.value.slug };
    }, TX_OPTIONS);
  } catch (error) {
    if (error instanceof Refused) return { ok: false, code: "positionsBelowSelected" };
    throw error;
  }
}

function siteFields(input: SiteInput) {
  return {
    titleKo: input.titleKo,
    titleEn: input.titleEn,
    descriptionKo: input.descriptionKo,
    descriptionEn: input.descriptionEn,
    district: input.district ?? null,
    positions: input.positions,
    hourlyWageKrw: input.hourlyWageKrw,
    hoursPerDay: input.hoursPerDay,
    daysPerWeek: input.daysPerWeek,
    outdoor: input.outdoor,
    searchText: postingSearchText({ ...input, district: input.district ?? null }),
  };
}

/** The fields a site takes from its round: kind, dates, window, criteria and publication. */
function roundDerived(round: {
  workStartDate: string;
  workEndDate: string;
  applicationOpensAt: Date;
  applicationClosesAt: Date;
  eligibilityId: string | null;
  status: string;
}) {
  return {
    kind: "public_work",
    newDealCategory: null,
    startDate: round.workStartDate,
    endDate: round.workEndDate,
    durationMonths: null,
    applicationOpensAt: round.applicationOpensAt,
    applicationClosesAt: round.applicationClosesAt,
    eligibilityId: round.eligibilityId,
    status: round.status,
  };
}

export async function addRoundSite(
  actor: SessionUser,
  roundId: string,
  input: SiteInput,
  meta: { now: Date; ip: string | null },
): Promise<SaveOutcome> {
  const db = getDb();
  const round = await db.publicWorkRound.findUnique({
    where: { id: roundId },
    select: {
      id: true,
      organizationId: true,
      workStartDate: true,
      workEndDate: true,
      applicationOpensAt: true,
      applicationClosesAt: true,
      eligibilityId: true,
      status: true,
    },
  });
  if (!round) return { ok: false, code: "notFound" };
  if (!canManage(actor, round.organizationId)) return { ok: false, code: "forbidden" };
  const created = await db.$transaction(async (tx) => {
    const row = await tx.posting.create({
      data: {
        ...siteFields(input),
        ...roundDerived(round),
        slug: newSlug(input.titleEn, "posting"),
        organizationId: round.organizationId,
        roundId: round.id,
        publishedAt: round.status === "draft" ? null : meta.now,
      },
      select: { id: true, slug: true },
    });
    await recordAudit(
      {
        actorId: actor.id,
        action: "round.add_site",
        subjectType: "Posting",
        subjectId: row.id,
        organizationId: round.organizationId,
        ip: meta.ip,
        metadata: { roundId },
      },
      tx,
    );
    return row;
  }, TX_OPTIONS);
  return { ok: true, ...created };
}

function roundFields(input: RoundInput) {
  return {
    nameKo: input.nameKo,
    nameEn: input.nameEn,
    descriptionKo: input.descriptionKo,
    descriptionEn: input.descriptionEn,
    year: input.year,
    roundNumber: input.roundNumber,
    workStartDate: input.workStartDate,
    workEndDate: input.workEndDate,
    applicationOpensAt: seoulInstant(input.opensDate, input.opensTime),
    applicationClosesAt: seoulInstant(input.closesDate, input.closesTime),
  };
}

export type RoundSaveOutcome = SaveOutcome | Failure<"duplicateRound">;

export async function createRound(
  actor: SessionUser,
  input: RoundInput,
  meta: { now: Date; ip: string | null },
): Promise<RoundSaveOutcome> {
  const organizationId = owningOrganization(actor, input.organizationId);
  if (!organizationId) return { ok: false, code: "organizationRequired" };
  try {
    const created = await getDb().$transaction(async (tx) => {
      const row = await tx.publicWorkRound.create({
        data: {
          ...roundFields(input),
          slug: newSlug(`public work ${input.year} ${input.roundNumber}`, "posting"),
          organizationId,
          eligibilityId: await criteriaIdFor(tx, input),
          status: "draft",
        },
        select: { id: true, slug: true },
      });
      await recordAudit(
        {
          actorId: actor.id,
          action: "round.create",
          subjectType: "PublicWorkRound",
          subjectId: row.id,
          organizationId,
          ip: meta.ip,
        },
        tx,
      );
      return row;
    }, TX_OPTIONS);
    return { ok: true, ...created };
  } catch (error) {
    if (isUniqueViolation(error)) return { ok: false, code: "duplicateRound" };
    throw error;
  }
}

/** Saves a round; its sites follow its dates, window and criteria. */
export async function updateRound(
  actor: SessionUser,
  roundId: string,
  input: RoundInput,
  meta: { now: Date; ip: string | null },
): Promise<RoundSaveOutcome> {
  const found = await getManagedRound(actor, roundId);
  if (!found.ok) return found;
  try {
    await getDb().$transaction(async (tx) => {
      const round = await tx.publicWorkRound.update({
        where: { id: roundId },
        data: { ...roundFields(input), eligibilityId: await criteriaIdFor(tx, input) },
        select: {
          workStartDate: true,
          workEndDate: true,
          applicationOpensAt: true,
          applicationClosesAt: true,
          eligibilityId: true,
          status: true,
        },
      });
      await tx.posting.updateMany({ where: { roundId }, data: roundDerived(round) });
      await recordAudit(
        {
          actorId: actor.id,
          action: "round.update",
          subjectType: "PublicWorkRound",
          subjectId: roundId,
          organizationId: found.value.organizationId,
          ip: meta.ip,
        },
        tx,
      );
    }, TX_OPTIONS);
    return { ok: true, id: roundId, slug: found.value.slug };
  } catch (error) {
    if (isUniqueViolation(error)) return { ok: false, code: "duplicateRound" };
    throw error;
  }
}

export type PublicationOutcome = Outcome<
  { status: "published" | "closed" },
  Failure<"notFound" | "forbidden" | "notAllowed">
>;

const PUBLICATION_FROM = { publish: ["draft", "closed"], close: ["published"] } as const;

/**
 * Publishes (or republishes) or closes a posting or a round; a round's sites follow the round.
 * The feed announces a posting once, when it is first published.
 */
export async function setPublication(
  actor: SessionUser,
  target: { postingId: string } | { roundId: string },
  intent: "publish" | "close",
  meta: { now: Date; ip: string | null },
): Promise<PublicationOutcome> {
  const isPosting = "postingId" in target;
  const found = isPosting
    ? await getManagedPosting(actor, target.postingId)
    : await getManagedRound(actor, target.roundId);
  if (!found.ok) return found;
  // A site is published and closed with its round.
  if ("roundId" in found.value && found.value.roundId) return { ok: false, code: "notAllowed" };
  const status = intent === "publish" ? "published" : "closed";
  const where = { status: { in: [...PUBLICATION_FROM[intent]] } };
  const done = await getDb().$transaction(async (tx) => {
    const changed = isPosting
      ? await tx.posting.updateMany({ where: { id: target.postingId, ...where }, data: { status } })
      : await tx.publicWorkRound.updateMany({
          where: { id: target.roundId, ...where },
          data: { status },
        });
    if (changed.count !== 1) return false;
    const postings = isPosting ? { id: target.postingId } : { roundId: target.roundId };
    if (!isPosting) await tx.posting.updateMany({ where: postings, data: { status } });
    if (intent === "publish")
      await tx.posting.updateMany({
        where: { ...postings, publishedAt: null },
        data: { publishedAt: meta.now },
      });
    await recordAudit(
      {
        actorId: actor.id,
        action: `${isPosting ? "posting" : "round"}.${intent}`,
        subjectType: isPosting ? "Posting" : "PublicWorkRound",
        subjectId: isPosting ? target.postingId : target.roundId,
        organizationId: found.value.organizationId,
        ip: meta.ip,
      },
      tx,
    );
    return true;
  }, TX_OPTIONS);
  return done ? { ok: true, status } : { ok: false, code: "notAllowed" };
}

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

/**
 * Everything the resident can use or apply for now, from the one profile: bookable services,
 * postings and public-work rounds whose window is open, judged by the one eligibility engine; and
 * the nearest misses (fewest unmet conditions first) with their reasons.
 */
export async function opportunitiesFor(residentId: string, now: Date) {
  const db = getDb();
  const today = seoulDate(now);
  const facts = await getProfileFacts(residentId);
  const openWindow = { applicationOpensAt: { lte: now }, applicationClosesAt: { gt: now } };
  const [criteriaRows, services, rounds, applied] = await Promise.all([
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
      where: { status: "published", ...openWindow },
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
    ...openWindow,
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
