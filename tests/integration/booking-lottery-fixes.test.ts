// Slot lotteries, the review fixes (decision 0031, second addendum), on a real database (SQLite,
// and PostgreSQL in its lane): what ends an application before its draw takes its turn on the
// slot's row, so the draw never books a withdrawn or deleted resident; a slot that will not run
// (blocked, or gone from the timetable) ends its applications and tells the residents; a slot
// awaiting its draw has no waitlist to join; due draws are found however many slots wait.
import { beforeEach, describe, expect, it } from "vitest";
import { syncSlots } from "~/domain/booking/schedule.server";
import { blockSlot } from "~/domain/booking/staff.server";
import { joinWaitlist, releaseBookingsOfDeletedResident } from "~/domain/booking/waitlist.server";
import type { SessionUser } from "~/domain/residents/types";
import { cancelBooking } from "~/domain/booking/book.server";
import {
  applyForSlot,
  drawSlot,
  endUndrawnApplications,
  runSlotDraws,
  withdrawSlotApplication,
} from "~/domain/booking/lottery.server";
import { action as slotAction, loader as slotLoader } from "~/routes/book.$serviceSlug.$slotId";
import { loader as bookingsLoader } from "~/routes/bookings._index";
import { seoulInstant } from "~/domain/shared/seoul-time";
import { setTestNow } from "~/utils/clock.server";
import { getDb } from "~/utils/db.server";
import { makeLotteryService, makeSlot } from "#tests/factories/booking";
import { makeResident, makeResidents, sessionCookieFor } from "#tests/factories/residents";
import { call, formRequest, getRequest } from "#tests/factories/http";

const db = getDb();
const NOW = seoulInstant("2026-11-25", "12:00");
const HOUR = 3_600_000;
beforeEach(() => setTestNow(NOW));

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
      const { service } = await makeLotteryService();
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
            // (a place a deleted winner gave back is offered on)
            else expect(["waiting", "offered"]).toContain(entry?.status);
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

async function staffOf(placeId: string): Promise<SessionUser> {
  const staff = await makeResident();
  await db.resident.update({
    where: { id: staff.id },
    data: { role: "staff", staffPlaceId: placeId },
  });
  return {
    id: staff.id,
    name: "staff",
    role: "staff",
    staffPlaceId: placeId,
    staffOrganizationId: null,
    preferredLanguage: "ko",
  };
}

async function messagesTo(residentIds: string[]) {
  return db.notification.findMany({
    where: { residentId: { in: residentIds } },
    select: { residentId: true, template: true, body: true },
  });
}

