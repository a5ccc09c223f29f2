// The back office: staff see and manage their own place only; consultation descriptions are read
// deliberately and every read is audited; blocking tells residents; timetables generate slots.
import crypto from "node:crypto";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { bookSlot, cancelBooking } from "~/domain/booking/book.server";
import { canReadDescriptions, readDescriptionAsStaff } from "~/domain/booking/staff.server";
import { joinWaitlist } from "~/domain/booking/waitlist.server";
import { getUser } from "~/utils/auth.server";
import { deleteAccount } from "~/domain/residents/service.server";
import { seoulInstant } from "~/domain/shared/seoul-time";
import { action as bookingsAction, loader as bookingsLoader } from "~/routes/staff.bookings._index";
import { loader as staffBookingLoader } from "~/routes/staff.bookings.$bookingId._index";
import {
  action as scheduleAction,
  loader as scheduleLoader,
} from "~/routes/staff.schedules.$serviceId";
import { loader as myBookingLoader } from "~/routes/bookings.$bookingId._index";
import { setTestNow } from "~/utils/clock.server";
import { getDb } from "~/utils/db.server";
import { resetEnvCache } from "~/utils/env.server";
import { call, formRequest, getRequest } from "#tests/factories/http";
import {
  KEY,
  makePlace,
  makeService,
  makeSlot,
  makeStaffOf,
  slotCounts,
} from "#tests/factories/booking";
import { makeResident, sessionCookieFor, TEST_PASSWORD } from "#tests/factories/residents";

const db = getDb();
const NOW = seoulInstant("2026-11-25", "12:00");
beforeEach(() => setTestNow(NOW));
afterEach(() => {
  delete process.env.BOOKING_DESCRIPTION_KEY;
  resetEnvCache();
});

async function person(profile: Parameters<typeof makeResident>[0] = {}) {
  const made = await makeResident({ birthDate: "1995-03-03", ...profile });
  return { ...made, cookie: await sessionCookieFor(made.id) };
}

async function staffOf(placeId: string) {
  const staff = await person({ name: "담당자" });
  await makeStaffOf(staff.id, placeId);
  return staff;
}

async function laborCenter() {
  const place = await makePlace({ kind: "labor_center" });
  const service = await makeService(place.id, { kind: "labor_consultation" });
  return { place, service };
}

async function consult(
  who: { id: string },
  service: { slug: string; id: string },
  slotId: string,
  description = "사장님이 석 달째 월급을 주지 않습니다.",
) {
  const outcome = await bookSlot({
    residentId: who.id,
    serviceSlug: service.slug,
    slotId,
    idempotencyKey: KEY(),
    labor: { topic: "unpaid_wages", channel: "phone", description, phone: "010-2345-6789" },
    now: NOW,
    ip: null,
  });
  if (!outcome.ok) throw new Error(outcome.code);
  return outcome.bookingId;
}

const readsOf = (bookingId: string) =>
  db.auditEvent.findMany({
    where: { action: "booking.description_read", subjectId: bookingId },
    select: { actorId: true, subjectResidentId: true, placeId: true },
  });

