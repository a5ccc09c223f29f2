// The staff day across services (/staff/bookings: every service of one's place, grouped by time
// or by service, narrowed to one, paged), and staff moving or cancelling a booking for a resident
// who phones in: the resident's rules and messages, the same calendar event, a full slot that
// stays full, and nobody but the place's staff (or an admin) able to do it.
import { beforeEach, describe, expect, it } from "vitest";
import { bookSlot, cancelBooking } from "~/domain/booking/book.server";
import { joinWaitlist } from "~/domain/booking/waitlist.server";
import { STAFF_SLOTS_PAGE_SIZE } from "~/domain/booking/staff.server";
import { seoulInstant } from "~/domain/shared/seoul-time";
import { setTestNow } from "~/utils/clock.server";
import { getDb } from "~/utils/db.server";
import { loader as bookingsLoader } from "~/routes/staff.bookings._index";
import { loader as staffBookingLoader } from "~/routes/staff.bookings.$bookingId._index";
import {
  action as cancelAction,
  loader as cancelLoader,
} from "~/routes/staff.bookings.$bookingId.cancel";
import {
  action as moveAction,
  loader as moveLoader,
} from "~/routes/staff.bookings.$bookingId.move";
import { loader as calendarLoader } from "~/routes/bookings.$bookingId.calendar[.ics]";
import { call, formRequest, getRequest } from "#tests/factories/http";
import {
  KEY,
  makePlace,
  makeService,
  makeSlot,
  makeStaffOf,
  slotCounts,
} from "#tests/factories/booking";
import { makeResident, sessionCookieFor } from "#tests/factories/residents";

const db = getDb();
const NOW = seoulInstant("2026-11-25", "12:00");
beforeEach(() => setTestNow(NOW));

async function person(profile: Parameters<typeof makeResident>[0] = {}) {
  const made = await makeResident({ birthDate: "1995-03-03", ...profile });
  return { ...made, cookie: await sessionCookieFor(made.id) };
}

async function staffOf(placeId: string) {
  const staff = await person({ name: "담당자" });
  await makeStaffOf(staff.id, placeId);
  return staff;
}

async function book(residentId: string, service: { slug: string }, slotId: string) {
  const outcome = await bookSlot({
    residentId,
    serviceSlug: service.slug,
    slotId,
    idempotencyKey: KEY(),
    now: NOW,
    ip: null,
  });
  if (!outcome.ok) throw new Error(outcome.code);
  return outcome.bookingId;
}

type DayData = {
  serviceId: string | null;
  schedule: {
    total: number;
    pageCount: number;
    slots: {
      id: string;
      startsAt: string;
      service: { id: string; nameKo: string };
      bookings: { residentName: string | null }[];
    }[];
  };
};

async function day(cookie: string, query: string) {
  const result = await call(bookingsLoader, getRequest(`/staff/bookings?${query}`, { cookie }));
  expect(result.status).toBe(200);
  return result.data as DayData;
}

/** A youth center with three services running at the same times on 30 Nov. */
async function center() {
  const place = await makePlace();
  const names = ["상담", "모의 면접", "이력서 클리닉"];
  const services = [];
  for (const nameKo of names) {
    const service = await makeService(place.id);
    await db.service.update({ where: { id: service.id }, data: { nameKo, nameEn: nameKo } });
    services.push(service);
  }
  const slots: Record<string, { id: string }[]> = {};
  for (const service of services) {
    slots[service.id] = [];
    for (const time of ["10:00", "11:00", "14:00"])
      slots[service.id]!.push(await makeSlot(service.id, "2026-11-30", time, { capacity: 2 }));
  }
  return { place, services, slots };
}

