// Database side of eligibility: the criteria of a service or posting and the facts of a profile.
import { getDb } from "~/utils/db.server";
import { oncePerRequest, rememberForRequest } from "~/utils/request-scope.server";
import { criteriaFromRow, type Criteria, type ProfileFacts } from "./judge";

const criteriaSelect = {
  minAge: true,
  maxAge: true,
  ageReferenceDate: true,
  minYearAge: true,
  seoulResidentRequired: true,
  unemployedRequired: true,
  noRegularIncomeRequired: true,
  registeredJobSeekerRequired: true,
  workerTypes: true,
  districts: true,
} as const;

export { criteriaSelect };

export async function getCriteria(eligibilityId: string | null): Promise<Criteria | null> {
  if (!eligibilityId) return null;
  const row = await getDb().eligibilityCriteria.findUnique({
    where: { id: eligibilityId },
    select: criteriaSelect,
  });
  return criteriaFromRow(row);
}

const EMPTY_PROFILE: ProfileFacts = {
  birthDate: null,
  district: null,
  employmentStatus: null,
  registeredJobSeeker: null,
  hasRegularIncome: null,
  workerType: null,
};

/** The Resident columns eligibility is judged on, for any query that needs them. */
export const PROFILE_FACTS_SELECT = {
  birthDate: true,
  district: true,
  employmentStatus: true,
  registeredJobSeeker: true,
  hasRegularIncome: true,
  workerType: true,
} as const satisfies Record<keyof ProfileFacts, true>;

const factsKey = (residentId: string) => `profileFacts:${residentId}`;

/**
 * The facts a resident's eligibility is judged on (a deleted account has none). Read once per
 * page request (a GET's request scope, utils/request-scope.server.ts): the session's look-up
 * already brings the logged-in resident's (rememberProfileFacts), so their pages do not read
 * them again. An action (no scope) always reads them afresh, inside its own transaction if any.
 */
export function getProfileFacts(residentId: string): Promise<ProfileFacts> {
  return oncePerRequest(factsKey(residentId), async () => {
    const row = await getDb().resident.findFirst({
      where: { id: residentId, deletedAt: null },
      select: PROFILE_FACTS_SELECT,
    });
    return row ?? EMPTY_PROFILE;
  });
}

/** The facts of a resident read along with something else, for getProfileFacts in this request. */
export function rememberProfileFacts(residentId: string, facts: ProfileFacts): void {
  rememberForRequest(factsKey(residentId), Promise.resolve(facts));
}
