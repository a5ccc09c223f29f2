// Validation of every jobs form and of the search URL, shared by the browser (Conform) and the
// server. Messages are i18next keys, translated where they are shown.
import { z } from "zod";
import { DISTRICT_CODES } from "~/domain/residents/districts";
import { WORKER_TYPES } from "~/domain/residents/types";
import { seoulInstant } from "~/domain/shared/seoul-time";
import {
  checkboxChecked,
  CLOCK_TIME,
  isoDate,
  optionalText,
  requiredText,
} from "~/domain/shared/validation";
import {
  DECISIONS,
  SETTLING_DECISIONS,
  MAX_SITE_PREFERENCES,
  NEW_DEAL_CATEGORIES,
  NEW_DEAL_MAX_MONTHS,
  POSTING_KINDS,
  SORTS,
  STANDALONE_KINDS,
  WINDOW_FILTERS,
  APPLICANT_STATUS_FILTERS,
} from "./types";
import { pageField } from "~/domain/shared/page-parameter";
import { messageWithValues } from "~/domain/shared/message-values";
import { belowFloor, WAGE_FLOOR_KINDS, type WageFloor, type WorkPeriod } from "./wage-floors";

/** A checkbox: sent as "on" when ticked, absent otherwise. */
const flag = z
  .string()
  .optional()
  .transform((value) => value === "on" || value === "true");

// ───────────── search (GET, state in the URL) ─────────────

export const SearchSchema = z.object({
  q: z.string().trim().max(100, "validation:tooLong").optional(),
  kind: z.enum(POSTING_KINDS).optional(),
  category: z.enum(NEW_DEAL_CATEGORIES).optional(),
  district: z.enum(DISTRICT_CODES).optional(),
  minWage: z
    .number({ invalid_type_error: "jobs:errors.number" })
    .int("jobs:errors.number")
    .min(0, "jobs:errors.number")
    .max(1_000_000, "jobs:errors.wageTooHigh")
    .optional(),
  /** current = open now or opening later; open = open now; all = also closed ones */
  window: z.enum(WINDOW_FILTERS).default("current"),
  /** only what the logged-in resident is eligible for */
  eligible: flag,
  sort: z.enum(SORTS).default("closing"),
  page: pageField({ invalid: "jobs:errors.number", tooHigh: "jobs:errors.pageTooHigh" }).default(1),
});
export type SearchQuery = z.infer<typeof SearchSchema>;

// ───────────── applying ─────────────

const applicationFields = {
  motivation: requiredText(1000),
  availability: optionalText(300),
  contactConsent: checkboxChecked("jobs:errors.contactConsent"),
  /** random per rendered form: a form sent twice makes one application */
  idempotencyKey: z.string().trim().min(8).max(100),
};

export const ApplySchema = z.object(applicationFields);
export type ApplyInput = z.infer<typeof ApplySchema>;

export const RoundApplySchema = z
  .object({
    ...applicationFields,
    site1: z.string({ required_error: "jobs:errors.firstSiteRequired" }).trim().min(1).max(40),
    site2: z.string().trim().max(40).optional(),
    site3: z.string().trim().max(40).optional(),
  })
  .superRefine((value, ctx) => {
    const seen = new Set<string>();
    (["site1", "site2", "site3"] as const).forEach((key) => {
      const site = value[key];
      if (!site) return;
      if (seen.has(site))
        ctx.addIssue({ code: "custom", path: [key], message: "jobs:errors.sitesDistinct" });
      seen.add(site);
    });
  });
export type RoundApplyInput = z.infer<typeof RoundApplySchema>;

/** The chosen sites in order of preference, gaps closed ("1st, –, 3rd" becomes ranks 1 and 2). */
export function rankedSites(input: Pick<RoundApplyInput, "site1" | "site2" | "site3">): string[] {
  return [input.site1, input.site2, input.site3]
    .filter((s): s is string => Boolean(s))
    .slice(0, MAX_SITE_PREFERENCES);
}

export const WithdrawSchema = z.object({
  intent: z.literal("withdraw"),
  confirm: checkboxChecked("jobs:applications.confirmRequired"),
});

// ───────────── staff decisions ─────────────

export const DecisionSchema = z.object({
  intent: z.enum(DECISIONS),
  applicationId: z.string().trim().min(1).max(40),
  /** public-work rounds: the preferred site the decision is for */
  sitePostingId: z.string().trim().max(40).optional(),
  /** sent by the confirmation step: without it a settling decision only asks to be confirmed */
  confirm: z.literal("yes").optional(),
});

