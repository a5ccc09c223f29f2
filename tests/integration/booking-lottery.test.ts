// Bookable services by lottery (decision 0031) on a real database (SQLite, and PostgreSQL in its
// lane): residents apply for a slot until its draw; the draw books exactly the places and can be
// re-run from its record; the others wait in drawn order and get freed places in that order; a
// recent no-show is drawn last; refusals write nothing; first-come services are unchanged.
import { beforeEach, describe, expect, inject, it } from "vitest";
import { bookSlot, cancelBooking } from "~/domain/booking/book.server";
import {
  applyForSlot,
  drawSlot,
  runSlotDraws,
  withdrawSlotApplication,
} from "~/domain/booking/lottery.server";
import { runDrawFromSeed, type DrawApplicant } from "~/domain/shared/draw";
import { seoulInstant } from "~/domain/shared/seoul-time";
import { action as slotAction, loader as slotLoader } from "~/routes/book.$serviceSlug.$slotId";
import { loader as bookingsLoader } from "~/routes/bookings._index";
import { loader as drawLoader } from "~/routes/staff.bookings.slots.$slotId.draw";
import { action as editServiceAction } from "~/routes/staff.places.$placeId.services.$serviceId";
import { setTestNow } from "~/utils/clock.server";
import { getDb } from "~/utils/db.server";
import { call, formRequest, getRequest } from "#tests/factories/http";
import {
  KEY,
  makeLotteryService,
  makePlace,
  makeService,
  makeSlot,
  makeStaffOf,
} from "#tests/factories/booking";
import { makeResident, makeResidents, sessionCookieFor } from "#tests/factories/residents";

const db = getDb();
const NOW = seoulInstant("2026-11-25", "12:00");
const HOUR = 3_600_000;
beforeEach(() => setTestNow(NOW));

const apply = (residentId: string, service: { slug: string }, slotId: string, now = NOW) =>
  applyForSlot({ residentId, serviceSlug: service.slug, slotId, now, ip: null });

/** Everyone applies, 25 at a time (parallel enough to race, not enough to exhaust the pool). */
async function applyAll(service: { slug: string }, slotId: string, ids: string[]) {
  const outcomes = [];
  for (let i = 0; i < ids.length; i += 25)
    outcomes.push(
      ...(await Promise.all(ids.slice(i, i + 25).map((id) => apply(id, service, slotId)))),
    );
  return outcomes;
}

async function written(slotId: string) {
  const [applications, bookings, audits] = await Promise.all([
    db.slotApplication.count({ where: { slotId } }),
    db.booking.count({ where: { slotId } }),
    db.auditEvent.count({ where: { metadata: { contains: slotId } } }),
  ]);
  return { applications, bookings, audits };
}

