// One SQLite connection serves the whole process: a statement made outside a transaction must not
// run inside someone else's open transaction, where it would read rows that are then rolled back,
// or be rolled back with it after its caller was told it succeeded. (Without the serialising
// adapter wrapper, this test saw about 13 phantom reads and 14 lost writes in its 20 rounds.)
import { expect, it } from "vitest";
import { getDb } from "~/utils/db.server";

const db = getDb();
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

it("statements outside a failing transaction neither see its rows nor vanish with it", async () => {
  let phantomReads = 0;
  let lostWrites = 0;
  // Start the outside statements at different moments of the other transaction's life.
  for (let delay = 0; delay < 60; delay += 3) {
    const email = `round-${delay}@example.test`;
    const failing = db
      .$transaction(async (tx) => {
        await tx.loginAttempt.create({
          data: { email: `${email}.inside`, ip: "1", succeeded: false },
        });
        await pause(40);
        throw new Error("rolled back on purpose");
      })
      .catch(() => "failed");
    await pause(delay);
    const seen = await db.loginAttempt.count({ where: { email: `${email}.inside` } });
    await db.loginAttempt.create({
      data: { email: `${email}.outside`, ip: "2", succeeded: false },
    });
    expect(await failing).toBe("failed");
    if (seen > 0) phantomReads += 1;
    if ((await db.loginAttempt.count({ where: { email: `${email}.outside` } })) === 0)
      lostWrites += 1;
  }
  expect({ phantomReads, lostWrites }).toEqual({ phantomReads: 0, lostWrites: 0 });
});
