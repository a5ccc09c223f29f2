import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  bookingReference,
  canChange,
  canMarkAttendance,
  changeDeadline,
  isRepeatedNoShow,
  residentRules,
  offerExpiry,
  overlaps,
  reminderAt,
  remaining,
  seoulYearRange,
  slotState,
  yearlyLimitReached,
} from "./rules";
import { seoulInstant } from "~/domain/shared/seoul-time";

const at = (iso: string) => new Date(iso);
const slot = (overrides: Partial<Parameters<typeof slotState>[0]> = {}) => ({
  startsAt: at("2026-11-26T01:00:00Z"),
  endsAt: at("2026-11-26T02:00:00Z"),
  capacity: 3,
  bookedCount: 1,
  blocked: false,
  ...overrides,
});

describe("slot state and places left", () => {
  const before = at("2026-11-25T00:00:00Z");
  it("is open while a place is left, full at capacity, blocked or past whatever the places", () => {
    expect(slotState(slot(), before)).toBe("open");
    expect(remaining(slot())).toBe(2);
    expect(slotState(slot({ bookedCount: 3 }), before)).toBe("full");
    expect(remaining(slot({ bookedCount: 4 }))).toBe(0);
    expect(slotState(slot({ blocked: true }), before)).toBe("blocked");
    expect(slotState(slot(), at("2026-11-26T01:00:00Z"))).toBe("past");
    expect(slotState(slot({ blocked: true }), at("2026-11-27T00:00:00Z"))).toBe("past");
  });

  it("never reports a free place when the slot is at or over capacity (property)", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 50 }),
        fc.integer({ min: 0, max: 60 }),
        (cap, booked) => {
          const state = slotState(slot({ capacity: cap, bookedCount: booked }), before);
          return (
            (state === "open") === booked < cap &&
            remaining({ capacity: cap, bookedCount: booked }) >= 0
          );
        },
      ),
    );
  });
});

describe("cancellation cut-off", () => {
  const start = at("2026-11-26T10:00:00Z");
  it("allows changes until exactly the cut-off, not at it", () => {
    expect(changeDeadline(start, 120).toISOString()).toBe("2026-11-26T08:00:00.000Z");
    expect(canChange(start, at("2026-11-26T07:59:59Z"), 120)).toBe(true);
    expect(canChange(start, at("2026-11-26T08:00:00Z"), 120)).toBe(false);
    expect(canChange(start, at("2026-11-26T09:59:00Z"), 0)).toBe(true);
    expect(canChange(start, start, 0)).toBe(false);
  });
});

describe("overlap", () => {
  const a = { startsAt: at("2026-11-26T01:00:00Z"), endsAt: at("2026-11-26T02:00:00Z") };
  it("treats back-to-back sessions as not overlapping", () => {
    expect(overlaps(a, { startsAt: a.endsAt, endsAt: at("2026-11-26T03:00:00Z") })).toBe(false);
    expect(overlaps(a, { startsAt: at("2026-11-26T00:00:00Z"), endsAt: a.startsAt })).toBe(false);
  });
  it("finds partial and nested overlaps, symmetrically", () => {
    const partial = { startsAt: at("2026-11-26T01:30:00Z"), endsAt: at("2026-11-26T02:30:00Z") };
    const nested = { startsAt: at("2026-11-26T01:10:00Z"), endsAt: at("2026-11-26T01:20:00Z") };
    expect(overlaps(a, partial)).toBe(true);
    expect(overlaps(partial, a)).toBe(true);
    expect(overlaps(a, nested)).toBe(true);
    expect(overlaps(nested, a)).toBe(true);
  });
});

describe("waitlist offers", () => {
  const now = at("2026-11-25T00:00:00Z");
  it("holds for the hold time when the start is far away", () => {
    expect(offerExpiry(now, at("2026-11-26T00:00:00Z"), 120, 60)?.toISOString()).toBe(
      "2026-11-25T02:00:00.000Z",
    );
  });
  it("stops an hour before the start when that comes first", () => {
    expect(offerExpiry(now, at("2026-11-25T02:30:00Z"), 120, 60)?.toISOString()).toBe(
      "2026-11-25T01:30:00.000Z",
    );
  });
  it("offers nothing when the start is within the lead time", () => {
    expect(offerExpiry(now, at("2026-11-25T01:00:00Z"), 120, 60)).toBeNull();
    expect(offerExpiry(now, at("2026-11-25T00:30:00Z"), 120, 60)).toBeNull();
  });
  it("always ends after now and no later than either limit (property)", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 3 * 24 * 60 }),
        fc.integer({ min: 1, max: 600 }),
        fc.integer({ min: 0, max: 240 }),
        (startIn, hold, lead) => {
          const start = new Date(now.getTime() + startIn * 60_000);
          const expires = offerExpiry(now, start, hold, lead);
          if (!expires) return startIn - lead <= 0;
          return (
            expires > now &&
            expires.getTime() <= now.getTime() + hold * 60_000 &&
            expires.getTime() <= start.getTime() - lead * 60_000
          );
        },
      ),
    );
  });
});