describe("the staff day across services", () => {
  it("shows every service of one's place, by time or by service, or one service", async () => {
    const { place, services, slots } = await center();
    const [counseling, interview] = services;
    const other = await center();
    const staff = await staffOf(place.id);
    const resident = await person({ name: "전화한 사람" });
    await book(resident.id, interview!, slots[interview!.id]![1]!.id);

    const byTime = await day(staff.cookie, "date=2026-11-30");
    expect(byTime.serviceId).toBeNull();
    expect(byTime.schedule.total).toBe(9);
    const times = byTime.schedule.slots.map((s) => s.startsAt);
    expect(times).toEqual([...times].sort());
    expect(new Set(byTime.schedule.slots.map((s) => s.service.id))).toEqual(
      new Set(services.map((s) => s.id)),
    );
    // never another place's services
    expect(
      byTime.schedule.slots.some((s) => other.services.some((o) => o.id === s.service.id)),
    ).toBe(false);

    const byService = await day(staff.cookie, "date=2026-11-30&group=service");
    const order = byService.schedule.slots.map((s) => s.service.nameKo);
    expect(order).toEqual([...order].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));

    const one = await day(staff.cookie, `service=${counseling!.id}&date=2026-11-30&view=day`);
    expect(one.serviceId).toBe(counseling!.id);
    expect(one.schedule.slots.map((s) => s.service.id)).toEqual([
      counseling!.id,
      counseling!.id,
      counseling!.id,
    ]);

    const booked = await day(staff.cookie, "date=2026-11-30&booked=1");
    expect(booked.schedule.slots.map((s) => s.id)).toEqual([slots[interview!.id]![1]!.id]);
    const byName = await day(staff.cookie, `date=2026-11-30&name=${encodeURIComponent("전화한")}`);
    expect(byName.schedule.slots.map((s) => s.bookings[0]?.residentName)).toEqual(["전화한 사람"]);
    expect((await day(staff.cookie, "date=2026-11-30&name=nobody")).schedule.total).toBe(0);
  });

  it("pages a long day", async () => {
    const place = await makePlace();
    const [a, b] = [await makeService(place.id), await makeService(place.id)];
    for (let i = 0; i < 25; i += 1) {
      const time = `${String(9 + Math.floor(i / 3)).padStart(2, "0")}:${String((i % 3) * 20).padStart(2, "0")}`;
      await makeSlot(a.id, "2026-12-01", time, { minutes: 20 });
      await makeSlot(b.id, "2026-12-01", time, { minutes: 20 });
    }
    const staff = await staffOf(place.id);
    const first = await day(staff.cookie, "date=2026-12-01");
    expect(first.schedule).toMatchObject({ total: 50, pageCount: 2 });
    expect(first.schedule.slots).toHaveLength(STAFF_SLOTS_PAGE_SIZE);
    const second = await day(staff.cookie, "date=2026-12-01&page=2");
    expect(second.schedule.slots).toHaveLength(50 - STAFF_SLOTS_PAGE_SIZE);
    const seen = new Set([...first.schedule.slots, ...second.schedule.slots].map((s) => s.id));
    expect(seen.size).toBe(50);
    // a page past the end is simply empty, a malformed one the first
    expect((await day(staff.cookie, "date=2026-12-01&page=9")).schedule.slots).toEqual([]);
    expect((await day(staff.cookie, "date=2026-12-01&page=x")).schedule.slots).toHaveLength(
      STAFF_SLOTS_PAGE_SIZE,
    );
  });
});

