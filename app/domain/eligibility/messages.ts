// Eligibility reasons and requirements in the person's language. Works with any i18next `t`
// (server: getServerT, browser: useTranslation) that has the "eligibility", "districts" and
// "account" namespaces loaded.
import { formatCalendarDate } from "~/utils/format";
import { intlLocale } from "~/utils/i18n";
import type { Reason, Requirement } from "./judge";

/** Any i18next `t` (typed keys are checked where they are written, not here). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyT = (...args: any[]) => any;

// one list formatter per language (building one costs far more than using it)
const listFormats = new Map<string, Intl.ListFormat>();

function list(t: AnyT, locale: string, keys: string[]) {
  let format = listFormats.get(locale);
  if (!format) {
    format = new Intl.ListFormat(intlLocale(locale), { type: "disjunction" });
    listFormats.set(locale, format);
  }
  return format.format(keys.map((key) => (t as (k: string) => string)(key)));
}

export function reasonMessage(t: AnyT, reason: Reason, locale: string): string {
  const tr = t as (key: string, options?: Record<string, unknown>) => string;
  switch (reason.code) {
    case "tooYoung":
      return tr("eligibility:reason.tooYoung", {
        age: reason.minAge,
        date: formatCalendarDate(reason.date, locale),
      });
    case "tooOld":
      return tr("eligibility:reason.tooOld", {
        age: reason.maxAge,
        date: formatCalendarDate(reason.date, locale),
      });
    case "tooYoungThisYear":
      return tr("eligibility:reason.tooYoungThisYear", {
        age: reason.minYearAge,
        year: reason.year,
      });
    case "districtNotAccepted":
      return tr("eligibility:reason.districtNotAccepted", {
        districts: list(
          t,
          locale,
          reason.districts.map((d) => `districts:${d}`),
        ),
      });
    case "workerTypeNotAccepted":
      return tr("eligibility:reason.workerTypeNotAccepted", {
        types: list(
          t,
          locale,
          reason.workerTypes.map((w) => `account:workerType.${w}`),
        ),
      });
    default:
      return tr(`eligibility:reason.${reason.code}`);
  }
}

/**
 * The profile field to change for a reason, or null when the profile is right and there is
 * nothing to change: an age outside the limits is a fact, not a setting (a 45-year-old is not
 * told to change their date of birth).
 */
export function reasonFix(t: AnyT, reason: Reason): string | null {
  if (reason.code === "tooYoung" || reason.code === "tooOld" || reason.code === "tooYoungThisYear")
    return null;
  const tr = t as (key: string) => string;
  return tr(`eligibility:fix.${reason.field}`);
}

export function requirementMessage(t: AnyT, requirement: Requirement, locale: string): string {
  const tr = t as (key: string, options?: Record<string, unknown>) => string;
  switch (requirement.code) {
    case "ageRange":
      return tr("eligibility:requirement.ageRange", {
        min: requirement.minAge,
        max: requirement.maxAge,
      });
    case "minAge":
      return tr("eligibility:requirement.minAge", { min: requirement.minAge });
    case "maxAge":
      return tr("eligibility:requirement.maxAge", { max: requirement.maxAge });
    case "minYearAge":
      return tr("eligibility:requirement.minYearAge", { age: requirement.minYearAge });
    case "ageReferenceDate":
      return tr("eligibility:requirement.ageReferenceDate", {
        date: formatCalendarDate(requirement.date, locale),
      });
    case "districts":
      return tr("eligibility:requirement.districts", {
        districts: list(
          t,
          locale,
          requirement.districts.map((d) => `districts:${d}`),
        ),
      });
    case "workerTypes":
      return tr("eligibility:requirement.workerTypes", {
        types: list(
          t,
          locale,
          requirement.workerTypes.map((w) => `account:workerType.${w}`),
        ),
      });
    default:
      return tr(`eligibility:requirement.${requirement.code}`);
  }
}
