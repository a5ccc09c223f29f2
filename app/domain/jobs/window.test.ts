import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { seoulInstant } from "~/domain/shared/seoul-time";
import { currentWindow, windowInWords, windowState } from "./window";

const window = {
  opensAt: seoulInstant("2026-11-20", "09:00"),
  closesAt: seoulInstant("2026-11-26", "18:00"),
};

describe("application window", () => {
  it("is open from the opening second until, not including, the closing second", () => {
    expect(windowState(window, new Date(window.opensAt.getTime() - 1000))).toBe("upcoming");
    expect(windowState(window, window.opensAt)).toBe("open");
    expect(windowState(window, new Date(window.closesAt.getTime() - 1000))).toBe("open");
    expect(windowState(window, window.closesAt)).toBe("closed");
  });

  it("says when it opens, counting Seoul calendar days", () => {
    const later = {
      opensAt: seoulInstant("2026-11-28", "09:00"),
      closesAt: seoulInstant("2026-12-17", "18:00"),
    };
    expect(windowInWords(later, seoulInstant("2026-11-25", "02:00"))).toEqual({
      code: "opensInDays",
      days: 3,
      date: "2026-11-28",
      time: "09:00",
    });
    // 23:30 on the 27th in Seoul is already 14:30 UTC: "tomorrow" is still Seoul's tomorrow
    expect(windowInWords(later, seoulInstant("2026-11-27", "23:30"))).toEqual({
      code: "opensTomorrow",
      time: "09:00",
    });
    expect(windowInWords(later, seoulInstant("2026-11-28", "08:00")).code).toBe("opensToday");
  });

  it("says when it closes, with the last hour in minutes", () => {
    expect(windowInWords(window, seoulInstant("2026-11-25", "02:00"))).toEqual({
      code: "closesTomorrow",
      time: "18:00",
    });
    expect(windowInWords(window, seoulInstant("2026-11-26", "09:00")).code).toBe("closesToday");
    expect(windowInWords(window, seoulInstant("2026-11-26", "17:15"))).toEqual({
      code: "closesInMinutes",
      minutes: 45,
      time: "18:00",
    });
    expect(windowInWords(window, seoulInstant("2026-11-21", "10:00"))).toMatchObject({
      code: "closesInDays",
      days: 5,
    });
    expect(windowInWords(window, seoulInstant("2026-11-26", "18:00")).code).toBe("closed");
  });

  it("is closed once staff close it, even before its closing time", () => {
    const during = seoulInstant("2026-11-25", "02:00");
    expect(currentWindow("closed", window, during)).toEqual({
      state: "closed",
      words: { code: "closedEarly" },
    });
    expect(currentWindow("published", window, during).state).toBe("open");
  });

  it("agrees with the state at every instant (property)", () => {
    const span = {
      min: window.opensAt.getTime() - 10 * 86_400_000,
      max: window.closesAt.getTime() + 86_400_000,
    };
    fc.assert(
      fc.property(fc.integer(span), (ms) => {
        const now = new Date(ms);
        const words = windowInWords(window, now).code;
        const state = windowState(window, now);
        return state === "upcoming"
          ? words.startsWith("opens")
          : state === "open"
            ? words.startsWith("closes")
            : words === "closed";
      }),
    );
  });
});
