// Operating the server: several processes on one port (cluster), graceful shutdown, request ids
// and JSON logs, Prometheus metrics behind a token or on a loopback port, /healthz with the
// engine, the process and the migration state. Each case runs the production build (`npm run
// build`) with `node server.js` in its own real processes over real HTTP, on SQLite and — when
// TEST_POSTGRESQL_URL names a PostgreSQL server — on PostgreSQL too. Nothing here depends on how
// fast the machine is: tests wait for events (a log line, an exit), never for a duration.
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import http from "node:http";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { closeDatabase, openDatabase } from "~/utils/db.server";
import { freePort } from "../../scripts/postgresql-cluster.js";
import { dropDatabase, newDatabaseUrl } from "../setup/databases";
import { migrateDatabase } from "../setup/migrate";
import { ROOT, TMP, serverNodeOptions } from "../setup/paths";
import { baseUrl, hydrated, launchBrowser, newPage } from "./support";

type Engine = "sqlite" | "postgresql";
type LogLine = Record<string, unknown> & { msg?: string; level?: string };

const TOKEN = "metrics-token-for-tests-0123456789";

// The engine this project runs on when the test runner says so; else SQLite and, when a server
// is given, PostgreSQL.
const provided = (inject as unknown as (key: string) => unknown)("databaseEngine") as
  Engine | undefined;
const engines: Engine[] = provided
  ? [provided]
  : process.env.TEST_POSTGRESQL_URL
    ? ["sqlite", "postgresql"]
    : ["sqlite"];

// ---- databases and ports -----------------------------------------------------------------------

/** A new database of the engine with the migrations applied: its URL and how to remove it. */
async function newDatabase(engine: Engine, prefix: string) {
  const url = newDatabaseUrl(engine, prefix);
  await migrateDatabase(url);
  return { url, drop: () => dropDatabase(url) };
}

// ---- servers -----------------------------------------------------------------------------------

type Portal = {
  url: string;
  child: ChildProcess;
  /** the JSON lines written so far (stdout) */
  lines: () => LogLine[];
  output: () => string;
  /** waits until a log line satisfies `test` */
  waitForLine: (test: (line: LogLine) => boolean, what: string) => Promise<LogLine>;
  /** waits until the process has exited; its exit code */
  exited: Promise<number | null>;
  stop: () => Promise<number | null>;
};

const running = new Set<Portal>();

/** `node server.js` on the production build; resolves once /healthz answers (any status). */
async function startPortal(databaseUrl: string, env: Record<string, string> = {}): Promise<Portal> {
  if (!fs.existsSync(path.join(ROOT, "build/server/index.js")))
    throw new Error("No production build: run `npm run build` first (npm test does).");
  const port = await freePort();
  let stdout = "";
  let stderr = "";
  const childEnv: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: "production",
    APP_ENV: "test",
    DATABASE_URL: databaseUrl,
    PORT: String(port),
    HOST: "127.0.0.1",
    SCHEDULER: "off",
    LOG_REQUESTS: "true",
    LOG_LEVEL: "info",
    ...env,
  };
  // The server's own clock and defaults, whatever the test runner's environment holds.
  for (const name of ["TEST_FIXED_NOW", "METRICS_TOKEN", "METRICS_PORT", "WEB_CONCURRENCY"])
    if (!(name in env)) delete childEnv[name];
  const child: ChildProcess = spawn(process.execPath, [...serverNodeOptions(), "server.js"], {
    cwd: ROOT,
    env: childEnv,
    stdio: "pipe",
  });
  child.stdout!.on("data", (chunk) => (stdout += chunk));
  child.stderr!.on("data", (chunk) => (stderr += chunk));
  const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  const output = () => `${stdout}\n--- stderr ---\n${stderr}`;
  const lines = () =>
    stdout
      .split("\n")
      .filter((line) => line.startsWith("{"))
      .map((line) => JSON.parse(line) as LogLine);
  const portal: Portal = {
    url: `http://127.0.0.1:${port}`,
    child,
    lines,
    output,
    exited,
    async waitForLine(test, what) {
      const deadline = Date.now() + 60_000;
      for (;;) {
        const found = lines().find(test);
        if (found) return found;
        if (Date.now() > deadline || child.exitCode !== null)
          throw new Error(`no log line ${what}:\n${output()}`);
        await new Promise((r) => setTimeout(r, 50));
      }
    },
    async stop() {
      if (child.exitCode === null && child.signalCode === null) child.kill("SIGTERM");
      const code = await exited;
      running.delete(portal);
      return code;
    },
  };
  running.add(portal);
  const deadline = Date.now() + 90_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited (${child.exitCode}):\n${output()}`);
    try {
      await request(`${portal.url}/healthz`);
      return portal;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`server did not start:\n${output()}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

