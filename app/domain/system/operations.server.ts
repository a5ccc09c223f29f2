// What operators see of a running server: the process, the migration state (/healthz) and the
// database-backed figures of /metrics (outbox backlog, periodic-task lag). Read at request or
// scrape time, each behind a short cache so that frequent probes and scrapes cannot load the
// database.
import cluster from "node:cluster";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { now as clockNow } from "~/utils/clock.server";
import { currentEngine, getDb, poolStatistics, type DatabaseEngine } from "~/utils/db.server";

const MIGRATION_CACHE_MS = 10_000;
const SNAPSHOT_CACHE_MS = 5_000;

/** This process: its pid, its cluster worker id (0 when it runs alone) and how long it has run. */
export function processInfo() {
  return {
    pid: process.pid,
    worker: cluster.worker?.id ?? 0,
    uptimeSeconds: Math.round(process.uptime()),
  };
}

export function databaseEngineName(): DatabaseEngine {
  return currentEngine();
}

/**
 * The folder holding package.json and prisma/: found upwards from this module (app/domain/system
 * in development and tests, build/server in production), else the working directory.
 */
function findAppRoot(): string {
  let directory = path.dirname(fileURLToPath(import.meta.url));
  for (;;) {
    if (
      fs.existsSync(path.join(directory, "package.json")) &&
      fs.existsSync(path.join(directory, "prisma", "migrations"))
    )
      return directory;
    const parent = path.dirname(directory);
    if (parent === directory) return process.cwd();
    directory = parent;
  }
}

const appRoot = findAppRoot();
const expectedByEngine = new Map<DatabaseEngine, string[]>();

/** The migrations this code expects for an engine: the folders of its migrations directory. */
function expectedMigrations(engine: DatabaseEngine): string[] {
  let names = expectedByEngine.get(engine);
  if (!names) {
    const directory =
      engine === "postgresql"
        ? path.join(appRoot, "prisma", "postgresql", "migrations")
        : path.join(appRoot, "prisma", "migrations");
    names = fs
      .readdirSync(directory, { withFileTypes: true })
      .filter((entry) => entry.isDirectory())
      .map((entry) => entry.name)
      .sort();
    expectedByEngine.set(engine, names);
  }
  return names;
}

export type MigrationState = {
  engine: DatabaseEngine;
  applied: number;
  expected: number;
  /** expected migrations the database has not applied (or whose application failed) */
  pending: string[];
};

let migrationCache: { at: number; state: MigrationState } | undefined;

/**
 * Applied vs expected migrations, from Prisma's own `_prisma_migrations` table (not part of the
 * model, hence the raw SQL; the same on both engines). Cached for a few seconds; a failure (the
 * database unreachable) is thrown and not cached.
 */
export async function migrationState(): Promise<MigrationState> {
  if (migrationCache && Date.now() - migrationCache.at < MIGRATION_CACHE_MS)
    return migrationCache.state;
  const engine = currentEngine();
  const rows = await getDb().$queryRaw<{ migration_name: string }[]>`
    SELECT migration_name FROM _prisma_migrations
    WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`;
  const applied = new Set(rows.map((row) => row.migration_name));
  const expected = expectedMigrations(engine);
  const state: MigrationState = {
    engine,
    applied: applied.size,
    expected: expected.length,
    pending: expected.filter((name) => !applied.has(name)),
  };
  migrationCache = { at: Date.now(), state };
  return state;
}

export type OperationalSnapshot = {
  outbox: { due: number; pending: number; sending: number; failed: number };
  tasks: { name: string; lagSeconds: number | null; failures: number }[];
};

let snapshotCache: { at: number; value: Promise<OperationalSnapshot> } | undefined;

/**
 * The outbox backlog (pending and due now, all pending, claimed, failed; "due" on the app's clock)
 * and how long ago each periodic task last finished (real time, like the leases). Concurrent callers share one read.
 */
export function operationalSnapshot(): Promise<OperationalSnapshot> {
  if (snapshotCache && Date.now() - snapshotCache.at < SNAPSHOT_CACHE_MS)
    return snapshotCache.value;
  const value = readSnapshot(clockNow());
  snapshotCache = { at: Date.now(), value };
  value.catch(() => {
    if (snapshotCache?.value === value) snapshotCache = undefined;
  });
  return value;
}

async function readSnapshot(now: Date): Promise<OperationalSnapshot> {
  const db = getDb();
  const [byStatus, due, leases] = await Promise.all([
    db.notification.groupBy({
      by: ["status"],
      where: { status: { in: ["pending", "sending", "failed"] } },
      _count: { _all: true },
    }),
    db.notification.count({ where: { status: "pending", sendAfter: { lte: now } } }),
    db.taskLease.findMany({
      select: { name: true, lastFinishedAt: true, failures: true },
      orderBy: { name: "asc" },
    }),
  ]);
  const count = (status: string) => byStatus.find((row) => row.status === status)?._count._all ?? 0;
  return {
    outbox: { due, pending: count("pending"), sending: count("sending"), failed: count("failed") },
    tasks: leases.map((lease) => ({
      name: lease.name,
      lagSeconds: lease.lastFinishedAt
        ? // leases are kept in real time (tasks.server.ts), whatever the app's clock says
          Math.max(0, (Date.now() - lease.lastFinishedAt.getTime()) / 1000)
        : null,
      failures: lease.failures,
    })),
  };
}

/** Database connections of this process (PostgreSQL pool, or the one SQLite connection). */
export { poolStatistics };