describe("staff cancelling for a resident", () => {
  it("cancels with a reason after the online cut-off, tells the resident and passes the place on", async () => {
    const place = await makePlace();
    const service = await makeService(place.id);
    // starts in 90 minutes: past the resident's two-hour cut-off, still early enough for an offer
    const slot = await makeSlot(service.id, "2026-11-25", "13:30");
    const resident = await person({ preferredLanguage: "en" });
    const waiting = await person();
    const bookingId = await book(resident.id, service, slot.id);
    await joinWaitlist({
      residentId: waiting.id,
      serviceSlug: service.slug,
      slotId: slot.id,
      now: NOW,
    });
    expect(await cancelBooking(resident.id, bookingId, NOW, null)).toMatchObject({
      ok: false,
      code: "tooLate",
    });
    const staff = await staffOf(place.id);
    const page = await call(
      cancelLoader,
      getRequest(`/staff/bookings/${bookingId}/cancel`, { cookie: staff.cookie }),
      { bookingId },
    );
    expect(page.status).toBe(200);

    const noReason = await call(
      cancelAction,
      formRequest(`/staff/bookings/${bookingId}/cancel`, {}, { cookie: staff.cookie }),
      { bookingId },
    );
    expect(noReason.status).toBe(400);
    expect(JSON.stringify(noReason.data)).toContain("booking:errors.reasonRequired");
    const forged = await call(
      cancelAction,
      formRequest(
        `/staff/bookings/${bookingId}/cancel`,
        { reason: "because I said so" },
        { cookie: staff.cookie },
      ),
      { bookingId },
    );
    expect(forged.status).toBe(400);
    expect((await db.booking.findUniqueOrThrow({ where: { id: bookingId } })).status).toBe(
      "confirmed",
    );

    const done = await call(
      cancelAction,
      formRequest(
        `/staff/bookings/${bookingId}/cancel`,
        { reason: "resident_asked" },
        { cookie: staff.cookie },
      ),
      { bookingId },
    );
    expect(done.status).toBe(302);
    expect(done.location).toBe(`/staff/bookings/${bookingId}?cancelled=1`);
    expect((await db.booking.findUniqueOrThrow({ where: { id: bookingId } })).status).toBe(
      "cancelled",
    );
    // the place is held for the first person waiting (who is offered it)
    expect(await slotCounts(slot.id)).toMatchObject({ bookedCount: 1, confirmed: 0, offered: 1 });
    const message = await db.notification.findFirstOrThrow({
      where: { residentId: resident.id, template: "booking_cancelled" },
    });
    expect(message.locale).toBe("en");
    expect(message.subject).toMatch(/^\[Cancelled\]/);
    const audit = await db.auditEvent.findFirstOrThrow({
      where: { action: "booking.staff_cancel", subjectId: bookingId },
    });
    expect(audit).toMatchObject({ actorId: staff.id, subjectResidentId: resident.id });
    expect(JSON.parse(audit.metadata)).toMatchObject({ reason: "resident_asked" });

    // and once cancelled, the page goes back to the booking
    const again = await call(
      cancelLoader,
      getRequest(`/staff/bookings/${bookingId}/cancel`, { cookie: staff.cookie }),
      { bookingId },
    );
    expect(again.location).toBe(`/staff/bookings/${bookingId}`);
    const twice = await call(
      cancelAction,
      formRequest(
        `/staff/bookings/${bookingId}/cancel`,
        { reason: "resident_asked" },
        { cookie: staff.cookie },
      ),
      { bookingId },
    );
    expect(twice.status).toBe(409);
    const detail = await call(
      staffBookingLoader,
      getRequest(`/staff/bookings/${bookingId}?cancelled=1`, { cookie: staff.cookie }),
      { bookingId },
    );
    expect(detail.data).toMatchObject({ changed: "cancelled", live: false });
  });

  it("refuses other places' staff and residents, including the booking's own resident", async () => {
    const place = await makePlace();
    const service = await makeService(place.id);
    const slot = await makeSlot(service.id, "2026-11-30", "10:00");
    const resident = await person();
    const bookingId = await book(resident.id, service, slot.id);
    const elsewhere = await staffOf((await makePlace()).id);
    const path = `/staff/bookings/${bookingId}/cancel`;
    const fields = { reason: "resident_asked" };
    expect(
      (await call(cancelLoader, getRequest(path, { cookie: elsewhere.cookie }), { bookingId }))
        .status,
    ).toBe(404);
    expect(
      (
        await call(cancelAction, formRequest(path, fields, { cookie: elsewhere.cookie }), {
          bookingId,
        })
      ).status,
    ).toBe(404);
    expect(
      (
        await call(cancelAction, formRequest(path, fields, { cookie: resident.cookie }), {
          bookingId,
        })
      ).status,
    ).toBe(403);
    expect(
      (await call(cancelAction, formRequest(path, fields), { bookingId })).status,
    ).toBeGreaterThanOrEqual(300);
    expect(await slotCounts(slot.id)).toMatchObject({ bookedCount: 1, confirmed: 1 });
    expect(await db.auditEvent.count({ where: { subjectId: bookingId } })).toBe(0);

    // an admin may
    const admin = await person();
    await db.resident.update({ where: { id: admin.id }, data: { role: "admin" } });
    expect(
      (await call(cancelAction, formRequest(path, fields, { cookie: admin.cookie }), { bookingId }))
        .status,
    ).toBe(302);
  });
});

