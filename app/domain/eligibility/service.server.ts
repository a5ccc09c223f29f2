// Database side of eligibility: the criteria of a service or posting and the facts of a profile.
import { getDb } from "~/utils/db.server";
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

export async function getProfileFacts(residentId: string): Promise<ProfileFacts> {
  const row = await getDb().resident.findFirst({
    where: { id: residentId, deletedAt: null },
    select: PROFILE_FACTS_SELECT,
  });
  return row ?? EMPTY_PROFILE;
}
