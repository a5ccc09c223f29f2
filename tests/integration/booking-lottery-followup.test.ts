// Slot lotteries, the follow-up to decision 0031 (its addendum), on a real database (SQLite, and
// PostgreSQL in its lane): applying and drawing serialise on the slot's row, so no application is
// left undrawn on a drawn slot; staff of the place may draw a due slot now (once, audited); a
// service switched back to first come tells the residents whose applications end.
import { beforeEach, describe, expect, it } from "vitest";
import { applyForSlot, drawSlot, runSlotDraws } from "~/domain/booking/lottery.server";
import { seoulInstant } from "~/domain/shared/seoul-time";
import {
  action as drawAction,
  loader as drawLoader,
} from "~/routes/staff.bookings.slots.$slotId.draw";
import {
  action as editServiceAction,
  loader as editServiceLoader,
} from "~/routes/staff.places.$placeId.services.$serviceId";
import { setTestNow } from "~/utils/clock.server";
import { getDb } from "~/utils/db.server";
import { call, formRequest, getRequest } from "#tests/factories/http";
import { makeLotteryService, makePlace, makeSlot, makeStaffOf } from "#tests/factories/booking";
import { makeResident, makeResidents, sessionCookieFor } from "#tests/factories/residents";

const db = getDb();
const NOW = seoulInstant("2026-11-25", "12:00");
const HOUR = 3_600_000;
beforeEach(() => setTestNow(NOW));

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe("an application committed at the instant of the draw", () => {
  it("is either drawn (won or waitlisted) or refused, never left pending on a drawn slot", async () => {
    const ROUNDS = 5;
    const APPLICANTS = 20;
    let accepted = 0;
    let refused = 0;
    for (let round = 0; round < ROUNDS; round += 1) {
      const { service } = await makeLotteryService();
      const slot = await makeSlot(service.id, "2026-12-01", `${10 + round}:00`, { capacity: 3 });
      const drawAt = new Date(slot.startsAt.getTime() - 24 * HOUR);
      const people = await makeResidents(APPLICANTS, { birthDate: "2000-01-01" });
      // A few apply before; the rest race the draw, spread over 200 ms around its start.
      for (const person of people.slice(0, 3))
        await applyForSlot({
          residentId: person.id,
          serviceSlug: service.slug,
          slotId: slot.id,
          now: new Date(drawAt.getTime() - 60_000),
          ip: null,
        });
      const racing = people.slice(3);
      const [outcomes, draw] = await Promise.all([
        Promise.all(
          racing.map(async (person, index) => {
            await sleep((index * 37) % 200);
            // a clock a moment behind the task's: the early check lets it through
            return applyForSlot({
              residentId: person.id,
              serviceSlug: service.slug,
              slotId: slot.id,
              now: new Date(drawAt.getTime() - 1),
              ip: null,
            });
          }),
        ),
        // the draw starts at a different point of the spread each round
        sleep(20 + round * 40).then(() => drawSlot(slot.id, drawAt)),
      ]);
      expect(draw.ok).toBe(true);

      const applications = await db.slotApplication.findMany({
        where: { slotId: slot.id },
        select: { residentId: true, status: true },
      });
      const statusOf = new Map(applications.map((a) => [a.residentId, a.status]));
      expect(applications.filter((a) => a.status === "applied")).toEqual([]);
      for (const [index, outcome] of outcomes.entries()) {
        const status = statusOf.get(racing[index]!.id);
        if (outcome.ok) {
          accepted += 1;
          expect(["won", "waitlisted"]).toContain(status);
        } else {
          refused += 1;
          expect(outcome).toEqual({ ok: false, code: "closed" });
          expect(status).toBeUndefined();
        }
      }
      // the draw's record holds exactly the applications it decided
      const record = await db.slotDraw.findUniqueOrThrow({ where: { slotId: slot.id } });
      expect(JSON.parse(record.applicants)).toHaveLength(applications.length);
      const [bookings, waiting] = await Promise.all([
        db.booking.count({ where: { slotId: slot.id, status: "confirmed" } }),
        db.waitlistEntry.count({ where: { slotId: slot.id, status: "waiting" } }),
      ]);
      expect(bookings).toBe(Math.min(3, applications.length));
      expect(waiting).toBe(applications.length - bookings);
    }
    // the race happened: some got in before the draw's claim, some came after it
    expect(accepted).toBeGreaterThan(0);
    expect(refused).toBeGreaterThan(0);
  });
});

