// A service's yearly limit per resident (Job Wings fittings: 10 a year, decision 0026), through
// the real booking and cancel actions: ten are booked, the eleventh is refused with a clear
// message and nothing written; a cancelled booking frees its place in the year, a missed one
// (no_show) does not; the year is Seoul's calendar year of the slot. Then the race: a resident
// one booking short of the limit sends six bookings at once and exactly one is made — and, on
// PostgreSQL, the same step without the resident's row lock (count, then insert) oversteps the
// limit, which shows the test can fail.
import { beforeEach, describe, expect, inject, it } from "vitest";
import { bookSlot } from "~/domain/booking/book.server";
import { seoulInstant } from "~/domain/shared/seoul-time";
import { action as bookAction } from "~/routes/book.$serviceSlug.$slotId";
import { action as cancelAction } from "~/routes/bookings.$bookingId.cancel";
import { setTestNow } from "~/utils/clock.server";
import { getDb } from "~/utils/db.server";
import { call, formRequest } from "#tests/factories/http";
import { KEY, makePlace, makeService, makeSlot } from "#tests/factories/booking";
import { makeResident, sessionCookieFor } from "#tests/factories/residents";

const db = getDb();
const overlapping = inject("databaseEngine") === "postgresql";
const NOW = seoulInstant("2026-11-25", "12:00");
beforeEach(() => setTestNow(NOW));

type Reply = { refusal?: { code: string; params: { limit: number | string } } | null };

async function resident() {
  const made = await makeResident({ birthDate: "2000-01-01" });
  return { ...made, cookie: await sessionCookieFor(made.id) };
}

/** A fitting service limited to `limit` bookings a year per resident. */
async function fittings(limit = 10) {
  const place = await makePlace({ kind: "suit_rental" });
  const service = await makeService(place.id, { kind: "suit_rental" });
  await db.service.update({
    where: { id: service.id },
    data: { yearlyLimitPerResident: limit },
  });
  return service;
}

function book(who: { cookie: string }, service: { slug: string }, slotId: string) {
  return call(
    bookAction,
    formRequest(
      `/book/${service.slug}/${slotId}`,
      { intent: "book", idempotencyKey: KEY() },
      { cookie: who.cookie },
    ),
    { serviceSlug: service.slug, slotId },
  );
}

/** Bookings of earlier fittings this year, written directly (as if booked and held then). */
async function earlierFittings(
  residentId: string,
  serviceId: string,
  statuses: ("attended" | "no_show" | "confirmed")[],
) {
  for (const [i, status] of statuses.entries()) {
    const day = `2026-${String(i + 1).padStart(2, "0")}-15`;
    const slot = await makeSlot(serviceId, day, "10:00", { capacity: 2 });
    await db.booking.create({
      data: { residentId, slotId: slot.id, status, idempotencyKey: KEY(), createdAt: NOW },
    });
  }
}

async function writes(residentId: string) {
  const [bookings, notifications, booked] = await Promise.all([
    db.booking.count({ where: { residentId } }),
    db.notification.count({ where: { residentId } }),
    db.slot.aggregate({ _sum: { bookedCount: true } }),
  ]);
  return { bookings, notifications, booked: booked._sum.bookedCount };
}

