// The concurrency tests prove something only if they can fail. Here the same race — 100 attempts
// at once on one pool of connections — is run twice: through the capability (its guard is one
// conditional update, `bookedCount < capacity` / `selectedCount < positions`) and through a
// read-then-write variant of the same step (read the counter, decide, write), the guard removed.
// On PostgreSQL the transactions really overlap: the variant oversells, the capability does not.
// On SQLite every transaction runs alone, so the variant cannot oversell there and the negative
// control is skipped (the capability is still tested on both engines, here and in the e2e suite,
// which on PostgreSQL serves through two processes).
import crypto from "node:crypto";
import { beforeAll, describe, expect, inject, it } from "vitest";
import { bookSlot } from "~/domain/booking/book.server";
import { decideApplication } from "~/domain/jobs/decisions.server";
import { setTestNow } from "~/utils/clock.server";
import { getDb } from "~/utils/db.server";
import { KEY, makePlace, makeService, makeSlot, slotCounts } from "#tests/factories/booking";
import {
  makeApplicants,
  makeOrganization,
  makePosting,
  makeStaff,
  NOW,
} from "#tests/factories/jobs";
import { makeResidents } from "#tests/factories/residents";

const db = getDb();
const overlapping = inject("databaseEngine") === "postgresql";
const ATTEMPTS = 100;
// 100 transactions queue for a pool of 10 connections: on a busy machine the default 2 s wait for
// a connection is not enough (the capability's own transactions wait longer too)
const RACE_TX = { maxWait: 20_000, timeout: 20_000 };

beforeAll(() => setTestNow(NOW));

/** Starts every attempt in the same turn of the event loop, so they compete for real. */
function race<T>(attempts: number, attempt: (i: number) => Promise<T>): Promise<T[]> {
  return Promise.all(Array.from({ length: attempts }, (_, i) => attempt(i)));
}

const residents = (count: number) => makeResidents(count, { birthDate: "2000-01-01" });

async function slotOfThree() {
  const place = await makePlace();
  const service = await makeService(place.id);
  const slot = await makeSlot(service.id, "2026-12-04", "10:00", { capacity: 3 });
  return { service, slot };
}

/** The booking step with the guard removed: read how many are booked, then book if it looked free. */
async function bookReadThenWrite(slotId: string, residentId: string): Promise<boolean> {
  return db.$transaction(async (tx) => {
    const slot = await tx.slot.findUniqueOrThrow({
      where: { id: slotId },
      select: { bookedCount: true, capacity: true },
    });
    if (slot.bookedCount >= slot.capacity) return false;
    await tx.booking.create({
      data: { slotId, residentId, liveKey: `${slotId}:${residentId}`, idempotencyKey: KEY() },
    });
    await tx.slot.update({ where: { id: slotId }, data: { bookedCount: slot.bookedCount + 1 } });
    return true;
  }, RACE_TX);
}

/** The selection step with the guard removed: count the selected, then select if below the quota. */
async function selectReadThenWrite(postingId: string, applicationId: string): Promise<boolean> {
  return db.$transaction(async (tx) => {
    const posting = await tx.posting.findUniqueOrThrow({
      where: { id: postingId },
      select: { positions: true },
    });
    const selected = await tx.application.count({ where: { postingId, status: "selected" } });
    if (selected >= posting.positions) return false;
    await tx.application.update({ where: { id: applicationId }, data: { status: "selected" } });
    await tx.posting.update({ where: { id: postingId }, data: { selectedCount: selected + 1 } });
    return true;
  }, RACE_TX);
}

describe("booking a slot of capacity 3, 100 residents at once", () => {
  it("through the capability: exactly 3 booked, 97 told it is full", async () => {
    const { service, slot } = await slotOfThree();
    const people = await residents(ATTEMPTS);
    const outcomes = await race(ATTEMPTS, (i) =>
      bookSlot({
        residentId: people[i]!.id,
        serviceSlug: service.slug,
        slotId: slot.id,
        idempotencyKey: KEY(),
        now: NOW,
        ip: null,
      }),
    );
    expect(outcomes.filter((o) => o.ok)).toHaveLength(3);
    expect(outcomes.filter((o) => !o.ok && o.code === "full")).toHaveLength(ATTEMPTS - 3);
    expect(await slotCounts(slot.id)).toMatchObject({ bookedCount: 3, confirmed: 3 });
  });

  it.runIf(overlapping)("negative control: read-then-write oversells the same race", async () => {
    const { slot } = await slotOfThree();
    const people = await residents(ATTEMPTS);
    const taken = await race(ATTEMPTS, (i) => bookReadThenWrite(slot.id, people[i]!.id));
    const confirmed = await db.booking.count({ where: { slotId: slot.id } });
    expect(taken.filter(Boolean).length).toBe(confirmed);
    expect(confirmed).toBeGreaterThan(3);
  });
});

describe("selecting on a posting with 5 positions, 100 decisions at once", () => {
  async function postingWithApplicants() {
    const org = await makeOrganization(`기관 ${crypto.randomUUID().slice(0, 6)}`);
    const staff = await makeStaff(org.id);
    const posting = await makePosting(org.id, { positions: 5 });
    const applications = await makeApplicants({ postingId: posting.id }, ATTEMPTS);
    return { staff, posting, applications };
  }

  it("through the capability: exactly 5 selected, 95 told the positions are filled", async () => {
    const { staff, posting, applications } = await postingWithApplicants();
    const outcomes = await race(ATTEMPTS, (i) =>
      decideApplication(
        staff.user,
        { postingId: posting.id },
        { applicationId: applications[i]!, decision: "select" },
        { now: NOW, ip: null },
      ),
    );
    expect(outcomes.filter((o) => o.ok)).toHaveLength(5);
    expect(
      await db.application.count({ where: { postingId: posting.id, status: "selected" } }),
    ).toBe(5);
  });

  it.runIf(overlapping)(
    "negative control: count-then-select selects beyond the quota",
    async () => {
      const { posting, applications } = await postingWithApplicants();
      await race(ATTEMPTS, (i) => selectReadThenWrite(posting.id, applications[i]!));
      expect(
        await db.application.count({ where: { postingId: posting.id, status: "selected" } }),
      ).toBeGreaterThan(5);
    },
  );
});