describe("staff draw now", () => {
  it("draws a due slot once (double press and the task at once), audited; refused before its time", async () => {
    const { place, service } = await makeLotteryService();
    const slot = await makeSlot(service.id, "2026-12-03", "10:00", { capacity: 1 });
    const drawAt = new Date(slot.startsAt.getTime() - 24 * HOUR);
    const people = await makeResidents(4, { birthDate: "2000-01-01" });
    for (const person of people)
      expect(
        await applyForSlot({
          residentId: person.id,
          serviceSlug: service.slug,
          slotId: slot.id,
          now: NOW,
          ip: null,
        }),
      ).toMatchObject({ ok: true });
    const staff = await makeResident({ birthDate: "1990-01-01" });
    await makeStaffOf(staff.id, place.id);
    const cookie = await sessionCookieFor(staff.id);
    const path = `/staff/bookings/slots/${slot.id}/draw`;
    const params = { slotId: slot.id };

    // before the draw time: no button, and a POST is refused with the time, nothing written
    const early = await call(drawLoader, getRequest(path, { cookie }), params);
    expect(early.data).toMatchObject({ mayDrawNow: false, draw: null, pending: 4 });
    const refusedEarly = await call(drawAction, formRequest(path, {}, { cookie }), params);
    expect(refusedEarly.data).toMatchObject({
      refusal: { code: "notStarted", params: { about: "draw", drawAt: expect.any(String) } },
    });
    expect(refusedEarly.status).toBeGreaterThanOrEqual(400);
    expect(refusedEarly.status).toBeLessThan(500);
    expect(await db.slotDraw.count({ where: { slotId: slot.id } })).toBe(0);

    // others: staff of another place do not find it, a resident is refused
    const otherPlace = await makePlace();
    const stranger = await makeResident({ birthDate: "1990-01-01" });
    await makeStaffOf(stranger.id, otherPlace.id);
    setTestNow(new Date(drawAt.getTime() + 60_000));
    const theirs = await call(
      drawAction,
      formRequest(path, {}, { cookie: await sessionCookieFor(stranger.id) }),
      params,
    );
    expect(theirs.status).toBe(404);
    const residentTry = await call(
      drawAction,
      formRequest(path, {}, { cookie: await sessionCookieFor(people[0]!.id) }),
      params,
    );
    expect(residentTry.status).toBe(403);
    expect(await db.slotDraw.count({ where: { slotId: slot.id } })).toBe(0);

    // due, the task not run yet: the button shows; two presses and the task at once draw once
    const due = await call(drawLoader, getRequest(path, { cookie }), params);
    expect(due.data).toMatchObject({ mayDrawNow: true, draw: null });
    const [first, second, task] = await Promise.all([
      call(drawAction, formRequest(path, {}, { cookie }), params),
      call(drawAction, formRequest(path, {}, { cookie }), params),
      runSlotDraws(new Date(drawAt.getTime() + 60_000)),
    ]);
    const redirects = [first, second].filter((r) => r.status === 302);
    expect(redirects.length + task.drawn).toBe(1);
    for (const other of [first, second].filter((r) => r.status !== 302))
      expect(other.data).toMatchObject({ refusal: { code: "closed" } });
    expect(await db.slotDraw.count({ where: { slotId: slot.id } })).toBe(1);
    expect(await db.booking.count({ where: { slotId: slot.id } })).toBe(1);
    const audits = await db.auditEvent.findMany({
      where: { action: "booking.draw", metadata: { contains: slot.id } },
      select: { actorId: true },
    });
    expect(audits).toEqual([{ actorId: redirects.length === 1 ? staff.id : null }]);
    // pressed again later: refused, still once
    const again = await call(drawAction, formRequest(path, {}, { cookie }), params);
    expect(again.data).toMatchObject({ refusal: { code: "closed" } });
    expect(await db.slotDraw.count({ where: { slotId: slot.id } })).toBe(1);
    const after = await call(drawLoader, getRequest(path, { cookie }), params);
    expect(after.data).toMatchObject({ mayDrawNow: false, pending: 0 });
  });

  it("is open to an admin, and the staff member's press is audited with them", async () => {
    const { service } = await makeLotteryService();
    const slot = await makeSlot(service.id, "2026-12-04", "10:00", { capacity: 2 });
    const person = await makeResident({ birthDate: "2000-01-01" });
    await applyForSlot({
      residentId: person.id,
      serviceSlug: service.slug,
      slotId: slot.id,
      now: NOW,
      ip: null,
    });
    const admin = await makeResident({ birthDate: "1980-01-01" });
    await db.resident.update({ where: { id: admin.id }, data: { role: "admin" } });
    setTestNow(new Date(slot.startsAt.getTime() - HOUR));
    const path = `/staff/bookings/slots/${slot.id}/draw`;
    const pressed = await call(
      drawAction,
      formRequest(path, {}, { cookie: await sessionCookieFor(admin.id) }),
      { slotId: slot.id },
    );
    expect(pressed.status).toBe(302);
    expect(pressed.headers.get("location")).toBe(`${path}?drawn=1`);
    const audit = await db.auditEvent.findFirstOrThrow({
      where: { action: "booking.draw", metadata: { contains: slot.id } },
      select: { actorId: true },
    });
    expect(audit.actorId).toBe(admin.id);
    expect(
      await db.slotApplication.findFirstOrThrow({
        where: { slotId: slot.id },
        select: { status: true },
      }),
    ).toEqual({ status: "won" });
  });
});

