// The capacity invariant through the real HTTP server (the production build): many residents at
// one slot at the same moment, cancel and reschedule races, the waitlist under pressure — and the
// database afterwards. Each test uses its own slots, of this file's own copies of two centers'
// consultation services (ownService).
import { beforeAll, describe, expect, it } from "vitest";
import {
  bookOverHttp,
  LABOR_FIELDS,
  liveCounts,
  manyResidents,
  ownService,
  slotAt,
  type OwnService,
} from "./booking-support";
import { baseUrl, postForm, serverDatabase } from "./support";

// The Seoul Labor Rights Center takes three consultations at once by day.
const CITY_CENTER = "seoul-labor-rights-center-consultation";
// A district center takes one at a time.
const DISTRICT_CENTER = "guro-labor-welfare-center-consultation";

let residents: Awaited<ReturnType<typeof manyResidents>>;
let city: OwnService;
let district: OwnService;
beforeAll(async () => {
  residents = await manyResidents(100, "race");
  city = await ownService(
    CITY_CENTER,
    ["10:00", "11:00"].map((time) => ({ date: "2026-12-01", time, capacity: 3 })),
  );
  const hours = ["10:00", "11:00", "12:00", "13:00", "14:00"];
  district = await ownService(DISTRICT_CENTER, [
    ...hours.map((time) => ({ date: "2026-12-02", time })),
    ...hours.map((time) => ({ date: "2026-12-03", time })),
    { date: "2026-12-02", time: "16:00" },
    ...["10:00", "11:00", "12:00"].map((time) => ({ date: "2026-12-04", time })),
  ]);
}, 120_000);

const bookingIdOf = (response: Response) =>
  response.headers.get("location")!.split("/")[2]!.split("?")[0]!;

describe("100 residents at one slot of capacity 3", () => {
  it("confirms exactly 3; the 97 others hear 'this time is full' in their language", async () => {
    const slot = await slotAt(city.slug, "2026-12-01", "10:00");
    expect(slot.remaining).toBe(3);
    const responses = await Promise.all(
      residents.map((resident, i) =>
        bookOverHttp(resident.cookie, city.slug, slot.id, LABOR_FIELDS, {
          "Accept-Language": i % 2 === 0 ? "ko-KR" : "en-GB",
        }),
      ),
    );
    const confirmed = responses.filter((r) => r.status === 302);
    expect(confirmed).toHaveLength(3);
    expect(
      confirmed.every((r) => /^\/bookings\/\w+\?confirmed=1$/.test(r.headers.get("location")!)),
    ).toBe(true);
    const refused = responses
      .map((response, i) => ({ response, english: i % 2 === 1 }))
      .filter(({ response }) => response.status !== 302);
    expect(refused).toHaveLength(97);
    expect(refused.every(({ response }) => response.status === 409)).toBe(true);
    const pages = await Promise.all(
      refused.map(async ({ response, english }) => ({ english, html: await response.text() })),
    );
    for (const { english, html } of pages) {
      expect(html).toContain(
        english
          ? "This time is full. Choose another time or join the waitlist."
          : "이 시간은 마감되었습니다. 다른 시간을 고르거나 대기 신청을 해 주세요.",
      );
    }
    expect(await liveCounts(slot.id)).toEqual({
      bookedCount: 3,
      capacity: 3,
      confirmed: 3,
      offered: 0,
    });
  });
});

