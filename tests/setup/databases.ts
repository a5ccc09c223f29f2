// Test databases on either engine, named by their URL (the app's DATABASE_URL):
//   file:<path>                     a SQLite file under tests/.tmp
//   postgresql://…/<database>       a database of the PostgreSQL server in TEST_POSTGRESQL_URL
// (scripts/postgresql-cluster.js starts a throwaway one for `npm test`).
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import pg from "pg";
import { databaseEngine, type DatabaseEngine } from "~/utils/env.server";
import { TMP } from "./paths";

export type { DatabaseEngine };

const SQLITE_SUFFIXES = ["", "-wal", "-shm", "-journal"];

/** The PostgreSQL server the tests may create databases on (no database in its path). */
function postgresqlServerUrl(): string {
  const url = process.env.TEST_POSTGRESQL_URL;
  if (!url) throw new Error("TEST_POSTGRESQL_URL is not set: run the tests through npm test");
  return url;
}

/** A URL for a new database called `<prefix>_<random>` (nothing is created yet). */
export function newDatabaseUrl(engine: DatabaseEngine, prefix: string): string {
  const name = `${prefix}_${process.pid}_${crypto.randomBytes(4).toString("hex")}`;
  if (engine === "sqlite") return `file:${path.join(TMP, `${name}.db`)}`;
  const url = new URL(postgresqlServerUrl());
  url.pathname = `/${name}`;
  return url.toString();
}

function sqliteFile(url: string): string {
  return url.replace(/^file:/, "");
}

function postgresqlParts(url: string) {
  const parsed = new URL(url);
  const name = decodeURIComponent(parsed.pathname.slice(1));
  if (!/^[a-z0-9_]+$/i.test(name)) throw new Error(`unexpected test database name: ${name}`);
  parsed.pathname = "/postgres";
  return { name, adminUrl: parsed.toString() };
}

async function onServer<T>(adminUrl: string, work: (client: pg.Client) => Promise<T>) {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

function alive(pid: number) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** SQLite: removes the files left by test runs that were interrupted (their process is gone). */
export function removeAbandonedSqliteFiles() {
  if (!fs.existsSync(TMP)) return;
  for (const file of fs.readdirSync(TMP)) {
    const pid = /^[a-z0-9]+_(\d+)_[0-9a-f]{8}\.db/.exec(file)?.[1];
    if (pid && !alive(Number(pid))) fs.rmSync(path.join(TMP, file), { force: true });
  }
}

/** SQLite: removes the database's files at once (also usable in an exit handler). */
export function removeSqliteFiles(url: string) {
  if (databaseEngine(url) !== "sqlite") return;
  for (const suffix of SQLITE_SUFFIXES) fs.rmSync(`${sqliteFile(url)}${suffix}`, { force: true });
}

/** Removes the database (closing anyone's connections to it); nothing happens when it is absent. */
export async function dropDatabase(url: string): Promise<void> {
  if (databaseEngine(url) === "sqlite") return removeSqliteFiles(url);
  const { name, adminUrl } = postgresqlParts(url);
  await onServer(adminUrl, (c) => c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
}

/** An empty database at `url` (dropped first if it exists). */
export async function createEmptyDatabase(url: string): Promise<void> {
  await dropDatabase(url);
  if (databaseEngine(url) === "sqlite") {
    fs.mkdirSync(path.dirname(sqliteFile(url)), { recursive: true });
    return;
  }
  const { name, adminUrl } = postgresqlParts(url);
  await onServer(adminUrl, (c) => c.query(`CREATE DATABASE "${name}"`));
}

/**
 * A copy of the template database at `url` (milliseconds on both engines, where migrating takes
 * seconds). On PostgreSQL nobody may be connected to the template meanwhile.
 */
export async function copyDatabase(templateUrl: string, url: string): Promise<void> {
  if (databaseEngine(url) !== databaseEngine(templateUrl)) throw new Error("one engine per copy");
  if (databaseEngine(url) === "sqlite") {
    fs.copyFileSync(sqliteFile(templateUrl), sqliteFile(url));
    return;
  }
  const template = postgresqlParts(templateUrl).name;
  const { name, adminUrl } = postgresqlParts(url);
  await onServer(adminUrl, (c) => c.query(`CREATE DATABASE "${name}" TEMPLATE "${template}"`));
}

/**
 * PostgreSQL: waits until nobody is connected to the database any more (a process that was just
 * ended leaves its server backend behind for a moment), so that it can serve as a template.
 */
export async function untilUnused(url: string): Promise<void> {
  if (databaseEngine(url) === "sqlite") return;
  const { name, adminUrl } = postgresqlParts(url);
  await onServer(adminUrl, async (c) => {
    const deadline = Date.now() + 10_000;
    for (;;) {
      const { rows } = await c.query<{ n: number }>(
        "SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = $1",
        [name],
      );
      if (rows[0]!.n === 0) return;
      if (Date.now() > deadline) throw new Error(`database ${name} is still in use`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  });
}
