// The calculators' forms (GET, so a result has an address that can be kept, printed or shared).
// Messages are i18next keys, translated where they are shown.
import { z } from "zod";
import { isoDate } from "~/domain/shared/validation";
import type { CalculatorName } from "./types";

const number = (min: number, max: number, options: { integer?: boolean } = {}) => {
  const base = z.number({
    required_error: "validation:required",
    invalid_type_error: "labor:calc.errors.number",
  });
  return (options.integer ? base.int("labor:calc.errors.whole") : base)
    .min(min, min > 0 ? "labor:calc.errors.positive" : "labor:calc.errors.negative")
    .max(max, "labor:calc.errors.tooLarge");
};

const hourlyWage = number(1, 1_000_000, { integer: true });
/** at most every hour of a week; half hours allowed (14.5 hours a week) */
const weeklyHours = number(0.5, 168);

export const WeeklyRestSchema = z.object({
  calc: z.literal("weekly-rest"),
  hourlyWage,
  weeklyHours,
  workedEveryDay: z
    .string()
    .optional()
    .transform((v) => v === "on" || v === "true"),
});

export const SeveranceSchema = z
  .object({
    calc: z.literal("severance"),
    firstDay: isoDate,
    lastDay: isoDate,
    lastThreeMonthsPay: number(0, 10_000_000_000, { integer: true }),
    weeklyHours,
  })
  .refine((v) => v.lastDay >= v.firstDay, {
    path: ["lastDay"],
    message: "labor:calc.errors.lastBeforeFirst",
  });

export const UnpaidSchema = z.object({
  calc: z.literal("unpaid"),
  hourlyWage,
  weeklyHours,
  weeks: number(1, 520, { integer: true }),
  paid: number(0, 10_000_000_000, { integer: true }),
});

export const MinimumWageSchema = z.object({
  calc: z.literal("minimum"),
  hourlyWage,
  year: number(1988, 2100, { integer: true }),
});

export const CALCULATOR_SCHEMAS = {
  "weekly-rest": WeeklyRestSchema,
  unpaid: UnpaidSchema,
  severance: SeveranceSchema,
  minimum: MinimumWageSchema,
} as const satisfies Record<CalculatorName, z.ZodTypeAny>;
