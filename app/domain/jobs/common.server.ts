// Postings, public-work rounds and applications: what the jobs modules (postings, apply,
// decisions, manage, opportunities, messages) share — access checks and criteria. Rules that must hold under concurrency are enforced by the database: one application per
// resident and posting/round (unique constraints), a place is taken only by the conditional update
// `selectedCount < positions`, and every status change is conditional on the status it was
// decided from, so two staff members (or a decision and a withdrawal) cannot both win.
import { criteriaFromRow, judge, type ProfileFacts } from "~/domain/eligibility/judge";
import { criteriaSelect } from "~/domain/eligibility/service.server";
import { findDistrict } from "~/domain/residents/districts";
import type { SessionUser } from "~/domain/residents/types";
import { buildSearchText } from "~/domain/shared/korean-search";
import type { Prisma } from "~/generated/prisma/client";
import { getDb } from "~/utils/db.server";
import type { PostingInput } from "./schema";

export type Tx = Prisma.TransactionClient;

// Interactive transactions queue behind one another on SQLite's single connection; on deadline
// day many wait at once, so give them longer than Prisma's 2 s default to start.
export const TX_OPTIONS = { maxWait: 20_000, timeout: 20_000 } as const;

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
export function managedOrganizations(user: SessionUser): { organizationId?: { in: string[] } } {
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
export async function criteriaIdFor(tx: Tx, input: CriteriaInput): Promise<string | null> {
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
export async function eligibleCriteriaIds(facts: ProfileFacts, today: string): Promise<string[]> {
  const rows = await getDb().eligibilityCriteria.findMany({
    select: { id: true, ...criteriaSelect },
  });
  return rows.filter((row) => judge(criteriaFromRow(row), facts, today).eligible).map((r) => r.id);
}
