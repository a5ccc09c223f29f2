// The staff forms filled in from what is saved: Seoul date and time fields from the stored
// instants, checkboxes as "on", lists from the comma-separated criteria columns.
import { criteriaFromRow } from "~/domain/eligibility/judge";
import { seoulParts } from "~/domain/shared/seoul-time";

type CriteriaRow = Parameters<typeof criteriaFromRow>[0];

function windowValues(opensAt: Date, closesAt: Date) {
  const opens = seoulParts(opensAt);
  const closes = seoulParts(closesAt);
  return {
    opensDate: opens.date,
    opensTime: opens.time,
    closesDate: closes.date,
    closesTime: closes.time,
  };
}

const on = (value: boolean) => (value ? "on" : undefined);

export function criteriaValues(row: CriteriaRow) {
  const criteria = criteriaFromRow(row);
  if (!criteria) return { workerTypes: [], districts: [] };
  return {
    minAge: criteria.minAge ?? undefined,
    maxAge: criteria.maxAge ?? undefined,
    ageReferenceDate: criteria.ageReferenceDate ?? undefined,
    seoulResidentRequired: on(criteria.seoulResidentRequired),
    unemployedRequired: on(criteria.unemployedRequired),
    noRegularIncomeRequired: on(criteria.noRegularIncomeRequired),
    registeredJobSeekerRequired: on(criteria.registeredJobSeekerRequired),
    workerTypes: criteria.workerTypes,
    districts: criteria.districts,
  };
}

export function siteFormValues(posting: {
  titleKo: string;
  titleEn: string;
  descriptionKo: string;
  descriptionEn: string;
  district: string | null;
  positions: number;
  hourlyWageKrw: number;
  hoursPerDay: number;
  daysPerWeek: number;
  outdoor: boolean;
}) {
  return {
    titleKo: posting.titleKo,
    titleEn: posting.titleEn,
    descriptionKo: posting.descriptionKo,
    descriptionEn: posting.descriptionEn,
    district: posting.district ?? undefined,
    positions: posting.positions,
    hourlyWageKrw: posting.hourlyWageKrw,
    hoursPerDay: posting.hoursPerDay,
    daysPerWeek: posting.daysPerWeek,
    outdoor: on(posting.outdoor),
  };
}

export function postingFormValues(
  posting: Parameters<typeof siteFormValues>[0] & {
    kind: string;
    newDealCategory: string | null;
    durationMonths: number | null;
    startDate: string;
    endDate: string;
    applicationOpensAt: Date;
    applicationClosesAt: Date;
    eligibility: CriteriaRow;
  },
) {
  return {
    ...siteFormValues(posting),
    kind: posting.kind,
    newDealCategory: posting.newDealCategory ?? undefined,
    durationMonths: posting.durationMonths ?? undefined,
    startDate: posting.startDate,
    endDate: posting.endDate,
    ...windowValues(posting.applicationOpensAt, posting.applicationClosesAt),
    ...criteriaValues(posting.eligibility),
  };
}

export function roundFormValues(round: {
  nameKo: string;
  nameEn: string;
  descriptionKo: string;
  descriptionEn: string;
  year: number;
  roundNumber: number;
  workStartDate: string;
  workEndDate: string;
  applicationOpensAt: Date;
  applicationClosesAt: Date;
  eligibility: CriteriaRow;
}) {
  return {
    nameKo: round.nameKo,
    nameEn: round.nameEn,
    descriptionKo: round.descriptionKo,
    descriptionEn: round.descriptionEn,
    year: round.year,
    roundNumber: round.roundNumber,
    workStartDate: round.workStartDate,
    workEndDate: round.workEndDate,
    ...windowValues(round.applicationOpensAt, round.applicationClosesAt),
    ...criteriaValues(round.eligibility),
  };
}