describe("who may open the back office", () => {
  it("refuses residents and staff without a place", async () => {
    const plain = await person();
    const orgStaff = await person();
    await db.resident.update({ where: { id: orgStaff.id }, data: { role: "staff" } });
    for (const who of [plain, orgStaff]) {
      expect(
        (await call(bookingsLoader, getRequest("/staff/bookings", { cookie: who.cookie }))).status,
      ).toBe(403);
    }
  });

  it("shows staff their own place's bookings only, whatever the URL asks for", async () => {
    const a = await laborCenter();
    const b = await laborCenter();
    const slotA = await makeSlot(a.service.id, "2026-11-26", "10:00", { channels: "phone" });
    const worker = await person({ name: "노동자 갑" });
    const bookingId = await consult(worker, a.service, slotA.id);
    const staffB = await staffOf(b.place.id);

    const page = await call(
      bookingsLoader,
      getRequest(`/staff/bookings?service=${a.service.id}&date=2026-11-26`, {
        cookie: staffB.cookie,
      }),
    );
    expect(page.status).toBe(200);
    expect(JSON.stringify(page.data)).not.toContain("노동자 갑");
    // a service that is not one's own shows every service of one's own place instead
    expect((page.data as { serviceId: string | null }).serviceId).toBeNull();
    const detail = await call(
      staffBookingLoader,
      getRequest(`/staff/bookings/${bookingId}?show=description`, { cookie: staffB.cookie }),
      { bookingId },
    );
    expect(detail.status).toBe(404);
    expect(await readsOf(bookingId)).toEqual([]);
    const block = await call(
      bookingsAction,
      formRequest(
        "/staff/bookings",
        { intent: "block-slot", slotId: slotA.id },
        { cookie: staffB.cookie },
      ),
    );
    expect(block.status).toBe(404);
    expect(await slotCounts(slotA.id)).toMatchObject({ bookedCount: 1, confirmed: 1 });

    const staffA = await staffOf(a.place.id);
    const own = await call(
      bookingsLoader,
      getRequest(`/staff/bookings?date=2026-11-26`, { cookie: staffA.cookie }),
    );
    expect(JSON.stringify(own.data)).toContain("노동자 갑");
  });
});