describe("a lottery of 4 places with 50 applicants", () => {
  it("books exactly 4, once, recorded so that re-running the draw gives the same winners", async () => {
    const { service } = await makeLotteryService();
    const slot = await makeSlot(service.id, "2026-12-01", "10:00", { capacity: 4 });
    const people = await makeResidents(50, { birthDate: "2000-01-01" });
    const outcomes = await applyAll(
      service,
      slot.id,
      people.map((p) => p.id),
    );
    expect(outcomes.every((o) => o.ok)).toBe(true);
    // before the draw nothing is booked, and booking directly is refused
    expect(await written(slot.id)).toMatchObject({ applications: 50, bookings: 0 });
    expect(
      await bookSlot({
        residentId: people[0]!.id,
        serviceSlug: service.slug,
        slotId: slot.id,
        idempotencyKey: KEY(),
        now: NOW,
        ip: null,
      }),
    ).toEqual({ ok: false, code: "notAllowed" });

    // not yet: the draw is 24 hours before the start
    const drawAt = new Date(slot.startsAt.getTime() - 24 * HOUR);
    expect(await drawSlot(slot.id, new Date(drawAt.getTime() - 1))).toEqual({
      ok: false,
      code: "notStarted",
    });
    expect((await runSlotDraws(new Date(drawAt.getTime() - 1))).drawn).toBe(0);
    // the periodic task draws it; two runners at once draw it once
    const [first, second] = await Promise.all([runSlotDraws(drawAt), runSlotDraws(drawAt)]);
    expect(first.drawn + second.drawn).toBe(1);
    expect(await drawSlot(slot.id, drawAt)).toEqual({ ok: false, code: "closed" });
    // drawn: applying is over, even with a clock that runs behind
    const late = await makeResident({ birthDate: "2000-01-01" });
    expect(await apply(late.id, service, slot.id, NOW)).toEqual({ ok: false, code: "closed" });

    const bookings = await db.booking.findMany({
      where: { slotId: slot.id, status: "confirmed" },
      select: { residentId: true },
    });
    expect(bookings).toHaveLength(4);
    const counter = await db.slot.findUniqueOrThrow({ where: { id: slot.id } });
    expect(counter.bookedCount).toBe(4);

    // re-run from the record alone
    const record = await db.slotDraw.findUniqueOrThrow({ where: { slotId: slot.id } });
    const input = JSON.parse(record.applicants) as DrawApplicant[];
    expect(input).toHaveLength(50);
    expect(record.seats).toBe(4);
    const rerun = runDrawFromSeed(record.seed, input, record.seats);
    expect(rerun.order).toEqual(JSON.parse(record.drawnOrder));
    const winners = await db.slotApplication.findMany({
      where: { id: { in: rerun.winners } },
      select: { residentId: true, status: true, bookingId: true },
    });
    expect(winners.every((w) => w.status === "won" && w.bookingId)).toBe(true);
    expect(new Set(winners.map((w) => w.residentId))).toEqual(
      new Set(bookings.map((b) => b.residentId)),
    );
    // negative control: another seed gives another order
    expect(runDrawFromSeed("0".repeat(32), input, 4).order).not.toEqual(rerun.order);

    // the others wait in drawn order
    const waiting = await db.waitlistEntry.findMany({
      where: { slotId: slot.id, status: "waiting" },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      select: { residentId: true },
    });
    const residentOf = new Map(
      (
        await db.slotApplication.findMany({
          where: { slotId: slot.id },
          select: { id: true, residentId: true },
        })
      ).map((a) => [a.id, a.residentId]),
    );
    expect(waiting.map((w) => w.residentId)).toEqual(
      rerun.waitlist.map((id) => residentOf.get(id)),
    );

    // audited with the seed; told in their language
    const audit = await db.auditEvent.findFirstOrThrow({
      where: { action: "booking.draw", subjectId: record.id },
    });
    expect(JSON.parse(audit.metadata)).toMatchObject({ seed: record.seed, seats: 4, winners: 4 });
    const messages = await db.notification.groupBy({
      by: ["template"],
      where: { residentId: { in: people.map((p) => p.id) }, channel: "email" },
      _count: { _all: true },
    });
    const count = (template: string) =>
      messages.find((m) => m.template === template)?._count._all ?? 0;
    expect(count("booking_lottery_won")).toBe(4);
    expect(count("booking_lottery_waitlisted")).toBe(46);

    // a winner cancels: the place is offered to the first one drawn after the winners
    const cancelling = await db.booking.findFirstOrThrow({
      where: { slotId: slot.id, status: "confirmed" },
      select: { id: true, residentId: true },
    });
    const later = new Date(drawAt.getTime() + HOUR);
    expect(await cancelBooking(cancelling.residentId, cancelling.id, later, null)).toMatchObject({
      ok: true,
    });
    const offered = await db.waitlistEntry.findFirstOrThrow({
      where: { slotId: slot.id, status: "offered" },
      select: { residentId: true },
    });
    expect(offered.residentId).toBe(residentOf.get(rerun.waitlist[0]!));
  }, 120_000);
});