/** Undoing a settling decision while its message still waits. */
export const UndoDecisionSchema = z.object({
  intent: z.literal("undo"),
  applicationId: z.string().trim().min(1).max(40),
  changeId: z.string().trim().min(1).max(40),
});

/**
 * The confirmation step of a settling decision, in the list's address (`?confirm=<application>
 * &decision=select&confirmSite=<site>`), so it survives a reload and works without JavaScript.
 * Anything malformed simply shows the list.
 */
export const ConfirmDecisionQuerySchema = z.object({
  confirm: z.string().trim().min(1).max(40),
  decision: z.enum(SETTLING_DECISIONS),
  confirmSite: z.string().trim().max(40).optional(),
});

export const ApplicantFilterSchema = z.object({
  status: z.enum(APPLICANT_STATUS_FILTERS).default("all"),
  q: z.string().trim().max(50, "validation:tooLong").optional(),
  /** rounds: applicants who chose this site */
  site: z.string().trim().max(40).optional(),
  page: pageField({ invalid: "jobs:errors.number" }).default(1),
});
export type ApplicantFilter = z.infer<typeof ApplicantFilterSchema>;

// ───────────── staff: postings and rounds ─────────────

const clockTime = z
  .string({ required_error: "validation:required" })
  .regex(CLOCK_TIME, "jobs:errors.time");
const integer = (min: number, max: number, message: string) =>
  z
    .number({ required_error: "validation:required", invalid_type_error: "jobs:errors.number" })
    .int("jobs:errors.number")
    .min(min, message)
    .max(max, message);

/** The eligibility criteria a posting, round or program asks (one shape for every service). */
export const criteriaFields = {
  minAge: integer(0, 120, "jobs:errors.age").optional(),
  maxAge: integer(0, 120, "jobs:errors.age").optional(),
  ageReferenceDate: isoDate.optional(),
  seoulResidentRequired: flag,
  unemployedRequired: flag,
  noRegularIncomeRequired: flag,
  registeredJobSeekerRequired: flag,
  workerTypes: z.array(z.enum(WORKER_TYPES)).default([]),
  districts: z.array(z.enum(DISTRICT_CODES)).default([]),
};

const windowFields = {
  opensDate: isoDate,
  opensTime: clockTime,
  closesDate: isoDate,
  closesTime: clockTime,
};

const textFields = {
  titleKo: requiredText(120),
  titleEn: requiredText(120),
  descriptionKo: requiredText(5000),
  descriptionEn: requiredText(5000),
};

/** What a public-work site needs; the round gives it its kind, dates, window and criteria. */
const siteFields = {
  ...textFields,
  district: z.enum(DISTRICT_CODES).optional(),
  positions: integer(1, 10_000, "jobs:errors.positions"),
  hourlyWageKrw: integer(1, 1_000_000, "jobs:errors.wage"),
  hoursPerDay: z
    .number({ required_error: "validation:required", invalid_type_error: "jobs:errors.number" })
    .min(0.5, "jobs:errors.hoursPerDay")
    .max(12, "jobs:errors.hoursPerDay")
    .refine((h) => Number.isInteger(h * 2), "jobs:errors.hoursPerDay"),
  daysPerWeek: integer(1, 7, "jobs:errors.daysPerWeek"),
  outdoor: flag,
};

/** Admins choose the organisation a new posting or round belongs to; staff always use their own. */
const ownerField = { organizationId: z.string().trim().max(40).optional() };

type WindowValues = {
  opensDate: string;
  opensTime: string;
  closesDate: string;
  closesTime: string;
};
type CriteriaValues = { minAge?: number; maxAge?: number };

function checkWindow(value: WindowValues, startDate: string, ctx: z.RefinementCtx) {
  const opens = seoulInstant(value.opensDate, value.opensTime);
  const closes = seoulInstant(value.closesDate, value.closesTime);
  if (closes <= opens)
    ctx.addIssue({
      code: "custom",
      path: ["closesDate"],
      message: "jobs:errors.closesBeforeOpens",
    });
  else if (closes > seoulInstant(startDate))
    ctx.addIssue({ code: "custom", path: ["closesDate"], message: "jobs:errors.windowAfterStart" });
}

/**
 * The hourly wage against the floors of every year of the work period (the minimum wage; for New
 * Deal also the living wage where recorded): the first one it falls below, named with its year.
 */