describe("a yearly limit per resident", () => {
  it("books ten fittings in the year and refuses the eleventh, writing nothing", async () => {
    const service = await fittings(10);
    const someone = await resident();
    // one a day in December, each booked the morning of (so none is "upcoming" for the per-kind
    // limit when the next is booked: only the yearly limit is at work)
    const slots = [];
    for (let day = 1; day <= 11; day += 1)
      slots.push(await makeSlot(service.id, `2026-12-${String(day).padStart(2, "0")}`, "15:00"));
    for (const [i, slot] of slots.slice(0, 10).entries()) {
      setTestNow(seoulInstant(`2026-12-${String(i + 1).padStart(2, "0")}`, "09:00"));
      // (sessions end after a while: log in again as the days go by)
      someone.cookie = await sessionCookieFor(someone.id);
      const booked = await book(someone, service, slot.id);
      expect(booked.location, `fitting ${i + 1}`).toMatch(/^\/bookings\//);
    }
    setTestNow(seoulInstant("2026-12-11", "09:00"));
    someone.cookie = await sessionCookieFor(someone.id);
    const before = await writes(someone.id);
    const eleventh = await book(someone, service, slots[10]!.id);
    expect(eleventh.status).toBe(409);
    expect((eleventh.data as Reply).refusal).toMatchObject({
      code: "yearlyLimit",
      params: { limit: 10 },
    });
    expect(await writes(someone.id)).toEqual(before);
    // someone else is not limited by it
    expect((await book(await resident(), service, slots[10]!.id)).status).toBe(302);
  });

  it("frees a place when a booking is cancelled, not when it was missed", async () => {
    const service = await fittings(10);
    const someone = await resident();
    // nine earlier this year: seven attended, two missed (no_show) — all nine count
    await earlierFittings(someone.id, service.id, [
      ...Array<"attended">(7).fill("attended"),
      "no_show",
      "no_show",
    ]);
    const tenth = await makeSlot(service.id, "2026-12-01", "10:00");
    const eleventh = await makeSlot(service.id, "2026-12-02", "10:00");
    const booked = await book(someone, service, tenth.id);
    expect(booked.status).toBe(302);
    expect(((await book(someone, service, eleventh.id)).data as Reply).refusal?.code).toBe(
      "yearlyLimit",
    );
    const bookingId = booked.location!.split("/")[2]!.split("?")[0]!;
    const cancelled = await call(
      cancelAction,
      formRequest(`/bookings/${bookingId}/cancel`, {}, { cookie: someone.cookie }),
      { bookingId },
    );
    expect(cancelled.status).toBe(302);
    expect((await book(someone, service, eleventh.id)).status).toBe(302);
  });

  it("counts Seoul's calendar year of the slot: 31 December 23:30 is this year, 1 January next", async () => {
    const service = await fittings(2);
    const someone = await resident();
    await earlierFittings(someone.id, service.id, ["attended"]);
    // 23:30 on 31 December in Seoul is 14:30 UTC that day: still 2026
    const newYearsEve = await makeSlot(service.id, "2026-12-31", "23:30", { minutes: 30 });
    expect((await book(someone, service, newYearsEve.id)).status).toBe(302);
    const lastOf2026 = await makeSlot(service.id, "2026-12-30", "10:00");
    expect(((await book(someone, service, lastOf2026.id)).data as Reply).refusal?.code).toBe(
      "yearlyLimit",
    );
    const firstOf2027 = await makeSlot(service.id, "2027-01-04", "10:00");
    expect((await book(someone, service, firstOf2027.id)).status).toBe(302);
  });

  it("leaves a service without a limit unlimited", async () => {
    const place = await makePlace({ kind: "suit_rental" });
    const service = await makeService(place.id, { kind: "suit_rental" });
    const someone = await resident();
    await earlierFittings(someone.id, service.id, Array<"attended">(11).fill("attended"));
    const slot = await makeSlot(service.id, "2026-12-01", "10:00");
    expect((await book(someone, service, slot.id)).status).toBe(302);
  });
});

describe("the yearly limit under concurrency", () => {
  /** One booking short of the limit, with six open fittings to book at once. */
  async function oneShort() {
    const service = await fittings(10);
    const someone = await makeResident({ birthDate: "2000-01-01" });
    await earlierFittings(someone.id, service.id, Array<"attended">(9).fill("attended"));
    const slots = await Promise.all(
      ["10:00", "11:00", "12:00", "13:00", "14:00", "15:00"].map((time, i) =>
        makeSlot(service.id, `2026-12-0${1 + (i % 3)}`, time, { capacity: 2 }),
      ),
    );
    return { service, someone, slots };
  }

  it("makes exactly one of six parallel bookings when one place is left in the year", async () => {
    const { service, someone, slots } = await oneShort();
    const results = await Promise.all(
      slots.map((slot) =>
        bookSlot({
          residentId: someone.id,
          serviceSlug: service.slug,
          slotId: slot.id,
          idempotencyKey: KEY(),
          now: NOW,
          ip: null,
        }),
      ),
    );
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.filter((r) => !r.ok).map((r) => !r.ok && r.code)).toEqual(
      Array(5).fill("yearlyLimit"),
    );
    expect(
      await db.booking.count({
        where: { residentId: someone.id, status: { not: "cancelled" } },
      }),
    ).toBe(10);
  });

  it.runIf(overlapping)(
    "negative control (PostgreSQL): counting then inserting without the resident's lock oversteps",
    async () => {
      const { someone, slots } = await oneShort();
      const results = await Promise.all(
        slots.map((slot) =>
          db.$transaction(
            async (tx) => {
              const used = await tx.booking.count({
                where: { residentId: someone.id, status: { not: "cancelled" } },
              });
              // (let the other transactions count before anyone inserts)
              await new Promise((resolve) => setTimeout(resolve, 200));
              if (used >= 10) return false;
              await tx.booking.create({
                data: { residentId: someone.id, slotId: slot.id, idempotencyKey: KEY() },
              });
              return true;
            },
            { maxWait: 20_000, timeout: 20_000 },
          ),
        ),
      );
      expect(results.filter(Boolean).length).toBeGreaterThan(1);
    },
  );
});
