import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { seoulInstant, seoulParts } from "~/domain/shared/seoul-time";
import {
  dayClosedReason,
  generateSlots,
  needsOpeningHours,
  overlappingTemplates,
  templateStarts,
  withinOpeningHours,
  type PlaceCalendar,
  type TemplateInput,
} from "./slots";

const WEEKDAY_HOURS = [1, 2, 3, 4, 5].map((weekday) => ({
  weekday,
  opens: "09:00",
  closes: "18:00",
}));
const center: PlaceCalendar = {
  openingHours: WEEKDAY_HOURS,
  closures: [],
  closedOnPublicHolidays: true,
};

const template = (overrides: Partial<TemplateInput> = {}): TemplateInput => ({
  id: "tpl",
  weekday: 4, // Thursday
  startTime: "10:00",
  endTime: "13:00",
  slotMinutes: 60,
  capacity: 2,
  horizonDays: 14,
  validFrom: "2026-01-01",
  validUntil: null,
  active: true,
  channels: "",
  ...overrides,
});

// Wednesday 25 November 2026, 02:00 in Seoul (the end-to-end clock).
const NOW = seoulInstant("2026-11-25", "02:00");
const TODAY = "2026-11-25";
const starts = (slots: { startsAt: Date }[]) =>
  slots.map((s) => `${seoulParts(s.startsAt).date} ${seoulParts(s.startsAt).time}`);

describe("generateSlots", () => {
  it("creates every start of the template on its weekday within the horizon, in Seoul time", () => {
    const slots = generateSlots([template()], center, NOW, TODAY);
    expect(starts(slots)).toEqual([
      "2026-11-26 10:00",
      "2026-11-26 11:00",
      "2026-11-26 12:00",
      "2026-12-03 10:00",
      "2026-12-03 11:00",
      "2026-12-03 12:00",
    ]);
    expect(slots[0]!.startsAt.toISOString()).toBe("2026-11-26T01:00:00.000Z");
    expect(slots[0]!.endsAt.toISOString()).toBe("2026-11-26T02:00:00.000Z");
    expect(slots.every((s) => s.capacity === 2 && s.templateId === "tpl")).toBe(true);
  });

  it("is a pure function: the same inputs give the same slots (so storing them is idempotent)", () => {
    expect(generateSlots([template()], center, NOW, TODAY)).toEqual(
      generateSlots([template()], center, NOW, TODAY),
    );
  });

  it("skips starts that are not after now, on today's date", () => {
    const wednesday = template({ weekday: 3, startTime: "09:00", endTime: "12:00" });
    const at1030 = seoulInstant("2026-11-25", "10:30");
    expect(starts(generateSlots([wednesday], center, at1030, TODAY)).slice(0, 2)).toEqual([
      "2026-11-25 11:00",
      "2026-12-02 09:00",
    ]);
  });

  it("skips closures, inclusive of both ends", () => {
    const closed = { ...center, closures: [{ startDate: "2026-11-26", endDate: "2026-11-26" }] };
    expect(starts(generateSlots([template()], closed, NOW, TODAY))[0]).toBe("2026-12-03 10:00");
  });

  it("skips public holidays (lunar ones included) when the place closes on them", () => {
    // 2027-02-08 is a Monday; Seollal 2027 spans 6–8 February, its substitute day is 9 February.
    const monday = template({ weekday: 1, horizonDays: 28 });
    const tuesday = template({ id: "tue", weekday: 2, horizonDays: 28 });
    const today = "2027-02-01";
    const now = seoulInstant(today, "00:00");
    const days = new Set(
      generateSlots([monday, tuesday], center, now, today).map((s) => seoulParts(s.startsAt).date),
    );
    expect(days.has("2027-02-08")).toBe(false);
    expect(days.has("2027-02-09")).toBe(false);
    expect(days.has("2027-02-15")).toBe(true);
    const open = { ...center, closedOnPublicHolidays: false };
    expect(
      generateSlots([monday], open, now, today).some(
        (s) => seoulParts(s.startsAt).date === "2027-02-08",
      ),
    ).toBe(true);
  });

  it("keeps in-person slots inside the opening hours, but lets phone-only slots run after work", () => {
    const evening = { startTime: "17:00", endTime: "20:00" };
    expect(starts(generateSlots([template(evening)], center, NOW, TODAY)).slice(0, 1)).toEqual([
      "2026-11-26 17:00",
    ]);
    expect(
      generateSlots([template({ ...evening, channels: "in_person,phone" })], center, NOW, TODAY),
    ).toHaveLength(2);
    const phone = generateSlots(
      [template({ ...evening, channels: "phone,video" })],
      center,
      NOW,
      TODAY,
    );
    expect(starts(phone).slice(0, 3)).toEqual([
      "2026-11-26 17:00",
      "2026-11-26 18:00",
      "2026-11-26 19:00",
    ]);
    expect(phone[0]!.channels).toBe("phone,video");
  });

  it("honours validity dates, inactive templates and an empty capacity", () => {
    expect(
      generateSlots([template({ validFrom: "2026-12-01" })], center, NOW, TODAY)[0],
    ).toMatchObject({ startsAt: seoulInstant("2026-12-03", "10:00") });
    expect(
      generateSlots([template({ validUntil: "2026-11-30" })], center, NOW, TODAY),
    ).toHaveLength(3);
    expect(generateSlots([template({ active: false })], center, NOW, TODAY)).toEqual([]);
    expect(generateSlots([template({ capacity: 0 })], center, NOW, TODAY)).toEqual([]);
  });

  it("keeps the first template when two yield the same start", () => {
    const slots = generateSlots(
      [template({ id: "a", capacity: 1 }), template({ id: "b", capacity: 5 })],
      center,
      NOW,
      TODAY,
    );
    expect(slots).toHaveLength(6);
    expect(slots.every((s) => s.templateId === "a")).toBe(true);
  });

  it("never yields a slot outside the hours, on a closed day, in the past or twice (property)", () => {
    const clock = fc.integer({ min: 0, max: 47 }).map((half) => half * 30);
    const hhmm = (m: number) =>
      `${String(Math.floor(m / 60)).padStart(2, "0")}:${String(m % 60).padStart(2, "0")}`;
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 7 }),
        clock,
        clock,
        fc.constantFrom(20, 30, 45, 60, 120),
        fc.constantFrom("", "in_person,phone", "phone"),
        fc.integer({ min: 0, max: 23 }),
        (weekday, a, b, minutes, channels, hour) => {
          const tpl = template({
            weekday,
            startTime: hhmm(Math.min(a, b)),
            endTime: hhmm(Math.max(a, b)),
            slotMinutes: minutes,
            channels,
          });
          const now = seoulInstant(TODAY, hhmm(hour * 60));
          const slots = generateSlots([tpl], center, now, TODAY);
          const keys = new Set(slots.map((s) => s.startsAt.getTime()));
          return (
            keys.size === slots.length &&
            slots.every((slot) => {
              const parts = seoulParts(slot.startsAt);
              const start = parts.minutes;
              return (
                slot.startsAt > now &&
                parts.weekday === weekday &&
                dayClosedReason(parts.date, center) === null &&
                (!needsOpeningHours(channels) ||
                  withinOpeningHours(center.openingHours, weekday, start, start + minutes))
              );
            })
          );
        },
      ),
    );
  });
});