describe("consultation descriptions", () => {
  it("are shown to that center's staff only when asked, and every read is audited", async () => {
    const { place, service } = await laborCenter();
    const slot = await makeSlot(service.id, "2026-11-26", "11:00", { channels: "phone" });
    const worker = await person();
    const bookingId = await consult(worker, service, slot.id);
    const staff = await staffOf(place.id);

    const closed = await call(
      staffBookingLoader,
      getRequest(`/staff/bookings/${bookingId}`, { cookie: staff.cookie }),
      { bookingId },
    );
    expect(closed.data).toMatchObject({
      description: null,
      // the number the consultation needs, and the reference the resident quotes on the phone
      booking: {
        hasDescription: true,
        resident: { phone: "010-2345-6789" },
        reference: bookingId
          .slice(-8)
          .toUpperCase()
          .replace(/^(.{4})/, "$1-"),
      },
    });
    expect(JSON.stringify(closed.data)).not.toContain("월급");
    expect(await readsOf(bookingId)).toEqual([]);

    for (let i = 0; i < 2; i += 1) {
      const open = await call(
        staffBookingLoader,
        getRequest(`/staff/bookings/${bookingId}?show=description`, { cookie: staff.cookie }),
        { bookingId },
      );
      expect((open.data as { description: string }).description).toBe(
        "사장님이 석 달째 월급을 주지 않습니다.",
      );
    }
    expect(await readsOf(bookingId)).toEqual([
      { actorId: staff.id, subjectResidentId: worker.id, placeId: place.id },
      { actorId: staff.id, subjectResidentId: worker.id, placeId: place.id },
    ]);
  });

  it("are never read by an administrator, whatever the URL or the account's place says", async () => {
    const { place, service } = await laborCenter();
    const slot = await makeSlot(service.id, "2026-11-26", "13:00", { channels: "phone" });
    const worker = await person();
    const bookingId = await consult(worker, service, slot.id);
    const admin = await person({ name: "관리자" });
    // an administrator row that also names the center (the role form never saves this; the
    // database could still hold it): the role decides, not the place
    await db.resident.update({
      where: { id: admin.id },
      data: { role: "admin", staffPlaceId: place.id },
    });

    const page = await call(
      staffBookingLoader,
      getRequest(`/staff/bookings/${bookingId}?show=description`, { cookie: admin.cookie }),
      { bookingId },
    );
    expect(page.status).toBe(200);
    expect(page.data).toMatchObject({
      description: null,
      mayRead: false,
      booking: { hasDescription: true },
    });
    expect(JSON.stringify(page.data)).not.toContain("월급");
    const asAdmin = await getUser(getRequest("/", { cookie: admin.cookie }));
    expect(asAdmin).toMatchObject({ role: "admin" });
    expect(canReadDescriptions(asAdmin!)).toBe(false);
    expect(await readDescriptionAsStaff(asAdmin!, bookingId, null)).toBeUndefined();
    expect(await readsOf(bookingId)).toEqual([]);

    // that center's staff, asked the same way, do read it (and the read is audited)
    const staff = await staffOf(place.id);
    const read = await call(
      staffBookingLoader,
      getRequest(`/staff/bookings/${bookingId}?show=description`, { cookie: staff.cookie }),
      { bookingId },
    );
    expect(read.data).toMatchObject({ description: "사장님이 석 달째 월급을 주지 않습니다." });
    expect(await readsOf(bookingId)).toHaveLength(1);
  });

  it("can be encrypted at rest with a key from the environment", async () => {
    process.env.BOOKING_DESCRIPTION_KEY = crypto.randomBytes(32).toString("base64");
    resetEnvCache();
    const { place, service } = await laborCenter();
    const slot = await makeSlot(service.id, "2026-11-26", "12:00", { channels: "phone" });
    const worker = await person();
    const bookingId = await consult(worker, service, slot.id, "부당해고를 당했습니다.");
    const stored = await db.booking.findUniqueOrThrow({ where: { id: bookingId } });
    expect(stored.confidentialDescription).toMatch(/^enc:v1:/);
    expect(stored.confidentialDescription).not.toContain("해고");
    const mine = await call(
      myBookingLoader,
      getRequest(`/bookings/${bookingId}`, { cookie: worker.cookie }),
      {
        bookingId,
      },
    );
    expect(mine.data).toMatchObject({ booking: { description: "부당해고를 당했습니다." } });
    const staff = await staffOf(place.id);
    const read = await call(
      staffBookingLoader,
      getRequest(`/staff/bookings/${bookingId}?show=description`, { cookie: staff.cookie }),
      { bookingId },
    );
    expect(read.data).toMatchObject({ description: "부당해고를 당했습니다." });
  });

  it("are sealed at rest even when no key is configured, and rows written as typed stay readable", async () => {
    delete process.env.BOOKING_DESCRIPTION_KEY;
    resetEnvCache();
    const { place, service } = await laborCenter();
    const slot = await makeSlot(service.id, "2026-11-26", "14:00", { channels: "phone" });
    const worker = await person();
    const bookingId = await consult(worker, service, slot.id, "산재 처리를 거부당했습니다.");
    const stored = await db.booking.findUniqueOrThrow({ where: { id: bookingId } });
    expect(stored.confidentialDescription).toMatch(/^enc:v1:/);
    expect(stored.confidentialDescription).not.toContain("산재");

    // a description stored before sealing became the default
    await db.booking.update({
      where: { id: bookingId },
      data: { confidentialDescription: "예전 방식으로 저장된 설명" },
    });
    const staff = await staffOf(place.id);
    const read = await call(
      staffBookingLoader,
      getRequest(`/staff/bookings/${bookingId}?show=description`, { cookie: staff.cookie }),
      { bookingId },
    );
    expect(read.data).toMatchObject({ description: "예전 방식으로 저장된 설명" });
  });

  it("are erased when the resident deletes the account, and the place goes back", async () => {
    const { service } = await laborCenter();
    const slot = await makeSlot(service.id, "2026-11-27", "10:00", { channels: "phone" });
    const worker = await person();
    const bookingId = await consult(worker, service, slot.id);
    expect(await deleteAccount(worker.id, TEST_PASSWORD, { ip: null, now: NOW })).toEqual({
      ok: true,
    });
    expect(await db.booking.findUniqueOrThrow({ where: { id: bookingId } })).toMatchObject({
      status: "cancelled",
      confidentialDescription: null,
      consentId: null,
    });
    expect(await slotCounts(slot.id)).toMatchObject({ bookedCount: 0, confirmed: 0 });
  });
});

