// patches/@prisma+adapter-better-sqlite3+*.patch: the SQLite adapter prepares each statement once
// per connection and keeps the 500 used last, instead of preparing it again for every query
// (decision 0013). Arguments are given on each run, so a kept statement answers each query with
// its own arguments, in both of the package's builds.
import fs from "node:fs";
import { createRequire } from "node:module";
import os from "node:os";
import path from "node:path";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import Database from "better-sqlite3";
import { afterEach, describe, expect, it, vi } from "vitest";

const require = createRequire(import.meta.url);
const builds = {
  "ES module": PrismaBetterSQLite3,
  CommonJS: (
    require("@prisma/adapter-better-sqlite3") as { PrismaBetterSQLite3: typeof PrismaBetterSQLite3 }
  ).PrismaBetterSQLite3,
};

const query = (sql: string, args: unknown[] = []) => ({
  sql,
  args,
  argTypes: args.map((arg) => (typeof arg === "number" ? "Int32" : "Text")) as never,
});

let directory: string | undefined;
afterEach(() => {
  vi.restoreAllMocks();
  if (directory) fs.rmSync(directory, { recursive: true, force: true });
  directory = undefined;
});

async function connect(Factory: typeof PrismaBetterSQLite3) {
  directory = fs.mkdtempSync(path.join(os.tmpdir(), "adapter-patch-"));
  const adapter = await new Factory({ url: `file:${path.join(directory, "test.db")}` }).connect();
  await adapter.executeScript(
    "CREATE TABLE item (id INTEGER PRIMARY KEY, name TEXT NOT NULL);" +
      "INSERT INTO item (id, name) VALUES (1, 'one'), (2, 'two'), (3, 'three');",
  );
  return adapter;
}

describe.each(Object.entries(builds))("the SQLite adapter's %s build", (_build, Factory) => {
  it("prepares a statement once and answers each query with its own arguments", async () => {
    const adapter = await connect(Factory);
    const prepare = vi.spyOn(Database.prototype, "prepare");
    const select = "SELECT name FROM item WHERE id = ?";
    const names = [];
    for (const id of [1, 2, 3, 2, 1])
      names.push((await adapter.queryRaw(query(select, [id]))).rows);
    expect(names).toEqual([[["one"]], [["two"]], [["three"]], [["two"]], [["one"]]]);
    const update = "UPDATE item SET name = ? WHERE id = ?";
    expect(await adapter.executeRaw(query(update, ["uno", 1]))).toBe(1);
    expect(await adapter.executeRaw(query(update, ["dos", 2]))).toBe(1);
    expect((await adapter.queryRaw(query("SELECT name FROM item ORDER BY id"))).rows).toEqual([
      ["uno"],
      ["dos"],
      ["three"],
    ]);
    const prepared = prepare.mock.calls.map(([sql]) => sql);
    expect(prepared.filter((sql) => sql === select)).toHaveLength(1);
    expect(prepared.filter((sql) => sql === update)).toHaveLength(1);
    await adapter.dispose();
  });

  it("keeps the 500 statements used last: the oldest is prepared again", async () => {
    const adapter = await connect(Factory);
    const prepare = vi.spyOn(Database.prototype, "prepare");
    const nth = (n: number) => `SELECT ${n} AS n, name FROM item WHERE id = ?`;
    for (let n = 0; n <= 500; n += 1) await adapter.queryRaw(query(nth(n), [1]));
    await adapter.queryRaw(query(nth(500), [2]));
    await adapter.queryRaw(query(nth(0), [3]));
    const prepared = prepare.mock.calls.map(([sql]) => sql);
    expect(prepared.filter((sql) => sql === nth(500))).toHaveLength(1);
    expect(prepared.filter((sql) => sql === nth(0))).toHaveLength(2);
    await adapter.dispose();
  });

  it("reports a failed statement and runs it again afterwards", async () => {
    const adapter = await connect(Factory);
    const insert = "INSERT INTO item (id, name) VALUES (?, ?)";
    await expect(adapter.executeRaw(query(insert, [1, "again"]))).rejects.toThrow();
    expect(await adapter.executeRaw(query(insert, [4, "four"]))).toBe(1);
    await adapter.dispose();
  });
});
