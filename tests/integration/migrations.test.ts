// The committed migrations must produce exactly the schema the Prisma schema declares, on each
// engine: apply the migrations (prisma/migrations, or prisma/postgresql/migrations) to one fresh
// database, `prisma db push` the schema (prisma/schema.prisma, or its generated PostgreSQL copy) to
// another, and compare every table, column, index and foreign key. And the PostgreSQL copy of the
// schema must be the one generated from the SQLite one: lint refuses a stale copy.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import pg from "pg";
import { afterAll, describe, expect, inject, it } from "vitest";
import { dropDatabase, newDatabaseUrl } from "#tests/setup/databases";
import { migrateDatabase, pushSchema } from "#tests/setup/migrate";
import { ROOT } from "#tests/setup/paths";

type Shape = Record<string, unknown>;

function describeSqlite(url: string): Shape {
  const db = new Database(url.replace(/^file:/, ""), { readonly: true });
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

async function describePostgresql(url: string): Promise<Shape> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const rows = async (sql: string, values: unknown[] = []) =>
      (await client.query(sql, values)).rows;
    const tables = await rows(
      `SELECT table_name AS name FROM information_schema.tables
       WHERE table_schema = 'public' AND table_type = 'BASE TABLE' AND table_name <> '_prisma_migrations'
       ORDER BY table_name`,
    );
    const shape: Shape = {};
    for (const { name } of tables) {
      // By name, not position: PostgreSQL adds a column at the end of its table (ALTER TABLE …
      // ADD COLUMN), where `db push` writes the schema's order; the order means nothing to queries.
      const columns = await rows(
        `SELECT column_name, data_type, udt_name, is_nullable, column_default,
                character_maximum_length, numeric_precision, numeric_scale, datetime_precision,
                collation_name, is_identity, is_generated
         FROM information_schema.columns
         WHERE table_schema = 'public' AND table_name = $1
         ORDER BY column_name`,
        [name],
      );
      const indexes = await rows(
        `SELECT i.relname AS name, x.indisunique AS unique, x.indisprimary AS primary,
                pg_get_indexdef(x.indexrelid) AS definition,
                array(SELECT a.attname FROM unnest(x.indkey) WITH ORDINALITY AS k(attnum, n)
                      JOIN pg_attribute a ON a.attrelid = x.indrelid AND a.attnum = k.attnum
                      ORDER BY k.n)::text[] AS columns
         FROM pg_index x
         JOIN pg_class i ON i.oid = x.indexrelid
         JOIN pg_class t ON t.oid = x.indrelid
         JOIN pg_namespace s ON s.oid = t.relnamespace
         WHERE s.nspname = 'public' AND t.relname = $1
         ORDER BY i.relname`,
        [name],
      );
      const constraints = await rows(
        `SELECT c.conname AS name, c.contype AS type, pg_get_constraintdef(c.oid) AS definition
         FROM pg_constraint c
         JOIN pg_class t ON t.oid = c.conrelid
         JOIN pg_namespace s ON s.oid = t.relnamespace
         WHERE s.nspname = 'public' AND t.relname = $1
         ORDER BY c.conname`,
        [name],
      );
      const foreignKeys = constraints.filter((c) => c.type === "f");
      shape[name] = { columns, indexes, foreignKeys, constraints };
    }
    shape["(enums)"] = await rows(
      `SELECT t.typname AS name, array_agg(e.enumlabel ORDER BY e.enumsortorder)::text[] AS labels
       FROM pg_type t JOIN pg_enum e ON e.enumtypid = t.oid GROUP BY t.typname ORDER BY t.typname`,
    );
    return shape;
  } finally {
    await client.end();
  }
}

const engine = inject("databaseEngine");
const migrated = newDatabaseUrl(engine, "migrated");
const pushed = newDatabaseUrl(engine, "pushed");

afterAll(async () => {
  await Promise.all([dropDatabase(migrated), dropDatabase(pushed)]);
});

describe(`migrations (${engine})`, () => {
  it("produce exactly the schema that the Prisma schema declares", async () => {
    await Promise.all([migrateDatabase(migrated), pushSchema(pushed)]);
    const describeSchema = engine === "sqlite" ? describeSqlite : describePostgresql;
    const fromMigrations = await describeSchema(migrated);
    const fromSchema = await describeSchema(pushed);
    expect(Object.keys(fromMigrations)).toEqual(Object.keys(fromSchema));
    expect(Object.keys(fromMigrations)).toContain("Booking");
    expect((fromMigrations.Booking as { foreignKeys: unknown[] }).foreignKeys).not.toHaveLength(0);
    expect(fromMigrations).toEqual(fromSchema);
  });
});

describe.runIf(engine === "sqlite")("the PostgreSQL schema", () => {
  const check = (root: string) =>
    spawnSync(process.execPath, [path.join(root, "scripts/postgresql-schema.js"), "--check"], {
      encoding: "utf8",
    });

  it("is the one generated from prisma/schema.prisma", () => {
    const result = check(ROOT);
    expect(result.stderr).toBe("");
    expect(result.status).toBe(0);
  });

  it("fails the check, and so lint, when it is stale", () => {
    // a copy of the script and both schemas, the PostgreSQL one missing a model
    const copy = fs.mkdtempSync(path.join(os.tmpdir(), "schema-check-"));
    try {
      for (const file of [
        "scripts/postgresql-schema.js",
        "prisma/schema.prisma",
        "prisma/postgresql/schema.prisma",
      ]) {
        fs.mkdirSync(path.dirname(path.join(copy, file)), { recursive: true });
        fs.copyFileSync(path.join(ROOT, file), path.join(copy, file));
      }
      expect(check(copy).status).toBe(0);
      const target = path.join(copy, "prisma/postgresql/schema.prisma");
      fs.writeFileSync(
        target,
        fs.readFileSync(target, "utf8").replace(/model TaskLease \{[^}]*\}/, ""),
      );
      const stale = check(copy);
      expect(stale.status).toBe(1);
      expect(stale.stderr).toContain("stale");
    } finally {
      fs.rmSync(copy, { recursive: true, force: true });
    }
    const scripts = JSON.parse(fs.readFileSync(path.join(ROOT, "package.json"), "utf8")).scripts;
    expect(scripts.lint).toMatch(/^node scripts\/postgresql-schema\.js --check && /);
  });
});
