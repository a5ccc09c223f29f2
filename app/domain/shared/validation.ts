// Shared zod building blocks. Every message is an i18next key ("validation:…"), translated where
// it is shown, so the same schema gives errors in the person's language on client and server.
import { z } from "zod";
import { withoutUnsafeCharacters } from "./text";

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
export const CLOCK_TIME = /^([01]\d|2[0-3]):[0-5]\d$/;

/** Every zod issue without an explicit message still becomes a translatable key. */
const i18nErrorMap: z.ZodErrorMap = (issue, ctx) => {
  switch (issue.code) {
    case z.ZodIssueCode.invalid_type:
      return {
        message: issue.received === "undefined" ? "validation:required" : "validation:invalid",
      };
    case z.ZodIssueCode.too_small:
      return { message: "validation:tooShort" };
    case z.ZodIssueCode.too_big:
      return { message: "validation:tooLong" };
    case z.ZodIssueCode.invalid_enum_value:
    case z.ZodIssueCode.invalid_literal:
      return { message: "validation:invalidChoice" };
    default:
      return {
        message: ctx.defaultError.startsWith("validation:")
          ? ctx.defaultError
          : "validation:invalid",
      };
  }
};
z.setErrorMap(i18nErrorMap);

/** Text as people type it, with unsafe characters removed before it is checked and stored. */
export const requiredText = (max: number) =>
  z
    .string({ required_error: "validation:required" })
    .transform(withoutUnsafeCharacters)
    .pipe(z.string().trim().min(1, "validation:required").max(max, "validation:tooLong"));

export const optionalText = (max: number) =>
  z
    .string()
    .transform(withoutUnsafeCharacters)
    .pipe(z.string().trim().max(max, "validation:tooLong"))
    .optional();

/** A real calendar date "YYYY-MM-DD" (rejects 2026-02-30). */
export const isoDate = z
  .string({ required_error: "validation:required" })
  .regex(ISO_DATE, "validation:date")
  .refine(isRealDate, "validation:date");

export function isRealDate(value: string): boolean {
  if (!ISO_DATE.test(value)) return false;
  const [y, m, d] = value.split("-").map(Number) as [number, number, number];
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

/** Tri-state answer of a radio group: "yes" | "no" | "" (not answered) → true | false | null. */
export const yesNoUnknown = z
  .enum(["yes", "no", "unknown"])
  .optional()
  .transform((v) => (v === "yes" ? true : v === "no" ? false : null));

export const checkboxChecked = (message: string) =>
  z
    .string()
    .optional()
    .refine((v) => v === "on" || v === "true", message);

/** Korean phone numbers as people type them: 010-1234-5678, 02-123-4567, 01012345678. */
export const phoneNumber = z
  .string()
  .trim()
  .regex(/^0\d{1,2}-?\d{3,4}-?\d{4}$/, "validation:phone");
