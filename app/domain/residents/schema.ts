// Validation of every resident form, shared by the browser (Conform) and the server.
import { z } from "zod";
import {
  checkboxChecked,
  isoDate,
  phoneNumber,
  requiredText,
  yesNoUnknown,
} from "~/domain/shared/validation";
import { DISTRICT_CODES } from "./districts";
import { EMPLOYMENT_STATUSES, LANGUAGES, ROLES, WORKER_TYPES } from "./types";
import { PASSWORD_MIN } from "./types";

const PASSWORD_MAX = 128;

const email = z
  .string({ required_error: "validation:required" })
  .trim()
  .toLowerCase()
  .max(254, "validation:tooLong")
  .email("validation:email");

const newPassword = z
  .string({ required_error: "validation:required" })
  .min(PASSWORD_MIN, "validation:passwordTooShort")
  .max(PASSWORD_MAX, "validation:passwordTooLong");

const phone = phoneNumber.optional();

const birthDate = isoDate
  .refine((value) => value >= "1900-01-01", "validation:birthDateRange")
  .refine((value) => value <= new Date().toISOString().slice(0, 10), "validation:birthDateFuture")
  .optional();

export const SignupSchema = z
  .object({
    email,
    name: requiredText(50),
    password: newPassword,
    passwordConfirm: z.string({ required_error: "validation:required" }),
    preferredLanguage: z.enum(LANGUAGES).default("ko"),
    acceptTerms: checkboxChecked("validation:acceptTerms"),
    acceptPrivacy: checkboxChecked("validation:acceptPrivacy"),
    /** where to go once signed up (a page that needed an account); checked by safeRedirect */
    redirectTo: z.string().max(2000).optional(),
  })
  .refine((data) => data.password === data.passwordConfirm, {
    path: ["passwordConfirm"],
    message: "validation:passwordMismatch",
  });

export const LoginSchema = z.object({
  email,
  password: z
    .string({ required_error: "validation:required" })
    .max(PASSWORD_MAX, "validation:tooLong"),
  redirectTo: z.string().optional(),
});

export const ProfileSchema = z.object({
  name: requiredText(50),
  birthDate,
  phone,
  /** "outside" = lives outside Seoul */
  district: z.enum([...DISTRICT_CODES, "outside"]).optional(),
  employmentStatus: z.enum(EMPLOYMENT_STATUSES).optional(),
  registeredJobSeeker: yesNoUnknown,
  hasRegularIncome: yesNoUnknown,
  workerType: z.enum(WORKER_TYPES).optional(),
  preferredLanguage: z.enum(LANGUAGES),
});
export type ProfileInput = z.infer<typeof ProfileSchema>;

export const ChangePasswordSchema = z
  .object({
    currentPassword: z.string({ required_error: "validation:required" }).max(PASSWORD_MAX),
    newPassword,
    newPasswordConfirm: z.string({ required_error: "validation:required" }),
  })
  .refine((data) => data.newPassword === data.newPasswordConfirm, {
    path: ["newPasswordConfirm"],
    message: "validation:passwordMismatch",
  });

/** "Forgot password": the address to send a link to. */
export const ForgotPasswordSchema = z.object({ email });

/** A new password chosen through a reset link: the same rules as at sign-up. */
export const ResetPasswordSchema = z
  .object({
    newPassword,
    newPasswordConfirm: z.string({ required_error: "validation:required" }),
  })
  .refine((data) => data.newPassword === data.newPasswordConfirm, {
    path: ["newPasswordConfirm"],
    message: "validation:passwordMismatch",
  });

export const DeleteAccountSchema = z.object({
  password: z.string({ required_error: "validation:required" }).max(PASSWORD_MAX),
  confirm: checkboxChecked("validation:confirmDeletion"),
});

/**
 * An administrator's change of someone's role. Staff work for a place (its bookings and details),
 * an organisation (its postings and applicants), or both; residents and admins are bound to none.
 */
export const RoleAssignmentSchema = z
  .object({
    role: z.enum(ROLES),
    staffPlaceId: z.string().max(64, "validation:invalidChoice").optional(),
    staffOrganizationId: z.string().max(64, "validation:invalidChoice").optional(),
  })
  .refine((input) => input.role !== "staff" || input.staffPlaceId || input.staffOrganizationId, {
    path: ["staffPlaceId"],
    message: "account:people.staffNeedsWorkplace",
  })
  .transform((input) =>
    input.role === "staff"
      ? {
          role: input.role,
          staffPlaceId: input.staffPlaceId ?? null,
          staffOrganizationId: input.staffOrganizationId ?? null,
        }
      : { role: input.role, staffPlaceId: null, staffOrganizationId: null },
  );
export type RoleAssignment = z.output<typeof RoleAssignmentSchema>;

/** /account/phone, step one: the number a code is sent to (whether it is a mobile: the domain). */
export const PhoneNumberSchema = z.object({
  phone: z
    .string({ required_error: "validation:required" })
    .trim()
    .min(1, "validation:required")
    .max(30, "validation:tooLong"),
});

/** /account/phone, step two: the six-digit code from the text. */
export const PhoneCodeSchema = z.object({
  code: z
    .string({ required_error: "validation:required" })
    .transform((value) => value.replace(/\s/g, ""))
    .pipe(z.string().regex(/^\d{6}$/, "validation:phoneCode")),
});
