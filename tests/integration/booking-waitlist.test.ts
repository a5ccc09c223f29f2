// The waitlist: join when full, an offer to the first in line when a place frees up, a limited time
// to confirm, then the next in line — atomic under concurrency like booking itself.
import { beforeEach, describe, expect, it } from "vitest";
import { bookSlot, cancelBooking } from "~/domain/booking/book.server";
import {
  expireWaitlistOffers,
  joinWaitlist,
  leaveWaitlist,
} from "~/domain/booking/waitlist.server";
import { deleteAccount } from "~/domain/residents/service.server";
import { seoulInstant } from "~/domain/shared/seoul-time";
import { action as bookAction } from "~/routes/book.$serviceSlug.$slotId";
import { action as leaveAction } from "~/routes/bookings.waitlist.$entryId";
import { setTestNow } from "~/utils/clock.server";
import { getDb } from "~/utils/db.server";
import { call, formRequest } from "#tests/factories/http";
import { KEY, makePlace, makeService, makeSlot, slotCounts } from "#tests/factories/booking";
import { makeResident, sessionCookieFor, TEST_PASSWORD } from "#tests/factories/residents";

const db = getDb();
const NOW = seoulInstant("2026-11-25", "12:00");
beforeEach(() => setTestNow(NOW));

async function person(preferredLanguage: "ko" | "en" = "ko") {
  const made = await makeResident({ birthDate: "1999-05-05", preferredLanguage });
  return { ...made, cookie: await sessionCookieFor(made.id) };
}

async function fullSlot(capacity: number, date = "2026-11-30", time = "10:00") {
  const place = await makePlace();
  const service = await makeService(place.id);
  const slot = await makeSlot(service.id, date, time, { capacity });
  const holders = [];
  for (let i = 0; i < capacity; i += 1) {
    const holder = await person();
    const outcome = await bookSlot({
      residentId: holder.id,
      serviceSlug: service.slug,
      slotId: slot.id,
      idempotencyKey: KEY(),
      now: NOW,
      ip: null,
    });
    if (!outcome.ok) throw new Error(outcome.code);
    holders.push({ ...holder, bookingId: outcome.bookingId });
  }
  return { service, slot, holders };
}

const join = (residentId: string, service: { slug: string }, slotId: string, now = NOW) =>
  joinWaitlist({ residentId, serviceSlug: service.slug, slotId, now });

const entryOf = (residentId: string, slotId: string) =>
  db.waitlistEntry.findFirstOrThrow({
    where: { residentId, slotId },
    orderBy: { createdAt: "desc" },
  });

describe("joining", () => {
  it("is possible only for a full slot, once, and not for a time one already holds", async () => {
    const { service, slot, holders } = await fullSlot(1);
    const waiting = await person();
    expect(await join(waiting.id, service, slot.id)).toMatchObject({ ok: true });
    expect(await join(waiting.id, service, slot.id)).toEqual({
      ok: false,
      code: "alreadyWaiting",
    });
    expect(await join(holders[0]!.id, service, slot.id)).toEqual({
      ok: false,
      code: "alreadyBooked",
    });
    const open = await makeSlot(service.id, "2026-11-30", "11:00", { capacity: 2 });
    expect(await join(waiting.id, service, open.id)).toEqual({ ok: false, code: "notFull" });
  });

  it("is refused to someone the service is not for", async () => {
    const place = await makePlace();
    const service = await makeService(place.id, { minAge: 15, maxAge: 39 });
    const slot = await makeSlot(service.id, "2026-11-30", "12:00", { capacity: 0 });
    const older = await makeResident({ birthDate: "1970-01-01" });
    expect(await join(older.id, service, slot.id)).toMatchObject({
      ok: false,
      code: "ineligible",
      reasons: [{ code: "tooOld" }],
    });
  });
});

