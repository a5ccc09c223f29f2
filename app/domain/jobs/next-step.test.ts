import { describe, expect, it } from "vitest";
import { seoulInstant } from "~/domain/shared/seoul-time";
import { isOpenApplication, nextStep } from "./next-step";
import type { ApplicationStatus } from "./types";

const subject = {
  window: {
    opensAt: seoulInstant("2026-11-20", "09:00"),
    closesAt: seoulInstant("2026-11-30", "18:00"),
  },
  workStartDate: "2026-12-14",
};
const during = seoulInstant("2026-11-25", "11:00");
const afterClose = seoulInstant("2026-12-01", "09:00");
const decidedAt = seoulInstant("2026-12-02", "10:00");

const application = (
  status: ApplicationStatus,
  more: Partial<Parameters<typeof nextStep>[0]> = {},
) => ({
  status,
  decidedAt: null,
  withdrawnAt: null,
  waitlistRank: null,
  ...more,
});

describe("the next step of an application", () => {
  it("waits for the window to close, then for the decision, with the dates to say", () => {
    expect(nextStep(application("submitted"), subject, during)).toEqual({
      code: "submitted",
      windowOpen: true,
      closesAt: subject.window.closesAt.toISOString(),
      workStartDate: "2026-12-14",
    });
    expect(nextStep(application("submitted"), subject, afterClose)).toMatchObject({
      code: "submitted",
      windowOpen: false,
    });
    // the closing second itself is closed (windows are open until, not including, it)
    expect(nextStep(application("under_review"), subject, subject.window.closesAt)).toMatchObject({
      code: "underReview",
      windowOpen: false,
    });
  });

  it("gives the decision's date, the waitlist rank and the first day of work", () => {
    expect(nextStep(application("selected", { decidedAt }), subject, afterClose)).toEqual({
      code: "selected",
      decidedAt: decidedAt.toISOString(),
      workStartDate: "2026-12-14",
      started: false,
    });
    // the first day of work in Seoul, from midnight
    expect(
      nextStep(
        application("selected", { decidedAt }),
        subject,
        seoulInstant("2026-12-14", "00:00"),
      ),
    ).toMatchObject({ started: true });
    expect(
      nextStep(
        application("selected", { decidedAt }),
        subject,
        seoulInstant("2026-12-13", "23:59"),
      ),
    ).toMatchObject({ started: false });
    expect(nextStep(application("waitlisted", { waitlistRank: 2 }), subject, afterClose)).toEqual({
      code: "waitlisted",
      rank: 2,
      workStartDate: "2026-12-14",
    });
    expect(nextStep(application("rejected", { decidedAt }), subject, afterClose)).toEqual({
      code: "rejected",
      decidedAt: decidedAt.toISOString(),
    });
    expect(
      nextStep(application("withdrawn", { withdrawnAt: during }), subject, afterClose),
    ).toEqual({ code: "withdrawn", withdrawnAt: during.toISOString() });
  });

  it("counts as open until decided against, withdrawn, or the selected work has started", () => {
    const open = (status: ApplicationStatus, at: Date) =>
      isOpenApplication(nextStep(application(status, { decidedAt }), subject, at));
    expect(open("submitted", during)).toBe(true);
    expect(open("under_review", afterClose)).toBe(true);
    expect(open("waitlisted", afterClose)).toBe(true);
    expect(open("selected", afterClose)).toBe(true);
    expect(open("selected", seoulInstant("2026-12-14", "09:00"))).toBe(false);
    expect(open("rejected", afterClose)).toBe(false);
    expect(open("withdrawn", during)).toBe(false);
  });
});
