// What happens next with an application, from its status and its posting's (or round's) dates.
// The model has no announcement date: a decision comes after the window closes, and the resident
// is told by message when it is made, so that is what an undecided application says.
import { seoulDate } from "~/domain/shared/seoul-time";
import type { ApplicationStatus } from "./types";
import { windowState, type ApplicationWindow } from "./window";

export type NextStep =
  /** submitted or under review: when the window closes (or closed), and when work should start */
  | {
      code: "submitted" | "underReview";
      windowOpen: boolean;
      closesAt: string;
      workStartDate: string;
    }
  | { code: "selected"; decidedAt: string | null; workStartDate: string; started: boolean }
  | { code: "waitlisted"; rank: number | null; workStartDate: string }
  | { code: "rejected"; decidedAt: string | null }
  | { code: "withdrawn"; withdrawnAt: string | null };

/** The next step of an application at `now`; instants as ISO strings, dates as "YYYY-MM-DD". */
export function nextStep(
  application: {
    status: ApplicationStatus;
    decidedAt: Date | null;
    withdrawnAt: Date | null;
    waitlistRank: number | null;
  },
  subject: { window: ApplicationWindow; workStartDate: string },
  now: Date,
): NextStep {
  const { workStartDate } = subject;
  const iso = (value: Date | null) => value?.toISOString() ?? null;
  switch (application.status) {
    case "submitted":
    case "under_review":
      return {
        code: application.status === "submitted" ? "submitted" : "underReview",
        windowOpen: windowState(subject.window, now) !== "closed",
        closesAt: subject.window.closesAt.toISOString(),
        workStartDate,
      };
    case "selected":
      return {
        code: "selected",
        decidedAt: iso(application.decidedAt),
        workStartDate,
        started: seoulDate(now) >= workStartDate,
      };
    case "waitlisted":
      return { code: "waitlisted", rank: application.waitlistRank, workStartDate };
    case "rejected":
      return { code: "rejected", decidedAt: iso(application.decidedAt) };
    case "withdrawn":
      return { code: "withdrawn", withdrawnAt: iso(application.withdrawnAt) };
  }
}

/**
 * Whether an application still asks something of the resident or waits for a decision: live, and
 * (once selected) until its work has started. "My next steps" lists these.
 */
export function isOpenApplication(step: NextStep): boolean {
  if (step.code === "selected") return !step.started;
  return step.code !== "rejected" && step.code !== "withdrawn";
}
