import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { seoulInstant } from "~/domain/shared/seoul-time";
import { drawTier, holdUntil, monthsBefore, seoulMonth } from "~/domain/events/allocation";
import { canonicalApplicants, drawKey, newSeed, runDrawFromSeed } from "./draw";

const applicants = Array.from({ length: 50 }, (_, i) => ({ id: `app-${i}`, tier: 0 }));

describe("runDrawFromSeed", () => {
  it("picks exactly the seats, and the same seed and list give the same order", () => {
    const seed = "0123456789abcdef0123456789abcdef";
    const first = runDrawFromSeed(seed, applicants, 10);
    expect(first.winners).toHaveLength(10);
    expect(first.waitlist).toHaveLength(40);
    expect(new Set(first.order).size).toBe(50);
    expect(runDrawFromSeed(seed, [...applicants].reverse(), 10)).toEqual(first);
    // another seed, another order
    expect(runDrawFromSeed("ff".repeat(16), applicants, 10).order).not.toEqual(first.order);
  });

  it("orders by SHA-256 of seed:id, as the decision documents it", () => {
    const seed = "seed";
    const expected = [...applicants]
      .map((a) => ({ id: a.id, key: createHash("sha256").update(`${seed}:${a.id}`).digest("hex") }))
      .sort((a, b) => (a.key < b.key ? -1 : 1))
      .map((a) => a.id);
    expect(runDrawFromSeed(seed, applicants, 5).order).toEqual(expected);
    expect(drawKey(seed, "app-1")).toMatch(/^[0-9a-f]{64}$/);
  });

  it("draws everyone of tier 0 before anyone of tier 1", () => {
    const mixed = applicants.map((a, i) => ({ ...a, tier: i % 5 === 0 ? 1 : 0 }));
    const { order, winners } = runDrawFromSeed(newSeed(), mixed, 45);
    const lowered = new Set(mixed.filter((a) => a.tier === 1).map((a) => a.id));
    expect(order.slice(0, 40).every((id) => !lowered.has(id))).toBe(true);
    expect(order.slice(40).every((id) => lowered.has(id))).toBe(true);
    expect(winners).toHaveLength(45);
  });

  it("gives every applicant a seat when seats outnumber them, and none for no seats", () => {
    expect(runDrawFromSeed("s", applicants.slice(0, 3), 10).winners).toHaveLength(3);
    expect(runDrawFromSeed("s", applicants, 0).winners).toEqual([]);
    expect(runDrawFromSeed("s", [], 5)).toEqual({ order: [], winners: [], waitlist: [] });
  });

  it("records applicants sorted by id, with only id and tier", () => {
    expect(
      canonicalApplicants([
        { id: "b", tier: 1 },
        { id: "a", tier: 0 },
      ]),
    ).toEqual([
      { id: "a", tier: 0 },
      { id: "b", tier: 1 },
    ]);
  });
});

describe("allocation rules", () => {
  it("counts a Seoul calendar month", () => {
    const { start, end } = seoulMonth(seoulInstant("2026-12-31", "23:30"));
    expect(start).toEqual(seoulInstant("2026-12-01"));
    expect(end).toEqual(seoulInstant("2027-01-01"));
    // 30 November 23:30 UTC is 1 December in Seoul
    expect(seoulMonth(new Date("2026-11-30T23:30:00Z")).start).toEqual(seoulInstant("2026-12-01"));
  });

  it("looks back whole months, the 31st falling back to the month's end", () => {
    expect(monthsBefore(seoulInstant("2026-11-25", "02:00"), 6)).toEqual(
      seoulInstant("2026-05-25", "02:00"),
    );
    expect(monthsBefore(seoulInstant("2026-08-31", "10:00"), 6)).toEqual(
      seoulInstant("2026-02-28", "10:00"),
    );
    expect(monthsBefore(seoulInstant("2026-03-15"), 3)).toEqual(seoulInstant("2025-12-15"));
  });

  it("puts a recent no-show in tier 1, an old one (or none) in tier 0", () => {
    const now = seoulInstant("2026-11-25", "02:00");
    expect(drawTier([seoulInstant("2026-10-01", "19:00")], now, 6)).toBe(1);
    expect(drawTier([seoulInstant("2026-04-01", "19:00")], now, 6)).toBe(0);
    expect(drawTier([], now, 6)).toBe(0);
    expect(drawTier([seoulInstant("2026-10-01", "19:00")], now, 0)).toBe(0);
  });

  it("holds a seat for the hours given, never past the start", () => {
    const now = seoulInstant("2026-11-25", "02:00");
    expect(holdUntil(now, 24, seoulInstant("2026-12-01"))).toEqual(
      seoulInstant("2026-11-26", "02:00"),
    );
    expect(holdUntil(now, 48, seoulInstant("2026-11-26"))).toEqual(seoulInstant("2026-11-26"));
  });
});