afterAll(async () => {
  for (const portal of running) {
    portal.child.kill("SIGKILL");
    await portal.exited;
  }
});

type Answer = { status: number; headers: http.IncomingHttpHeaders; body: string };

/** A GET on a new connection each time (the cluster hands out connections, not requests). */
function request(url: string, headers: Record<string, string> = {}): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = http.get(url, { agent: false, headers }, (res) => {
      let body = "";
      res.setEncoding("utf8");
      res.on("data", (chunk) => (body += chunk));
      res.on("end", () => resolve({ status: res.statusCode!, headers: res.headers, body }));
      res.on("error", reject);
    });
    req.on("error", reject);
  });
}

type Health = {
  status: string;
  database: string;
  engine: Engine;
  process: { pid: number; worker: number; uptimeSeconds: number };
  migrations: { state: string; applied?: number; expected?: number; pending?: string[] };
};

async function health(portal: Portal): Promise<Health & { httpStatus: number }> {
  const answer = await request(`${portal.url}/healthz`);
  return { ...(JSON.parse(answer.body) as Health), httpStatus: answer.status };
}

/** The value of one sample of a Prometheus text exposition, or undefined. */
function sample(text: string, name: string, labels: Record<string, string> = {}) {
  for (const line of text.split("\n")) {
    const match = /^([a-zA-Z_:][\w:]*)(?:\{(.*)\})? (\S+)$/.exec(line);
    if (!match || match[1] !== name) continue;
    const present = Object.fromEntries(
      [...(match[2] ?? "").matchAll(/(\w+)="([^"]*)"/g)].map((m) => [m[1], m[2]]),
    );
    if (Object.entries(labels).every(([key, value]) => present[key] === value))
      return Number(match[3]);
  }
  return undefined;
}

// ---- several processes -------------------------------------------------------------------------

