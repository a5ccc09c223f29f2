// The database client's rules that keep one bad moment from freezing the site, on either engine:
// a failed COMMIT hands the connection on, the global client cannot be used inside a transaction,
// and searching by text ignores case.
import { describe, expect, it } from "vitest";
import { containsText, currentEngine, getDb } from "~/utils/db.server";
import { makeResident } from "#tests/factories/residents";

const db = getDb();
const within = <T>(ms: number, work: Promise<T>) =>
  Promise.race([
    work,
    new Promise<never>((_, reject) =>
      setTimeout(() => reject(new Error(`still waiting after ${ms} ms`)), ms),
    ),
  ]);

describe("transactions", () => {
  it.skipIf(currentEngine() !== "sqlite")(
    "a COMMIT that fails (a deferred foreign key) hands the connection on: the next queries answer",
    async () => {
      // Without the queue releasing on a failed COMMIT the engine never calls commit()/rollback()
      // and every later statement of the process waits forever (prisma/orm#29933).
      const failed = await db
        .$transaction(async (tx) => {
          await tx.$executeRawUnsafe("PRAGMA defer_foreign_keys = ON");
          await tx.session.create({
            data: { residentId: "no-such-resident", expiresAt: new Date(Date.now() + 60_000) },
          });
        })
        .then(
          () => "committed",
          (error: Error) => error.message,
        );
      expect(failed).toMatch(/foreign ?key/i);
      expect(
        await within(3_000, db.session.count({ where: { residentId: "no-such-resident" } })),
      ).toBe(0);
      // …and the next transaction starts and commits.
      const resident = await within(3_000, makeResident({ name: "After the failure" }));
      expect(await db.resident.count({ where: { id: resident.id } })).toBe(1);
    },
  );

  it("refuses the global client inside a transaction instead of waiting for itself", async () => {
    const outcome = await within(
      3_000,
      db
        .$transaction(async () => {
          await getDb().resident.count();
        })
        .then(
          () => "ran",
          (error: Error) => error.message,
        ),
    );
    expect(outcome).toMatch(/inside a transaction: use the transaction's client/);
    // The client still works afterwards.
    expect(await db.resident.count()).toBeGreaterThanOrEqual(0);
  });
});

describe("text search", () => {
  it("ignores case on both engines", async () => {
    const resident = await makeResident({ name: "Park MinJi" });
    const found = await db.resident.findMany({
      where: { id: resident.id, name: containsText("minji") },
      select: { id: true },
    });
    expect(found).toEqual([{ id: resident.id }]);
  });
});
