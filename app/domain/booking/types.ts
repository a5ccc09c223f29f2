// Coded values of the booking capability. Stored as strings (see prisma/schema.prisma), checked here.
import type { Reason } from "~/domain/eligibility/judge";
import type { Failure } from "~/domain/shared/outcome";

export type BookingStatus = "confirmed" | "cancelled" | "attended" | "no_show";

/** Labor-rights consultation topics, in the order the form lists them. */
export const LABOR_TOPICS = [
  "unpaid_wages",
  "dismissal",
  "working_hours",
  "industrial_accident",
  "harassment",
  "contract",
  "part_time",
  "other",
] as const;
export type LaborTopic = (typeof LABOR_TOPICS)[number];

export const CHANNELS = ["in_person", "phone", "video"] as const;
export type Channel = (typeof CHANNELS)[number];

/** Service kind whose bookings carry a topic, a channel, a confidential description and consent. */
export const LABOR_CONSULTATION = "labor_consultation";

/**
 * Why staff cancel a booking for a resident (audited as a code: the log keeps no personal story).
 * The resident is told as when they cancel themself.
 */
export const STAFF_CANCEL_REASONS = [
  "resident_asked",
  "center_unavailable",
  "booked_in_error",
  "other",
] as const;
export type StaffCancelReason = (typeof STAFF_CANCEL_REASONS)[number];

/**
 * Longest text another page may hand to the consultation form as the start of its description
 * (?note=, e.g. a calculator's result): longer is cut, so a link cannot fill the form.
 */
export const LABOR_NOTE_MAX = 600;

/** Longest consultation description a resident may write. */
export const DESCRIPTION_MAX = 2000;

export const CONSENT_KIND = "labor_consultation_sensitive";
/** Bump when the privacy notice of the consultation form changes: consents record the version. */
export const CONSENT_VERSION = "2026-11";

/** The codes booking, the waitlist and the staff pages refuse with; each has a message in booking.json. */
// (Failure<BookingCode> below only accepts codes of the shared list)
export type BookingCode =
  | "notFound"
  | "wrongService"
  | "past"
  | "blocked"
  | "full"
  | "notFull"
  | "alreadyBooked"
  | "alreadyWaiting"
  | "overlap"
  | "limit"
  | "yearlyLimit"
  | "ineligible"
  | "phoneRequired"
  | "channelNotOffered"
  | "tooLate"
  | "notLive"
  | "sameSlot"
  | "offerGone"
  | "notStarted"
  | "formExpired"
  | "notAllowed"
  | "alreadyApplied"
  | "closed";

/** Why booking refused, with what its message needs: the reasons, whom to call. */
export type BookingFailure = Failure<
  BookingCode,
  {
    /** eligibility reasons, for "ineligible" */
    reasons?: Reason[];
    /** whom to call, for "tooLate" */
    phone?: string | null;
    /** the service's yearly limit, for "yearlyLimit" */
    limit?: number;
  }
>;

export function parseChannels(value: string): Channel[] {
  return value
    .split(",")
    .map((c) => c.trim())
    .filter((c): c is Channel => (CHANNELS as readonly string[]).includes(c));
}

/** One time on the time-choice pages (and in the live availability JSON). */
export type TimeChoice = {
  id: string;
  /** ISO instant */
  startsAt: string;
  /** ISO instant */
  endsAt: string;
  capacity: number;
  remaining: number;
  state: "open" | "full" | "blocked" | "past";
  channels: Channel[];
};

/** One day of the day list: how many of its times are still open. */
export type DaySummary = { date: string; open: number; total: number };

/** What a refusal on a booking page was about when not a booking (its own wording, RefusalAlert). */
export type RefusalAbout = "application" | "waitlist" | "draw";