describe.each(engines)("several server processes on %s", (engine) => {
  let database: Awaited<ReturnType<typeof newDatabase>>;
  let portal: Portal;
  const pidsSeen = new Map<number, number>();

  beforeAll(async () => {
    database = await newDatabase(engine, "ops_cluster");
    // Rows the metrics must report once, not once per process.
    const connection = openDatabase(database.url);
    const past = new Date(Date.now() - 60 * 60_000);
    await connection.client.notification.createMany({
      data: [
        {
          channel: "email",
          toAddress: "a@example.test",
          template: "t",
          locale: "ko",
          subject: "s",
          body: "b",
          sendAfter: past,
        },
        {
          channel: "email",
          toAddress: "b@example.test",
          template: "t",
          locale: "ko",
          subject: "s",
          body: "b",
          sendAfter: past,
        },
        {
          channel: "email",
          toAddress: "c@example.test",
          template: "t",
          locale: "ko",
          subject: "s",
          body: "b",
          sendAfter: new Date(Date.now() + 86_400_000),
        },
        {
          channel: "email",
          toAddress: "d@example.test",
          template: "t",
          locale: "ko",
          subject: "s",
          body: "b",
          status: "failed",
          attempts: 5,
        },
      ],
    });
    await connection.client.taskLease.create({
      data: { name: "ops.test-task", leasedUntil: past, lastFinishedAt: past, failures: 2 },
    });
    await closeDatabase(connection);
    portal = await startPortal(database.url, { WEB_CONCURRENCY: "2", METRICS_TOKEN: TOKEN });
  }, 180_000);

  afterAll(async () => {
    await portal?.stop();
    await database?.drop();
  });

  it("answers from two worker processes sharing the port, each reporting itself in /healthz", async () => {
    for (let i = 0; i < 40 && pidsSeen.size < 2; i += 1) {
      const answer = await health(portal);
      expect(answer.httpStatus).toBe(200);
      expect(answer).toMatchObject({ status: "ok", database: "ok", engine });
      expect(answer.migrations.state).toBe("ok");
      expect(answer.migrations.applied).toBe(answer.migrations.expected);
      expect(answer.migrations.expected).toBeGreaterThan(0);
      expect(answer.process.worker).toBeGreaterThan(0);
      pidsSeen.set(answer.process.pid, (pidsSeen.get(answer.process.pid) ?? 0) + 1);
    }
    expect(pidsSeen.size).toBe(2);
    expect(pidsSeen.has(portal.child.pid!)).toBe(false);
  });

  it("refuses /metrics without the token and, with it, answers for every process at once", async () => {
    expect((await request(`${portal.url}/metrics`)).status).toBe(401);
    const wrong = await request(`${portal.url}/metrics`, { Authorization: "Bearer not-the-token" });
    expect(wrong.status).toBe(401);
    expect(wrong.body).not.toContain("http_request_duration_seconds");

    // Requests spread over both processes: the merged count covers them all.
    const served = new Map<number, number>();
    const total = 12;
    for (let i = 0; i < total; i += 1) {
      const { pid } = (await health(portal)).process;
      served.set(pid, (served.get(pid) ?? 0) + 1);
    }
    expect(served.size).toBe(2);
    const scrape = await request(`${portal.url}/metrics`, { Authorization: `Bearer ${TOKEN}` });
    expect(scrape.status).toBe(200);
    expect(scrape.headers["content-type"]).toContain("text/plain");
    const text = scrape.body;
    const healthz = sample(text, "http_request_duration_seconds_count", {
      route: "routes/healthz",
      method: "GET",
      status_class: "2xx",
    });
    expect(healthz).toBeGreaterThanOrEqual(total);
    expect(healthz).toBeGreaterThan(Math.max(...served.values()));
    // labels are route patterns, never raw paths
    expect(text).not.toMatch(/route="\/[^"]*"/);
    expect(sample(text, "portal_cluster_workers")).toBe(2);
    expect(sample(text, "process_resident_memory_bytes")).toBeGreaterThan(0);
    expect(sample(text, "portal_db_pool_connections", { engine, state: "total" })).toBeGreaterThan(
      0,
    );
    expect(sample(text, "portal_db_pool_waiting", { engine })).toBeGreaterThanOrEqual(0);
    // /healthz asks the same queries every time: the built server reuses their plans
    expect(sample(text, "portal_db_query_plans", { outcome: "compiled" })).toBeGreaterThan(0);
    expect(sample(text, "portal_db_query_plans", { outcome: "reused" })).toBeGreaterThan(0);
    // the same database rows seen by both processes count once
    expect(sample(text, "portal_outbox_messages", { state: "due" })).toBe(2);
    expect(sample(text, "portal_outbox_messages", { state: "pending" })).toBe(3);
    expect(sample(text, "portal_outbox_messages", { state: "failed" })).toBe(1);
    expect(sample(text, "portal_periodic_task_failures", { task: "ops.test-task" })).toBe(2);
    expect(
      sample(text, "portal_periodic_task_lag_seconds", { task: "ops.test-task" }),
    ).toBeGreaterThanOrEqual(3600);
  });

  it("gives every answer a request id, shows it on error pages in both languages, and logs one JSON line per request", async () => {
    const notFound = await request(`${portal.url}/no/such/page?email=resident%40example.test`);
    expect(notFound.status).toBe(404);
    const id = notFound.headers["x-request-id"] as string;
    expect(id).toMatch(/^[0-9A-Z]{12}$/);
    expect(notFound.body).toContain(`data-request-id="${id}"`);
    expect(notFound.body).toContain("오류 번호");

    const failed = await request(`${portal.url}/test-support/fail`, { "Accept-Language": "en" });
    expect(failed.status).toBe(500);
    const failedId = failed.headers["x-request-id"] as string;
    expect(failed.body).toContain("Error reference");
    expect(failed.body).toContain(`<code>${failedId}</code>`);

    const plain = await request(`${portal.url}/test-support/fail.txt`);
    expect(plain.status).toBe(500);
    expect(plain.headers["content-type"]).toContain("text/plain");
    const plainId = plain.headers["x-request-id"] as string;
    expect(plain.body).toContain(`오류 번호: ${plainId}`);
    expect(plain.body).toContain(`Error reference: ${plainId}`);
    expect(plain.body).not.toContain("Deliberate failure");

    // A proxy's id is kept when it is a short safe token, replaced when it is not.
    const kept = await request(`${portal.url}/healthz`, { "X-Request-Id": "edge-7f3a.1" });
    expect(kept.headers["x-request-id"]).toBe("edge-7f3a.1");
    const replaced = await request(`${portal.url}/healthz`, {
      "X-Request-Id": `a<b>${"x".repeat(80)}`,
    });
    expect(replaced.headers["x-request-id"]).toMatch(/^[0-9A-Z]{12}$/);

    const line = await portal.waitForLine(
      (l) => l.reqId === id && l.msg === "request",
      `for ${id}`,
    );
    expect(line).toMatchObject({
      method: "GET",
      path: "/no/such/page",
      route: "routes/$",
      status: 404,
    });
    expect(typeof line.durationMs).toBe("number");
    expect([...pidsSeen.keys()]).toContain(line.pid);
    expect(line.worker).toBeGreaterThan(0);
    expect(JSON.stringify(line)).not.toContain("resident");
    // the failure itself is logged with the same id, its details only there
    const error = await portal.waitForLine(
      (l) => l.reqId === plainId && l.msg === "unhandled error",
      `with the error of ${plainId}`,
    );
    expect(JSON.stringify(error.err)).toContain("Deliberate failure");
    for (const entry of portal.lines()) expect(entry).not.toHaveProperty("req.headers");
  });

  it("starts another process when one dies", async () => {
    const { pid: victim } = (await health(portal)).process;
    process.kill(victim, "SIGKILL");
    await portal.waitForLine(
      (l) => l.msg === "worker exited; starting another" && l.workerPid === victim,
      "about the killed worker",
    );
    const pids = new Set<number>();
    const deadline = Date.now() + 90_000;
    while (Date.now() < deadline) {
      pids.add((await health(portal)).process.pid);
      if ([...pids].filter((pid) => pid !== victim).length >= 2) break;
    }
    expect(pids.has(victim)).toBe(false);
    expect([...pids].length).toBe(2);
  });

  it("on SIGTERM lets a request in flight finish, then every process exits 0", async () => {
    const slow = request(`${portal.url}/test-support/slow?ms=2500`);
    await portal.waitForLine((l) => l.event === "test-support.slow.started", "of the slow request");
    portal.child.kill("SIGTERM");
    const answer = await slow;
    expect(answer.status).toBe(200);
    expect(JSON.parse(answer.body)).toMatchObject({ waitedMs: 2500 });
    expect(await portal.exited).toBe(0);
    // the two workers, then the primary
    const stopped = portal.lines().filter((l) => l.msg === "stopped");
    expect(stopped.map((l) => l.worker)).toHaveLength(3);
    expect(stopped.at(-1)?.worker).toBe("primary");
    await expect(request(`${portal.url}/healthz`)).rejects.toThrow();
  });
});

