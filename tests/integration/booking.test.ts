// Booking, cancelling and rescheduling through the real route actions on a real SQLite file:
// what is written, what is refused (and that a refusal writes nothing), and the rules.
import { beforeEach, describe, expect, it } from "vitest";
import { bookSlot } from "~/domain/booking/book.server";
import { syncSlots } from "~/domain/booking/schedule.server";
import { seoulInstant } from "~/domain/shared/seoul-time";
import { action as bookAction, loader as slotLoader } from "~/routes/book.$serviceSlug.$slotId";
import { LABOR_NOTE_MAX } from "~/domain/booking/types";
import {
  action as cancelAction,
  loader as cancelLoader,
} from "~/routes/bookings.$bookingId.cancel";
import { loader as bookingLoader } from "~/routes/bookings.$bookingId._index";
import { loader as calendarLoader } from "~/routes/bookings.$bookingId.calendar[.ics]";
import { action as rescheduleAction } from "~/routes/bookings.$bookingId.reschedule";
import { setTestNow } from "~/utils/clock.server";
import { getDb } from "~/utils/db.server";
import { loader as servicePageLoader } from "~/routes/book.$serviceSlug._index";
import { loader as availabilityLoader } from "~/routes/book.$serviceSlug.availability";
import { call, formRequest, getRequest } from "#tests/factories/http";
import { KEY, makePlace, makeService, makeSlot, slotCounts } from "#tests/factories/booking";
import { makeResident, sessionCookieFor } from "#tests/factories/residents";
import { withSharedReads } from "#tests/factories/shared-reads";

const db = getDb();
// Wednesday 25 November 2026, 12:00 in Seoul.
const NOW = seoulInstant("2026-11-25", "12:00");
beforeEach(() => setTestNow(NOW));

type Reply = {
  refusal?: { code: string; reasons: { code: string }[] | null; params: { phone: string } } | null;
  result?: { error?: Record<string, string[] | null>; initialValue?: Record<string, unknown> };
};

async function resident(profile: Parameters<typeof makeResident>[0] = {}) {
  const made = await makeResident({ birthDate: "2000-01-01", ...profile });
  return { ...made, cookie: await sessionCookieFor(made.id) };
}

function book(
  who: { cookie: string },
  service: { slug: string },
  slotId: string,
  fields: Record<string, string> = {},
) {
  return call(
    bookAction,
    formRequest(
      `/book/${service.slug}/${slotId}`,
      { intent: "book", idempotencyKey: KEY(), ...fields },
      {
        cookie: who.cookie,
      },
    ),
    { serviceSlug: service.slug, slotId },
  );
}

const bookingIdOf = (location: string | null) => location!.split("/")[2]!.split("?")[0]!;

async function writes() {
  const [bookings, consents, notifications, slots] = await Promise.all([
    db.booking.count(),
    db.consent.count({ where: { kind: "labor_consultation_sensitive" } }),
    db.notification.count({ where: { template: { startsWith: "booking" } } }),
    db.slot.aggregate({ _sum: { bookedCount: true } }),
  ]);
  return { bookings, consents, notifications, booked: slots._sum.bookedCount };
}