describe("attendance", () => {
  it("is marked only once the session has started, and repeated no-shows are pointed out", async () => {
    const place = await makePlace();
    const service = await makeService(place.id);
    const staff = await staffOf(place.id);
    const often = await person({ name: "자주 안 오는 사람" });
    const ids = [];
    for (const day of ["2026-11-26", "2026-11-27", "2026-11-30"]) {
      const slot = await makeSlot(service.id, day, "10:00");
      const outcome = await bookSlot({
        residentId: often.id,
        serviceSlug: service.slug,
        slotId: slot.id,
        idempotencyKey: KEY(),
        now: NOW,
        ip: null,
      });
      ids.push((outcome as { bookingId: string }).bookingId);
    }
    const mark = (bookingId: string, status: string) =>
      call(
        bookingsAction,
        formRequest(
          "/staff/bookings",
          { intent: "attendance", bookingId, status },
          { cookie: staff.cookie },
        ),
      );
    const early = await mark(ids[0]!, "no_show");
    expect(early.status).toBe(409);
    expect((early.data as { refusal: { code: string } }).refusal.code).toBe("notStarted");
    expect((await db.booking.findUniqueOrThrow({ where: { id: ids[0]! } })).status).toBe(
      "confirmed",
    );

    setTestNow(seoulInstant("2026-11-27", "18:00"));
    expect((await mark(ids[0]!, "no_show")).status).toBe(200);
    expect((await mark(ids[1]!, "no_show")).status).toBe(200);
    expect(
      await db.auditEvent.count({ where: { action: "booking.no_show", actorId: staff.id } }),
    ).toBe(2);

    const view = await call(
      bookingsLoader,
      getRequest(`/staff/bookings?service=${service.id}&date=2026-11-30`, { cookie: staff.cookie }),
    );
    const slots = (view.data as { schedule: { slots: { bookings: { noShows: number }[] }[] } })
      .schedule.slots;
    expect(slots[0]!.bookings[0]!.noShows).toBe(2);
  });
});

