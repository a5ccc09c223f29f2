import { describe, expect, it } from "vitest";
import { addDays, ageOn, isoWeekday, seoulInstant, seoulParts } from "./seoul-time";

describe("Seoul time", () => {
  it("maps Seoul wall time to the right UTC instant and back", () => {
    const instant = seoulInstant("2026-11-25", "02:00");
    expect(instant.toISOString()).toBe("2026-11-24T17:00:00.000Z");
    expect(seoulParts(instant)).toEqual({
      date: "2026-11-25",
      time: "02:00",
      weekday: 3,
      minutes: 120,
    });
  });

  it("knows the Seoul date when UTC is still on the previous day", () => {
    expect(seoulParts(new Date("2026-12-31T15:30:00Z")).date).toBe("2027-01-01");
  });

  it("adds days across month and year ends and leap days", () => {
    expect(addDays("2026-12-31", 1)).toBe("2027-01-01");
    expect(addDays("2028-02-28", 1)).toBe("2028-02-29");
    expect(addDays("2026-03-01", -1)).toBe("2026-02-28");
  });

  it("gives ISO weekdays", () => {
    expect(isoWeekday("2026-11-23")).toBe(1);
    expect(isoWeekday("2026-11-29")).toBe(7);
  });

  it("counts age with the birthday itself included", () => {
    expect(ageOn("2000-03-15", "2039-03-14")).toBe(38);
    expect(ageOn("2000-03-15", "2039-03-15")).toBe(39);
    expect(ageOn("2004-02-29", "2022-02-28")).toBe(17);
    expect(ageOn("2004-02-29", "2022-03-01")).toBe(18);
  });
});
