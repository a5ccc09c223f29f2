// Overload is "busy, try again", not a fault: a transaction that finds no connection (PostgreSQL,
// pool exhausted) or no turn (SQLite, one connection) within its wait is answered 503 with
// Retry-After instead of a 500 (Prisma's P2028).
import { afterAll, describe, expect, it } from "vitest";
import { closeDatabase, openDatabase } from "~/utils/db.server";

const connection = openDatabase(process.env.DATABASE_URL!, { poolSize: 1 });
afterAll(() => closeDatabase(connection));

describe("a transaction that cannot start in time", () => {
  it("is answered 503 with Retry-After while another holds the only connection", async () => {
    const db = connection.client;
    let release = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    let started = () => {};
    const holding = new Promise<void>((resolve) => (started = resolve));
    const first = db.$transaction(
      async (tx) => {
        await tx.place.count();
        started();
        await held;
      },
      { maxWait: 5_000, timeout: 20_000 },
    );
    await holding;

    // Prisma gives up on a transaction that waited longer than maxWait once it gets its turn
    const second = db
      .$transaction(async (tx) => tx.place.count(), { maxWait: 200 })
      .then(
        () => null,
        (thrown: unknown) => thrown,
      );
    await new Promise((resolve) => setTimeout(resolve, 500));
    release();
    await first;
    const refused = await second;

    expect(refused).toBeInstanceOf(Response);
    const response = refused as Response;
    expect(response.status).toBe(503);
    expect(Number(response.headers.get("Retry-After"))).toBeGreaterThan(0);

    // and once the connection is free again, work goes on
    await expect(db.$transaction(async (tx) => tx.place.count())).resolves.toBeGreaterThanOrEqual(
      0,
    );
  });
});
