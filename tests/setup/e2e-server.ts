// Global setup of the end-to-end tests: the production build, served by the real server.js over
// real HTTP, on a fresh database migrated with the real migrations and seeded with the real seed.
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { migrateDatabase } from "./migrate";
import { ROOT, TMP } from "./paths";

declare module "vitest" {
  export interface ProvidedContext {
    baseUrl: string;
    databaseFile: string;
  }
}

/** The instant the end-to-end server believes it is (a Wednesday, 02:00 in Seoul). */
export const E2E_NOW = "2026-11-24T17:00:00.000Z";

let server: ChildProcess | undefined;

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.unref();
    probe.on("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

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

export default async function setup(project: TestProject) {
  if (!fs.existsSync(path.join(ROOT, "build/server/index.js"))) {
    throw new Error("No production build: run `npm run build` first (npm test does).");
  }
  const databaseFile = path.join(TMP, "e2e.db");
  migrateDatabase(databaseFile);
  const env = {
    ...process.env,
    DATABASE_URL: `file:${databaseFile}`,
    APP_ENV: "test",
    TEST_FIXED_NOW: E2E_NOW,
    // The clock stands still in these tests, so failures never age out: keep the per-IP limit out
    // of the way (it is tested in the integration tests) and test the per-account one.
    LOGIN_MAX_FAILURES_PER_IP: "500",
    // every browser of these tests signs up from 127.0.0.1 (the limit is tested in integration)
    SIGNUP_MAX_PER_IP_PER_HOUR: "100000",
  };
  await new Promise<void>((resolve, reject) => {
    const seed = spawn(path.join(ROOT, "node_modules/.bin/tsx"), ["prisma/seed.ts"], {
      cwd: ROOT,
      env,
      stdio: "pipe",
    });
    let output = "";
    seed.stdout.on("data", (c) => (output += c));
    seed.stderr.on("data", (c) => (output += c));
    seed.on("exit", (code) =>
      code === 0 ? resolve() : reject(new Error(`seed failed:\n${output}`)),
    );
  });

  const port = await freePort();
  let log = "";
  server = spawn(process.execPath, ["server.js"], {
    cwd: ROOT,
    env: {
      ...env,
      NODE_ENV: "production",
      PORT: String(port),
      HOST: "127.0.0.1",
      LOG_REQUESTS: "false",
    },
    stdio: "pipe",
  });
  server.stdout?.on("data", (chunk) => (log += chunk));
  server.stderr?.on("data", (chunk) => (log += chunk));
  const baseUrl = `http://127.0.0.1:${port}`;
  await waitForHealthy(baseUrl, server, () => log);
  project.provide("baseUrl", baseUrl);
  project.provide("databaseFile", databaseFile);

  return async () => {
    server?.kill("SIGTERM");
    await new Promise((r) => setTimeout(r, 300));
    if (process.env.E2E_SERVER_LOG) console.log(log);
  };
}