describe("blocking", () => {
  it("cancels the slot's bookings, tells each resident in their language, and can be undone", async () => {
    const place = await makePlace();
    const service = await makeService(place.id);
    const slot = await makeSlot(service.id, "2026-11-30", "14:00", { capacity: 2 });
    const staff = await staffOf(place.id);
    const english = await person({ preferredLanguage: "en" });
    const korean = await person();
    const waiting = await person();
    for (const who of [english, korean]) {
      await bookSlot({
        residentId: who.id,
        serviceSlug: service.slug,
        slotId: slot.id,
        idempotencyKey: KEY(),
        now: NOW,
        ip: null,
      });
    }
    await joinWaitlist({
      residentId: waiting.id,
      serviceSlug: service.slug,
      slotId: slot.id,
      now: NOW,
    });

    const blocked = await call(
      bookingsAction,
      formRequest(
        "/staff/bookings",
        { intent: "block-slot", slotId: slot.id, reason: "상담사 병가" },
        { cookie: staff.cookie },
      ),
    );
    expect(blocked.status).toBe(200);
    expect(blocked.data).toMatchObject({ done: { key: "slotBlocked", count: 2 } });
    expect(await slotCounts(slot.id)).toMatchObject({ bookedCount: 0, confirmed: 0 });
    const messages = await db.notification.findMany({
      where: { template: "slot_blocked", residentId: { in: [english.id, korean.id] } },
      select: { residentId: true, locale: true, body: true },
    });
    expect(messages.map((m) => m.locale).sort()).toEqual(["en", "ko"]);
    expect(messages.every((m) => m.body.includes("상담사 병가"))).toBe(true);
    expect(
      await db.notification.count({
        where: { template: "booking_reminder", residentId: english.id, status: "pending" },
      }),
    ).toBe(0);
    const outsider = await bookSlot({
      residentId: (await person()).id,
      serviceSlug: service.slug,
      slotId: slot.id,
      idempotencyKey: KEY(),
      now: NOW,
      ip: null,
    });
    expect(outsider).toEqual({ ok: false, code: "blocked" });

    const reopened = await call(
      bookingsAction,
      formRequest(
        "/staff/bookings",
        { intent: "unblock-slot", slotId: slot.id },
        { cookie: staff.cookie },
      ),
    );
    expect(reopened.data).toMatchObject({ done: { key: "slotUnblocked", count: 1 } });
    expect(
      (await db.waitlistEntry.findFirstOrThrow({ where: { residentId: waiting.id } })).status,
    ).toBe("offered");
    expect(await slotCounts(slot.id)).toMatchObject({ bookedCount: 1, offered: 1 });
  });

  it("blocks a whole day of a service, and never a past slot", async () => {
    const place = await makePlace();
    const service = await makeService(place.id);
    const staff = await staffOf(place.id);
    const slots = await Promise.all(
      ["10:00", "11:00", "12:00"].map((time) => makeSlot(service.id, "2026-12-01", time)),
    );
    const other = await makeSlot(service.id, "2026-12-02", "10:00");
    const past = await makeSlot(service.id, "2026-11-25", "10:00");
    const whole = await call(
      bookingsAction,
      formRequest(
        "/staff/bookings",
        { intent: "block-day", service: service.id, date: "2026-12-01" },
        { cookie: staff.cookie },
      ),
    );
    expect(whole.data).toMatchObject({ done: { key: "dayBlocked", slots: 3 } });
    const states = await db.slot.findMany({
      where: { id: { in: [...slots.map((s) => s.id), other.id] } },
      orderBy: { startsAt: "asc" },
      select: { blocked: true },
    });
    expect(states.map((s) => s.blocked)).toEqual([true, true, true, false]);
    const tooLate = await call(
      bookingsAction,
      formRequest(
        "/staff/bookings",
        { intent: "block-slot", slotId: past.id },
        { cookie: staff.cookie },
      ),
    );
    expect(tooLate.status).toBe(409);
  });
});