// ---- one process -------------------------------------------------------------------------------

// (SQLite only: it runs once, in the SQLite project)
describe.runIf(engines.includes("sqlite"))("one server process (the SQLite default)", () => {
  let database: Awaited<ReturnType<typeof newDatabase>>;

  beforeAll(async () => {
    database = await newDatabase("sqlite", "ops_single");
  }, 120_000);
  afterAll(async () => database?.drop());

  it("runs without a cluster primary, serves metrics on a loopback port only, and drains on SIGTERM", async () => {
    const metricsPort = await freePort();
    const portal = await startPortal(database.url, {
      METRICS_PORT: String(metricsPort),
      LOG_REQUESTS: "false",
    });
    try {
      const answer = await health(portal);
      expect(answer.process).toMatchObject({ pid: portal.child.pid, worker: 0 });
      // no token configured: /metrics on the site's port does not exist
      expect((await request(`${portal.url}/metrics`)).status).toBe(404);
      const scrape = await request(`http://127.0.0.1:${metricsPort}/metrics`);
      expect(scrape.status).toBe(200);
      expect(
        sample(scrape.body, "http_request_duration_seconds_count", {
          route: "routes/healthz",
          method: "GET",
          status_class: "2xx",
        }),
      ).toBeGreaterThanOrEqual(1);
      expect(
        sample(scrape.body, "portal_db_pool_connections", { engine: "sqlite", state: "total" }),
      ).toBe(1);

      const slow = request(`${portal.url}/test-support/slow?ms=2000`);
      await portal.waitForLine(
        (l) => l.event === "test-support.slow.started",
        "of the slow request",
      );
      portal.child.kill("SIGTERM");
      expect((await slow).status).toBe(200);
      expect(await portal.exited).toBe(0);
      // LOG_REQUESTS=false: no request lines, but the other lines are JSON still
      expect(portal.lines().some((l) => l.msg === "request")).toBe(false);
      expect(portal.lines().some((l) => l.msg === "stopped")).toBe(true);
    } finally {
      await portal.stop();
    }
  });

  it("answers 503 on /healthz while migrations are pending, naming them", async () => {
    const stale = await newDatabase("sqlite", "ops_stale");
    const connection = openDatabase(stale.url);
    const [last] = await connection.client.$queryRaw<{ migration_name: string }[]>`
      SELECT migration_name FROM _prisma_migrations ORDER BY migration_name DESC LIMIT 1`;
    await connection.client.$executeRaw`
      DELETE FROM _prisma_migrations WHERE migration_name = ${last!.migration_name}`;
    await closeDatabase(connection);
    const portal = await startPortal(stale.url);
    try {
      const answer = await health(portal);
      expect(answer.httpStatus).toBe(503);
      expect(answer).toMatchObject({ status: "error", database: "ok", engine: "sqlite" });
      expect(answer.migrations).toMatchObject({
        state: "pending",
        pending: [last!.migration_name],
      });
      expect(answer.migrations.applied).toBe(answer.migrations.expected! - 1);
    } finally {
      await portal.stop();
      await stale.drop();
    }
  });

  it("answers 503 on /healthz when the database cannot be reached", async () => {
    const portal = await startPortal(`file:${path.join(TMP, "no-such-folder", "portal.db")}`);
    try {
      const answer = await health(portal);
      expect(answer.httpStatus).toBe(503);
      expect(answer).toMatchObject({
        status: "error",
        database: "unreachable",
        migrations: { state: "unknown" },
      });
    } finally {
      await portal.stop();
    }
  });
});

