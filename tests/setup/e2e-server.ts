// Global setup of the end-to-end tests: the production build, served by the real server.js over
// real HTTP, on a fresh database migrated with the real migrations and seeded with the real seed —
// on the project's engine (`databaseEngine` in vitest.config.ts). On PostgreSQL the server runs
// as two processes (WEB_CONCURRENCY=2), so the tests may not assume one process: the test clock
// lives in a file (TEST_CLOCK_FILE) that every process reads.
//
// Vitest runs every project's global setup, one after the other, before any test: preparing the
// server (half a minute) would hold up the whole run. So this only names the server and starts
// preparing it; the e2e files wait for it (tests/setup/e2e-ready.ts), which happens long after,
// once their pool has run the integration files.
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { freePort } from "../../scripts/postgresql-cluster.js";
import { dropDatabase, newDatabaseUrl, removeSqliteFiles } from "./databases";
import { migrateDatabase } from "./migrate";
import { ROOT, TMP, serverNodeOptions } from "./paths";

declare module "vitest" {
  export interface ProvidedContext {
    databaseEngine: "sqlite" | "postgresql";
    baseUrl: string;
    /** the server's database: open it with openDatabase(url) from ~/utils/db.server */
    databaseUrl: string;
    /** written once the server answers ("ready") or could not be started ("failed" and why) */
    serverStatusFile: string;
  }
}

/** The instant the end-to-end server believes it is (a Wednesday, 02:00 in Seoul). */
export const E2E_NOW = "2026-11-24T17:00:00.000Z";

async function waitForHealthy(url: string, child: ChildProcess, log: () => string) {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`server exited (${child.exitCode}):\n${log()}`);
    try {
      const response = await fetch(`${url}/healthz`);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`server did not become healthy:\n${log()}`);
}

function run(command: string, args: string[], env: NodeJS.ProcessEnv, what: string) {
  return new Promise<void>((resolve, reject) => {
    const child = spawn(command, args, { cwd: ROOT, env, stdio: "pipe" });
    let output = "";
    child.stdout.on("data", (c) => (output += c));
    child.stderr.on("data", (c) => (output += c));
    child.on("exit", (code) =>
      code === 0 ? resolve() : reject(new Error(`${what} failed:\n${output}`)),
    );
  });
}

export default async function setup(project: TestProject) {
  if (!fs.existsSync(path.join(ROOT, "build/server/index.js"))) {
    throw new Error("No production build: run `npm run build` first (npm test does).");
  }
  const engine = project.getProvidedContext().databaseEngine;
  const databaseUrl = newDatabaseUrl(engine, "e2e");
  const port: number = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  fs.mkdirSync(TMP, { recursive: true });
  const name = `e2e-${engine}-${process.pid}`;
  const clockFile = path.join(TMP, `${name}.clock`);
  const statusFile = path.join(TMP, `${name}.status`);
  for (const file of [clockFile, statusFile]) fs.rmSync(file, { force: true });
  const env = {
    ...process.env,
    DATABASE_URL: databaseUrl,
    APP_ENV: "test",
    TEST_FIXED_NOW: E2E_NOW,
    TEST_CLOCK_FILE: clockFile,
    // The clock stands still in these tests, so failures never age out: keep the per-IP limit out
    // of the way (it is tested in the integration tests) and test the per-account one.
    LOGIN_MAX_FAILURES_PER_IP: "500",
    // every browser of these tests signs up from 127.0.0.1 (the limit is tested in integration)
    SIGNUP_MAX_PER_IP_PER_HOUR: "100000",
    // and asks questions without an account from it, in several languages and journeys
    LABOR_ASK_MAX_PER_IP_PER_HOUR: "100",
  };

  let server: ChildProcess | undefined;
  let log = "";
  const prepare = async () => {
    await migrateDatabase(databaseUrl);
    await run(path.join(ROOT, "node_modules/.bin/tsx"), ["prisma/seed.ts"], env, "seed");
    server = spawn(process.execPath, [...serverNodeOptions(), "server.js"], {
      cwd: ROOT,
      env: {
        ...env,
        NODE_ENV: "production",
        PORT: String(port),
        HOST: "127.0.0.1",
        LOG_REQUESTS: "false",
        // SQLite serves from one process; PostgreSQL from several
        WEB_CONCURRENCY: engine === "postgresql" ? "2" : "1",
      },
      stdio: "pipe",
    });
    // vitest ends at once on SIGINT/SIGTERM, without teardown, and its own exit listener ends the
    // process before later ones run: ours goes first, so the server does not outlive the run
    // (a PostgreSQL database goes with the throwaway cluster)
    const child = server;
    process.prependOnceListener("exit", () => {
      child.kill("SIGTERM");
      for (const file of [clockFile, statusFile]) fs.rmSync(file, { force: true });
      removeSqliteFiles(databaseUrl);
    });
    server.stdout?.on("data", (chunk) => (log += chunk));
    server.stderr?.on("data", (chunk) => (log += chunk));
    await waitForHealthy(baseUrl, server, () => log);
  };
  const prepared = prepare().then(
    () => fs.writeFileSync(statusFile, "ready"),
    (error: Error) => fs.writeFileSync(statusFile, `failed: ${error.message}`),
  );

  project.provide("baseUrl", baseUrl);
  project.provide("databaseUrl", databaseUrl);
  project.provide("serverStatusFile", statusFile);

  return async () => {
    await prepared;
    if (server && server.exitCode === null) {
      const exited = new Promise((resolve) => server!.once("exit", resolve));
      server.kill("SIGTERM");
      await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 5000))]);
      if (server.exitCode === null) server.kill("SIGKILL");
    }
    if (process.env.E2E_SERVER_LOG) console.log(log);
    for (const file of [clockFile, statusFile]) fs.rmSync(file, { force: true });
    await dropDatabase(databaseUrl);
  };
}