describe("races", () => {
  it("cancelling while others try to book never oversells and never loses a place", async () => {
    const slot = await slotAt(city.slug, "2026-12-01", "11:00");
    const holders = residents.slice(0, 3);
    const held = await Promise.all(
      holders.map((h) => bookOverHttp(h.cookie, city.slug, slot.id, LABOR_FIELDS)),
    );
    expect(held.map((r) => r.status)).toEqual([302, 302, 302]);
    const ids = held.map(bookingIdOf);
    const bookers = residents.slice(10, 40);
    const [cancels, bookings] = await Promise.all([
      Promise.all(holders.map((h, i) => postForm(`/bookings/${ids[i]}/cancel`, {}, h.cookie))),
      Promise.all(bookers.map((b) => bookOverHttp(b.cookie, city.slug, slot.id, LABOR_FIELDS))),
    ]);
    expect(cancels.map((r) => r.headers.get("location"))).toEqual(
      ids.map((id) => `/bookings/${id}?cancelled=1`),
    );
    const won = bookings.filter((r) => r.status === 302).length;
    expect(won).toBeLessThanOrEqual(3);
    expect(bookings.every((r) => r.status === 302 || r.status === 409)).toBe(true);
    expect(await liveCounts(slot.id)).toEqual({
      bookedCount: won,
      capacity: 3,
      confirmed: won,
      offered: 0,
    });
  });

  it("ten residents moving into the last place at once: one gets it, nine keep their time", async () => {
    const target = await slotAt(district.slug, "2026-12-02", "16:00");
    const movers = residents.slice(40, 50);
    const origins = await Promise.all(
      ["10:00", "11:00", "12:00", "13:00", "14:00"].flatMap((time) => [
        slotAt(district.slug, "2026-12-02", time),
        slotAt(district.slug, "2026-12-03", time),
      ]),
    );
    const booked = await Promise.all(
      movers.map((m, i) => bookOverHttp(m.cookie, district.slug, origins[i]!.id, LABOR_FIELDS)),
    );
    expect(booked.every((r) => r.status === 302)).toBe(true);
    const ids = booked.map(bookingIdOf);
    const moves = await Promise.all(
      movers.map((m, i) =>
        postForm(
          `/bookings/${ids[i]}/reschedule`,
          { slotId: target.id, idempotencyKey: crypto.randomUUID() },
          m.cookie,
        ),
      ),
    );
    expect(moves.filter((r) => r.status === 302)).toHaveLength(1);
    expect(moves.filter((r) => r.status === 409)).toHaveLength(9);
    expect(await liveCounts(target.id)).toMatchObject({ bookedCount: 1, confirmed: 1 });
    const winner = moves.findIndex((r) => r.status === 302);
    for (const [i, origin] of origins.entries()) {
      const expected = i === winner ? 0 : 1;
      expect(await liveCounts(origin.id)).toMatchObject({
        bookedCount: expected,
        confirmed: expected,
      });
    }
  });

  it("a freed place goes to the first on the waitlist, not to whoever clicks fastest", async () => {
    const slot = await slotAt(district.slug, "2026-12-04", "10:00");
    const [holder, first, second, ...others] = residents.slice(50, 70);
    const held = await bookOverHttp(holder!.cookie, district.slug, slot.id, LABOR_FIELDS);
    expect(held.status).toBe(302);
    for (const waiting of [first!, second!]) {
      const joined = await postForm(
        `/book/${district.slug}/${slot.id}`,
        { intent: "waitlist" },
        waiting.cookie,
      );
      expect(joined.headers.get("location")).toBe(`/book/${district.slug}/${slot.id}?joined=1`);
    }
    const [cancel, ...grabs] = await Promise.all([
      postForm(`/bookings/${bookingIdOf(held)}/cancel`, {}, holder!.cookie),
      ...others.map((o) => bookOverHttp(o.cookie, district.slug, slot.id, LABOR_FIELDS)),
    ]);
    expect(cancel.status).toBe(302);
    expect(grabs.every((r) => r.status === 409)).toBe(true);
    expect(await liveCounts(slot.id)).toMatchObject({ bookedCount: 1, confirmed: 0, offered: 1 });
    const offered = await serverDatabase().waitlistEntry.findMany({
      where: { slotId: slot.id, status: "offered" },
      select: { residentId: true },
    });
    expect(offered).toEqual([{ residentId: first!.id }]);

    // the second in line cannot take it; the first can, with the ordinary form
    expect((await bookOverHttp(second!.cookie, district.slug, slot.id, LABOR_FIELDS)).status).toBe(
      409,
    );
    const accepted = await bookOverHttp(first!.cookie, district.slug, slot.id, LABOR_FIELDS);
    expect(accepted.status).toBe(302);
    expect(await liveCounts(slot.id)).toMatchObject({ bookedCount: 1, confirmed: 1, offered: 0 });
  });
});

describe("URL tampering", () => {
  it("another resident's booking does not exist for you: no page, no cancel, no move, no calendar", async () => {
    const slot = await slotAt(district.slug, "2026-12-04", "11:00");
    const [owner, stranger] = residents.slice(80, 82);
    const id = bookingIdOf(await bookOverHttp(owner!.cookie, district.slug, slot.id, LABOR_FIELDS));
    const as = { headers: { Cookie: stranger!.cookie }, redirect: "manual" as const };
    expect((await fetch(`${baseUrl()}/bookings/${id}`, as)).status).toBe(404);
    expect((await fetch(`${baseUrl()}/bookings/${id}/calendar.ics`, as)).status).toBe(404);
    const page = await fetch(`${baseUrl()}/bookings/${id}`, as);
    expect(await page.text()).not.toContain("석 달째");
    expect((await postForm(`/bookings/${id}/cancel`, {}, stranger!.cookie)).status).toBe(404);
    expect(await liveCounts(slot.id)).toMatchObject({ bookedCount: 1, confirmed: 1 });
    // and staff of another center cannot open it either
    const login = await postForm("/login", {
      email: "staff.youth@seoul-portal.test",
      password: "staff-youth-2026",
    });
    const staffCookie = login.headers
      .getSetCookie()
      .map((c) => c.split(";")[0])
      .join("; ");
    const staffView = await fetch(`${baseUrl()}/staff/bookings/${id}?show=description`, {
      headers: { Cookie: staffCookie },
    });
    expect(staffView.status).toBe(404);
  });

  it("answers bad input with a message, never a 500", async () => {
    const slot = await slotAt(district.slug, "2026-12-04", "12:00");
    const someone = residents[90]!;
    const tooLong = await bookOverHttp(someone.cookie, district.slug, slot.id, {
      ...LABOR_FIELDS,
      description: "가".repeat(2001),
    });
    expect(tooLong.status).toBe(400);
    expect(await tooLong.text()).toContain("상담 내용은 2,000자까지 적을 수 있습니다.");
    const noConsent = await bookOverHttp(someone.cookie, district.slug, slot.id, {
      ...LABOR_FIELDS,
      consent: "",
    });
    expect(noConsent.status).toBe(400);
    expect(await noConsent.text()).toContain(
      "상담 내용 처리에 동의해야 온라인으로 예약할 수 있습니다.",
    );
    const forged = await bookOverHttp(
      someone.cookie,
      district.slug,
      "forged-slot-id",
      LABOR_FIELDS,
    );
    expect(forged.status).toBe(404);
    const otherService = await bookOverHttp(someone.cookie, city.slug, slot.id, LABOR_FIELDS);
    expect(otherService.status).toBe(404);
    const garbage = await fetch(`${baseUrl()}/book/${district.slug}/availability?date=2026-13-45`);
    expect(garbage.status).toBe(400);
    expect(await liveCounts(slot.id)).toMatchObject({ bookedCount: 0, confirmed: 0 });
  });
});