// ---- the shared end-to-end server ---------------------------------------------------------------

describe("the end-to-end server", () => {
  it("sends a request id with every answer, pages and files alike, and has no public /metrics", async () => {
    for (const pathname of ["/", "/favicon.svg", "/healthz"]) {
      const response = await fetch(`${baseUrl()}${pathname}`);
      expect(response.headers.get("x-request-id"), pathname).toMatch(/^[0-9A-Z]{12}$/);
    }
    expect((await fetch(`${baseUrl()}/metrics`)).status).toBe(404);
  });
});

describe("an error page in the browser", () => {
  it("keeps the request id when React takes the page over, without a hydration mismatch", async () => {
    const browser = await launchBrowser();
    try {
      const { context, page } = await newPage(browser, { locale: "en-GB" });
      const problems: string[] = [];
      page.on("console", (message) => {
        if (message.type() === "error") problems.push(message.text());
      });
      page.on("pageerror", (error) => problems.push(error.message));
      const response = await page.goto("/test-support/fail");
      expect(response?.status()).toBe(500);
      const id = await response!.headerValue("x-request-id");
      await hydrated(page);
      await expect.poll(() => page.locator("[data-request-id] code").textContent()).toBe(id);
      expect(await page.locator("[data-request-id]").textContent()).toContain("Error reference");
      // React's production build names hydration failures by number (#418, #423, #425)
      expect(problems.filter((text) => /hydrat|did not match|#41[89]|#42[35]/i.test(text))).toEqual(
        [],
      );
      await context.close();
    } finally {
      await browser.close();
    }
  });
});
