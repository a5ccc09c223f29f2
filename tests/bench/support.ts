// Benchmark harness: each tests/bench/*.bench.ts seeds its own database, starts the production
// build with server.js, loads it with autocannon and prints its figures. Run with `npm run bench`
// (never in CI: timing depends on the machine), which wraps run.ts in scripts/postgresql-cluster.js
// so that a throwaway PostgreSQL server is there for the benchmarks that compare engines
// (TEST_POSTGRESQL_URL; with TEST_ENGINES=sqlite there is none and they say so).
import { execFileSync, spawn, spawnSync, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import http from "node:http";
import net from "node:net";
import path from "node:path";
import zlib from "node:zlib";
import autocannon from "autocannon";
import { closeDatabase, openDatabase, type Db } from "../../app/utils/db.server";
import { dropDatabase, newDatabaseUrl, type DatabaseEngine } from "../setup/databases";
import { migrateDatabase } from "../setup/migrate";
import { ROOT, TMP, serverNodeOptions } from "../setup/paths";

export type BenchDatabase = {
  /** the DATABASE_URL to give the server */
  url: string;
  engine: DatabaseEngine;
  /** a client with the app's rules (openDatabase), for seeding and for checking afterwards */
  db: Db;
  /** closes `db` (the database stays) */
  close: () => Promise<void>;
  /** PostgreSQL: drops the database; SQLite: keeps the file (tests/.tmp/bench-<name>.db) to look at */
  drop: () => Promise<void>;
};

/** Whether a PostgreSQL server is there to benchmark on (npm run bench starts one). */
export function postgresqlAvailable(): boolean {
  return Boolean(process.env.TEST_POSTGRESQL_URL);
}

/**
 * A freshly migrated database for a benchmark: on SQLite the file tests/.tmp/bench-<name>.db
 * (replaced on every run), on PostgreSQL a new database on TEST_POSTGRESQL_URL's server.
 */
export async function benchDatabase(
  name: string,
  engine: DatabaseEngine = "sqlite",
  options: { poolSize?: number } = {},
): Promise<BenchDatabase> {
  const url =
    engine === "sqlite"
      ? `file:${path.join(TMP, `bench-${name}.db`)}`
      : newDatabaseUrl("postgresql", `bench_${name.replace(/[^a-z0-9]/gi, "_").toLowerCase()}`);
  await migrateDatabase(url);
  const connection = openDatabase(url, { poolSize: options.poolSize ?? 10 });
  let closed = false;
  const close = async () => {
    if (closed) return;
    closed = true;
    await closeDatabase(connection);
  };
  return {
    url,
    engine,
    db: connection.client,
    close,
    drop: async () => {
      await close();
      if (engine === "postgresql") await dropDatabase(url);
    },
  };
}

/** SQLite with one process (A), PostgreSQL with one (B) and two (C): issue 12's three set-ups. */
export type Configuration = { key: string; label: string; engine: DatabaseEngine; workers: number };
const CONFIGURATIONS: Configuration[] = [
  { key: "A", label: "A: SQLite, 1 process", engine: "sqlite", workers: 1 },
  { key: "B", label: "B: PostgreSQL, 1 process", engine: "postgresql", workers: 1 },
  { key: "C", label: "C: PostgreSQL, 2 processes", engine: "postgresql", workers: 2 },
];

/** The configurations named in `variable` (e.g. "A,C"), all three when it is not set. */
export function chosenConfigurations(variable: string): Configuration[] {
  const chosen = (process.env[variable] ?? "A,B,C").toUpperCase().split(",");
  return CONFIGURATIONS.filter((c) => chosen.includes(c.key));
}

/**
 * A bookable service of its own at the Youth Job Center with `slots` back-to-back half-hour slots
 * from tomorrow on, so that no two overlap and a resident may book any of them. Slot ids in time
 * order.
 */
export async function loadTestService(
  db: Db,
  slug: string,
  options: { slots: number; capacity: number; now: Date },
) {
  const place = await db.place.findUniqueOrThrow({ where: { slug: "youth-job-center" } });
  const service = await db.service.create({
    data: {
      slug,
      placeId: place.id,
      kind: "counseling",
      nameKo: "부하 시험 상담",
      nameEn: "Load-test counseling",
      bookable: true,
      durationMinutes: 30,
    },
  });
  const firstStart = Math.ceil(options.now.getTime() / 86_400_000) * 86_400_000 + 86_400_000;
  await db.slot.createMany({
    data: Array.from({ length: options.slots }, (_, i) => ({
      serviceId: service.id,
      startsAt: new Date(firstStart + i * 30 * 60_000),
      endsAt: new Date(firstStart + (i + 1) * 30 * 60_000),
      capacity: options.capacity,
    })),
  });
  const slots = await db.slot.findMany({
    where: { serviceId: service.id },
    orderBy: { startsAt: "asc" },
    select: { id: true },
  });
  return { id: service.id, slug, slotIds: slots.map((s) => s.id), firstStart };
}

/**
 * GET /healthz on a connection of its own (a kept-alive one would always reach the same process;
 * node:cluster hands out new connections in turn).
 */
function healthOnNewConnection(url: string): Promise<{ ok: boolean; pid: number }> {
  return new Promise((resolve, reject) => {
    const request = http.get(url, { agent: false, timeout: 5000 }, (response) => {
      let body = "";
      response.setEncoding("utf8");
      response.on("data", (chunk) => (body += chunk));
      response.on("end", () => {
        try {
          const parsed = JSON.parse(body) as { process?: { pid?: number } };
          resolve({ ok: response.statusCode === 200, pid: parsed.process?.pid ?? 0 });
        } catch (error) {
          reject(error);
        }
      });
    });
    request.on("timeout", () => request.destroy(new Error("timeout")));
    request.on("error", reject);
  });
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.on("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

export type RunningServer = {
  url: string;
  /** server processes answering (WEB_CONCURRENCY) */
  workers: number;
  /** what the server has printed so far (JSON log lines) */
  log: () => string;
  stop: () => Promise<void>;
  process: ChildProcess;
};

/**
 * The production build (npm run bench builds it first) on the database at `databaseUrl`
 * (file:… or postgresql://…; a bare path is taken as a SQLite file). With WEB_CONCURRENCY=N in
 * `env`, returns once N different processes have answered /healthz.
 */
export async function startServer(
  databaseUrl: string,
  env: Record<string, string> = {},
): Promise<RunningServer> {
  if (!fs.existsSync(path.join(ROOT, "build/server/index.js")))
    throw new Error("Build first: npm run build");
  const url = /^(file:|postgres(ql)?:\/\/)/.test(databaseUrl) ? databaseUrl : `file:${databaseUrl}`;
  const port = await freePort();
  // BENCH_SERVER_NODE_ARGS="--cpu-prof --cpu-prof-dir=/tmp/profiles" shows where the server
  // spends its time during a benchmark
  const nodeArgs = (process.env.BENCH_SERVER_NODE_ARGS ?? "").split(" ").filter(Boolean);
  const child = spawn(process.execPath, [...serverNodeOptions(), ...nodeArgs, "server.js"], {
    cwd: ROOT,
    env: {
      ...process.env,
      NODE_ENV: "production",
      DATABASE_URL: url,
      PORT: String(port),
      HOST: "127.0.0.1",
      LOG_REQUESTS: "false",
      SCHEDULER: "off",
      // the load comes from one address
      SIGNUP_MAX_PER_IP_PER_HOUR: "1000000",
      LOGIN_MAX_FAILURES_PER_IP: "1000000",
      ...env,
    },
    stdio: "pipe",
  });
  const watched = watchServer(child);
  const base = `http://127.0.0.1:${port}`;
  const workers = Number(env.WEB_CONCURRENCY ?? 1) || 1;
  const seen = new Set<number>();
  const deadline = Date.now() + 60_000;
  for (;;) {
    try {
      const health = await healthOnNewConnection(`${base}/healthz`);
      if (health.ok) {
        seen.add(health.pid);
        if (seen.size >= workers) break;
      }
    } catch {
      // starting
    }
    if (Date.now() > deadline || child.exitCode !== null) {
      // no server left behind (with WEB_CONCURRENCY > 1 the primary stops its workers)
      child.kill("SIGTERM");
      throw new Error(
        `server did not start (${seen.size}/${workers} processes answered):\n${watched.log()}`,
      );
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  return { url: base, workers, log: watched.log, process: child, stop: watched.stop };
}

/**
 * Keeps what a server child prints, and stops it: SIGTERM, then SIGKILL after 20 s, resolved once
 * it is gone (drained, so that the next server does not share the machine with this one).
 */
function watchServer(child: ChildProcess) {
  let log = "";
  child.stdout?.on("data", (c) => (log += c));
  child.stderr?.on("data", (c) => (log += c));
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  return {
    log: () => log,
    stop: async () => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill("SIGTERM");
      const timer = setTimeout(() => child.kill("SIGKILL"), 20_000);
      await exited;
      clearTimeout(timer);
    },
  };
}

export type LoadResult = {
  title: string;
  requestsPerSecond: number;
  p50: number;
  p95: number;
  p99: number;
  /** requests answered */
  total: number;
  /** connection errors and timeouts */
  errors: number;
  non2xx: number;
  /** answers 300–399 (counted in non2xx) */
  redirects: number;
  /** answers 400–499 */
  clientErrors: number;
  /** answers 500–599 */
  serverErrors: number;
};

/** The p-th percentile (nearest rank) of ascending `sorted`, rounded to 0.1. */
export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return 0;
  const index = Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1);
  return Math.round(sorted[Math.max(0, index)]! * 10) / 10;
}

/**
 * Loads one URL (or a request list) and returns throughput and exact latency percentiles (ms),
 * computed from every response time (autocannon's own summary has no p95).
 */
export async function load(title: string, options: autocannon.Options): Promise<LoadResult> {
  const times: number[] = [];
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon({ duration: 10, connections: 20, ...options }, (error, done) =>
      error ? reject(error) : resolve(done),
    );
    instance.on("response", (_client, _status, _bytes, responseTime) => times.push(responseTime));
  });
  times.sort((a, b) => a - b);
  return {
    title,
    requestsPerSecond: Math.round(result.requests.average),
    p50: percentile(times, 50),
    p95: percentile(times, 95),
    p99: percentile(times, 99),
    total: result.requests.total,
    errors: result.errors,
    non2xx: result.non2xx,
    redirects: result["3xx"],
    clientErrors: result["4xx"],
    serverErrors: result["5xx"],
  };
}

