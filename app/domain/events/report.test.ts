import { describe, expect, it } from "vitest";
import { seoulInstant } from "~/domain/shared/seoul-time";
import { reportStart, weeklyReport, weekOf } from "./report";

const NOW = seoulInstant("2026-11-25", "02:00"); // a Wednesday

describe("weekly report", () => {
  it("starts weeks on Monday in Seoul time", () => {
    expect(weekOf(NOW)).toBe("2026-11-23");
    // Sunday 23:30 in Seoul is still the week before, although UTC says Sunday 14:30
    expect(weekOf(seoulInstant("2026-11-22", "23:30"))).toBe("2026-11-16");
    expect(weekOf(seoulInstant("2026-11-23", "00:00"))).toBe("2026-11-23");
  });

  it("lists every week, zeros included, and counts each fact in its week", () => {
    const rows = weeklyReport(
      [
        {
          createdAt: seoulInstant("2026-11-24", "10:00"),
          attendance: null,
          session: { startsAt: seoulInstant("2026-12-01", "19:00") },
        },
        {
          createdAt: seoulInstant("2026-11-10", "10:00"),
          attendance: "attended",
          session: { startsAt: seoulInstant("2026-11-18", "19:00") },
        },
        {
          createdAt: seoulInstant("2026-11-11", "10:00"),
          attendance: "no_show",
          session: { startsAt: seoulInstant("2026-11-18", "19:00") },
        },
        // before the report: not counted as a registration
        {
          createdAt: seoulInstant("2025-01-01", "10:00"),
          attendance: null,
          session: { startsAt: seoulInstant("2025-01-02", "10:00") },
        },
      ],
      NOW,
      4,
    );
    expect(reportStart(NOW, 4)).toBe("2026-11-02");
    expect(rows).toEqual([
      { week: "2026-11-02", registrations: 0, attended: 0, noShow: 0 },
      { week: "2026-11-09", registrations: 2, attended: 0, noShow: 0 },
      { week: "2026-11-16", registrations: 0, attended: 1, noShow: 1 },
      { week: "2026-11-23", registrations: 1, attended: 0, noShow: 0 },
    ]);
  });
});
