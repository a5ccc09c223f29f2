import tsconfigPaths from "vite-tsconfig-paths";
import { defineConfig, type TestProjectInlineConfiguration } from "vitest/config";

// Three kinds of tests, one command (`npm test`):
//  unit         pure modules, beside the code (app/**/*.test.ts) and server/*.test.js
//  integration  capability modules and route actions against a real database, fresh per test file
//  e2e          the production build served over real HTTP, driven by fetch and by Debian's Chromium
// Integration and e2e run on SQLite, and again on PostgreSQL (projects *-postgresql) when
// TEST_POSTGRESQL_URL names a server: `npm test` starts a throwaway one
// (scripts/postgresql-cluster.js). Each project's `databaseEngine` tells its setup where to work.
//
// Speed: vitest runs a pool's parallel files first, then its one-at-a-time projects (e2e) one
// project after the other, and different pools side by side. So each engine gets its own pool —
// SQLite the child processes ("forks"), PostgreSQL the worker threads ("threads") — and the two
// engines run as two lanes, each its integration files and then its e2e files, each lane with
// (cores - 1) workers.
type Engine = "sqlite" | "postgresql";

const engines: Engine[] = process.env.TEST_POSTGRESQL_URL ? ["sqlite", "postgresql"] : ["sqlite"];
const suffix = (engine: Engine) => (engine === "sqlite" ? "" : `-${engine}`);

const pool = (engine: Engine) => (engine === "sqlite" ? "forks" : "threads");

const integration = (engine: Engine): TestProjectInlineConfiguration => ({
  extends: true,
  test: {
    name: `integration${suffix(engine)}`,
    pool: pool(engine),
    include: ["tests/integration/**/*.test.ts"],
    environment: "node",
    provide: { databaseEngine: engine },
    globalSetup: ["tests/setup/template-db.ts"],
    setupFiles: ["tests/setup/fresh-db.ts"],
    env: { APP_ENV: "test", NODE_ENV: "test" },
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});

const e2e = (engine: Engine): TestProjectInlineConfiguration => ({
  extends: true,
  test: {
    name: `e2e${suffix(engine)}`,
    pool: pool(engine),
    include: ["tests/e2e/**/*.test.ts"],
    environment: "node",
    provide: { databaseEngine: engine },
    globalSetup: ["tests/setup/e2e-server.ts"],
    setupFiles: ["tests/setup/e2e-ready.ts"],
    // the files share the server (and its clock): one at a time
    poolOptions: { forks: { singleFork: true }, threads: { singleThread: true } },
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // a page's answer may take more than expect.poll's default second on a busy 2-core machine
    expect: { poll: { timeout: 10_000 } },
  },
});

export default defineConfig({
  plugins: [tsconfigPaths()],
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: "unit",
          include: ["app/**/*.test.{ts,tsx}", "server/**/*.test.js", "tests/unit/**/*.test.ts"],
          environment: "node",
          env: { APP_ENV: "test", NODE_ENV: "test" },
        },
      },
      ...engines.map(integration),
      ...engines.map(e2e),
    ],
  },
});