describe("reminders, attendance, no-shows", () => {
  it("reminds a day before, unless booked later than that", () => {
    const start = at("2026-11-27T05:00:00Z");
    expect(reminderAt(start, at("2026-11-25T00:00:00Z"))?.toISOString()).toBe(
      "2026-11-26T05:00:00.000Z",
    );
    expect(reminderAt(start, at("2026-11-26T06:00:00Z"))).toBeNull();
  });
  it("marks attendance only once the session has started", () => {
    const start = at("2026-11-26T01:00:00Z");
    expect(canMarkAttendance(start, at("2026-11-26T00:59:59Z"))).toBe(false);
    expect(canMarkAttendance(start, start)).toBe(true);
  });
  it("points out a second no-show", () => {
    expect(isRepeatedNoShow(1)).toBe(false);
    expect(isRepeatedNoShow(2)).toBe(true);
  });
});

describe("a resident's bookings", () => {
  const now = at("2026-11-25T00:00:00Z");
  const wanted = {
    residentId: "me",
    idempotencyKey: "form-2",
    slotId: "s-new",
    startsAt: at("2026-11-27T01:00:00Z"),
    endsAt: at("2026-11-27T02:00:00Z"),
    kind: "mock_interview",
  };
  const held = (overrides: Partial<Parameters<typeof residentRules>[0][number]> = {}) => ({
    id: "b1",
    residentId: "me",
    idempotencyKey: "form-1",
    status: "confirmed",
    slotId: "s1",
    startsAt: at("2026-11-26T01:00:00Z"),
    endsAt: at("2026-11-26T02:00:00Z"),
    kind: "mock_interview",
    ...overrides,
  });

  it("recognises the same form sent again, and refuses someone else's token", () => {
    expect(residentRules([held({ idempotencyKey: "form-2" })], wanted, 3, now)).toEqual({
      replayOf: "b1",
    });
    expect(
      residentRules([held({ idempotencyKey: "form-2", residentId: "other" })], wanted, 3, now),
    ).toEqual({ code: "formExpired" });
  });

  it("refuses the same slot twice and overlapping times, but not cancelled bookings", () => {
    expect(residentRules([held({ slotId: "s-new" })], wanted, 3, now)).toEqual({
      code: "alreadyBooked",
    });
    const overlapping = held({
      startsAt: at("2026-11-27T01:30:00Z"),
      endsAt: at("2026-11-27T02:30:00Z"),
      kind: "study_room",
    });
    expect(residentRules([overlapping], wanted, 3, now)).toEqual({ code: "overlap" });
    expect(residentRules([{ ...overlapping, status: "cancelled" }], wanted, 3, now)).toBeNull();
  });

  it("counts upcoming bookings of the same kind only", () => {
    const three = ["a", "b", "c"].map((id, i) =>
      held({
        id,
        slotId: id,
        startsAt: at(`2026-11-2${6 + i}T05:00:00Z`),
        endsAt: at(`2026-11-2${6 + i}T06:00:00Z`),
      }),
    );
    expect(residentRules(three, wanted, 3, now)).toEqual({ code: "limit" });
    expect(residentRules(three, wanted, 4, now)).toBeNull();
    expect(
      residentRules(
        three.map((b) => ({ ...b, kind: "photo" })),
        wanted,
        3,
        now,
      ),
    ).toBeNull();
    // a booking being moved neither overlaps with its new time nor counts twice
    expect(residentRules(three, wanted, 3, now, "a")).toBeNull();
  });
});

describe("booking reference", () => {
  it("is the first booking id's last eight characters, in capitals, in two groups", () => {
    expect(bookingReference("cmx2s0wid056lfk7d8jl1grl0")).toBe("8JL1-GRL0");
  });
});

describe("yearly limit", () => {
  it("is Seoul's calendar year of the slot", () => {
    // 31 December 23:30 in Seoul is 14:30 UTC: 2026; 1 January 00:00 in Seoul is 2027
    expect(seoulYearRange(seoulInstant("2026-12-31", "23:30"))).toEqual({
      year: 2026,
      from: seoulInstant("2026-01-01"),
      to: seoulInstant("2027-01-01"),
    });
    expect(seoulYearRange(seoulInstant("2027-01-01", "00:00")).year).toBe(2027);
  });

  it("is reached at the limit, never without one", () => {
    expect(yearlyLimitReached(9, 10)).toBe(false);
    expect(yearlyLimitReached(10, 10)).toBe(true);
    expect(yearlyLimitReached(1_000, null)).toBe(false);
  });
});
