// Coded values of the Resident profile. Stored as strings (see prisma/schema.prisma), checked here.

import { SUPPORTED_LANGUAGES, type SupportedLanguage } from "~/utils/i18n";

export const EMPLOYMENT_STATUSES = [
  "employed",
  "unemployed",
  "student",
  "self_employed",
  "other",
] as const;
export type EmploymentStatus = (typeof EMPLOYMENT_STATUSES)[number];

export const WORKER_TYPES = [
  "designated_driver",
  "courier",
  "media",
  "platform",
  "other",
  "none",
] as const;

/** A resident's language for pages and messages: every site language. */
export const LANGUAGES = SUPPORTED_LANGUAGES;
export type Language = SupportedLanguage;

/** How long a session lasts without being used again (the cookie's max-age too). */
export const SESSION_MAX_AGE_SECONDS = 60 * 60 * 24 * 14;

export const ROLES = ["resident", "staff", "admin"] as const;
export type Role = (typeof ROLES)[number];

/** What every page may know about the person asking (no secrets, no sensitive profile data). */
export type SessionUser = {
  id: string;
  name: string;
  role: Role;
  staffPlaceId: string | null;
  staffOrganizationId: string | null;
  preferredLanguage: Language;
};

/** The shortest password an account may have (checked by the schemas, shown by the forms). */
export const PASSWORD_MIN = 10;

/** How long a "forgot password" link works (recovery.server.ts). */
export const PASSWORD_RESET_MINUTES = 30;
/** How long an e-mail confirmation link works. */
export const EMAIL_VERIFICATION_DAYS = 7;
