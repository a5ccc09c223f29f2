// Questions asked without an account (/labor/ask, decision 0025): the topics, the case code and
// passphrase the asker keeps, how long a question is kept, and what a calculator result carries
// into a question. Pure: no database, no HTTP (codes are drawn in questions.server.ts).
import { DEFAULT_LANGUAGE, isSupportedLanguage, type SupportedLanguage } from "~/utils/i18n";

/** Question topics, in the order the form lists them. */
export const ASK_TOPICS = [
  "unpaid_wages",
  "weekly_rest",
  "severance",
  "dismissal",
  "harassment",
  "industrial_accident",
  "emotional_labor",
  "other",
] as const;
export type AskTopic = (typeof ASK_TOPICS)[number];

/** The staff queue's two lists: waiting for an answer, and answered. */
export const QUEUE_STATUSES = ["open", "answered"] as const;
export type QueueStatus = (typeof QUEUE_STATUSES)[number];

/** How the asker may be reached: "none" is "I will check back with my code". */
export const CONTACT_KINDS = ["phone", "email", "none"] as const;
export type ContactKind = (typeof CONTACT_KINDS)[number];

/** Longest question; the answer may be a little longer. */
export const QUESTION_MAX = 2000;
export const ANSWER_MAX = 4000;
/** Longest calculator summary carried into the form through the address. */
export const SUMMARY_MAX = 600;

/**
 * Characters of codes and passphrases: capitals and digits without the look-alikes 0/O, 1/I/L,
 * so that a code read aloud on the phone or copied by hand comes out right.
 */
export const CODE_ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";
export const CODE_LENGTH = 8;
export const PASSPHRASE_LENGTH = 12;

/** Groups of four joined by dashes: "Q7K4MP2X" → "Q7K4-MP2X". */
export function grouped(value: string): string {
  return value.match(/.{1,4}/g)?.join("-") ?? value;
}

/** Capitals without spaces and dashes, whatever the case typed. */
function normalized(value: string): string {
  return value.toUpperCase().replace(/[\s-]/g, "");
}

/** The code as shown and in addresses: "Q7K4-MP2X". */
export function displayCode(code: string): string {
  return grouped(code);
}

/** The stored form of a code typed or linked ("q7k4-mp2x" → "Q7K4MP2X"); null if it cannot be one. */
export function parseCaseCode(value: string): string | null {
  const code = normalized(value);
  return code.length === CODE_LENGTH && [...code].every((c) => CODE_ALPHABET.includes(c))
    ? code
    : null;
}

/** The passphrase as hashed: the same whatever the case and dashes the asker types. */
export function passphraseKey(value: string): string {
  return normalized(value);
}

/** The language a question was asked in, as one the staff labels name (any site language). */
export function languageOf(stored: string): SupportedLanguage {
  return isSupportedLanguage(stored) ? stored : DEFAULT_LANGUAGE;
}

// ───────────── retention ─────────────

/** An answered question is deleted this many days after the answer or the asker's last read. */
export const ANSWERED_KEEP_DAYS = 30;
/** A question never answered is deleted this many days after it was asked. */
export const OPEN_KEEP_DAYS = 90;

const DAY_MS = 86_400_000;

/** Instants before which questions are deleted, per status, at `now`. */
export function retentionCutoffs(now: Date): { answered: Date; open: Date } {
  return {
    answered: new Date(now.getTime() - ANSWERED_KEEP_DAYS * DAY_MS),
    open: new Date(now.getTime() - OPEN_KEEP_DAYS * DAY_MS),
  };
}

// ───────────── form timing ─────────────

/** A person takes at least this long to fill the form; a faster one is a script. */
export const MIN_FILL_MS = 3_000;
/** A form left open longer than this is sent again (with what was typed) under a new stamp. */
export const MAX_FORM_AGE_MS = 24 * 3_600_000;

/** Whether a form stamped at `issuedAtMs` may be accepted at `nowMs`. */
export function fillTimeVerdict(issuedAtMs: number, nowMs: number): "ok" | "tooFast" | "expired" {
  const age = nowMs - issuedAtMs;
  if (age < MIN_FILL_MS) return "tooFast";
  if (age > MAX_FORM_AGE_MS) return "expired";
  return "ok";
}

// ───────────── from the calculators and to a booking ─────────────

/** The question topic a calculator's result is about. */
export const CALCULATOR_TOPICS: Record<string, AskTopic> = {
  "weekly-rest": "weekly_rest",
  unpaid: "unpaid_wages",
  severance: "severance",
  minimum: "unpaid_wages",
};

/** A calculator's result lines as one bounded plain-text summary for the question field. */
export function calculatorSummary(lines: readonly string[]): string {
  const text = lines.join("\n");
  return text.length <= SUMMARY_MAX ? text : `${text.slice(0, SUMMARY_MAX - 1)}…`;
}

/** The consultation topic (booking/types.ts LABOR_TOPICS) closest to a question topic. */
export function bookingTopicOf(topic: AskTopic): string {
  switch (topic) {
    case "unpaid_wages":
    case "severance":
      return "unpaid_wages";
    case "weekly_rest":
      return "working_hours";
    case "emotional_labor":
      return "harassment";
    default:
      return topic;
  }
}
