// Coded values of the booking capability. Stored as strings (see prisma/schema.prisma), checked here.
import type { Reason } from "~/domain/eligibility/judge";

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

/** Longest consultation description a resident may write. */
export const DESCRIPTION_MAX = 2000;

export const CONSENT_KIND = "labor_consultation_sensitive";
/** Bump when the privacy notice of the consultation form changes: consents record the version. */
export const CONSENT_VERSION = "2026-11";

/** Why a booking, waitlist or staff request was refused; each has a message in booking.json. */
export type Refusal =
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
  | "ineligible"
  | "channelNotOffered"
  | "tooLate"
  | "notLive"
  | "sameSlot"
  | "offerGone"
  | "notStarted"
  | "formExpired";

/** A refusal as pages show it: its message key, the values the message needs, the reasons. */
export type RefusalView = {
  code: Refusal;
  params: { max: number; hours: number; phone: string };
  reasons: Reason[] | null;
};

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

/** HTTP status of a refusal: bad input 400, not allowed 403, unknown 404, state conflicts 409. */
export function refusalStatus(refusal: Refusal): number {
  switch (refusal) {
    case "notFound":
      return 404;
    case "wrongService":
    case "channelNotOffered":
    case "formExpired":
      return 400;
    case "ineligible":
      return 403;
    default:
      return 409;
  }
}

/** The name of a place or service in the page's language. */
export function localName(item: { nameKo: string; nameEn: string }, locale: string): string {
  return locale === "en" ? item.nameEn : item.nameKo;
}
