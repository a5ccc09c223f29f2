// The one eligibility engine of the portal: a pure function that judges a resident's profile
// against a service's or a posting's criteria and returns every reason, not only the first.
// Reasons are codes with parameters; `reasonMessage` turns them into the person's language.
import { isDistrictCode } from "~/domain/residents/districts";
import { ageOn } from "~/domain/shared/seoul-time";

export type Criteria = {
  minAge: number | null;
  maxAge: number | null;
  /** "YYYY-MM-DD" on which age is reckoned; null = the day the check is about */
  ageReferenceDate: string | null;
  /**
   * The age a person must reach during the calendar year of the check (Korean "연 나이"). Job
   * Wings opens to high-school leavers: those turning 18 in the year they finish school.
   */
  minYearAge: number | null;
  seoulResidentRequired: boolean;
  unemployedRequired: boolean;
  noRegularIncomeRequired: boolean;
  registeredJobSeekerRequired: boolean;
  /** accepted worker types; empty = any */
  workerTypes: string[];
  /** accepted districts of residence; empty = any */
  districts: string[];
};

/** The profile facts eligibility is judged on (also what an application stores as its snapshot). */
export type ProfileFacts = {
  birthDate: string | null;
  district: string | null;
  employmentStatus: string | null;
  registeredJobSeeker: boolean | null;
  hasRegularIncome: boolean | null;
  workerType: string | null;
};

export type Reason =
  | { code: "tooYoung"; field: "birthDate"; minAge: number; date: string }
  | { code: "tooYoungThisYear"; field: "birthDate"; minYearAge: number; year: number }
  | { code: "tooOld"; field: "birthDate"; maxAge: number; date: string }
  | { code: "birthDateMissing"; field: "birthDate" }
  | { code: "notSeoulResident"; field: "district" }
  | { code: "districtMissing"; field: "district" }
  | { code: "districtNotAccepted"; field: "district"; districts: string[] }
  | { code: "notUnemployed"; field: "employmentStatus" }
  | { code: "employmentStatusMissing"; field: "employmentStatus" }
  | { code: "hasRegularIncome"; field: "hasRegularIncome" }
  | { code: "regularIncomeMissing"; field: "hasRegularIncome" }
  | { code: "notRegisteredJobSeeker"; field: "registeredJobSeeker" }
  | { code: "jobSeekerMissing"; field: "registeredJobSeeker" }
  | { code: "workerTypeNotAccepted"; field: "workerType"; workerTypes: string[] }
  | { code: "workerTypeMissing"; field: "workerType" };

export type Verdict = {
  eligible: boolean;
  /** every condition not met, and every fact the profile lacks to decide one */
  reasons: Reason[];
  /** true when every reason is a missing fact (filling in the profile might be enough) */
  onlyMissingFacts: boolean;
};

export const NO_CRITERIA: Criteria = {
  minAge: null,
  maxAge: null,
  ageReferenceDate: null,
  minYearAge: null,
  seoulResidentRequired: false,
  unemployedRequired: false,
  noRegularIncomeRequired: false,
  registeredJobSeekerRequired: false,
  workerTypes: [],
  districts: [],
};

/**
 * Judges `profile` against `criteria`. `onDate` ("YYYY-MM-DD", Seoul) is the day the question is
 * about (the day of a slot, the day of applying) and is used for age unless the criteria fix
 * their own reference date.
 */