export function printResults(
  heading: string,
  results: LoadResult[],
  targets: Record<string, string> = {},
) {
  console.log(`\n## ${heading}`);
  console.table(
    results.map((r) => ({
      load: r.title,
      "req/s": r.requestsPerSecond,
      "p50 ms": r.p50,
      "p95 ms": r.p95,
      "p99 ms": r.p99,
      errors: r.errors,
      "non-2xx": r.non2xx,
      "5xx": r.serverErrors,
      target: targets[r.title] ?? "",
    })),
  );
}

/** JavaScript a page makes the browser load before any interaction, gzipped, in bytes. */
export async function initialJavaScriptBytes(
  pageUrl: string,
): Promise<{ files: number; gzipBytes: number }> {
  const html = await (await fetch(pageUrl)).text();
  const origin = new URL(pageUrl).origin;
  const sources = new Set<string>();
  for (const match of html.matchAll(/<(?:script|link)[^>]+(?:src|href)="([^"]+\.js)"/g))
    sources.add(match[1]!);
  for (const match of html.matchAll(/import\(?\s*["']([^"']+\.js)["']/g)) sources.add(match[1]!);
  let gzipBytes = 0;
  for (const source of sources) {
    const body = Buffer.from(await (await fetch(new URL(source, origin))).arrayBuffer());
    gzipBytes += zlib.gzipSync(body, { level: 9 }).length;
  }
  return { files: sources.size, gzipBytes };
}

// ───────────── the same-run reference: a bare Remix app ─────────────

const REFERENCE_DIR = path.join(ROOT, "tests/bench/reference");
const REFERENCE_BUILD = path.join(ROOT, "tests/.tmp/reference-build/server/index.js");

/**
 * The bare Remix app of tests/bench/reference (one route, a 50-item list from its loader),
 * built for production if it is not yet, served by the same Express + compression stack.
 */
export async function startReferenceServer(): Promise<RunningServer> {
  if (!fs.existsSync(REFERENCE_BUILD)) {
    const built = spawnSync(
      path.join(ROOT, "node_modules/.bin/remix"),
      ["vite:build", "--config", path.join(REFERENCE_DIR, "vite.config.ts")],
      { cwd: ROOT, stdio: "inherit" },
    );
    if (built.status !== 0) throw new Error("could not build the reference app");
  }
  const port = await freePort();
  // the same Node options as the portal: the comparison is of the apps, not of their settings
  const child = spawn(
    process.execPath,
    [...serverNodeOptions(), path.join(REFERENCE_DIR, "server.js")],
    {
      cwd: ROOT,
      env: { ...process.env, NODE_ENV: "production", PORT: String(port), HOST: "127.0.0.1" },
      stdio: "pipe",
    },
  );
  const watched = watchServer(child);
  const base = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 30_000;
  for (;;) {
    try {
      if ((await fetch(`${base}/healthz`)).ok) break;
    } catch {
      // starting
    }
    if (Date.now() > deadline || child.exitCode !== null) {
      child.kill("SIGTERM");
      throw new Error(`reference server did not start:\n${watched.log()}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  return { url: base, workers: 1, log: watched.log, process: child, stop: watched.stop };
}

export type Compared = {
  title: string;
  /** the median run of the page and of the reference (by requests per second) */
  page: LoadResult;
  reference: LoadResult;
  /** page req/s ÷ reference req/s, of the medians */
  ratio: number;
};

const WARM_UP_S = 2;

const median = (runs: LoadResult[]) =>
  [...runs].sort((a, b) => a.requestsPerSecond - b.requestsPerSecond)[Math.floor(runs.length / 2)]!;

/**
 * A page against the reference, after a warm-up of each, run alternately (reference, page,
 * reference, page …) `rounds` times so that both see the same machine, and compared by their
 * medians.
 */
export async function compareWithReference(
  title: string,
  referenceUrl: string,
  page: autocannon.Options,
  /** `referenceHeaders`: sent to the reference too (Accept-Encoding, when the page gets it) */
  options: { rounds?: number; duration?: number; referenceHeaders?: Record<string, string> } = {},
): Promise<Compared> {
  const rounds = options.rounds ?? 3;
  const duration = options.duration ?? 5;
  const pageRuns: LoadResult[] = [];
  const referenceRuns: LoadResult[] = [];
  const reference = { url: referenceUrl, headers: options.referenceHeaders };
  // Warm both up first (not counted): the first requests of a route compile its module and run
  // cold code, which would otherwise land in the first round's p99.
  await load("reference warm-up", { ...reference, duration: WARM_UP_S });
  await load(`${title} warm-up`, { ...page, duration: WARM_UP_S });
  for (let round = 0; round < rounds; round += 1) {
    referenceRuns.push(await load("reference", { ...reference, duration }));
    pageRuns.push(await load(title, { duration, ...page }));
  }
  const pageMedian = median(pageRuns);
  const referenceMedian = median(referenceRuns);
  return {
    title,
    page: pageMedian,
    reference: referenceMedian,
    ratio:
      Math.round(
        (pageMedian.requestsPerSecond / Math.max(1, referenceMedian.requestsPerSecond)) * 100,
      ) / 100,
  };
}

export function printCompared(
  heading: string,
  rows: Compared[],
  targets: Record<string, string> = {},
) {
  console.log(`\n## ${heading}`);
  console.table(
    rows.map((row) => ({
      load: row.title,
      "req/s": row.page.requestsPerSecond,
      "÷ reference": row.ratio,
      "reference req/s": row.reference.requestsPerSecond,
      "p50 ms": row.page.p50,
      "p95 ms": row.page.p95,
      "p99 ms": row.page.p99,
      // the machine's own floor for the absolute target: the bare page's tail in the same run
      "reference p99 ms": row.reference.p99,
      "5xx": row.page.serverErrors,
      "non-2xx": row.page.non2xx,
      target: targets[row.title] ?? "",
    })),
  );
}

// CPU time, read from /proc (Linux): the server's processes (the cluster primary and its workers)
// and the PostgreSQL server's (the postmaster and its backends), so that the cost of a request can
// be told apart from how much of the machine other work left us. NaN where /proc is not there.
const CLOCK_TICKS = (() => {
  try {
    return Number(execFileSync("getconf", ["CLK_TCK"], { encoding: "utf8" }).trim()) || 100;
  } catch {
    return 100;
  }
})();

type ProcessRow = { pid: number; ppid: number; cpuMs: number; command: string };

function processTable(): ProcessRow[] {
  const rows: ProcessRow[] = [];
  for (const entry of fs.readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${entry}/stat`, "utf8");
      // the command (2nd field) is in parentheses and may hold spaces
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      const command = fs.readFileSync(`/proc/${entry}/cmdline`, "utf8").replace(/\0/g, " ");
      rows.push({
        pid: Number(entry),
        ppid: Number(fields[1]),
        cpuMs: ((Number(fields[11]) + Number(fields[12])) * 1000) / CLOCK_TICKS,
        command,
      });
    } catch {
      // ended meanwhile
    }
  }
  return rows;
}

/** CPU time (ms) of every process in the trees under `roots`, by pid. */
function treeCpu(table: ProcessRow[], roots: number[]): Map<number, number> {
  const children = new Map<number, number[]>();
  for (const row of table) children.set(row.ppid, [...(children.get(row.ppid) ?? []), row.pid]);
  const byPid = new Map(table.map((row) => [row.pid, row]));
  const cpu = new Map<number, number>();
  const stack = [...roots];
  while (stack.length > 0) {
    const pid = stack.pop()!;
    const row = byPid.get(pid);
    if (row) cpu.set(pid, row.cpuMs);
    stack.push(...(children.get(pid) ?? []));
  }
  return cpu;
}

export type CpuSample = {
  server: Map<number, number> | null;
  database: Map<number, number> | null;
  clientMs: number;
  at: number;
};

/** Samples the CPU time of the server's and the database server's processes and of this one. */
export function cpuSampler(serverPid: number, databaseUrl: string) {
  const port = databaseUrl.startsWith("postgres") ? new URL(databaseUrl).port : null;
  return (): CpuSample => {
    const client = process.cpuUsage();
    const clientMs = (client.user + client.system) / 1000;
    if (!fs.existsSync("/proc/self/stat"))
      return { server: null, database: null, clientMs, at: performance.now() };
    const table = processTable();
    // the postmaster of the server in the URL (its backends and helpers are its children)
    const postmasters = table
      .filter((r) => /\/postgres\s/.test(r.command) && r.command.includes(` -p ${port} `))
      .map((r) => r.pid);
    return {
      server: treeCpu(table, [serverPid]),
      database: postmasters.length > 0 ? treeCpu(table, postmasters) : null,
      clientMs,
      at: performance.now(),
    };
  };
}

export type CpuUse = { serverMs: number; databaseMs: number; clientMs: number; seconds: number };

/**
 * CPU time spent between two samples: per process, what it has now less what it had (all of it
 * for a process started meanwhile). A process that ended meanwhile (an idle connection closed,
 * say) is left out, so this errs low, never below zero.
 */
export function cpuBetween(before: CpuSample, after: CpuSample): CpuUse {
  const spent = (a: Map<number, number> | null, b: Map<number, number> | null) => {
    if (!a || !b) return NaN;
    let total = 0;
    for (const [pid, ms] of b) total += ms - (a.get(pid) ?? 0);
    return total;
  };
  return {
    serverMs: spent(before.server, after.server),
    databaseMs: spent(before.database, after.database),
    clientMs: after.clientMs - before.clientMs,
    seconds: (after.at - before.at) / 1000,
  };
}