describe("staff moving a booking for a resident", () => {
  it("moves it with the resident's rules: message, reminder, audit and the same calendar event", async () => {
    const place = await makePlace();
    const service = await makeService(place.id);
    const from = await makeSlot(service.id, "2026-11-30", "10:00");
    const to = await makeSlot(service.id, "2026-12-02", "15:00");
    const resident = await person({ name: "옮길 사람" });
    const bookingId = await book(resident.id, service, from.id);
    const staff = await staffOf(place.id);

    const page = await call(
      moveLoader,
      getRequest(`/staff/bookings/${bookingId}/move?date=2026-12-02&to=${to.id}`, {
        cookie: staff.cookie,
      }),
      { bookingId },
    );
    expect(page.status).toBe(200);
    const loaded = page.data as { chosen: { id: string } | null; idempotencyKey: string };
    expect(loaded.chosen?.id).toBe(to.id);

    const key = loaded.idempotencyKey;
    const move = () =>
      call(
        moveAction,
        formRequest(
          `/staff/bookings/${bookingId}/move`,
          { slotId: to.id, idempotencyKey: key },
          { cookie: staff.cookie },
        ),
        { bookingId },
      );
    const moved = await move();
    expect(moved.status).toBe(302);
    const newId = moved.location!.match(/\/staff\/bookings\/(\w+)\?moved=1$/)![1]!;
    // the same form sent again (a double tap): the same move, not a second one
    expect((await move()).location).toBe(moved.location);
    expect(await db.booking.findUniqueOrThrow({ where: { id: newId } })).toMatchObject({
      status: "confirmed",
      residentId: resident.id,
      slotId: to.id,
      rescheduledFromId: bookingId,
    });
    expect(await slotCounts(from.id)).toMatchObject({ bookedCount: 0, confirmed: 0 });
    expect(await slotCounts(to.id)).toMatchObject({ bookedCount: 1, confirmed: 1 });
    expect(
      await db.notification.count({
        where: { residentId: resident.id, template: "booking_rescheduled" },
      }),
    ).toBe(1);
    expect(
      await db.notification.findMany({
        where: { residentId: resident.id, template: "booking_reminder" },
        select: { dedupeKey: true, status: true },
        orderBy: { createdAt: "asc" },
      }),
    ).toEqual([
      { dedupeKey: `booking-reminder:${bookingId}`, status: "cancelled" },
      { dedupeKey: `booking-reminder:${newId}`, status: "pending" },
    ]);
    expect(
      await db.auditEvent.findFirstOrThrow({
        where: { action: "booking.staff_reschedule", subjectId: newId },
        select: { actorId: true, subjectResidentId: true },
      }),
    ).toEqual({ actorId: staff.id, subjectResidentId: resident.id });
    // the resident's calendar keeps one event: the first booking's UID, a higher SEQUENCE
    const ics = await call(
      calendarLoader,
      getRequest(`/bookings/${newId}/calendar.ics`, { cookie: resident.cookie }),
      { bookingId: newId },
    );
    expect(ics.data).toContain(`UID:booking-${bookingId}@seoul-portal`);
    expect(ics.data).toMatch(/SEQUENCE:1\r?\n/);
  });

  it("leaves a full slot full and the booking where it was", async () => {
    const place = await makePlace();
    const service = await makeService(place.id);
    const from = await makeSlot(service.id, "2026-11-30", "10:00");
    const full = await makeSlot(service.id, "2026-11-30", "11:00", { capacity: 1 });
    const [mover, holder] = [await person(), await person()];
    const bookingId = await book(mover.id, service, from.id);
    await book(holder.id, service, full.id);
    const staff = await staffOf(place.id);
    // the move page does not offer it
    const page = await call(
      moveLoader,
      getRequest(`/staff/bookings/${bookingId}/move?date=2026-11-30&to=${full.id}`, {
        cookie: staff.cookie,
      }),
      { bookingId },
    );
    expect((page.data as { chosen: unknown }).chosen).toBeNull();
    // and a form sent anyway is refused
    const refused = await call(
      moveAction,
      formRequest(
        `/staff/bookings/${bookingId}/move`,
        { slotId: full.id, idempotencyKey: KEY() },
        { cookie: staff.cookie },
      ),
      { bookingId },
    );
    expect(refused.status).toBe(409);
    expect(refused.data).toMatchObject({ refusal: { code: "full" } });
    expect(await slotCounts(full.id)).toMatchObject({ bookedCount: 1, confirmed: 1 });
    expect(await slotCounts(from.id)).toMatchObject({ bookedCount: 1, confirmed: 1 });
    expect((await db.booking.findUniqueOrThrow({ where: { id: bookingId } })).status).toBe(
      "confirmed",
    );
  });

  it("gives the last place to one of two bookings moved there at once", async () => {
    const place = await makePlace();
    const service = await makeService(place.id);
    const from = await makeSlot(service.id, "2026-11-30", "10:00", { capacity: 2 });
    const last = await makeSlot(service.id, "2026-11-30", "15:00", { capacity: 1 });
    const ids = [
      await book((await person()).id, service, from.id),
      await book((await person()).id, service, from.id),
    ];
    const [one, two] = [await staffOf(place.id), await staffOf(place.id)];
    const results = await Promise.all(
      ids.map((bookingId, i) =>
        call(
          moveAction,
          formRequest(
            `/staff/bookings/${bookingId}/move`,
            { slotId: last.id, idempotencyKey: KEY() },
            { cookie: (i === 0 ? one : two).cookie },
          ),
          { bookingId },
        ),
      ),
    );
    expect(results.map((r) => r.status).sort()).toEqual([302, 409]);
    expect(await slotCounts(last.id)).toMatchObject({ bookedCount: 1, confirmed: 1 });
    expect(await slotCounts(from.id)).toMatchObject({ bookedCount: 1, confirmed: 1 });
  });

  it("refuses other places' staff, residents, other services' times and bad forms", async () => {
    const place = await makePlace();
    const service = await makeService(place.id);
    const otherService = await makeService(place.id);
    const from = await makeSlot(service.id, "2026-11-30", "10:00");
    const to = await makeSlot(service.id, "2026-11-30", "14:00");
    const foreign = await makeSlot(otherService.id, "2026-11-30", "16:00");
    const resident = await person();
    const bookingId = await book(resident.id, service, from.id);
    const path = `/staff/bookings/${bookingId}/move`;
    const send = (cookie: string | undefined, fields: Record<string, string>) =>
      call(moveAction, formRequest(path, fields, cookie ? { cookie } : {}), { bookingId });
    const fields = { slotId: to.id, idempotencyKey: KEY() };

    const elsewhere = await staffOf((await makePlace()).id);
    expect((await send(elsewhere.cookie, fields)).status).toBe(404);
    expect(
      (await call(moveLoader, getRequest(path, { cookie: elsewhere.cookie }), { bookingId }))
        .status,
    ).toBe(404);
    expect((await send(resident.cookie, fields)).status).toBe(403);
    const staff = await staffOf(place.id);
    expect((await send(staff.cookie, { slotId: foreign.id, idempotencyKey: KEY() })).status).toBe(
      400,
    );
    expect((await send(staff.cookie, { slotId: to.id })).status).toBe(400);
    expect((await send(staff.cookie, { slotId: "../etc", idempotencyKey: KEY() })).status).toBe(
      400,
    );
    expect(await slotCounts(to.id)).toMatchObject({ bookedCount: 0 });
    expect(await slotCounts(from.id)).toMatchObject({ bookedCount: 1, confirmed: 1 });

    // once the session has started, it can no longer be moved
    setTestNow(seoulInstant("2026-11-30", "10:05"));
    expect(
      (await call(moveLoader, getRequest(path, { cookie: staff.cookie }), { bookingId })).location,
    ).toBe(`/staff/bookings/${bookingId}`);
    expect((await send(staff.cookie, { slotId: to.id, idempotencyKey: KEY() })).status).toBe(409);
  });
});