export function judge(criteria: Criteria | null, profile: ProfileFacts, onDate: string): Verdict {
  const c = criteria ?? NO_CRITERIA;
  const reasons: Reason[] = [];

  if (c.minAge !== null || c.maxAge !== null || c.minYearAge !== null) {
    const date = c.ageReferenceDate ?? onDate;
    if (!profile.birthDate) {
      reasons.push({ code: "birthDateMissing", field: "birthDate" });
    } else {
      const age = ageOn(profile.birthDate, date);
      if (c.minAge !== null && age < c.minAge)
        reasons.push({ code: "tooYoung", field: "birthDate", minAge: c.minAge, date });
      if (c.maxAge !== null && age > c.maxAge)
        reasons.push({ code: "tooOld", field: "birthDate", maxAge: c.maxAge, date });
      const year = Number(date.slice(0, 4));
      if (c.minYearAge !== null && year - Number(profile.birthDate.slice(0, 4)) < c.minYearAge)
        reasons.push({
          code: "tooYoungThisYear",
          field: "birthDate",
          minYearAge: c.minYearAge,
          year,
        });
    }
  }

  const needsDistrict = c.seoulResidentRequired || c.districts.length > 0;
  if (needsDistrict) {
    if (!profile.district) {
      reasons.push({ code: "districtMissing", field: "district" });
    } else if (!isDistrictCode(profile.district)) {
      reasons.push({ code: "notSeoulResident", field: "district" });
    } else if (c.districts.length > 0 && !c.districts.includes(profile.district)) {
      reasons.push({ code: "districtNotAccepted", field: "district", districts: c.districts });
    }
  }

  if (c.unemployedRequired) {
    if (!profile.employmentStatus)
      reasons.push({ code: "employmentStatusMissing", field: "employmentStatus" });
    else if (profile.employmentStatus !== "unemployed")
      reasons.push({ code: "notUnemployed", field: "employmentStatus" });
  }

  if (c.noRegularIncomeRequired) {
    if (profile.hasRegularIncome === null)
      reasons.push({ code: "regularIncomeMissing", field: "hasRegularIncome" });
    else if (profile.hasRegularIncome)
      reasons.push({ code: "hasRegularIncome", field: "hasRegularIncome" });
  }

  if (c.registeredJobSeekerRequired) {
    if (profile.registeredJobSeeker === null)
      reasons.push({ code: "jobSeekerMissing", field: "registeredJobSeeker" });
    else if (!profile.registeredJobSeeker)
      reasons.push({ code: "notRegisteredJobSeeker", field: "registeredJobSeeker" });
  }

  if (c.workerTypes.length > 0) {
    if (!profile.workerType) reasons.push({ code: "workerTypeMissing", field: "workerType" });
    else if (!c.workerTypes.includes(profile.workerType)) {
      reasons.push({
        code: "workerTypeNotAccepted",
        field: "workerType",
        workerTypes: c.workerTypes,
      });
    }
  }

  return {
    eligible: reasons.length === 0,
    reasons,
    onlyMissingFacts: reasons.length > 0 && reasons.every((r) => r.code.endsWith("Missing")),
  };
}

/** What the criteria ask, for display ("ages 15–39", "Seoul residents", …), in a fixed order. */
export type Requirement =
  | { code: "ageRange"; minAge: number; maxAge: number }
  | { code: "minAge"; minAge: number }
  | { code: "maxAge"; maxAge: number }
  | { code: "ageReferenceDate"; date: string }
  | { code: "minYearAge"; minYearAge: number }
  | { code: "seoulResident" }
  | { code: "districts"; districts: string[] }
  | { code: "unemployed" }
  | { code: "noRegularIncome" }
  | { code: "registeredJobSeeker" }
  | { code: "workerTypes"; workerTypes: string[] };

export function requirements(criteria: Criteria | null): Requirement[] {
  const c = criteria ?? NO_CRITERIA;
  const list: Requirement[] = [];
  if (c.minAge !== null && c.maxAge !== null)
    list.push({ code: "ageRange", minAge: c.minAge, maxAge: c.maxAge });
  else if (c.minAge !== null) list.push({ code: "minAge", minAge: c.minAge });
  else if (c.maxAge !== null) list.push({ code: "maxAge", maxAge: c.maxAge });
  if (c.minYearAge !== null) list.push({ code: "minYearAge", minYearAge: c.minYearAge });
  if ((c.minAge !== null || c.maxAge !== null) && c.ageReferenceDate)
    list.push({ code: "ageReferenceDate", date: c.ageReferenceDate });
  if (c.districts.length > 0) list.push({ code: "districts", districts: c.districts });
  else if (c.seoulResidentRequired) list.push({ code: "seoulResident" });
  if (c.unemployedRequired) list.push({ code: "unemployed" });
  if (c.noRegularIncomeRequired) list.push({ code: "noRegularIncome" });
  if (c.registeredJobSeekerRequired) list.push({ code: "registeredJobSeeker" });
  if (c.workerTypes.length > 0) list.push({ code: "workerTypes", workerTypes: c.workerTypes });
  return list;
}

/** The stored row (comma-separated lists) as Criteria. */
export function criteriaFromRow(
  row: {
    minAge: number | null;
    maxAge: number | null;
    ageReferenceDate: string | null;
    minYearAge: number | null;
    seoulResidentRequired: boolean;
    unemployedRequired: boolean;
    noRegularIncomeRequired: boolean;
    registeredJobSeekerRequired: boolean;
    workerTypes: string;
    districts: string;
  } | null,
): Criteria | null {
  if (!row) return null;
  const list = (value: string) =>
    value
      .split(",")
      .map((v) => v.trim())
      .filter(Boolean);
  return { ...row, workerTypes: list(row.workerTypes), districts: list(row.districts) };
}
