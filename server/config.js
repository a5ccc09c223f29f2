// The variables the HTTP server itself reads before the app is loaded: how many processes, where
// to listen, logging, metrics, shutdown. Validated here (the cluster primary never loads the app);
// app/utils/env.server.ts documents and validates the same names for the app.
import os from "node:os";
import { z } from "zod";
import { siteOrigins } from "./security.js";

const flag = z
  .enum(["true", "false", "1", "0"])
  .transform((value) => value === "true" || value === "1");

const ServerEnv = z.object({
  NODE_ENV: z.string().default("development"),
  DATABASE_URL: z.string().default("file:./data/portal.db"),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default("0.0.0.0"),
  WEB_CONCURRENCY: z.coerce.number().int().positive().max(64).optional(),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  LOG_REQUESTS: flag.default("true"),
  METRICS_TOKEN: z.string().min(16, "use at least 16 characters").optional(),
  METRICS_PORT: z.coerce.number().int().min(0).max(65535).optional(),
  SHUTDOWN_TIMEOUT_MS: z.coerce.number().int().min(0).default(10_000),
  APP_ORIGINS: z.string().optional(),
  MAX_REQUESTS_IN_APP: z.coerce.number().int().min(0).max(10_000).optional(),
});

/** `postgresql://…` (or `postgres://…`) or else a SQLite file, as app/utils/env.server.ts decides. */
function engineOf(url) {
  return /^postgres(ql)?:\/\//.test(url) ? "postgresql" : "sqlite";
}

/**
 * @param {Record<string, string | undefined>} env
 * @param {{ cores?: number }} [machine]
 */
export function serverConfig(env = process.env, machine = {}) {
  const parsed = ServerEnv.safeParse(
    Object.fromEntries(Object.entries(env).filter(([, value]) => value !== "")),
  );
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`);
    throw new Error(`Invalid environment:\n  ${problems.join("\n  ")}`);
  }
  const values = parsed.data;
  const site = siteOrigins(values.APP_ORIGINS, values.PORT);
  const production = values.NODE_ENV === "production";
  const engine = engineOf(values.DATABASE_URL);
  const cores = machine.cores ?? os.availableParallelism();
  // SQLite is one file with one writer: one process unless asked. PostgreSQL: one per core.
  const requested = values.WEB_CONCURRENCY ?? (engine === "postgresql" ? cores : 1);
  return {
    production,
    engine,
    port: values.PORT,
    host: values.HOST,
    // The development server (Vite in middleware mode, hot reload) is one process.
    workers: production ? requested : 1,
    requestedWorkers: requested,
    logLevel: values.LOG_LEVEL,
    logRequests: values.LOG_REQUESTS,
    metricsToken: values.METRICS_TOKEN,
    metricsPort: values.METRICS_PORT,
    shutdownTimeoutMs: values.SHUTDOWN_TIMEOUT_MS,
    // SQLite: the app's work is all on this thread, and four at a time kept the most throughput
    // with the shortest tail (docs/benchmarks.md). PostgreSQL requests wait on the network, and no
    // bound was measured there: none unless asked.
    maxRequestsInApp: values.MAX_REQUESTS_IN_APP ?? (engine === "sqlite" ? 4 : 0),
    origins: site.origins,
    originsConfigured: site.configured,
  };
}

/** @typedef {ReturnType<typeof serverConfig>} ServerConfig */