describe("slot generation", () => {
  it("creates the template's slots once, and a second run creates nothing", async () => {
    const place = await makePlace();
    const service = await makeService(place.id);
    await db.slotTemplate.create({
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
    expect(await syncSlots(db, service.id, NOW)).toEqual({ created: 4, removed: 0, kept: 0 });
    expect(await syncSlots(db, service.id, NOW)).toEqual({ created: 0, removed: 0, kept: 0 });
    expect(await db.slot.count({ where: { serviceId: service.id } })).toBe(4);
  });

  it("takes a new closure into account: unbooked slots go, booked ones stay for staff to decide", async () => {
    const place = await makePlace();
    const service = await makeService(place.id);
    await db.slotTemplate.create({
      data: {
        serviceId: service.id,
        weekday: 4,
        startTime: "10:00",
        endTime: "12:00",
        slotMinutes: 60,
        capacity: 1,
        horizonDays: 7,
        validFrom: "2026-01-01",
      },
    });
    await syncSlots(db, service.id, NOW);
    const [first] = await db.slot.findMany({
      where: { serviceId: service.id },
      orderBy: { startsAt: "asc" },
    });
    const someone = await resident();
    expect((await book(someone, service, first!.id)).status).toBe(302);
    await db.closure.create({
      data: { placeId: place.id, startDate: "2026-11-26", endDate: "2026-11-26" },
    });
    expect(await syncSlots(db, service.id, NOW)).toEqual({ created: 0, removed: 1, kept: 1 });
    expect(await db.slot.count({ where: { serviceId: service.id } })).toBe(1);
  });
});

describe("booking", () => {
  it("books, counts the place, writes the consent-free booking, its messages and audit entry", async () => {
    const place = await makePlace();
    const service = await makeService(place.id, { minAge: 15, maxAge: 39 });
    const slot = await makeSlot(service.id, "2026-11-27", "10:00", { capacity: 2 });
    const someone = await resident({ preferredLanguage: "en", name: "Mina" });

    const result = await book(someone, service, slot.id);
    expect(result.status).toBe(302);
    expect(result.location).toMatch(/^\/bookings\/\w+\?confirmed=1$/);
    const booking = await db.booking.findUniqueOrThrow({
      where: { id: bookingIdOf(result.location) },
    });
    expect(booking).toMatchObject({
      residentId: someone.id,
      slotId: slot.id,
      status: "confirmed",
      liveKey: `${slot.id}:${someone.id}`,
      consentId: null,
      confidentialDescription: null,
    });
    expect(await slotCounts(slot.id)).toMatchObject({ bookedCount: 1, confirmed: 1 });

    const messages = await db.notification.findMany({
      where: { residentId: someone.id, template: { startsWith: "booking" } },
      orderBy: { template: "asc" },
    });
    expect(messages.map((m) => [m.template, m.locale])).toEqual([
      ["booking_confirmed", "en"],
      ["booking_reminder", "en"],
    ]);
    expect(messages[0]!.subject).toBe("[Confirmed] Mock interview · 27 Nov 2026, 10:00");
    expect(messages[1]!.sendAfter.toISOString()).toBe(
      seoulInstant("2026-11-26", "10:00").toISOString(),
    );
    expect(messages[1]!.dedupeKey).toBe(`booking-reminder:${booking.id}`);

    const page = await call(
      bookingLoader,
      getRequest(result.location!, { cookie: someone.cookie }),
      {
        bookingId: booking.id,
      },
    );
    expect(page.status).toBe(200);
    expect(page.data).toMatchObject({ booking: { id: booking.id, live: true, changeable: true } });
  });

  it("shows places left as they are now, while what the service is may be shared a few seconds", async () => {
    await withSharedReads(async () => {
      const place = await makePlace();
      const service = await makeService(place.id, { minAge: 15, maxAge: 39 });
      const slot = await makeSlot(service.id, "2026-11-27", "13:00", { capacity: 2 });
      const [first, second] = [await resident(), await resident()];
      type Page = { availability: { times: { id: string; remaining: number }[] } };
      const placesLeft = async (who: { cookie: string }, path: string) => {
        const page = await call(servicePageLoader, getRequest(path, { cookie: who.cookie }), {
          serviceSlug: service.slug,
        });
        expect(page.status).toBe(200);
        return (page.data as Page).availability.times.find((time) => time.id === slot.id)
          ?.remaining;
      };
      const path = `/book/${service.slug}?date=2026-11-27`;
      expect(await placesLeft(first, path)).toBe(2);
      expect((await book(first, service, slot.id)).status).toBe(302);
      // within the sharing window: the place just taken is already counted, for everyone
      expect(await placesLeft(second, path)).toBe(1);
      const live = await call(
        availabilityLoader,
        getRequest(`/book/${service.slug}/availability?date=2026-11-27`),
        { serviceSlug: service.slug },
      );
      expect(live.data).toMatchObject({ times: [{ id: slot.id, remaining: 1 }] });
      expect((await book(second, service, slot.id)).status).toBe(302);
      expect(await placesLeft(first, path)).toBe(0);
    });
  });

  it("makes one booking from a form sent twice, one after the other or at the same moment", async () => {
    const place = await makePlace();
    const service = await makeService(place.id);
    const slot = await makeSlot(service.id, "2026-11-27", "11:00", { capacity: 5 });
    const someone = await resident();
    const key = KEY();
    const first = await book(someone, service, slot.id, { idempotencyKey: key });
    const again = await book(someone, service, slot.id, { idempotencyKey: key });
    expect(again.location).toBe(first.location);

    const other = await makeSlot(service.id, "2026-11-28", "11:00", { capacity: 5 });
    const parallelKey = KEY();
    const results = await Promise.all(
      Array.from({ length: 6 }, () =>
        book(someone, service, other.id, { idempotencyKey: parallelKey }),
      ),
    );
    expect(new Set(results.map((r) => r.location)).size).toBe(1);
    expect(results.every((r) => r.status === 302)).toBe(true);
    expect(await slotCounts(other.id)).toMatchObject({ bookedCount: 1, confirmed: 1 });
    expect(await db.booking.count({ where: { residentId: someone.id } })).toBe(2);
  });

  it("refuses bad requests with a clear reason, and writes nothing", async () => {
    const place = await makePlace();
    const service = await makeService(place.id);
    const otherService = await makeService(place.id);
    const past = await makeSlot(service.id, "2026-11-25", "11:00");
    const blocked = await makeSlot(service.id, "2026-11-27", "12:00", { blocked: true });
    const foreign = await makeSlot(otherService.id, "2026-11-27", "13:00");
    const open = await makeSlot(service.id, "2026-11-27", "14:00");
    const someone = await resident();
    const before = await writes();

    const refusal = async (slotId: string, fields: Record<string, string> = {}) => {
      const result = await book(someone, service, slotId, fields);
      return [result.status, (result.data as Reply).refusal?.code ?? null];
    };
    expect(await refusal(past.id)).toEqual([409, "past"]);
    expect(await refusal(blocked.id)).toEqual([409, "blocked"]);
    expect(await refusal(open.id, { idempotencyKey: "not a token" })).toEqual([400, null]);
    const foreignResult = await call(
      bookAction,
      formRequest(
        `/book/${service.slug}/${foreign.id}`,
        { intent: "book", idempotencyKey: KEY() },
        { cookie: someone.cookie },
      ),
      { serviceSlug: service.slug, slotId: foreign.id },
    );
    // Another service's slot under this service's URL does not exist here.
    expect(foreignResult.status).toBe(404);
    const forged = await book(someone, service, "c000000000000000000000000");
    expect(forged.status).toBe(404);
    const injected = await book(someone, service, "'; DROP TABLE Slot; --");
    expect(injected.status).toBe(404);
    expect(await writes()).toEqual(before);
  });

  it("refuses a slot of another service at the service level too", async () => {
    const place = await makePlace();
    const service = await makeService(place.id);
    const other = await makeService(place.id);
    const slot = await makeSlot(other.id, "2026-11-27", "15:00");
    const someone = await resident();
    const outcome = await bookSlot({
      residentId: someone.id,
      serviceSlug: service.slug,
      slotId: slot.id,
      idempotencyKey: KEY(),
      now: NOW,
      ip: null,
    });
    expect(outcome).toEqual({ ok: false, code: "wrongService" });
  });

  it("asks anonymous visitors to log in before booking", async () => {
    const place = await makePlace();
    const service = await makeService(place.id);
    const slot = await makeSlot(service.id, "2026-11-27", "16:00");
    const result = await book({ cookie: "" }, service, slot.id);
    expect(result.status).toBe(302);
    expect(result.location).toMatch(/^\/login\?redirectTo=/);
    expect(await db.booking.count({ where: { slotId: slot.id } })).toBe(0);
  });

  it("checks eligibility on the slot's own day and says why not", async () => {
    const place = await makePlace();
    const service = await makeService(place.id, { minAge: 15, maxAge: 39 });
    // turns 40 on Saturday 28 November 2026
    const slotFriday = await makeSlot(service.id, "2026-11-27", "10:00");
    const slotSaturday = await makeSlot(service.id, "2026-11-28", "10:00");
    const nearly40 = await resident({ birthDate: "1986-11-28" });
    const noBirthDate = await resident({ birthDate: undefined, name: "No date" });

    const saturday = await book(nearly40, service, slotSaturday.id);
    expect(saturday.status).toBe(403);
    expect((saturday.data as Reply).refusal).toMatchObject({
      code: "ineligible",
      reasons: [{ code: "tooOld" }],
    });
    expect((await book(nearly40, service, slotFriday.id)).status).toBe(302);
    const missing = await book(noBirthDate, service, slotFriday.id);
    expect((missing.data as Reply).refusal?.reasons?.map((r) => r.code)).toEqual([
      "birthDateMissing",
    ]);
    expect(await db.booking.count({ where: { residentId: noBirthDate.id } })).toBe(0);
  });

  it("allows one live booking per slot, no overlapping bookings and at most 3 of a kind", async () => {
    const place = await makePlace();
    const interviews = await makeService(place.id, { kind: "mock_interview" });
    const rooms = await makeService(place.id, { kind: "study_room" });
    const someone = await resident();
    const slot = await makeSlot(interviews.id, "2026-11-30", "10:00", { capacity: 3 });
    expect((await book(someone, interviews, slot.id)).status).toBe(302);
    expect(((await book(someone, interviews, slot.id)).data as Reply).refusal?.code).toBe(
      "alreadyBooked",
    );

    const overlapping = await makeSlot(rooms.id, "2026-11-30", "10:30", { capacity: 3 });
    expect(((await book(someone, rooms, overlapping.id)).data as Reply).refusal?.code).toBe(
      "overlap",
    );
    const backToBack = await makeSlot(rooms.id, "2026-11-30", "11:00", { capacity: 3 });
    expect((await book(someone, rooms, backToBack.id)).status).toBe(302);

    for (const day of ["2026-12-01", "2026-12-02"]) {
      const next = await makeSlot(interviews.id, day, "10:00");
      expect((await book(someone, interviews, next.id)).status).toBe(302);
    }
    const fourth = await makeSlot(interviews.id, "2026-12-03", "10:00");
    const limited = await book(someone, interviews, fourth.id);
    expect(limited.status).toBe(409);
    expect((limited.data as Reply).refusal?.code).toBe("limit");
    expect(await slotCounts(fourth.id)).toMatchObject({ bookedCount: 0, confirmed: 0 });
  });

  it("never books a slot beyond its capacity, whatever the concurrency", async () => {
    const place = await makePlace();
    const service = await makeService(place.id);
    const slot = await makeSlot(service.id, "2026-12-04", "10:00", { capacity: 3 });
    const people = await Promise.all(Array.from({ length: 20 }, () => resident()));
    const results = await Promise.all(people.map((p) => book(p, service, slot.id)));
    expect(results.filter((r) => r.status === 302)).toHaveLength(3);
    const refused = results.filter((r) => r.status !== 302);
    expect(refused).toHaveLength(17);
    expect(refused.every((r) => (r.data as Reply).refusal?.code === "full")).toBe(true);
    expect(await slotCounts(slot.id)).toMatchObject({ bookedCount: 3, confirmed: 3 });
  });
});

describe("labor consultations", () => {
  it("starts the description with a note carried in the link (a calculator's result), bounded", async () => {
    const place = await makePlace({ kind: "labor_center" });
    const service = await makeService(place.id, { kind: "labor_consultation" });
    const slot = await makeSlot(service.id, "2026-11-27", "19:00", { channels: "phone" });
    const worker = await resident({ phone: "010-2345-6789" });
    const open = (note: string) =>
      call(
        slotLoader,
        getRequest(
          `/book/${service.slug}/${slot.id}?${new URLSearchParams({ topic: "unpaid_wages", note })}`,
          { cookie: worker.cookie },
        ),
        { serviceSlug: service.slug, slotId: slot.id },
      );
    const carried = (await open("미지급 임금: 490,720원")).data as {
      prefill: { topic?: string; note?: string };
    };
    expect(carried.prefill).toMatchObject({
      topic: "unpaid_wages",
      note: "미지급 임금: 490,720원",
    });
    const long = (await open("가".repeat(10_000))).data as { prefill: { note?: string } };
    expect(long.prefill.note).toHaveLength(LABOR_NOTE_MAX);
  });

  it("needs a topic, an offered channel, a description of at most 2,000 characters and consent", async () => {
    const place = await makePlace({ kind: "labor_center" });
    const service = await makeService(place.id, { kind: "labor_consultation" });
    const slot = await makeSlot(service.id, "2026-11-27", "19:00", { channels: "phone,video" });
    const worker = await resident({ phone: "010-2345-6789" });
    const valid = {
      topic: "unpaid_wages",
      channel: "phone",
      description: "석 달째 월급을 못 받았습니다.",
      consent: "on",
    };
    const before = await writes();
    const noConsent = await book(worker, service, slot.id, { ...valid, consent: "" });
    expect(noConsent.status).toBe(400);
    expect((noConsent.data as Reply).result?.error?.consent).toEqual([
      "booking:errors.consentRequired",
    ]);
    // what was typed comes back to the form
    expect((noConsent.data as Reply).result?.initialValue?.description).toBe(valid.description);
    const tooLong = await book(worker, service, slot.id, {
      ...valid,
      description: "가".repeat(2001),
    });
    expect((tooLong.data as Reply).result?.error?.description).toEqual([
      "booking:errors.descriptionTooLong",
    ]);
    const inPerson = await book(worker, service, slot.id, { ...valid, channel: "in_person" });
    expect(inPerson.status).toBe(400);
    expect((inPerson.data as Reply).refusal?.code).toBe("channelNotOffered");
    expect(await writes()).toEqual(before);

    const booked = await book(worker, service, slot.id, valid);
    expect(booked.status).toBe(302);
    const booking = await db.booking.findUniqueOrThrow({
      where: { id: bookingIdOf(booked.location) },
      include: { consent: true },
    });
    expect(booking).toMatchObject({ topic: "unpaid_wages", channel: "phone" });
    expect(booking.consent).toMatchObject({
      residentId: worker.id,
      kind: "labor_consultation_sensitive",
      version: "2026-11",
    });
    // the resident reads their own description; the confirmation e-mail does not carry it
    const page = await call(
      bookingLoader,
      getRequest(`/bookings/${booking.id}`, { cookie: worker.cookie }),
      {
        bookingId: booking.id,
      },
    );
    expect(page.data).toMatchObject({ booking: { description: valid.description } });
    const mail = await db.notification.findFirstOrThrow({
      where: { residentId: worker.id, template: "booking_confirmed" },
    });
    expect(mail.body).not.toContain("월급");
  });
});

describe("phone consultations", () => {
  it("need a phone number: asked on the form when the profile has none, then kept in the profile", async () => {
    const place = await makePlace({ kind: "labor_center" });
    const service = await makeService(place.id, { kind: "labor_consultation" });
    const slot = await makeSlot(service.id, "2026-11-27", "19:00", { channels: "phone,video" });
    const worker = await resident();
    const fields = {
      topic: "dismissal",
      channel: "phone",
      description: "갑자기 해고 통보를 받았습니다.",
      consent: "on",
    };
    const before = await writes();
    const refused = await book(worker, service, slot.id, fields);
    expect(refused.status).toBe(400);
    expect((refused.data as Reply).refusal?.code).toBe("phoneRequired");
    expect((refused.data as Reply).result?.error?.phone).toEqual(["booking:errors.phoneRequired"]);
    // what was typed comes back to the form
    expect((refused.data as Reply).result?.initialValue?.description).toBe(fields.description);
    const badNumber = await book(worker, service, slot.id, { ...fields, phone: "12345" });
    expect(badNumber.status).toBe(400);
    expect((badNumber.data as Reply).result?.error?.phone).toEqual(["validation:phone"]);
    expect(await writes()).toEqual(before);
    expect((await db.resident.findUniqueOrThrow({ where: { id: worker.id } })).phone).toBeNull();

    const booked = await book(worker, service, slot.id, { ...fields, phone: "010-2345-6789" });
    expect(booked.status).toBe(302);
    expect((await db.resident.findUniqueOrThrow({ where: { id: worker.id } })).phone).toBe(
      "010-2345-6789",
    );
  });

  it("a video consultation needs no phone number", async () => {
    const place = await makePlace({ kind: "labor_center" });
    const service = await makeService(place.id, { kind: "labor_consultation" });
    const slot = await makeSlot(service.id, "2026-11-27", "19:00", { channels: "phone,video" });
    const booked = await book(await resident(), service, slot.id, {
      topic: "contract",
      channel: "video",
      description: "근로계약서를 받지 못했습니다.",
      consent: "on",
    });
    expect(booked.status).toBe(302);
  });
});

describe("cancelling", () => {
  it("cancels up to the cut-off, releases the place, cancels the reminder and says so", async () => {
    const place = await makePlace();
    const service = await makeService(place.id);
    const slot = await makeSlot(service.id, "2026-11-30", "15:00");
    const someone = await resident();
    const booked = await book(someone, service, slot.id);
    const id = bookingIdOf(booked.location);
    const result = await call(
      cancelAction,
      formRequest(`/bookings/${id}/cancel`, {}, { cookie: someone.cookie }),
      {
        bookingId: id,
      },
    );
    expect(result.status).toBe(302);
    expect(result.location).toBe(`/bookings/${id}?cancelled=1`);
    expect(await db.booking.findUniqueOrThrow({ where: { id } })).toMatchObject({
      status: "cancelled",
      liveKey: null,
    });
    expect(await slotCounts(slot.id)).toMatchObject({ bookedCount: 0, confirmed: 0 });
    const messages = await db.notification.findMany({ where: { residentId: someone.id } });
    expect(messages.find((m) => m.template === "booking_reminder")?.status).toBe("cancelled");
    expect(messages.some((m) => m.template === "booking_cancelled")).toBe(true);
    // the place can be booked again by someone else
    expect((await book(await resident(), service, slot.id)).status).toBe(302);
  });

  it("after the cut-off says whom to call, and changes nothing", async () => {
    const place = await makePlace({ phone: "02-731-1234" });
    const service = await makeService(place.id);
    const slot = await makeSlot(service.id, "2026-11-25", "13:30");
    const someone = await resident();
    const booked = await book(someone, service, slot.id);
    const id = bookingIdOf(booked.location);
    const result = await call(
      cancelAction,
      formRequest(`/bookings/${id}/cancel`, {}, { cookie: someone.cookie }),
      {
        bookingId: id,
      },
    );
    expect(result.status).toBe(409);
    expect((result.data as Reply).refusal).toMatchObject({
      code: "tooLate",
      params: { phone: "02-731-1234" },
    });
    expect(await slotCounts(slot.id)).toMatchObject({ bookedCount: 1, confirmed: 1 });
    const page = await call(
      bookingLoader,
      getRequest(`/bookings/${id}`, { cookie: someone.cookie }),
      {
        bookingId: id,
      },
    );
    expect(page.data).toMatchObject({ booking: { live: true, changeable: false } });
  });

  it("cancels once when asked many times at once", async () => {
    const place = await makePlace();
    const service = await makeService(place.id);
    const slot = await makeSlot(service.id, "2026-12-01", "15:00", { capacity: 2 });
    const someone = await resident();
    const id = bookingIdOf((await book(someone, service, slot.id)).location);
    await book(await resident(), service, slot.id);
    const results = await Promise.all(
      Array.from({ length: 8 }, () =>
        call(cancelAction, formRequest(`/bookings/${id}/cancel`, {}, { cookie: someone.cookie }), {
          bookingId: id,
        }),
      ),
    );
    expect(
      results.filter((r) => r.status === 302 && r.location?.endsWith("cancelled=1")),
    ).toHaveLength(1);
    expect(await slotCounts(slot.id)).toMatchObject({ bookedCount: 1, confirmed: 1 });
    expect(
      await db.notification.count({
        where: { residentId: someone.id, template: "booking_cancelled" },
      }),
    ).toBe(1);
  });

  it("never lets a resident see, cancel, move or download another resident's booking", async () => {
    const place = await makePlace();
    const service = await makeService(place.id);
    const slot = await makeSlot(service.id, "2026-12-01", "16:00");
    const target = await makeSlot(service.id, "2026-12-01", "17:00");
    const owner = await resident();
    const stranger = await resident();
    const id = bookingIdOf((await book(owner, service, slot.id)).location);
    const as = { cookie: stranger.cookie };
    const params = { bookingId: id };
    expect((await call(bookingLoader, getRequest(`/bookings/${id}`, as), params)).status).toBe(404);
    expect(
      (await call(cancelLoader, getRequest(`/bookings/${id}/cancel`, as), params)).status,
    ).toBe(404);
    expect(
      (await call(cancelAction, formRequest(`/bookings/${id}/cancel`, {}, as), params)).status,
    ).toBe(404);
    expect(
      (
        await call(
          rescheduleAction,
          formRequest(
            `/bookings/${id}/reschedule`,
            { slotId: target.id, idempotencyKey: KEY() },
            as,
          ),
          params,
        )
      ).status,
    ).toBe(404);
    expect(
      (await call(calendarLoader, getRequest(`/bookings/${id}/calendar.ics`, as), params)).status,
    ).toBe(404);
    expect(await slotCounts(slot.id)).toMatchObject({ bookedCount: 1, confirmed: 1 });
    expect(await slotCounts(target.id)).toMatchObject({ bookedCount: 0 });

    const ics = await call(
      calendarLoader,
      getRequest(`/bookings/${id}/calendar.ics`, { cookie: owner.cookie }),
      params,
    );
    expect(ics.status).toBe(200);
    expect(ics.headers.get("content-type")).toContain("text/calendar");
    expect(ics.data).toContain(`DTSTART:20261201T070000Z`);
  });
});

describe("rescheduling", () => {
  async function setup(capacity = 1) {
    const place = await makePlace();
    const service = await makeService(place.id);
    const from = await makeSlot(service.id, "2026-12-02", "10:00");
    const to = await makeSlot(service.id, "2026-12-02", "14:00", { capacity });
    return { service, from, to };
  }
  const move = (who: { cookie: string }, id: string, slotId: string, key = KEY()) =>
    call(
      rescheduleAction,
      formRequest(
        `/bookings/${id}/reschedule`,
        { slotId, idempotencyKey: key },
        { cookie: who.cookie },
      ),
      { bookingId: id },
    );

  it("takes the new place and gives up the old one in one step", async () => {
    const { service, from, to } = await setup();
    const someone = await resident();
    const id = bookingIdOf((await book(someone, service, from.id)).location);
    const key = KEY();
    const result = await move(someone, id, to.id, key);
    expect(result.status).toBe(302);
    const newId = bookingIdOf(result.location);
    // the same form sent again shows the same result and moves nothing more
    expect((await move(someone, id, to.id, key)).location).toBe(result.location);
    expect(await db.booking.findUniqueOrThrow({ where: { id: newId } })).toMatchObject({
      slotId: to.id,
      status: "confirmed",
      rescheduledFromId: id,
    });
    expect(await db.booking.findUniqueOrThrow({ where: { id } })).toMatchObject({
      status: "cancelled",
    });
    expect(await slotCounts(from.id)).toMatchObject({ bookedCount: 0, confirmed: 0 });
    expect(await slotCounts(to.id)).toMatchObject({ bookedCount: 1, confirmed: 1 });
    const reminders = await db.notification.findMany({
      where: { residentId: someone.id, template: "booking_reminder" },
      select: { dedupeKey: true, status: true },
    });
    expect(reminders).toEqual(
      expect.arrayContaining([
        { dedupeKey: `booking-reminder:${id}`, status: "cancelled" },
        { dedupeKey: `booking-reminder:${newId}`, status: "pending" },
      ]),
    );
  });

  it("keeps one calendar event and one reference across moves: same UID, a higher SEQUENCE", async () => {
    const { service, from, to } = await setup();
    const third = await makeSlot(service.id, "2026-12-03", "10:00");
    const someone = await resident();
    const as = { cookie: someone.cookie };
    const first = bookingIdOf((await book(someone, service, from.id)).location);
    const second = bookingIdOf((await move(someone, first, to.id)).location);
    const last = bookingIdOf((await move(someone, second, third.id)).location);
    const calendar = async (id: string) =>
      String(
        (
          await call(calendarLoader, getRequest(`/bookings/${id}/calendar.ics`, as), {
            bookingId: id,
          })
        ).data,
      );
    const [a, b, c] = await Promise.all([calendar(first), calendar(second), calendar(last)]);
    for (const ics of [a, b, c]) expect(ics).toContain(`UID:booking-${first}@seoul-portal`);
    // the moved-away versions keep their lower numbers; the booking that stands is the latest
    expect(a).toMatch(/SEQUENCE:0\r?\n/);
    expect(b).toMatch(/SEQUENCE:1\r?\n/);
    expect(c).toMatch(/SEQUENCE:2\r?\n/);
    expect(c).toContain("STATUS:CONFIRMED");
    const page = await call(bookingLoader, getRequest(`/bookings/${last}`, as), {
      bookingId: last,
    });
    const reference = (page.data as { booking: { reference: string } }).booking.reference;
    expect(reference).toMatch(/^[A-Z0-9]{4}-[A-Z0-9]{4}$/);
    expect(c.replace(/\r?\n /g, "")).toContain(reference);
    // cancelling the last one is a change too: it wins over the confirmed version
    await call(cancelAction, formRequest(`/bookings/${last}/cancel`, {}, as), { bookingId: last });
    const cancelled = await calendar(last);
    expect(cancelled).toMatch(/SEQUENCE:3\r?\n/);
    expect(cancelled).toContain("STATUS:CANCELLED");
  });

  it("changes nothing when the new time is full, past, of another service or the same", async () => {
    const { service, from, to } = await setup();
    const someone = await resident();
    const id = bookingIdOf((await book(someone, service, from.id)).location);
    await book(await resident(), service, to.id);
    const otherService = await makeService((await makePlace()).id);
    const foreign = await makeSlot(otherService.id, "2026-12-02", "16:00");
    const past = await makeSlot(service.id, "2026-11-25", "09:00");
    const codes = [];
    for (const slotId of [to.id, foreign.id, past.id, from.id]) {
      const result = await move(someone, id, slotId);
      codes.push([result.status, (result.data as Reply).refusal?.code]);
    }
    expect(codes).toEqual([
      [409, "full"],
      [400, "wrongService"],
      [409, "past"],
      [409, "sameSlot"],
    ]);
    expect(await db.booking.findUniqueOrThrow({ where: { id } })).toMatchObject({
      status: "confirmed",
    });
    expect(await slotCounts(from.id)).toMatchObject({ bookedCount: 1, confirmed: 1 });
    expect(await slotCounts(to.id)).toMatchObject({ bookedCount: 1, confirmed: 1 });
  });

  it("gives the last place to one of two residents moving at once; the other keeps their time", async () => {
    const { service, from, to } = await setup();
    const other = await makeSlot(service.id, "2026-12-02", "11:00");
    const a = await resident();
    const b = await resident();
    const aId = bookingIdOf((await book(a, service, from.id)).location);
    const bId = bookingIdOf((await book(b, service, other.id)).location);
    const [ra, rb] = await Promise.all([move(a, aId, to.id), move(b, bId, to.id)]);
    expect([ra.status, rb.status].sort()).toEqual([302, 409]);
    expect(await slotCounts(to.id)).toMatchObject({ bookedCount: 1, confirmed: 1 });
    const loserSlot = ra.status === 302 ? other.id : from.id;
    expect(await slotCounts(loserSlot)).toMatchObject({ bookedCount: 1, confirmed: 1 });
  });

  it("moves a booking once when the same move is sent many times at once", async () => {
    const { service, from, to } = await setup(5);
    const someone = await resident();
    const id = bookingIdOf((await book(someone, service, from.id)).location);
    const another = await makeSlot(service.id, "2026-12-02", "15:00", { capacity: 5 });
    const results = await Promise.all([
      ...Array.from({ length: 4 }, () => move(someone, id, to.id)),
      ...Array.from({ length: 4 }, () => move(someone, id, another.id)),
    ]);
    expect(results.filter((r) => r.status === 302)).toHaveLength(1);
    expect(await db.booking.count({ where: { residentId: someone.id, status: "confirmed" } })).toBe(
      1,
    );
    const counts = [
      await slotCounts(from.id),
      await slotCounts(to.id),
      await slotCounts(another.id),
    ];
    expect(counts.map((c) => c.bookedCount).reduce((a, b) => a + b)).toBe(1);
    expect(counts.every((c) => c.bookedCount === c.confirmed)).toBe(true);
  });
});
