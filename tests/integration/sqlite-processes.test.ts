// Two processes writing one SQLite file (a server and `npm run jobs`, or two servers): a
// transaction that read before the other process wrote must still be able to write. With a
// deferred BEGIN, SQLite refuses that transaction's first write at once (SQLITE_BUSY_SNAPSHOT), and
// no busy timeout waits it out; the portal's transactions begin IMMEDIATE instead.
import { spawn, type ChildProcessWithoutNullStreams } from "node:child_process";
import { createInterface } from "node:readline";
import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { getDb } from "~/utils/db.server";
import { databaseFileFromUrl } from "~/utils/env.server";

const sqlite = inject("databaseEngine") === "sqlite";
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Another process with its own connection to the file; each `write()` adds one row there. */
function otherProcess(file: string) {
  const script = `
    const db = new (require("better-sqlite3"))(process.argv[1], { timeout: 5000 });
    require("node:readline").createInterface({ input: process.stdin }).on("line", () => {
      try {
        db.prepare("INSERT INTO other_process_rows (at) VALUES (?)").run(Date.now());
        console.log("wrote");
      } catch (error) {
        console.log("failed " + error.code);
      }
    });`;
  const child: ChildProcessWithoutNullStreams = spawn(process.execPath, ["-e", script, file]);
  const answers: Array<(line: string) => void> = [];
  createInterface({ input: child.stdout }).on("line", (line) => answers.shift()?.(line));
  return {
    write: () =>
      new Promise<string>((resolve) => {
        answers.push(resolve);
        child.stdin.write("write\n");
      }),
    stop: () => child.kill(),
  };
}

describe.runIf(sqlite)("a transaction while another process writes the same SQLite file", () => {
  const db = getDb();
  const file = databaseFileFromUrl(process.env.DATABASE_URL!);
  let other: ReturnType<typeof otherProcess>;

  beforeAll(async () => {
    await db.$executeRawUnsafe("CREATE TABLE other_process_rows (at INTEGER NOT NULL)");
    other = otherProcess(file);
    expect(await other.write()).toBe("wrote");
  });
  afterAll(() => other?.stop());

  it("writes after reading: the other process waits for it, and both rows are kept", async () => {
    const email = "two-processes@example.test";
    const { otherMeanwhile, otherWrite } = await db.$transaction(
      async (tx) => {
        await tx.loginAttempt.count({ where: { email } });
        const otherWrite = other.write();
        const otherMeanwhile = await Promise.race([otherWrite, pause(1_000).then(() => "waiting")]);
        await tx.loginAttempt.create({ data: { email, ip: "1", succeeded: false } });
        return { otherMeanwhile, otherWrite };
      },
      { timeout: 20_000 },
    );
    expect(otherMeanwhile).toBe("waiting");
    expect(await otherWrite).toBe("wrote");
    expect(await db.loginAttempt.count({ where: { email } })).toBe(1);
    const [{ rows }] = await db.$queryRawUnsafe<[{ rows: bigint | number }]>(
      "SELECT count(*) AS rows FROM other_process_rows",
    );
    expect(Number(rows)).toBe(2);
  });

  it("negative control: a deferred BEGIN that read before the other process wrote cannot write", async () => {
    const connection = new Database(file, { timeout: 5_000 });
    try {
      connection.exec("BEGIN");
      connection.prepare("SELECT count(*) FROM LoginAttempt").get();
      expect(await other.write()).toBe("wrote");
      let refused: unknown;
      try {
        connection.prepare("INSERT INTO other_process_rows (at) VALUES (0)").run();
      } catch (error) {
        refused = error;
      }
      expect((refused as { code?: string } | undefined)?.code).toBe("SQLITE_BUSY_SNAPSHOT");
    } finally {
      if (connection.inTransaction) connection.exec("ROLLBACK");
      connection.close();
    }
  });
});
