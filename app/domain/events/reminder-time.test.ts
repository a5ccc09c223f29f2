import { describe, expect, it } from "vitest";
import { seoulInstant } from "~/domain/shared/seoul-time";
import { eventReminderAt, reminderDue } from "./reminder-time";

describe("event reminders", () => {
  it("fall the day before the session's Seoul day, at 10:00 Seoul time", () => {
    expect(eventReminderAt(seoulInstant("2026-12-01", "19:00"))).toEqual(
      seoulInstant("2026-11-30", "10:00"),
    );
    // 00:30 on 1 December in Seoul is still 30 November in UTC: the Seoul day decides
    expect(eventReminderAt(seoulInstant("2026-12-01", "00:30"))).toEqual(
      seoulInstant("2026-11-30", "10:00"),
    );
  });

  it("are due from that moment until the session begins, for registrations made before it", () => {
    const starts = seoulInstant("2026-12-01", "19:00");
    const early = seoulInstant("2026-11-25", "02:00");
    expect(reminderDue(starts, early, seoulInstant("2026-11-30", "09:59"))).toBe(false);
    expect(reminderDue(starts, early, seoulInstant("2026-11-30", "10:00"))).toBe(true);
    expect(reminderDue(starts, early, seoulInstant("2026-12-01", "18:59"))).toBe(true);
    expect(reminderDue(starts, early, starts)).toBe(false);
    const late = seoulInstant("2026-11-30", "10:00");
    expect(reminderDue(starts, late, seoulInstant("2026-11-30", "12:00"))).toBe(false);
  });
});