describe("a winner the draw has to skip", () => {
  /**
   * Withdraws the first drawn application inside the draw, between its reading of the
   * applications and its booking of the winners (when it records the draw), as a withdrawal that
   * slipped past the slot's claim would.
   */
  async function withdrawFirstDrawnDuringDraw(slotId: string) {
    const name = `skip_winner_${slotId.replace(/\W/g, "")}`;
    if (inject("databaseEngine") === "postgresql") {
      await db.$executeRawUnsafe(
        `CREATE FUNCTION ${name}() RETURNS trigger AS $$ BEGIN UPDATE "SlotApplication" SET status = 'withdrawn', "liveKey" = NULL WHERE id = (NEW."drawnOrder"::json->>0); RETURN NEW; END $$ LANGUAGE plpgsql`,
      );
      await db.$executeRawUnsafe(
        `CREATE TRIGGER ${name} AFTER INSERT ON "SlotDraw" FOR EACH ROW WHEN (NEW."slotId" = '${slotId}') EXECUTE FUNCTION ${name}()`,
      );
    } else {
      await db.$executeRawUnsafe(
        `CREATE TRIGGER ${name} AFTER INSERT ON "SlotDraw" WHEN NEW.slotId = '${slotId}' BEGIN UPDATE "SlotApplication" SET status = 'withdrawn', liveKey = NULL WHERE id = json_extract(NEW.drawnOrder, '$[0]'); END`,
      );
    }
    return async () => {
      if (inject("databaseEngine") === "postgresql") {
        await db.$executeRawUnsafe(`DROP TRIGGER ${name} ON "SlotDraw"`);
        await db.$executeRawUnsafe(`DROP FUNCTION ${name}()`);
      } else await db.$executeRawUnsafe(`DROP TRIGGER ${name}`);
    };
  }

  it("offers its place to the first in drawn order on the waitlist and counts only real winners", async () => {
    const { service } = await makeLotteryService();
    const slot = await makeSlot(service.id, "2026-12-01", "10:00", { capacity: 2 });
    const people = await makeResidents(4, { birthDate: "2000-01-01" });
    for (const p of people) expect((await apply(p.id, service, slot.id)).ok).toBe(true);
    const drop = await withdrawFirstDrawnDuringDraw(slot.id);
    const drawAt = seoulInstant("2026-11-30", "10:00");
    let outcome;
    try {
      outcome = await drawSlot(slot.id, drawAt);
    } finally {
      await drop();
    }
    expect(outcome).toMatchObject({ ok: true, winners: 1, applicants: 4 });
    const record = await db.slotDraw.findUniqueOrThrow({ where: { slotId: slot.id } });
    const order = JSON.parse(record.drawnOrder) as string[];
    const applications = await db.slotApplication.findMany({
      where: { slotId: slot.id },
      select: { id: true, residentId: true, status: true },
    });
    const byId = new Map(applications.map((a) => [a.id, a]));
    expect(order.map((id) => byId.get(id)!.status)).toEqual([
      "withdrawn",
      "won",
      "waitlisted",
      "waitlisted",
    ]);
    // the skipped place is held for the first one waiting, in drawn order, who is told
    const entries = await db.waitlistEntry.findMany({
      where: { slotId: slot.id },
      select: { residentId: true, status: true },
    });
    const entryOf = (id: string) => entries.find((e) => e.residentId === byId.get(id)!.residentId);
    expect(entryOf(order[2]!)?.status).toBe("offered");
    expect(entryOf(order[3]!)?.status).toBe("waiting");
    expect(
      await db.notification.count({
        where: { residentId: byId.get(order[2]!)!.residentId, template: "waitlist_offer" },
      }),
    ).toBeGreaterThan(0);
    // one place booked and one held: none left free unseen, none twice
    const after = await db.slot.findUniqueOrThrow({ where: { id: slot.id } });
    expect(after.bookedCount).toBe(2);
    expect(await db.booking.count({ where: { slotId: slot.id, status: "confirmed" } })).toBe(1);
    const audit = await db.auditEvent.findFirstOrThrow({
      where: { action: "booking.draw", subjectId: record.id },
    });
    expect(JSON.parse(audit.metadata!)).toMatchObject({ winners: 1, skipped: 1, offered: 1 });
  });
});

