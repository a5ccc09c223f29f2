// What each message is, who may turn it off, where it goes and when a text may be sent: the
// rules of the outbox, pure so that they are tested without a database or a gateway.
import { addDays, seoulInstant, seoulParts } from "~/domain/shared/seoul-time";

/** Topics a resident may turn off (account page "Messages"). Everything else is always sent. */
export const OPTIONAL_TOPICS = ["receipts", "reminders", "waitlist", "follows"] as const;
export type OptionalTopic = (typeof OPTIONAL_TOPICS)[number];
/**
 * `required`: changes made by others that the resident must know of (staff moved or cancelled a
 * booking, a selection result); `account`: codes and links sent to one address on request.
 */
export type Topic = "required" | "account" | OptionalTopic;

const TEMPLATE_TOPICS: Record<string, Topic> = {
  welcome: "receipts",
  email_verification: "account",
  password_reset: "account",
  password_changed: "account",
  phone_code: "account",
  booking_confirmed: "receipts",
  booking_cancelled: "receipts",
  booking_rescheduled: "receipts",
  booking_reminder: "reminders",
  event_reminder: "reminders",
  slot_blocked: "required",
  waitlist_offer: "waitlist",
  waitlist_offer_expired: "waitlist",
  booking_lottery_won: "required",
  booking_lottery_waitlisted: "required",
  booking_lottery_ended: "required",
  booking_lottery_slot_cancelled: "required",
  event_lottery_won: "required",
  event_lottery_waitlisted: "required",
  event_seat_offered: "waitlist",
  event_offer_expired: "waitlist",
  application_received: "receipts",
  application_under_review: "receipts",
  application_withdrawn: "receipts",
  application_selected: "required",
  application_waitlisted: "required",
  application_rejected: "required",
  application_promoted: "required",
  posting_opened: "follows",
  posting_closing: "follows",
  event_cancelled: "required",
  event_rescheduled: "required",
  // the same move told to someone still without a seat: no calendar file to offer them
  event_rescheduled_applicant: "required",
};

/** The topic of a template; unknown templates are required (never silently dropped). */
export function topicOf(template: string): Topic {
  return TEMPLATE_TOPICS[template] ?? "required";
}

export const isOptionalTopic = (topic: string): topic is OptionalTopic =>
  (OPTIONAL_TOPICS as readonly string[]).includes(topic);

export function parseMutedTopics(stored: string): OptionalTopic[] {
  return stored
    .split(",")
    .map((topic) => topic.trim())
    .filter(isOptionalTopic);
}

export function serializeMutedTopics(topics: readonly string[]): string {
  return OPTIONAL_TOPICS.filter((topic) => topics.includes(topic)).join(",");
}

export const CHANNEL_CHOICES = ["email", "sms", "both"] as const;
export type ChannelChoice = (typeof CHANNEL_CHOICES)[number];
export type Channel = "email" | "sms";

export type MessagingPreferences = {
  email: string | null;
  phone: string | null;
  phoneVerifiedAt: Date | null;
  messageChannels: string;
  mutedTopics: string;
};

/**
 * The channels a message of `topic` goes out on. Texts go only to a verified phone; a resident who
 * chose texts but has no verified phone gets e-mail instead, so that nothing is lost.
 */
export function channelsFor(resident: MessagingPreferences, topic: Topic): Channel[] {
  if (isOptionalTopic(topic) && parseMutedTopics(resident.mutedTopics).includes(topic)) return [];
  const canText = Boolean(resident.phone && resident.phoneVerifiedAt);
  const wanted = resident.messageChannels;
  const channels: Channel[] = [];
  if (resident.email && (wanted !== "sms" || !canText)) channels.push("email");
  if (canText && (wanted === "sms" || wanted === "both")) channels.push("sms");
  return channels;
}

// ───────────── quiet hours ─────────────

/** No optional text between 21:00 and 08:00 Seoul time. */
const QUIET_HOURS = { from: 21, until: 8 } as const;

/**
 * When a text may go out. Required and account texts go at once; an optional one that falls in the
 * quiet hours waits until 08:00, unless it would be pointless by then (a waitlist offer whose hold
 * ends sooner): that one goes at once.
 */
export function textSendTime(at: Date, topic: Topic, expiresAt?: Date | null): Date {
  if (!isOptionalTopic(topic)) return at;
  const { date, minutes } = seoulParts(at);
  if (minutes >= QUIET_HOURS.until * 60 && minutes < QUIET_HOURS.from * 60) return at;
  const morningDate = minutes >= QUIET_HOURS.from * 60 ? addDays(date, 1) : date;
  const morning = seoulInstant(morningDate, `0${QUIET_HOURS.until}:00`.slice(-5));
  if (expiresAt && expiresAt.getTime() <= morning.getTime()) return at;
  return morning;
}

// ───────────── text length ─────────────

/**
 * Korean carriers count an SMS in EUC-KR bytes: 90 at most, Hangul and other wide characters
 * count 2, ASCII 1. Longer texts go as LMS (2,000 bytes, with a subject).
 */
const SMS_MAX_BYTES = 90;
const LMS_MAX_BYTES = 2000;

export function textBytes(text: string): number {
  let bytes = 0;
  for (const character of text) bytes += character.codePointAt(0)! < 0x80 ? 1 : 2;
  return bytes;
}

export function textKind(text: string): "SMS" | "LMS" {
  return textBytes(text) <= SMS_MAX_BYTES ? "SMS" : "LMS";
}

/** Cuts a text to the LMS limit (by bytes, never inside a character). */
export function fitText(text: string, maxBytes = LMS_MAX_BYTES): string {
  if (textBytes(text) <= maxBytes) return text;
  let out = "";
  let bytes = 0;
  for (const character of text) {
    const size = character.codePointAt(0)! < 0x80 ? 1 : 2;
    if (bytes + size > maxBytes - 3) break;
    out += character;
    bytes += size;
  }
  return `${out}...`;
}

// ───────────── retries ─────────────

/** Attempts before a message is dead-lettered ("failed") and its desk is told. */
export const MAX_ATTEMPTS = 5;

/** Waiting time before attempt `attempts + 1`: 2, 4, 8, 16 minutes. */
export function retryDelayMs(attempts: number): number {
  return 2 ** attempts * 60_000;
}
