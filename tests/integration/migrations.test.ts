// The committed migrations must produce exactly the schema in prisma/schema.prisma: apply the
// migrations to one fresh database, `prisma db push` the schema to another, and compare every
// table, column, index and foreign key.
import Database from "better-sqlite3";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { migrateDatabase, pushSchema } from "#tests/setup/migrate";
import { TMP } from "#tests/setup/paths";
import fs from "node:fs";

type Shape = Record<string, unknown>;

function describeSchema(file: string): Shape {
  const db = new Database(file, { readonly: true });
  try {
    const tables = db
      .prepare(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name != '_prisma_migrations' ORDER BY name",
      )
      .all() as { name: string }[];
    const shape: Shape = {};
    for (const { name } of tables) {
      const columns = db.prepare(`PRAGMA table_info("${name}")`).all();
      const indexes = (
        db.prepare(`PRAGMA index_list("${name}")`).all() as {
          name: string;
          unique: number;
          origin: string;
        }[]
      )
        .map((index) => ({
          name: index.name,
          unique: index.unique,
          origin: index.origin,
          columns: (
            db.prepare(`PRAGMA index_info("${index.name}")`).all() as { name: string }[]
          ).map((c) => c.name),
        }))
        .sort((a, b) => a.name.localeCompare(b.name));
      const foreignKeys = db.prepare(`PRAGMA foreign_key_list("${name}")`).all();
      shape[name] = { columns, indexes, foreignKeys };
    }
    return shape;
  } finally {
    db.close();
  }
}

const migrated = path.join(TMP, `migrated-${process.pid}.db`);
const pushed = path.join(TMP, `pushed-${process.pid}.db`);

afterAll(() => {
  for (const file of [migrated, pushed]) fs.rmSync(file, { force: true });
});

describe("migrations", () => {
  it("produce exactly the schema that prisma/schema.prisma declares", async () => {
    migrateDatabase(migrated);
    await pushSchema(pushed);
    const fromMigrations = describeSchema(migrated);
    const fromSchema = describeSchema(pushed);
    expect(Object.keys(fromMigrations)).toEqual(Object.keys(fromSchema));
    expect(Object.keys(fromMigrations)).toContain("Booking");
    expect(fromMigrations).toEqual(fromSchema);
  });
});
