// The seeded timetables: every bookable service gets slots for its horizon, inside the rules.
import { describe, expect, it } from "vitest";
import { seed } from "../../prisma/seed";
import { seoulInstant, seoulParts } from "~/domain/shared/seoul-time";
import { isPublicHoliday } from "~/domain/shared/holidays";
import { getDb } from "~/utils/db.server";

const db = getDb();
// The end-to-end clock: Wednesday 25 November 2026, 02:00 in Seoul.
const NOW = seoulInstant("2026-11-25", "02:00");

describe("booking seed", () => {
  it("gives every bookable service future slots, once", { timeout: 120_000 }, async () => {
    await seed(db, { now: NOW, demoAccounts: false });
    const first = await db.slot.count();
    await seed(db, { now: NOW, demoAccounts: false });
    expect(await db.slot.count()).toBe(first);

    const bookable = await db.service.findMany({
      where: { bookable: true },
      select: { slug: true, _count: { select: { slots: true } } },
    });
    expect(bookable.filter((s) => s._count.slots === 0).map((s) => s.slug)).toEqual([]);
    expect(await db.slot.count({ where: { startsAt: { lte: NOW } } })).toBe(0);
  });

  it("follows the Youth Job Center's rooms and hours, closed on Sundays and holidays", async () => {
    const rooms = await db.slot.findMany({
      where: { service: { slug: "youth-center-study-room" } },
      select: { startsAt: true, endsAt: true, capacity: true },
    });
    expect(new Set(rooms.map((r) => r.capacity))).toEqual(new Set([14]));
    for (const room of rooms) {
      const start = seoulParts(room.startsAt);
      const end = seoulParts(new Date(room.endsAt.getTime() - 1));
      expect(start.weekday).not.toBe(7);
      expect(isPublicHoliday(start.date)).toBe(false);
      const [opens, closes] = start.weekday === 6 ? ["10:00", "18:00"] : ["09:00", "21:00"];
      expect(start.time >= opens && end.time < closes).toBe(true);
    }
    const seminar = await db.slot.findFirstOrThrow({
      where: { service: { slug: "youth-center-seminar-room" } },
    });
    expect(seminar.capacity).toBe(1);
  });

  it("offers labor consultations in person by day and by phone after work", async () => {
    const slots = await db.slot.findMany({
      where: { service: { slug: "seoul-labor-rights-center-consultation" } },
      select: { startsAt: true, channels: true, capacity: true },
    });
    const evening = slots.filter((s) => seoulParts(s.startsAt).time >= "18:00");
    expect(evening.length).toBeGreaterThan(0);
    expect(evening.every((s) => s.channels === "phone,video")).toBe(true);
    const day = slots.filter((s) => seoulParts(s.startsAt).time < "18:00");
    expect(day.every((s) => s.channels === "in_person,phone,video" && s.capacity === 3)).toBe(true);
  });
});