describe("opening hours", () => {
  it("handles intervals that pass midnight", () => {
    const night = [{ weekday: 5, opens: "18:00", closes: "06:00" }];
    expect(withinOpeningHours(night, 5, 22 * 60, 23 * 60)).toBe(true);
    expect(withinOpeningHours(night, 5, 23 * 60, 25 * 60)).toBe(true);
    // Saturday 01:00–02:00 belongs to Friday night
    expect(withinOpeningHours(night, 6, 60, 120)).toBe(true);
    expect(withinOpeningHours(night, 6, 5 * 60, 7 * 60)).toBe(false);
    expect(withinOpeningHours(night, 5, 10 * 60, 11 * 60)).toBe(false);
  });

  it("says which templates need the doors open", () => {
    expect(needsOpeningHours("")).toBe(true);
    expect(needsOpeningHours("in_person,video")).toBe(true);
    expect(needsOpeningHours("phone,video")).toBe(false);
  });
});

describe("templates", () => {
  it("lists the starts that fit between start and end", () => {
    expect(templateStarts({ startTime: "10:00", endTime: "11:50", slotMinutes: 40 })).toEqual([
      600, 640,
    ]);
    expect(templateStarts({ startTime: "10:00", endTime: "10:30", slotMinutes: 40 })).toEqual([]);
  });

  it("finds overlapping templates of the same weekday only", () => {
    const t = (id: string, weekday: number, startTime: string, endTime: string) => ({
      id,
      weekday,
      startTime,
      endTime,
    });
    expect(
      overlappingTemplates([
        t("a", 1, "09:00", "12:00"),
        t("b", 1, "12:00", "14:00"),
        t("c", 1, "11:00", "13:00"),
        t("d", 2, "09:00", "12:00"),
      ]),
    ).toEqual([
      ["a", "c"],
      ["b", "c"],
    ]);
  });
});