describe("offers", () => {
  it("hold a freed place for the first in line, who is told in their language and can confirm it", async () => {
    const { service, slot, holders } = await fullSlot(1);
    const first = await person("en");
    const second = await person();
    await join(first.id, service, slot.id);
    await join(second.id, service, slot.id, new Date(NOW.getTime() + 1000));

    expect(await cancelBooking(holders[0]!.id, holders[0]!.bookingId, NOW, null)).toMatchObject({
      ok: true,
    });
    const offered = await entryOf(first.id, slot.id);
    expect(offered).toMatchObject({ status: "offered" });
    expect(offered.offerExpiresAt!.toISOString()).toBe(
      new Date(NOW.getTime() + 120 * 60_000).toISOString(),
    );
    expect((await entryOf(second.id, slot.id)).status).toBe("waiting");
    // the place stays held: the slot is still full for everyone else
    expect(await slotCounts(slot.id)).toMatchObject({ bookedCount: 1, confirmed: 0, offered: 1 });
    const outsider = await person();
    const attempt = await bookSlot({
      residentId: outsider.id,
      serviceSlug: service.slug,
      slotId: slot.id,
      idempotencyKey: KEY(),
      now: NOW,
      ip: null,
    });
    expect(attempt).toEqual({ ok: false, code: "full" });
    const message = await db.notification.findFirstOrThrow({
      where: { residentId: first.id, template: "waitlist_offer" },
    });
    expect(message.locale).toBe("en");
    expect(message.body).toContain("30 Nov 2026, 10:00");
    expect(message.body).toContain("until 25 Nov 2026, 14:00");

    // the first in line confirms through the ordinary booking form
    const confirm = await call(
      bookAction,
      formRequest(
        `/book/${service.slug}/${slot.id}`,
        { intent: "book", idempotencyKey: KEY() },
        {
          cookie: first.cookie,
        },
      ),
      { serviceSlug: service.slug, slotId: slot.id },
    );
    expect(confirm.status).toBe(302);
    expect((await entryOf(first.id, slot.id)).status).toBe("accepted");
    expect(await slotCounts(slot.id)).toMatchObject({ bookedCount: 1, confirmed: 1, offered: 0 });
  });

  it("end an hour before the start when that comes before the hold time", async () => {
    const { service, slot, holders } = await fullSlot(1, "2026-11-25", "14:30");
    const waiting = await person();
    await join(waiting.id, service, slot.id);
    await cancelBooking(holders[0]!.id, holders[0]!.bookingId, NOW, null);
    expect((await entryOf(waiting.id, slot.id)).offerExpiresAt!.toISOString()).toBe(
      seoulInstant("2026-11-25", "13:30").toISOString(),
    );
  });

  it("pass to the next in line when they expire, and the place goes back to everyone at the end", async () => {
    const { service, slot, holders } = await fullSlot(1);
    const first = await person();
    const second = await person();
    await join(first.id, service, slot.id);
    await join(second.id, service, slot.id, new Date(NOW.getTime() + 1000));
    await cancelBooking(holders[0]!.id, holders[0]!.bookingId, NOW, null);

    // (the periodic task looks at every offer in the database: other tests' too)
    await expireWaitlistOffers(new Date(NOW.getTime() + 119 * 60_000));
    expect((await entryOf(first.id, slot.id)).status).toBe("offered");
    const later = new Date(NOW.getTime() + 121 * 60_000);
    expect((await expireWaitlistOffers(later)).passedOn).toBeGreaterThanOrEqual(1);
    expect((await entryOf(first.id, slot.id)).status).toBe("expired");
    expect((await entryOf(second.id, slot.id)).status).toBe("offered");
    expect(
      await db.notification.count({
        where: { residentId: first.id, template: "waitlist_offer_expired" },
      }),
    ).toBe(1);
    // too late to confirm an expired offer
    const tooLate = await bookSlot({
      residentId: first.id,
      serviceSlug: service.slug,
      slotId: slot.id,
      idempotencyKey: KEY(),
      now: later,
      ip: null,
    });
    expect(tooLate).toEqual({ ok: false, code: "full" });

    await expireWaitlistOffers(new Date(later.getTime() + 121 * 60_000));
    expect((await entryOf(second.id, slot.id)).status).toBe("expired");
    expect(await slotCounts(slot.id)).toMatchObject({ bookedCount: 0, offered: 0 });
  });

  it("pass on when the resident declines or deletes their account", async () => {
    const { service, slot, holders } = await fullSlot(1);
    const first = await person();
    const second = await person();
    const third = await person();
    for (const [i, who] of [first, second, third].entries())
      await join(who.id, service, slot.id, new Date(NOW.getTime() + i * 1000));
    await cancelBooking(holders[0]!.id, holders[0]!.bookingId, NOW, null);

    const firstEntry = await entryOf(first.id, slot.id);
    const declined = await call(
      leaveAction,
      formRequest(`/bookings/waitlist/${firstEntry.id}`, {}, { cookie: first.cookie }),
      { entryId: firstEntry.id },
    );
    expect(declined.status).toBe(302);
    expect((await entryOf(second.id, slot.id)).status).toBe("offered");

    await deleteAccount(second.id, TEST_PASSWORD, { ip: null, now: NOW });
    expect((await entryOf(second.id, slot.id)).status).toBe("cancelled");
    expect((await entryOf(third.id, slot.id)).status).toBe("offered");
    expect(await slotCounts(slot.id)).toMatchObject({ bookedCount: 1, confirmed: 0, offered: 1 });
  });

  it("are refused to strangers: leaving someone else's entry is 'not found' and changes nothing", async () => {
    const { service, slot } = await fullSlot(1);
    const waiting = await person();
    await join(waiting.id, service, slot.id);
    const entry = await entryOf(waiting.id, slot.id);
    const stranger = await person();
    const result = await call(
      leaveAction,
      formRequest(`/bookings/waitlist/${entry.id}`, {}, { cookie: stranger.cookie }),
      { entryId: entry.id },
    );
    expect(result.status).toBe(404);
    expect(await leaveWaitlist(stranger.id, entry.id, NOW)).toEqual({
      ok: false,
      code: "notFound",
    });
    expect((await entryOf(waiting.id, slot.id)).status).toBe("waiting");
  });
});