function checkWageFloors(
  value: { hourlyWageKrw: number },
  period: WorkPeriod,
  kind: string,
  floors: readonly WageFloor[],
  ctx: z.RefinementCtx,
) {
  const violation = belowFloor(value.hourlyWageKrw, period, kind, floors);
  if (!violation) return;
  const key = violation.kind === "living" ? "belowLivingWage" : "belowMinimumWage";
  ctx.addIssue({
    code: "custom",
    path: ["hourlyWageKrw"],
    message: messageWithValues(`jobs:errors.${key}${violation.latestKnown ? "Latest" : ""}`, {
      year: violation.year,
      floorKrw: violation.floorKrw,
      fromYear: violation.fromYear,
    }),
  });
}

export function checkAges(value: CriteriaValues, ctx: z.RefinementCtx) {
  if (value.minAge !== undefined && value.maxAge !== undefined && value.minAge > value.maxAge)
    ctx.addIssue({ code: "custom", path: ["maxAge"], message: "jobs:errors.ageOrder" });
}

/**
 * A posting: every one pays at least the minimum wage of each year it covers, New Deal ones also
 * the Seoul living wage of those years (where recorded) and last at most 23 months.
 */
export function postingSchema(options: { floors: readonly WageFloor[] }) {
  return z
    .object({
      ...siteFields,
      ...windowFields,
      ...criteriaFields,
      ...ownerField,
      kind: z.enum(STANDALONE_KINDS),
      newDealCategory: z.enum(NEW_DEAL_CATEGORIES).optional(),
      durationMonths: integer(1, 60, "jobs:errors.duration").optional(),
      startDate: isoDate,
      endDate: isoDate,
    })
    .superRefine((value, ctx) => {
      const newDeal = value.kind === "new_deal";
      if (newDeal && !value.newDealCategory)
        ctx.addIssue({ code: "custom", path: ["newDealCategory"], message: "validation:required" });
      if (!newDeal && value.newDealCategory)
        ctx.addIssue({
          code: "custom",
          path: ["newDealCategory"],
          message: "jobs:errors.categoryOnlyNewDeal",
        });
      if (newDeal && (value.durationMonths ?? NEW_DEAL_MAX_MONTHS + 1) > NEW_DEAL_MAX_MONTHS)
        ctx.addIssue({
          code: "custom",
          path: ["durationMonths"],
          message: "jobs:errors.newDealDuration",
        });
      if (value.endDate < value.startDate)
        ctx.addIssue({ code: "custom", path: ["endDate"], message: "jobs:errors.endBeforeStart" });
      else checkWageFloors(value, value, value.kind, options.floors, ctx);
      checkWindow(value, value.startDate, ctx);
      checkAges(value, ctx);
    });
}
export type PostingInput = z.infer<ReturnType<typeof postingSchema>>;

/**
 * A public-work site: its round gives the work period and kind, and the wage must meet the floors
 * of that period.
 */
export function siteSchema(options: {
  floors: readonly WageFloor[];
  period: WorkPeriod;
  kind: string;
}) {
  return z
    .object(siteFields)
    .superRefine((value, ctx) =>
      checkWageFloors(value, options.period, options.kind, options.floors, ctx),
    );
}
export type SiteInput = z.infer<ReturnType<typeof siteSchema>>;

export const RoundSchema = z
  .object({
    ...windowFields,
    ...criteriaFields,
    ...ownerField,
    nameKo: requiredText(120),
    nameEn: requiredText(120),
    descriptionKo: requiredText(5000),
    descriptionEn: requiredText(5000),
    year: integer(2000, 2100, "jobs:errors.year"),
    roundNumber: integer(1, 4, "jobs:errors.roundNumber"),
    workStartDate: isoDate,
    workEndDate: isoDate,
  })
  .superRefine((value, ctx) => {
    if (value.workEndDate < value.workStartDate)
      ctx.addIssue({
        code: "custom",
        path: ["workEndDate"],
        message: "jobs:errors.endBeforeStart",
      });
    checkWindow(value, value.workStartDate, ctx);
    checkAges(value, ctx);
  });
export type RoundInput = z.infer<typeof RoundSchema>;

// ───────────── administrators: wage floors ─────────────

export const WageFloorSchema = z.object({
  kind: z.enum(WAGE_FLOOR_KINDS),
  year: integer(2000, 2100, "jobs:errors.wageYear"),
  hourlyKrw: integer(1, 1_000_000, "jobs:errors.wageHourly"),
  source: requiredText(200),
});
export type WageFloorInput = z.infer<typeof WageFloorSchema>;
