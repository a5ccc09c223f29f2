// How many statements a resident's confirm costs the database, counted at the driver
// (statementCount()), as Remix runs it for a form sent without JavaScript: the action, and for a
// refusal the page again (root loader + the slot page's loader) with the refusal on it. When a
// popular time opens, most confirms are refusals (issue 12: 1,732 of 2,332 answers in the
// benchmark's closed loop), so what a refusal costs counts as much as what a booking does.
import { beforeAll, describe, expect, it } from "vitest";
import { loader as rootLoader } from "~/root";
import { action, loader as slotLoader } from "~/routes/book.$serviceSlug.$slotId";
import { setTestNow } from "~/utils/clock.server";
import { statementCount } from "~/utils/db.server";
import { inRequestScope } from "~/utils/request-scope.server";
import { KEY, makePlace, makeService, makeSlot, slotCounts } from "#tests/factories/booking";
import { call, formRequest, getRequest } from "#tests/factories/http";
import { NOW } from "#tests/factories/jobs";
import { makeResident, sessionCookieFor } from "#tests/factories/residents";
import { useSettings } from "#tests/factories/shared-reads";

let cookie = "";
let otherCookie = "";
let serviceSlug = "";
let serviceId = "";
let fullSlotId = "";
const freeSlotIds: string[] = [];

beforeAll(async () => {
  setTestNow(NOW);
  const resident = await makeResident({ birthDate: "2001-05-05" });
  const other = await makeResident({ birthDate: "1999-02-02" });
  cookie = await sessionCookieFor(resident.id);
  otherCookie = await sessionCookieFor(other.id);
  const place = await makePlace();
  const service = await makeService(place.id);
  serviceSlug = service.slug;
  serviceId = service.id;
  fullSlotId = (await makeSlot(service.id, "2026-11-30", "10:00", { capacity: 1 })).id;
  for (const time of ["11:00", "13:00", "15:00", "17:00", "19:00"])
    freeSlotIds.push((await makeSlot(service.id, "2026-11-30", time)).id);
  // the one place of the full time goes to someone else
  const taken = await confirm(otherCookie, fullSlotId);
  expect(taken.status).toBe(302);
  return () => setTestNow(null);
});

function confirm(as: string, slotId: string, idempotencyKey = KEY()) {
  const path = `/book/${serviceSlug}/${slotId}`;
  return call(action, formRequest(path, { intent: "book", idempotencyKey }, { cookie: as }), {
    serviceSlug,
    slotId,
  });
}

/**
 * Statements of one confirm: the action, and the page after it when it is refused, as the server
 * runs them (server/request-scope.js): the request in a scope, its action in one of its own.
 */
async function statementsOfConfirm(slotId: string, idempotencyKey = KEY()) {
  const before = statementCount();
  const answer = await inRequestScope(async () => {
    const result = await inRequestScope(() => confirm(cookie, slotId, idempotencyKey));
    if (result.status !== 302) {
      const path = `/book/${serviceSlug}/${slotId}`;
      const params = { serviceSlug, slotId };
      const [root, page] = await Promise.all([
        call(rootLoader, getRequest(path, { cookie })),
        call(slotLoader, getRequest(path, { cookie }), params),
      ]);
      expect(root.status).toBe(200);
      expect(page.status).toBe(200);
    }
    return result;
  });
  return { answer, statements: statementCount() - before };
}

/** the resident books more than three times here */
const NO_KIND_LIMIT = { BOOKING_MAX_UPCOMING_PER_KIND: "100" };

/**
 * Budgets: what a confirm needs today. A booking: who asks, the slot with its service, place and
 * criteria, the resident with their waitlist entry; then, in the transaction, the lock, what they
 * hold (bookings, applications, their slots), the place, the booking and its two messages. A
 * refusal of a full time takes no lock and writes nothing; the page then reads the slot again
 * (its service shared in production) and what the resident holds.
 */
const BUDGETS = {
  // 25 before 2026-12-03: what the resident holds cost two statements more (Prisma reads a nested
  // relation one table at a time, even for an empty list), and the reminder's upsert three
  // instead of one
  booked: { afresh: 21, shared: 21 },
  // 29 before (28, and who asks looked up by each loader): the transaction (BEGIN, lock, place,
  // COMMIT), the page's service read again, and a second look-up of who asks
  full: { afresh: 23, shared: 20 },
};

for (const sharing of ["afresh", "shared"] as const) {
  describe(`statements per confirm, lists read ${sharing} (action, and the page again for a refusal)`, () => {
    beforeAll(() => useSettings(NO_KIND_LIMIT, sharing));

    it("a booking", async () => {
      const [warm, counted] = sharing === "afresh" ? [0, 1] : [3, 4];
      // a first confirm warms what is kept per process
      await statementsOfConfirm(freeSlotIds[warm]!);
      const { answer, statements } = await statementsOfConfirm(freeSlotIds[counted]!);
      console.log(`booked (${sharing}): ${statements} statements`);
      expect(answer.status).toBe(302);
      expect(statements).toBeLessThanOrEqual(BUDGETS.booked[sharing]);
    });

    it("a refusal of a full time, the page shown again", async () => {
      // a first refusal warms the shared reads
      await statementsOfConfirm(fullSlotId);
      const { answer, statements } = await statementsOfConfirm(fullSlotId);
      console.log(`refused, full (${sharing}): ${statements} statements`);
      expect(answer.status).toBe(409);
      expect(answer.data).toMatchObject({ refusal: { code: "full" } });
      expect(await slotCounts(fullSlotId)).toMatchObject({ bookedCount: 1, confirmed: 1 });
      expect(statements).toBeLessThanOrEqual(BUDGETS.full[sharing]);
    });
  });
}

describe("a confirm of a time that filled up", () => {
  beforeAll(() => useSettings(NO_KIND_LIMIT));

  it("gives a resent form its booking, not a refusal", async () => {
    const key = KEY();
    const first = await confirm(cookie, freeSlotIds[2]!, key);
    expect(first.status).toBe(302);
    // the form's one place is taken now, by this very form
    expect(await slotCounts(freeSlotIds[2]!)).toMatchObject({ bookedCount: 1 });
    const again = await confirm(cookie, freeSlotIds[2]!, key);
    expect(again.status).toBe(302);
    expect(again.location).toBe(first.location);
  });

  it("names the rule a resident breaks before saying it is full", async () => {
    // the resident holds the time 11:00–12:00; a full time overlapping it is refused as such
    const overlapping = await makeSlot(serviceId, "2026-11-30", "11:30", { capacity: 1 });
    expect((await confirm(otherCookie, overlapping.id)).status).toBe(302);
    const refused = await confirm(cookie, overlapping.id);
    expect(refused.status).toBe(409);
    expect(refused.data).toMatchObject({ refusal: { code: "overlap" } });
  });
});
