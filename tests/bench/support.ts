// Benchmark harness: each tests/bench/*.bench.ts seeds its own database, starts the production
// build with server.js, loads it with autocannon and prints its figures. Run with `npm run bench`
// (never in CI: timing depends on the machine).
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import path from "node:path";
import zlib from "node:zlib";
import autocannon from "autocannon";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaClient } from "../../app/generated/prisma/client";
import { migrateDatabase } from "../setup/migrate";
import { ROOT, TMP } from "../setup/paths";

export async function benchDatabase(name: string) {
  const file = path.join(TMP, `bench-${name}.db`);
  await migrateDatabase(file);
  const db = new PrismaClient({ adapter: new PrismaBetterSQLite3({ url: `file:${file}` }) });
  return { file, db };
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

export type RunningServer = { url: string; stop: () => Promise<void>; process: ChildProcess };

/** The production build (npm run bench builds it first) on `databaseFile`. */
export async function startServer(
  databaseFile: string,
  env: Record<string, string> = {},
): Promise<RunningServer> {
  if (!fs.existsSync(path.join(ROOT, "build/server/index.js")))
    throw new Error("Build first: npm run build");
  const port = await freePort();
  let log = "";
  // BENCH_SERVER_NODE_ARGS="--cpu-prof --cpu-prof-dir=/tmp/profiles" shows where the server
  // spends its time during a benchmark
  const nodeArgs = (process.env.BENCH_SERVER_NODE_ARGS ?? "").split(" ").filter(Boolean);
  const child = spawn(process.execPath, [...nodeArgs, "server.js"], {
    cwd: ROOT,
    env: {
      ...process.env,
      NODE_ENV: "production",
      DATABASE_URL: `file:${databaseFile}`,
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
  child.stdout?.on("data", (c) => (log += c));
  child.stderr?.on("data", (c) => (log += c));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 30_000;
  for (;;) {
    try {
      if ((await fetch(`${url}/healthz`)).ok) break;
    } catch {
      // starting
    }
    if (Date.now() > deadline || child.exitCode !== null)
      throw new Error(`server did not start:\n${log}`);
    await new Promise((r) => setTimeout(r, 200));
  }
  return {
    url,
    process: child,
    stop: async () => {
      child.kill("SIGTERM");
      await new Promise((r) => setTimeout(r, 300));
    },
  };
}

export type LoadResult = {
  title: string;
  requestsPerSecond: number;
  p50: number;
  p95: number;
  p99: number;
  errors: number;
  non2xx: number;
};

function percentile(sorted: number[], p: number): number {
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
    errors: result.errors,
    non2xx: result.non2xx,
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