describe("applying", () => {
  it("refuses twice, after the draw time, the ineligible and a first-come service, writing nothing", async () => {
    const { service } = await makeLotteryService({ minAge: 15, maxAge: 39 });
    const slot = await makeSlot(service.id, "2026-12-02", "10:00", { capacity: 2 });
    const young = await makeResident({ birthDate: "2000-01-01" });
    expect(await apply(young.id, service, slot.id)).toMatchObject({ ok: true });
    const before = await written(slot.id);
    expect(await apply(young.id, service, slot.id)).toEqual({ ok: false, code: "alreadyApplied" });

    const older = await makeResident({ birthDate: "1970-01-01" });
    expect(await apply(older.id, service, slot.id)).toMatchObject({
      ok: false,
      code: "ineligible",
    });
    const late = new Date(slot.startsAt.getTime() - 24 * HOUR);
    const other = await makeResident({ birthDate: "2000-01-01" });
    expect(await apply(other.id, service, slot.id, late)).toEqual({ ok: false, code: "closed" });
    expect(await written(slot.id)).toEqual(before);

    const place = await makePlace();
    const firstCome = await makeService(place.id);
    const open = await makeSlot(firstCome.id, "2026-12-02", "10:00", { capacity: 2 });
    expect(await apply(other.id, firstCome, open.id)).toEqual({ ok: false, code: "notAllowed" });
    expect(await written(open.id)).toEqual({ applications: 0, bookings: 0, audits: 0 });
    // first-come booking is as before
    expect(
      await bookSlot({
        residentId: other.id,
        serviceSlug: firstCome.slug,
        slotId: open.id,
        idempotencyKey: KEY(),
        now: NOW,
        ip: null,
      }),
    ).toMatchObject({ ok: true });
  });

  it("counts an application like a booking toward the per-kind limit; withdrawn ones are not drawn", async () => {
    const { service } = await makeLotteryService();
    const resident = await makeResident({ birthDate: "2000-01-01" });
    const slots = [];
    for (const time of ["09:00", "11:00", "13:00", "15:00"])
      slots.push(await makeSlot(service.id, "2026-12-03", time, { capacity: 1 }));
    for (const slot of slots.slice(0, 3))
      expect(await apply(resident.id, service, slot.id)).toMatchObject({ ok: true });
    // BOOKING_MAX_UPCOMING_PER_KIND (3) applications of this kind held
    expect(await apply(resident.id, service, slots[3]!.id)).toEqual({ ok: false, code: "limit" });

    const mine = await db.slotApplication.findFirstOrThrow({
      where: { residentId: resident.id, slotId: slots[0]!.id },
    });
    expect(await withdrawSlotApplication(resident.id, mine.id, NOW, null)).toEqual({ ok: true });
    expect(await withdrawSlotApplication(resident.id, mine.id, NOW, null)).toEqual({
      ok: false,
      code: "notLive",
    });
    expect(await apply(resident.id, service, slots[3]!.id)).toMatchObject({ ok: true });
    const drawn = await drawSlot(slots[0]!.id, new Date(slots[0]!.startsAt.getTime() - HOUR));
    expect(drawn).toMatchObject({ ok: true, applicants: 0, winners: 0 });
    // drawn with nobody: its place is first-come now
    const after = new Date(slots[0]!.startsAt.getTime() - HOUR);
    const walkIn = await makeResident({ birthDate: "2000-01-01" });
    expect(
      await bookSlot({
        residentId: walkIn.id,
        serviceSlug: service.slug,
        slotId: slots[0]!.id,
        idempotencyKey: KEY(),
        now: after,
        ip: null,
      }),
    ).toMatchObject({ ok: true });
  });

  it("draws a resident with a recent no-show after everyone else", async () => {
    const { service } = await makeLotteryService();
    const past = await makeSlot(service.id, "2026-11-20", "10:00", { capacity: 1 });
    const slot = await makeSlot(service.id, "2026-12-04", "10:00", { capacity: 3 });
    const people = await makeResidents(6, { birthDate: "2000-01-01" });
    const missed = people[0]!;
    await db.booking.create({
      data: { residentId: missed.id, slotId: past.id, status: "no_show" },
    });
    await applyAll(
      service,
      slot.id,
      people.map((p) => p.id),
    );
    expect(await drawSlot(slot.id, new Date(slot.startsAt.getTime() - 24 * HOUR))).toMatchObject({
      ok: true,
      winners: 3,
      applicants: 6,
    });
    const application = await db.slotApplication.findFirstOrThrow({
      where: { slotId: slot.id, residentId: missed.id },
    });
    expect(application).toMatchObject({ tier: 1, drawPosition: 6, status: "waitlisted" });
  });
});

describe("the slot page and my bookings", () => {
  it("applies and withdraws through the page, says when it is drawn, and lists the application", async () => {
    const { service } = await makeLotteryService();
    const slot = await makeSlot(service.id, "2026-12-05", "10:00", { capacity: 2 });
    const resident = await makeResident({ birthDate: "2000-01-01" });
    const cookie = await sessionCookieFor(resident.id);
    const path = `/book/${service.slug}/${slot.id}`;
    const params = { serviceSlug: service.slug, slotId: slot.id };

    const page = await call(slotLoader, getRequest(path, { cookie }), params);
    expect(page.data).toMatchObject({ lottery: { drawAt: expect.any(String), application: null } });

    const applied = await call(
      slotAction,
      formRequest(path, { intent: "apply" }, { cookie }),
      params,
    );
    expect(applied.status).toBe(302);
    const again = await call(
      slotAction,
      formRequest(path, { intent: "apply" }, { cookie }),
      params,
    );
    expect(again.data).toMatchObject({ refusal: { code: "alreadyApplied" } });
    // "book" on a lottery slot is refused with the lottery's message
    const book = await call(
      slotAction,
      formRequest(path, { intent: "book", idempotencyKey: KEY() }, { cookie }),
      params,
    );
    expect(book.data).toMatchObject({ refusal: { code: "notAllowed" } });

    const mine = await call(bookingsLoader, getRequest("/bookings", { cookie }), {});
    expect(mine.data).toMatchObject({
      applications: [{ slotId: slot.id, status: "applied" }],
    });

    const application = await db.slotApplication.findFirstOrThrow({
      where: { slotId: slot.id, residentId: resident.id },
    });
    const withdrawn = await call(
      slotAction,
      formRequest(path, { intent: "withdraw", applicationId: application.id }, { cookie }),
      params,
    );
    expect(withdrawn.status).toBe(302);
    expect(await db.slotApplication.count({ where: { slotId: slot.id, status: "applied" } })).toBe(
      0,
    );
    // someone else's application cannot be withdrawn
    const other = await makeResident({ birthDate: "2000-01-01" });
    await apply(other.id, service, slot.id);
    const theirs = await db.slotApplication.findFirstOrThrow({
      where: { slotId: slot.id, residentId: other.id },
    });
    const stolen = await call(
      slotAction,
      formRequest(path, { intent: "withdraw", applicationId: theirs.id }, { cookie }),
      params,
    );
    expect(stolen.data).toMatchObject({ refusal: { code: "notLive" } });
    expect(await db.slotApplication.findUniqueOrThrow({ where: { id: theirs.id } })).toMatchObject({
      status: "applied",
    });
  });
});