describe("switching a lottery service back to first come", () => {
  it("says on the form how many applications will end, ends them and tells each resident in their language", async () => {
    const { place, service } = await makeLotteryService();
    const slot = await makeSlot(service.id, "2026-12-05", "10:00", { capacity: 2 });
    const languages = ["ko", "en", "zh", "vi"] as const;
    const people = await makeResidents(languages.length, { birthDate: "2000-01-01" });
    for (const [index, person] of people.entries()) {
      await db.resident.update({
        where: { id: person.id },
        data: { preferredLanguage: languages[index] },
      });
      await applyForSlot({
        residentId: person.id,
        serviceSlug: service.slug,
        slotId: slot.id,
        now: NOW,
        ip: null,
      });
    }
    const staff = await makeResident({ birthDate: "1990-01-01" });
    await makeStaffOf(staff.id, place.id);
    const cookie = await sessionCookieFor(staff.id);
    const path = `/staff/places/${place.id}/services/${service.id}`;
    const params = { placeId: place.id, serviceId: service.id };
    const form = await call(editServiceLoader, getRequest(path, { cookie }), params);
    expect(form.data).toMatchObject({ pendingApplications: 4 });

    const saved = await call(
      editServiceAction,
      formRequest(
        path,
        {
          kind: "study_room",
          nameKo: "스터디룸",
          nameEn: "Study room",
          durationMinutes: "60",
          bookable: "on",
          active: "on",
          allocation: "first_come",
          drawLeadHours: "24",
        },
        { cookie },
      ),
      params,
    );
    expect(saved.status).toBe(302);
    const statuses = await db.slotApplication.findMany({
      where: { slotId: slot.id },
      select: { status: true },
    });
    expect(statuses.map((s) => s.status)).toEqual(Array(4).fill("not_selected"));
    const messages = await db.notification.findMany({
      where: { template: "booking_lottery_ended", residentId: { in: people.map((p) => p.id) } },
      select: { residentId: true, locale: true, subject: true, channel: true },
    });
    const expected = { ko: "추첨", en: "Lottery", zh: "抽签", vi: "bốc thăm" };
    for (const [index, person] of people.entries()) {
      const language = languages[index]!;
      const mine = messages.filter((m) => m.residentId === person.id && m.channel === "email");
      expect(mine).toHaveLength(1);
      expect(mine[0]!.locale).toBe(language);
      expect(mine[0]!.subject).toContain(expected[language]);
    }
    const after = await call(editServiceLoader, getRequest(path, { cookie }), params);
    expect(after.data).toMatchObject({ pendingApplications: 0 });
  });
});
