// The rules of applying and deciding, as pure functions: who may apply when, which status may
// follow which, when a resident may still withdraw. The service enforces them in the database.
import type { Verdict } from "~/domain/eligibility/judge";
import type { Code } from "~/domain/shared/outcome";
import { seoulParts } from "~/domain/shared/seoul-time";
import type { ApplicationStatus, Decision } from "./types";
import { windowState, type ApplicationWindow } from "./window";

/** Applications that still hold (or wait for) a place. */
export const LIVE_STATUSES = [
  "submitted",
  "under_review",
  "waitlisted",
  "selected",
] as const satisfies readonly ApplicationStatus[];

const NEXT: Record<ApplicationStatus, readonly ApplicationStatus[]> = {
  submitted: ["under_review", "selected", "waitlisted", "rejected", "withdrawn"],
  under_review: ["selected", "waitlisted", "rejected", "withdrawn"],
  waitlisted: ["selected", "rejected", "withdrawn"],
  // A selection stands: only the resident can give the place up.
  selected: ["withdrawn"],
  rejected: [],
  withdrawn: [],
};

export function canMoveTo(from: ApplicationStatus, to: ApplicationStatus): boolean {
  return NEXT[from].includes(to);
}

export const DECISION_STATUS: Record<Decision, ApplicationStatus> = {
  review: "under_review",
  select: "selected",
  waitlist: "waitlisted",
  reject: "rejected",
};

function isLive(status: string): boolean {
  return (LIVE_STATUSES as readonly string[]).includes(status);
}

export type ApplyRefusal = Extract<Code, "notPublished" | "notOpenYet" | "closed" | "ineligible">;

/** Why a resident cannot apply now, or null. The window is checked to the second. */
export function applyRefusal(input: {
  status: string;
  window: ApplicationWindow;
  now: Date;
  verdict: Verdict;
}): ApplyRefusal | null {
  if (input.status === "draft") return "notPublished";
  if (input.status === "closed") return "closed";
  const state = windowState(input.window, input.now);
  if (state === "upcoming") return "notOpenYet";
  if (state === "closed") return "closed";
  if (!input.verdict.eligible) return "ineligible";
  return null;
}

/**
 * A resident may withdraw a live application while the window is open; once selected or
 * waitlisted, they may still give the place up (so it goes to the next on the waitlist) until
 * the work starts.
 */
export function canWithdraw(input: {
  status: string;
  window: ApplicationWindow;
  /** "YYYY-MM-DD": first day of work */
  workStartDate: string;
  now: Date;
}): boolean {
  if (!isLive(input.status)) return false;
  if (windowState(input.window, input.now) === "open") return true;
  const holdsPlace = input.status === "selected" || input.status === "waitlisted";
  return holdsPlace && seoulParts(input.now).date < input.workStartDate;
}
