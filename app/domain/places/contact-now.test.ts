import { describe, expect, it } from "vitest";
import { seoulInstant } from "~/domain/shared/seoul-time";
import { contactNow } from "./contact-now";
import type { PlaceHours } from "./hours";

const WEEKDAYS = [1, 2, 3, 4, 5];
const hours = (opens: string, closes: string, days = WEEKDAYS): PlaceHours => ({
  weekly: days.map((weekday) => ({ weekday, opens, closes })),
  closures: [],
  closedOnPublicHolidays: true,
});
const CITY = { place: "city", hours: hours("09:00", "18:00") };
const LATE = { place: "late", hours: hours("10:00", "21:00") };
const CLOSED_FOR_WORKS = {
  place: "works",
  hours: {
    ...hours("08:00", "18:00"),
    closures: [{ startDate: "2026-11-01", endDate: "2026-12-31" }],
  },
};

describe("contactNow", () => {
  it("at 02:00 on a Wednesday nothing is open: the first to open is named, with its time", () => {
    // (the place closed for works reopens in January: later than the others, so not named)
    const at = seoulInstant("2026-11-25", "02:00");
    const answer = contactNow([LATE, CITY, CLOSED_FOR_WORKS], at);
    expect(answer.open).toBe(false);
    if (answer.open) return;
    expect(answer.next?.place).toBe("city");
    expect(answer.next?.status).toMatchObject({
      opensAt: seoulInstant("2026-11-25", "09:00"),
      opensInDays: 0,
    });
  });

  it("lists the places open now, the one open longest first", () => {
    const answer = contactNow([CITY, LATE], seoulInstant("2026-11-25", "10:30"));
    expect(answer.open).toBe(true);
    if (!answer.open) return;
    expect(answer.places.map(({ place, status }) => [place, status.closesAt])).toEqual([
      ["late", seoulInstant("2026-11-25", "21:00")],
      ["city", seoulInstant("2026-11-25", "18:00")],
    ]);
  });

  it("skips a public holiday (Christmas, a Friday) when looking for the next opening", () => {
    const answer = contactNow([CITY, LATE], seoulInstant("2026-12-24", "21:30"));
    expect(answer.open === false && answer.next?.place).toBe("city");
    expect(answer.open === false && answer.next?.status).toMatchObject({
      opensAt: seoulInstant("2026-12-28", "09:00"),
      opensInDays: 4,
    });
  });

  it("says nothing opens when no place has hours ahead, and ties keep the given order", () => {
    const noHours = { place: "none", hours: { ...CITY.hours, weekly: [] } };
    expect(contactNow([noHours], seoulInstant("2026-11-25", "02:00"))).toEqual({
      open: false,
      next: null,
    });
    expect(contactNow([], seoulInstant("2026-11-25", "12:00"))).toEqual({
      open: false,
      next: null,
    });
    const twin = { place: "twin", hours: hours("09:00", "18:00") };
    const answer = contactNow([twin, CITY], seoulInstant("2026-11-25", "02:00"));
    expect(answer.open === false && answer.next?.place).toBe("twin");
  });
});
