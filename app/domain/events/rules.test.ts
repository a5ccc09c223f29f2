import { describe, expect, it } from "vitest";
import { seoulInstant } from "~/domain/shared/seoul-time";
import { registrationState, seatsLeft } from "./rules";

const session = {
  startsAt: seoulInstant("2026-12-01", "19:00"),
  capacity: 10,
  registeredCount: 3,
  registrationOpensAt: seoulInstant("2026-11-20", "09:00"),
  registrationClosesAt: seoulInstant("2026-11-30", "18:00"),
  status: "scheduled",
};

describe("registrationState", () => {
  it("is open inside the window with seats left", () => {
    expect(registrationState(session, seoulInstant("2026-11-25", "02:00"))).toBe("open");
  });

  it("is not open before the window opens, and open at the very instant it opens", () => {
    expect(registrationState(session, seoulInstant("2026-11-20", "08:59"))).toBe("notOpenYet");
    expect(registrationState(session, seoulInstant("2026-11-20", "09:00"))).toBe("open");
  });

  it("is closed from the instant the window closes", () => {
    expect(registrationState(session, seoulInstant("2026-11-30", "17:59"))).toBe("open");
    expect(registrationState(session, seoulInstant("2026-11-30", "18:00"))).toBe("closed");
  });

  it("is past once the session begins, even with the window open", () => {
    const late = { ...session, registrationClosesAt: seoulInstant("2026-12-02", "00:00") };
    expect(registrationState(late, seoulInstant("2026-12-01", "19:00"))).toBe("past");
  });

  it("is full when no seat is left, cancelled whatever else holds", () => {
    const now = seoulInstant("2026-11-25", "02:00");
    expect(registrationState({ ...session, registeredCount: 10 }, now)).toBe("full");
    expect(registrationState({ ...session, status: "cancelled" }, now)).toBe("cancelled");
  });
});

describe("seatsLeft", () => {
  it("is capacity minus registrations, never below zero", () => {
    expect(seatsLeft({ capacity: 10, registeredCount: 3 })).toBe(7);
    expect(seatsLeft({ capacity: 10, registeredCount: 10 })).toBe(0);
    expect(seatsLeft({ capacity: 2, registeredCount: 5 })).toBe(0);
  });
});
