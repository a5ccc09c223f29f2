import tsconfigPaths from "vite-tsconfig-paths";
import { defineConfig } from "vitest/config";

// Three kinds of tests, one command (`npm test`):
//  unit         pure modules, beside the code (app/**/*.test.ts) and server/*.test.js
//  integration  capability modules and route actions against a real SQLite file, fresh per test file
//  e2e          the production build served over real HTTP, driven by fetch and by Debian's Chromium
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
      {
        extends: true,
        test: {
          name: "integration",
          include: ["tests/integration/**/*.test.ts"],
          environment: "node",
          globalSetup: ["tests/setup/template-db.ts"],
          setupFiles: ["tests/setup/fresh-db.ts"],
          env: { APP_ENV: "test", NODE_ENV: "test" },
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      {
        extends: true,
        test: {
          name: "e2e",
          include: ["tests/e2e/**/*.test.ts"],
          environment: "node",
          globalSetup: ["tests/setup/e2e-server.ts"],
          poolOptions: { forks: { singleFork: true } },
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
});