describe("a slot that will not run", () => {
  it("blocked by staff: its applications end (not_selected) and each resident is told why", async () => {
    const { place, service } = await makeLotteryService();
    const slot = await makeSlot(service.id, "2026-12-03", "10:00", { capacity: 2 });
    const people = await makeResidents(3, { birthDate: "2000-01-01" });
    await applyEach(
      service,
      slot.id,
      people.map((p) => p.id),
      NOW,
    );
    const staff = await staffOf(place.id);

    expect(await blockSlot(staff, slot.id, "boiler repair", NOW, null)).toEqual({
      ok: true,
      cancelled: 0,
    });
    const applications = await db.slotApplication.findMany({ where: { slotId: slot.id } });
    expect(applications.map((a) => [a.status, a.liveKey])).toEqual(
      people.map(() => ["not_selected", null]),
    );
    const messages = await messagesTo(people.map((p) => p.id));
    expect(messages.map((m) => m.template)).toEqual(
      people.map(() => "booking_lottery_slot_cancelled"),
    );
    expect(messages[0]!.body).toContain("boiler repair");
    // nothing is left for the periodic draw
    expect(await drawSlot(slot.id, new Date(slot.startsAt.getTime() - HOUR))).toEqual({
      ok: false,
      code: "blocked",
    });
  });

  it("blocked while its draw runs: either the draw came first (bookings cancelled) or none is drawn", async () => {
    let drawnFirst = 0;
    let blockedFirst = 0;
    for (let round = 0; round < 6; round += 1) {
      const { place, service } = await makeLotteryService();
      const slot = await makeSlot(service.id, "2026-12-04", `${10 + round}:00`, { capacity: 3 });
      const drawAt = new Date(slot.startsAt.getTime() - 24 * HOUR);
      const people = await makeResidents(8, { birthDate: "2000-01-01" });
      await applyEach(
        service,
        slot.id,
        people.map((p) => p.id),
        new Date(drawAt.getTime() - HOUR),
      );
      const staff = await staffOf(place.id);
      // the one or the other starts first, by a few milliseconds more each round
      const lead = (round - 2.5) * 12;
      const [draw] = await Promise.all([
        sleep(Math.max(0, lead)).then(() => drawSlot(slot.id, drawAt)),
        sleep(Math.max(0, -lead)).then(() => blockSlot(staff, slot.id, null, drawAt, null)),
      ]);
      const [live, won, bookings] = await Promise.all([
        db.slotApplication.count({ where: { slotId: slot.id, status: "applied" } }),
        db.slotApplication.count({ where: { slotId: slot.id, status: "won" } }),
        db.booking.count({ where: { slotId: slot.id, status: "confirmed" } }),
      ]);
      expect(live).toBe(0); // never left pending on a blocked slot
      expect(bookings).toBe(0); // nothing is booked on a blocked slot
      if (draw.ok) {
        drawnFirst += 1;
        expect(won).toBe(3);
      } else {
        blockedFirst += 1;
        expect(won).toBe(0);
        expect(
          await db.slotApplication.count({ where: { slotId: slot.id, status: "not_selected" } }),
        ).toBe(8);
      }
    }
    // the race happened both ways
    expect(drawnFirst).toBeGreaterThan(0);
    expect(blockedFirst).toBeGreaterThan(0);
  });

  it("gone from the timetable: kept (blocked) with its applications, which end with a message", async () => {
    const { service } = await makeLotteryService();
    const template = await db.slotTemplate.create({
      data: {
        serviceId: service.id,
        weekday: 4,
        startTime: "10:00",
        endTime: "12:00",
        slotMinutes: 60,
        capacity: 2,
        horizonDays: 14,
        validFrom: "2026-01-01",
      },
    });
    await syncSlots(db, service.id, NOW);
    // the first slot's draw (24 hours before) has passed: apply for the second one
    const [unused, appliedFor] = await db.slot.findMany({
      where: { serviceId: service.id },
      orderBy: { startsAt: "asc" },
      skip: 1,
    });
    const people = await makeResidents(2, { birthDate: "2000-01-01" });
    await applyEach(
      service,
      appliedFor!.id,
      people.map((p) => p.id),
      NOW,
    );
    await db.slotTemplate.update({ where: { id: template.id }, data: { active: false } });

    const sync = await syncSlots(db, service.id, NOW);
    expect(sync.removed).toBe(4);
    // the applied-for slot stays (blocked) with its history; the one nobody used is deleted
    expect(await db.slot.findUnique({ where: { id: appliedFor!.id } })).toMatchObject({
      blocked: true,
    });
    expect(await db.slot.findUnique({ where: { id: unused!.id } })).toBeNull();
    const applications = await db.slotApplication.findMany({ where: { slotId: appliedFor!.id } });
    expect(applications.map((a) => a.status)).toEqual(["not_selected", "not_selected"]);
    const messages = await messagesTo(people.map((p) => p.id));
    expect(messages.map((m) => m.template)).toEqual([
      "booking_lottery_slot_cancelled",
      "booking_lottery_slot_cancelled",
    ]);
  });
});

describe("applying while staff switch the service to first come", () => {
  it("an application either ends with the switch (and is told) or is refused, never left undrawn", async () => {
    let endedBySwitch = 0;
    let refused = 0;
    for (let round = 0; round < 4; round += 1) {
      const { service } = await makeLotteryService();
      const slot = await makeSlot(service.id, "2026-12-05", `${10 + round}:00`, { capacity: 2 });
      const people = await makeResidents(12, { birthDate: "2000-01-01" });
      const apply = (residentId: string) =>
        applyForSlot({
          residentId,
          serviceSlug: service.slug,
          slotId: slot.id,
          now: NOW,
          ip: null,
        });
      // Three apply at once; once they are answered the staff save starts, while the others
      // keep applying, spread over 300 ms (however slow the machine, some race the save).
      const early = people.slice(0, 3).map((person) => apply(person.id));
      const late = people.slice(3).map(async (person, index) => {
        await sleep((index * 37) % 300);
        return apply(person.id);
      });
      const save = Promise.all(early).then(() =>
        // the staff save: the service row, then its undrawn applications (manage.server.ts)
        db.$transaction(async (tx) => {
          await tx.service.update({
            where: { id: service.id },
            data: { allocation: "first_come" },
          });
          return endUndrawnApplications(tx, service.id, NOW);
        }),
      );
      const [outcomes] = await Promise.all([Promise.all([...early, ...late]), save]);
      const applications = await db.slotApplication.findMany({
        where: { slotId: slot.id },
        select: { residentId: true, status: true },
      });
      expect(applications.filter((a) => a.status === "applied")).toEqual([]);
      const told = await db.notification.findMany({
        where: { template: "booking_lottery_ended", residentId: { in: people.map((p) => p.id) } },
        select: { residentId: true },
      });
      for (const [index, outcome] of outcomes.entries()) {
        const person = people[index]!;
        if (outcome.ok) {
          endedBySwitch += 1;
          expect(applications.find((a) => a.residentId === person.id)?.status).toBe("not_selected");
          expect(told.filter((m) => m.residentId === person.id)).toHaveLength(1);
        } else {
          refused += 1;
          expect(outcome).toEqual({ ok: false, code: "notAllowed" });
        }
      }
    }
    // the race happened: some applied before the switch, some after it
    expect(endedBySwitch).toBeGreaterThan(0);
    expect(refused).toBeGreaterThan(0);
  });
});