describe("timetables", () => {
  const template = {
    intent: "save",
    weekday: "4",
    startTime: "10:00",
    endTime: "12:00",
    slotMinutes: "60",
    capacity: "2",
    horizonDays: "14",
    validFrom: "2026-11-01",
  };
  const save = (cookie: string, serviceId: string, fields: Record<string, string | string[]>) =>
    call(scheduleAction, formRequest(`/staff/schedules/${serviceId}`, fields, { cookie }), {
      serviceId,
    });

  it("generate slots, refuse overlaps and in-person hours outside the opening hours", async () => {
    const place = await makePlace();
    const service = await makeService(place.id);
    const staff = await staffOf(place.id);
    const created = await save(staff.cookie, service.id, template);
    expect(created.status).toBe(302);
    expect(created.location).toBe(`/staff/schedules/${service.id}?created=4&removed=0&kept=0`);
    expect(await db.slot.count({ where: { serviceId: service.id } })).toBe(4);

    const overlap = await save(staff.cookie, service.id, {
      ...template,
      startTime: "11:00",
      endTime: "13:00",
    });
    expect(overlap.status).toBe(409);
    expect(overlap.data).toMatchObject({
      result: { error: { "": ["booking:schedule.refusal.overlap"] } },
    });
    const evening = await save(staff.cookie, service.id, {
      ...template,
      startTime: "20:00",
      endTime: "22:00",
    });
    expect(evening.data).toMatchObject({
      result: { error: { "": ["booking:schedule.refusal.outsideHours"] } },
    });
    const bad = await save(staff.cookie, service.id, {
      ...template,
      capacity: "0",
      endTime: "09:00",
    });
    expect(bad.status).toBe(400);
    expect(await db.slotTemplate.count({ where: { serviceId: service.id } })).toBe(1);
  });

  it("let phone consultations run after work, and need at least one channel", async () => {
    const { place, service } = await laborCenter();
    const staff = await staffOf(place.id);
    const none = await save(staff.cookie, service.id, {
      ...template,
      startTime: "19:00",
      endTime: "21:00",
    });
    expect(none.data).toMatchObject({
      result: { error: { "": ["booking:schedule.refusal.channelsRequired"] } },
    });
    const phone = await save(staff.cookie, service.id, {
      ...template,
      startTime: "21:00",
      endTime: "23:00",
      channels: ["phone", "video"],
    });
    expect(phone.status).toBe(302);
    const slot = await db.slot.findFirstOrThrow({ where: { serviceId: service.id } });
    expect(slot.channels).toBe("phone,video");
  });

  it("apply changes to future slots, keep booked ones that no longer match and count them", async () => {
    const place = await makePlace();
    const service = await makeService(place.id);
    const staff = await staffOf(place.id);
    await save(staff.cookie, service.id, template);
    const tpl = await db.slotTemplate.findFirstOrThrow({ where: { serviceId: service.id } });
    const first = await db.slot.findFirstOrThrow({
      where: { serviceId: service.id },
      orderBy: { startsAt: "asc" },
    });
    const someone = await person();
    await bookSlot({
      residentId: someone.id,
      serviceSlug: service.slug,
      slotId: first.id,
      idempotencyKey: KEY(),
      now: NOW,
      ip: null,
    });
    // capacity 3, and on Fridays instead of Thursdays
    const moved = await save(staff.cookie, service.id, {
      ...template,
      templateId: tpl.id,
      weekday: "5",
      capacity: "3",
    });
    expect(moved.location).toBe(`/staff/schedules/${service.id}?created=4&removed=3&kept=1`);
    expect(await slotCounts(first.id)).toMatchObject({ bookedCount: 1, confirmed: 1 });

    const removed = await call(
      scheduleAction,
      formRequest(
        `/staff/schedules/${service.id}`,
        { intent: "remove", templateId: tpl.id },
        { cookie: staff.cookie },
      ),
      { serviceId: service.id },
    );
    expect(removed.location).toBe(`/staff/schedules/${service.id}?created=0&removed=4&kept=1`);
  });

  it("are out of reach of other places' staff", async () => {
    const place = await makePlace();
    const service = await makeService(place.id);
    const otherStaff = await staffOf((await makePlace()).id);
    expect(
      (
        await call(
          scheduleLoader,
          getRequest(`/staff/schedules/${service.id}`, { cookie: otherStaff.cookie }),
          {
            serviceId: service.id,
          },
        )
      ).status,
    ).toBe(404);
    expect((await save(otherStaff.cookie, service.id, template)).status).toBe(404);
    expect(await db.slotTemplate.count({ where: { serviceId: service.id } })).toBe(0);
  });
});

describe("cancelling after the cut-off from the back office's point of view", () => {
  it("leaves the booking on the staff list", async () => {
    const place = await makePlace();
    const service = await makeService(place.id);
    const slot = await makeSlot(service.id, "2026-11-25", "13:00");
    const someone = await person({ name: "늦은 취소" });
    const booked = await bookSlot({
      residentId: someone.id,
      serviceSlug: service.slug,
      slotId: slot.id,
      idempotencyKey: KEY(),
      now: NOW,
      ip: null,
    });
    expect(
      await cancelBooking(someone.id, (booked as { bookingId: string }).bookingId, NOW, null),
    ).toMatchObject({
      ok: false,
      code: "tooLate",
    });
    const staff = await staffOf(place.id);
    const view = await call(
      bookingsLoader,
      getRequest(`/staff/bookings?date=2026-11-25`, { cookie: staff.cookie }),
    );
    expect(JSON.stringify(view.data)).toContain("늦은 취소");
  });
});