describe("staff", () => {
  it("choose a lottery per service (bad lead time: a message, nothing saved) and see a slot's draw", async () => {
    const place = await makePlace();
    const service = await makeService(place.id, { kind: "study_room" });
    const staff = await makeResident({ birthDate: "1990-01-01" });
    await makeStaffOf(staff.id, place.id);
    const cookie = await sessionCookieFor(staff.id);
    const path = `/staff/places/${place.id}/services/${service.id}`;
    const fields = {
      kind: "study_room",
      nameKo: "스터디룸",
      nameEn: "Study room",
      durationMinutes: "60",
      bookable: "on",
      active: "on",
      allocation: "lottery",
    };
    const params = { placeId: place.id, serviceId: service.id };
    const bad = await call(
      editServiceAction,
      formRequest(path, { ...fields, drawLeadHours: "0" }, { cookie }),
      params,
    );
    expect(bad.data).toMatchObject({
      result: { error: { drawLeadHours: ["booking:lottery.staff.leadHoursRange"] } },
    });
    expect(await db.service.findUniqueOrThrow({ where: { id: service.id } })).toMatchObject({
      allocation: "first_come",
    });
    const saved = await call(
      editServiceAction,
      formRequest(path, { ...fields, drawLeadHours: "48" }, { cookie }),
      params,
    );
    expect(saved.status).toBe(302);
    expect(await db.service.findUniqueOrThrow({ where: { id: service.id } })).toMatchObject({
      allocation: "lottery",
      drawLeadHours: 48,
    });

    const slot = await makeSlot(service.id, "2026-12-06", "10:00", { capacity: 1 });
    const people = await makeResidents(3, { birthDate: "2000-01-01" });
    await applyAll(
      service,
      slot.id,
      people.map((p) => p.id),
    );
    const drawPath = `/staff/bookings/slots/${slot.id}/draw`;
    const before = await call(drawLoader, getRequest(drawPath, { cookie }), { slotId: slot.id });
    expect(before.data).toMatchObject({ draw: null, pending: 3 });
    await drawSlot(slot.id, new Date(slot.startsAt.getTime() - 48 * HOUR));
    const after = await call(drawLoader, getRequest(drawPath, { cookie }), { slotId: slot.id });
    const record = await db.slotDraw.findUniqueOrThrow({ where: { slotId: slot.id } });
    expect(after.data).toMatchObject({ draw: { seed: record.seed, seats: 1 }, pending: 0 });
    expect((after.data as { drawn: { won: boolean }[] }).drawn.map((d) => d.won)).toEqual([
      true,
      false,
      false,
    ]);

    // staff of another place learn nothing; a resident is refused
    const otherPlace = await makePlace();
    const stranger = await makeResident({ birthDate: "1990-01-01" });
    await makeStaffOf(stranger.id, otherPlace.id);
    const theirs = await call(
      drawLoader,
      getRequest(drawPath, { cookie: await sessionCookieFor(stranger.id) }),
      { slotId: slot.id },
    );
    expect(theirs.status).toBe(404);
    const resident = await call(
      drawLoader,
      getRequest(drawPath, { cookie: await sessionCookieFor(people[0]!.id) }),
      { slotId: slot.id },
    );
    expect(resident.status).toBe(403);
  });
});
