import { describe, expect, it } from "vitest";
import { NO_CRITERIA, judge } from "~/domain/eligibility/judge";
import { seoulInstant } from "~/domain/shared/seoul-time";
import fc from "fast-check";
import {
  applyRefusal,
  canMoveTo,
  canUndo,
  canWithdraw,
  DECISION_STATUS,
  isSettling,
  settlingDecisionOf,
  undoDeadline,
} from "./rules";
import { APPLICATION_STATUSES, DECISION_UNDO_MINUTES, DECISIONS } from "./types";

const window = {
  opensAt: seoulInstant("2026-11-20", "09:00"),
  closesAt: seoulInstant("2026-11-30", "18:00"),
};
const facts = {
  birthDate: "2000-01-01",
  district: "mapo",
  employmentStatus: "employed",
  registeredJobSeeker: true,
  hasRegularIncome: false,
  workerType: null,
};
const eligible = judge(null, facts, "2026-11-25");
const notEligible = judge({ ...NO_CRITERIA, unemployedRequired: true }, facts, "2026-11-25");

describe("applying", () => {
  it("needs a published posting, an open window (to the second) and eligibility", () => {
    const open = seoulInstant("2026-11-25", "02:00");
    expect(applyRefusal({ status: "published", window, now: open, verdict: eligible })).toBeNull();
    expect(applyRefusal({ status: "draft", window, now: open, verdict: eligible })).toBe(
      "notPublished",
    );
    expect(applyRefusal({ status: "closed", window, now: open, verdict: eligible })).toBe("closed");
    expect(applyRefusal({ status: "published", window, now: open, verdict: notEligible })).toBe(
      "ineligible",
    );
    const lastSecond = new Date(window.closesAt.getTime() - 1000);
    expect(
      applyRefusal({ status: "published", window, now: lastSecond, verdict: eligible }),
    ).toBeNull();
    expect(
      applyRefusal({ status: "published", window, now: window.closesAt, verdict: eligible }),
    ).toBe("closed");
    const early = new Date(window.opensAt.getTime() - 1000);
    expect(applyRefusal({ status: "published", window, now: early, verdict: eligible })).toBe(
      "notOpenYet",
    );
  });
});

describe("statuses", () => {
  it("lets staff decide only live applications, and never undo a selection", () => {
    expect(canMoveTo("submitted", DECISION_STATUS.review)).toBe(true);
    expect(canMoveTo("under_review", DECISION_STATUS.select)).toBe(true);
    expect(canMoveTo("waitlisted", DECISION_STATUS.select)).toBe(true);
    expect(canMoveTo("selected", DECISION_STATUS.reject)).toBe(false);
    expect(canMoveTo("selected", DECISION_STATUS.waitlist)).toBe(false);
    expect(canMoveTo("withdrawn", DECISION_STATUS.select)).toBe(false);
    expect(canMoveTo("rejected", DECISION_STATUS.select)).toBe(false);
    expect(canMoveTo("under_review", DECISION_STATUS.review)).toBe(false);
  });

  it("never leaves a final status", () => {
    for (const to of APPLICATION_STATUSES) {
      expect(canMoveTo("withdrawn", to)).toBe(false);
      expect(canMoveTo("rejected", to)).toBe(false);
    }
  });
});

describe("confirming and undoing", () => {
  it("asks to confirm select, waitlist and reject, not starting a review", () => {
    expect(DECISIONS.filter(isSettling)).toEqual(["select", "waitlist", "reject"]);
    expect(settlingDecisionOf("selected")).toBe("select");
    expect(settlingDecisionOf("waitlisted")).toBe("waitlist");
    expect(settlingDecisionOf("rejected")).toBe("reject");
    expect(settlingDecisionOf("under_review")).toBeNull();
    expect(settlingDecisionOf("withdrawn")).toBeNull();
  });

  it("allows undoing until the message is due, never at or after it", () => {
    const decidedAt = seoulInstant("2026-11-25", "23:55");
    const due = undoDeadline(decidedAt);
    expect(due.getTime() - decidedAt.getTime()).toBe(DECISION_UNDO_MINUTES * 60_000);
    fc.assert(
      fc.property(fc.integer({ min: -60_000, max: 3 * DECISION_UNDO_MINUTES * 60_000 }), (ms) => {
        const now = new Date(decidedAt.getTime() + ms);
        expect(canUndo(decidedAt, now)).toBe(now.getTime() < due.getTime());
      }),
    );
    expect(canUndo(decidedAt, new Date(due.getTime() - 1))).toBe(true);
    expect(canUndo(decidedAt, due)).toBe(false);
  });
});

describe("withdrawing", () => {
  const during = seoulInstant("2026-11-25", "10:00");
  const after = seoulInstant("2026-12-05", "10:00");
  const workStartDate = "2027-01-10";

  it("is possible for any live application while the window is open", () => {
    for (const status of ["submitted", "under_review", "waitlisted", "selected"])
      expect(canWithdraw({ status, window, workStartDate, now: during })).toBe(true);
    expect(canWithdraw({ status: "rejected", window, workStartDate, now: during })).toBe(false);
    expect(canWithdraw({ status: "withdrawn", window, workStartDate, now: during })).toBe(false);
  });

  it("after the window, lets a selected or waitlisted applicant give the place up until work starts", () => {
    expect(canWithdraw({ status: "submitted", window, workStartDate, now: after })).toBe(false);
    expect(canWithdraw({ status: "selected", window, workStartDate, now: after })).toBe(true);
    expect(canWithdraw({ status: "waitlisted", window, workStartDate, now: after })).toBe(true);
    const firstDay = seoulInstant(workStartDate, "08:00");
    expect(canWithdraw({ status: "selected", window, workStartDate, now: firstDay })).toBe(false);
  });
});