describe("a full lottery slot before its draw", () => {
  it("offers applying only: joining its waitlist is refused with its own message; the draw keeps an entry already held", async () => {
    const { service } = await makeLotteryService();
    const slot = await makeSlot(service.id, "2026-12-06", "10:00", { capacity: 1 });
    await db.slot.update({ where: { id: slot.id }, data: { bookedCount: 1 } });
    const [resident, earlier] = await makeResidents(2, { birthDate: "2000-01-01" });
    const cookie = await sessionCookieFor(resident!.id);
    const path = `/book/${service.slug}/${slot.id}`;
    const params = { serviceSlug: service.slug, slotId: slot.id };

    const joined = await call(
      slotAction,
      formRequest(path, { intent: "waitlist" }, { cookie }),
      params,
    );
    expect(joined.status).toBe(409);
    expect(joined.data).toMatchObject({
      refusal: { code: "notAllowed", params: { about: "waitlist" } },
    });
    expect(await db.waitlistEntry.count({ where: { slotId: slot.id } })).toBe(0);
    const page = await call(slotLoader, getRequest(path, { cookie }), params);
    expect(page.status).toBe(200);

    // Someone on the waitlist from before the service became a lottery, who then applies:
    // the draw keeps their entry instead of failing on its live key (and rolling back).
    const entry = await db.waitlistEntry.create({
      data: {
        slotId: slot.id,
        residentId: earlier!.id,
        status: "waiting",
        liveKey: `${slot.id}:${earlier!.id}`,
        createdAt: NOW,
      },
    });
    await applyEach(service, slot.id, [earlier!.id, resident!.id], NOW);
    const drawAt = new Date(slot.startsAt.getTime() - 24 * HOUR);
    expect(await drawSlot(slot.id, drawAt)).toMatchObject({ ok: true, winners: 0, applicants: 2 });
    const entries = await db.waitlistEntry.findMany({
      where: { slotId: slot.id, status: "waiting" },
      select: { id: true, residentId: true },
    });
    expect(entries).toHaveLength(2);
    expect(entries.find((e) => e.residentId === earlier!.id)?.id).toBe(entry.id);
    // after the draw, the waitlist is open again as for any full slot
    const outsider = await makeResident({ birthDate: "2000-01-01" });
    expect(
      await joinWaitlist({
        residentId: outsider.id,
        serviceSlug: service.slug,
        slotId: slot.id,
        now: drawAt,
      }),
    ).toMatchObject({ ok: true });
  });
});

describe("the periodic draw", () => {
  it("finds the due slots of every service, however many not yet due start sooner", async () => {
    const short = await makeLotteryService({ drawLeadHours: 2 }); // drawn 2 hours before
    const long = await makeLotteryService({ drawLeadHours: 48 }); // drawn 48 hours before
    // more slots than a batch that start soon but are not due (the short lead time)...
    const notDue = [];
    for (const time of ["15:00", "16:00", "17:00", "18:00", "19:00"])
      notDue.push(await makeSlot(short.service.id, "2026-11-25", time, { capacity: 1 }));
    // ...and two due slots of the other service that start later
    const due = [
      await makeSlot(long.service.id, "2026-11-26", "20:00", { capacity: 1 }),
      await makeSlot(long.service.id, "2026-11-26", "21:00", { capacity: 1 }),
    ];
    expect(await runSlotDraws(NOW, { batch: 3 })).toMatchObject({ drawn: 2 });
    const drawn = await db.slotDraw.findMany({ select: { slotId: true } });
    const drawnIds = drawn.map((d) => d.slotId);
    for (const slot of due) expect(drawnIds).toContain(slot.id);
    for (const slot of notDue) expect(drawnIds).not.toContain(slot.id);
    // the batch is a bound: three due slots of the short service, two drawn per run
    const more = await makeLotteryService({ drawLeadHours: 2 });
    for (const time of ["13:00", "13:10", "13:20"])
      await makeSlot(more.service.id, "2026-11-25", time, { capacity: 1 });
    expect((await runSlotDraws(NOW, { batch: 2 })).drawn).toBe(2);
    expect((await runSlotDraws(NOW, { batch: 2 })).drawn).toBeGreaterThanOrEqual(1);
  });

  it("closes the applications of a slot that began undrawn with updatedAt and an audit record", async () => {
    const { service } = await makeLotteryService();
    const slot = await makeSlot(service.id, "2026-12-07", "10:00", { capacity: 1 });
    const people = await makeResidents(2, { birthDate: "2000-01-01" });
    await applyEach(
      service,
      slot.id,
      people.map((p) => p.id),
      NOW,
    );
    // blocked by hand (not through staff, which ends them at once), then the time passes
    await db.slot.update({ where: { id: slot.id }, data: { blocked: true } });
    const after = new Date(slot.startsAt.getTime() + HOUR);
    expect(await runSlotDraws(after)).toMatchObject({ closed: 2 });
    const applications = await db.slotApplication.findMany({ where: { slotId: slot.id } });
    for (const application of applications) {
      expect(application.status).toBe("not_selected");
      expect(application.updatedAt).toEqual(after);
    }
    expect(
      await db.auditEvent.findMany({
        where: { action: "booking.applications_closed", subjectId: slot.id },
        select: { placeId: true, metadata: true },
      }),
    ).toEqual([{ placeId: service.placeId, metadata: JSON.stringify({ closed: 2, by: "task" }) }]);
  });
});