describe("under concurrency", () => {
  it("gives three freed places to the first three in line, once each", async () => {
    const { service, slot, holders } = await fullSlot(3);
    const queue = [];
    for (let i = 0; i < 5; i += 1) {
      const who = await person();
      await join(who.id, service, slot.id, new Date(NOW.getTime() + i * 1000));
      queue.push(who);
    }
    const outsiders = await Promise.all(Array.from({ length: 5 }, () => person()));
    await Promise.all([
      ...holders.map((h) => cancelBooking(h.id, h.bookingId, NOW, null)),
      ...outsiders.map((o) =>
        bookSlot({
          residentId: o.id,
          serviceSlug: service.slug,
          slotId: slot.id,
          idempotencyKey: KEY(),
          now: NOW,
          ip: null,
        }),
      ),
    ]);
    const statuses = await Promise.all(
      queue.map(async (q) => (await entryOf(q.id, slot.id)).status),
    );
    expect(statuses).toEqual(["offered", "offered", "offered", "waiting", "waiting"]);
    const counts = await slotCounts(slot.id);
    expect(counts.bookedCount).toBe(3);
    expect(counts.confirmed + counts.offered).toBe(3);
  });

  it("lets an acceptance and an expiry race: exactly one wins, and nothing is counted twice", async () => {
    for (let round = 0; round < 4; round += 1) {
      const { service, slot, holders } = await fullSlot(1, "2026-12-01", `1${round}:00`);
      const first = await person();
      const second = await person();
      await join(first.id, service, slot.id);
      await join(second.id, service, slot.id, new Date(NOW.getTime() + 1000));
      await cancelBooking(holders[0]!.id, holders[0]!.bookingId, NOW, null);
      const expiry = (await entryOf(first.id, slot.id)).offerExpiresAt!;
      const [accepted] = await Promise.all([
        bookSlot({
          residentId: first.id,
          serviceSlug: service.slug,
          slotId: slot.id,
          idempotencyKey: KEY(),
          now: new Date(expiry.getTime() - 1),
          ip: null,
        }),
        expireWaitlistOffers(new Date(expiry.getTime() + 1)),
        expireWaitlistOffers(new Date(expiry.getTime() + 2)),
      ]);
      const status = (await entryOf(first.id, slot.id)).status;
      if (accepted.ok) {
        expect(status).toBe("accepted");
        expect((await entryOf(second.id, slot.id)).status).toBe("waiting");
      } else {
        expect(status).toBe("expired");
        expect((await entryOf(second.id, slot.id)).status).toBe("offered");
      }
      const counts = await slotCounts(slot.id);
      expect(counts.bookedCount).toBe(1);
      expect(counts.confirmed + counts.offered).toBe(1);
    }
  });
});
