// Slot lotteries, the review fixes (decision 0031, second addendum), on a real database (SQLite,
// and PostgreSQL in its lane): what ends an application before its draw takes its turn on the
// slot's row, so the draw never books a withdrawn or deleted resident; a slot that will not run
// (blocked, or gone from the timetable) ends its applications and tells the residents; a slot
// awaiting its draw has no waitlist to join; due draws are found however many slots wait.
import { beforeEach, describe, expect, it } from "vitest";
import { releaseBookingsOfDeletedResident } from "~/domain/booking/waitlist.server";
import { applyForSlot, drawSlot, withdrawSlotApplication } from "~/domain/booking/lottery.server";
import { seoulInstant } from "~/domain/shared/seoul-time";
import { setTestNow } from "~/utils/clock.server";
import { getDb } from "~/utils/db.server";
import { makePlace, makeService, makeSlot } from "#tests/factories/booking";
import { makeResidents } from "#tests/factories/residents";

const db = getDb();
const NOW = seoulInstant("2026-11-25", "12:00");
const HOUR = 3_600_000;
beforeEach(() => setTestNow(NOW));

async function lotteryService(drawLeadHours = 24) {
  const place = await makePlace();
  const service = await makeService(place.id, { kind: "study_room" });
  await db.service.update({
    where: { id: service.id },
    data: { allocation: "lottery", drawLeadHours },
  });
  return { place, service };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function applyEach(service: { slug: string }, slotId: string, ids: string[], now: Date) {
  for (const residentId of ids)
    expect(
      (await applyForSlot({ residentId, serviceSlug: service.slug, slotId, now, ip: null })).ok,
    ).toBe(true);
}

describe("ending an application while its slot is drawn", () => {
  it("a withdrawal or an account deletion either comes first (not drawn) or is refused (drawn)", async () => {
    const ROUNDS = 4;
    const APPLICANTS = 14;
    let endedFirst = 0;
    let refusedAfter = 0;
    for (let round = 0; round < ROUNDS; round += 1) {
      const { service } = await lotteryService();
      const slot = await makeSlot(service.id, "2026-12-02", `${10 + round}:00`, { capacity: 4 });
      const drawAt = new Date(slot.startsAt.getTime() - 24 * HOUR);
      const people = await makeResidents(APPLICANTS, { birthDate: "2000-01-01" });
      await applyEach(
        service,
        slot.id,
        people.map((p) => p.id),
        new Date(drawAt.getTime() - HOUR),
      );
      const applications = await db.slotApplication.findMany({
        where: { slotId: slot.id },
        select: { id: true, residentId: true },
      });
      const applicationOf = new Map(applications.map((a) => [a.residentId, a.id]));
      const deleted = new Set(people.slice(0, 3).map((p) => p.id));
      // everyone ends their application at some point around the draw, spread over 300 ms
      const [ends, draw] = await Promise.all([
        Promise.all(
          people.map(async (person, index) => {
            await sleep((index * 23) % 300);
            if (deleted.has(person.id))
              return db.$transaction((tx) =>
                releaseBookingsOfDeletedResident(tx, person.id, drawAt),
              );
            return withdrawSlotApplication(person.id, applicationOf.get(person.id)!, drawAt, null);
          }),
        ),
        sleep(40 + round * 60).then(() => drawSlot(slot.id, drawAt)),
      ]);
      expect(draw.ok).toBe(true);

      const after = await db.slotApplication.findMany({
        where: { slotId: slot.id },
        select: { residentId: true, status: true, bookingId: true },
      });
      const statusOf = new Map(after.map((a) => [a.residentId, a]));
      const [bookings, waiting] = await Promise.all([
        db.booking.findMany({
          where: { slotId: slot.id },
          select: { residentId: true, status: true },
        }),
        db.waitlistEntry.findMany({
          where: { slotId: slot.id },
          select: { residentId: true, status: true },
        }),
      ]);
      for (const [index, person] of people.entries()) {
        const application = statusOf.get(person.id)!;
        const booking = bookings.find((b) => b.residentId === person.id);
        const entry = waiting.find((w) => w.residentId === person.id);
        if (application.status === "withdrawn") {
          endedFirst += 1;
          // never drawn: no booking, no waitlist place (and so no message of a draw)
          expect(booking).toBeUndefined();
          expect(entry).toBeUndefined();
          if (!deleted.has(person.id)) expect(ends[index]).toEqual({ ok: true });
        } else {
          refusedAfter += 1;
          expect(["won", "waitlisted"]).toContain(application.status);
          if (!deleted.has(person.id)) {
            expect(ends[index]).toEqual({ ok: false, code: "notLive" });
            if (application.status === "won") expect(booking?.status).toBe("confirmed");
            else expect(entry?.status).toBe("waiting");
          } else {
            // a deleted resident's drawn place ends with the account
            expect(booking?.status ?? "cancelled").toBe("cancelled");
            expect(entry?.status ?? "cancelled").toBe("cancelled");
          }
        }
      }
      const messages = await db.notification.findMany({
        where: {
          residentId: {
            in: after.filter((a) => a.status === "withdrawn").map((a) => a.residentId),
          },
          template: { startsWith: "booking_lottery" },
        },
      });
      expect(messages).toEqual([]);
    }
    // the race happened: some ended before the draw's claim, some came after it
    expect(endedFirst).toBeGreaterThan(0);
    expect(refusedAfter).toBeGreaterThan(0);
  });
});