describe("the resident's view of an application", () => {
  it("a refused withdrawal says it is about the application; won turns to cancelled with its booking; withdrawal audited with its place", async () => {
    const { service } = await makeLotteryService();
    const slot = await makeSlot(service.id, "2026-12-08", "10:00", { capacity: 1 });
    const resident = await makeResident({ birthDate: "2000-01-01" });
    const cookie = await sessionCookieFor(resident.id);
    const path = `/book/${service.slug}/${slot.id}`;
    const params = { serviceSlug: service.slug, slotId: slot.id };
    await applyEach(service, slot.id, [resident.id], NOW);
    const application = await db.slotApplication.findFirstOrThrow({ where: { slotId: slot.id } });

    const withdrawn = await call(
      slotAction,
      formRequest(path, { intent: "withdraw", applicationId: application.id }, { cookie }),
      params,
    );
    expect(withdrawn.status).toBe(302);
    expect(
      await db.auditEvent.findFirst({
        where: { action: "booking.withdraw_application", subjectId: application.id },
        select: { placeId: true },
      }),
    ).toEqual({ placeId: service.placeId });
    const again = await call(
      slotAction,
      formRequest(path, { intent: "withdraw", applicationId: application.id }, { cookie }),
      params,
    );
    expect(again.data).toMatchObject({
      refusal: { code: "notLive", params: { about: "application" } },
    });

    // applies again, is drawn, then cancels the booking the draw made
    await applyEach(service, slot.id, [resident.id], NOW);
    await drawSlot(slot.id, new Date(slot.startsAt.getTime() - 24 * HOUR));
    const won = await db.slotApplication.findFirstOrThrow({
      where: { slotId: slot.id, status: "won" },
    });
    const slotPage = () => call(slotLoader, getRequest(path, { cookie }), params);
    const mine = () => call(bookingsLoader, getRequest("/bookings", { cookie }), {});
    expect((await slotPage()).data).toMatchObject({ lottery: { application: { status: "won" } } });
    expect((await mine()).data).toMatchObject({ applications: [{ status: "won" }] });
    expect((await cancelBooking(resident.id, won.bookingId!, NOW, null)).ok).toBe(true);
    expect((await slotPage()).data).toMatchObject({
      lottery: { application: { status: "wonCancelled" } },
    });
    expect((await mine()).data).toMatchObject({ applications: [{ status: "wonCancelled" }] });
  });

  it("pages my lottery applications (lotteryPage), with a bad page showing the first", async () => {
    const resident = await makeResident({ birthDate: "2000-01-01" });
    const cookie = await sessionCookieFor(resident.id);
    const { service } = await makeLotteryService();
    for (let day = 0; day < 22; day += 1) {
      const slot = await makeSlot(
        service.id,
        `2026-12-${String(day + 8).padStart(2, "0")}`,
        "10:00",
        {
          capacity: 1,
        },
      );
      // (written directly: the per-kind rule allows only a few live applications)
      await db.slotApplication.create({
        data: {
          slotId: slot.id,
          residentId: resident.id,
          status: "applied",
          liveKey: `${slot.id}:${resident.id}`,
        },
      });
    }
    const first = await call(bookingsLoader, getRequest("/bookings", { cookie }), {});
    expect(first.data).toMatchObject({ lotteryPage: 1, lotteryPages: 2 });
    expect((first.data as { applications: unknown[] }).applications).toHaveLength(20);
    const second = await call(
      bookingsLoader,
      getRequest("/bookings?lotteryPage=2", { cookie }),
      {},
    );
    expect((second.data as { applications: unknown[] }).applications).toHaveLength(2);
    const bad = await call(bookingsLoader, getRequest("/bookings?lotteryPage=x", { cookie }), {});
    expect(bad.data).toMatchObject({ lotteryPage: 1 });
  });
});
