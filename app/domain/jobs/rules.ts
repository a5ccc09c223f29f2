// The rules of applying and deciding, as pure functions: who may apply when, which status may
// follow which, when a resident may still withdraw. The service enforces them in the database.
import type { Verdict } from "~/domain/eligibility/judge";
import type { Code } from "~/domain/shared/outcome";
import { seoulParts } from "~/domain/shared/seoul-time";
import {
  type ApplicationStatus,
  type Decision,
  DECISION_UNDO_MINUTES,
  SETTLING_DECISIONS,
  type SettlingDecision,
} from "./types";
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

/** Select, waitlist and reject are confirmed first and can be undone for a while. */
export function isSettling(decision: Decision): decision is SettlingDecision {
  return (SETTLING_DECISIONS as readonly string[]).includes(decision);
}

/** The settling decision that led to a status, if any ("selected" ← "select"). */
export function settlingDecisionOf(status: string): SettlingDecision | null {
  return SETTLING_DECISIONS.find((d) => DECISION_STATUS[d] === status) ?? null;
}

/** When the applicant is told of a settling decision made at `decidedAt`: the end of its undo time. */
export function undoDeadline(decidedAt: Date): Date {
  return new Date(decidedAt.getTime() + DECISION_UNDO_MINUTES * 60_000);
}

/** A settling decision can be undone until its message is due (to the millisecond, not after). */
export function canUndo(decidedAt: Date, now: Date): boolean {
  return now.getTime() < undoDeadline(decidedAt).getTime();
}

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
