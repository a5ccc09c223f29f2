// Prometheus metrics (prom-client). Each server process keeps its own registry; with several
// processes the cluster primary asks every worker for its registry over the cluster's IPC channel
// and merges them with prom-client's AggregatorRegistry, so one scrape sees the whole server.
// The endpoint is never public: `/metrics` on the site's port needs `Authorization: Bearer
// $METRICS_TOKEN` (without METRICS_TOKEN it does not exist), or METRICS_PORT opens a separate
// listener on 127.0.0.1 without a token.
import crypto from "node:crypto";
import http from "node:http";
import client from "prom-client";

const { AggregatorRegistry, Counter, Gauge, Histogram, Registry, collectDefaultMetrics } = client;

const CONTENT_TYPE = Registry.PROMETHEUS_CONTENT_TYPE;
const COLLECT = "portal:metrics-collect";
const COLLECTED = "portal:metrics-collected";
const SCRAPE = "portal:metrics-scrape";
const SCRAPED = "portal:metrics-scraped";

const METHODS = new Set(["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"]);

/**
 * What the app reports at scrape time (functions of the server build).
 * @typedef {{
 *   pool: () => { engine: string, total: number, idle: number, waiting: number } | null,
 *   system: () => Promise<{
 *     outbox: { due: number, pending: number, sending: number, failed: number },
 *     tasks: { name: string, lagSeconds: number | null, failures: number }[],
 *   }>,
 * }} MetricSources
 */

/**
 * The registry of one server process.
 * @param {{ sources: () => Promise<MetricSources | null>, logger: import("pino").Logger }} options
 */
export function createProcessMetrics({ sources, logger }) {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });

  const duration = new Histogram({
    name: "http_request_duration_seconds",
    help: "Time to answer an HTTP request, by route (Remix route id or a fixed label), method and status class",
    labelNames: ["route", "method", "status_class"],
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [registry],
  });
  const inFlight = new Gauge({
    name: "http_requests_in_flight",
    help: "HTTP requests being answered",
    registers: [registry],
  });

  new Gauge({
    name: "portal_db_pool_connections",
    help: "Database connections of the server processes (SQLite: one per process, never idle)",
    labelNames: ["engine", "state"],
    registers: [registry],
    async collect() {
      const pool = (await sources())?.pool();
      this.reset();
      if (!pool) return;
      this.set({ engine: pool.engine, state: "total" }, pool.total);
      this.set({ engine: pool.engine, state: "idle" }, pool.idle);
    },
  });
  new Gauge({
    name: "portal_db_pool_waiting",
    help: "Queries waiting for a database connection (SQLite: statements queued behind the one connection)",
    labelNames: ["engine"],
    registers: [registry],
    async collect() {
      const pool = (await sources())?.pool();
      this.reset();
      if (pool) this.set({ engine: pool.engine }, pool.waiting);
    },
  });

  new Gauge({
    name: "portal_db_query_plans",
    help: "Queries since the process started: planned by Prisma's query compiler (compiled) or answered with a plan kept from the same query before (reused)",
    labelNames: ["outcome"],
    registers: [registry],
    async collect() {
      const pool = (await sources())?.pool();
      this.reset();
      if (!pool?.plans) return;
      this.set({ outcome: "compiled" }, pool.plans.compiled);
      this.set({ outcome: "reused" }, pool.plans.reused);
    },
  });

  // Read from the database (every process sees the same rows): merged with max/min, not summed.
  const systemSnapshot = async () => {
    try {
      return (await (await sources())?.system()) ?? null;
    } catch (error) {
      logger.warn({ err: error }, "metrics: reading the database failed");
      return null;
    }
  };
  new Gauge({
    name: "portal_outbox_messages",
    help: "Notification outbox rows: due = pending and due now, pending = all pending, sending = claimed, failed = given up",
    labelNames: ["state"],
    aggregator: "max",
    registers: [registry],
    async collect() {
      const snapshot = await systemSnapshot();
      if (!snapshot) return;
      for (const [state, count] of Object.entries(snapshot.outbox)) this.set({ state }, count);
    },
  });
  new Gauge({
    name: "portal_periodic_task_lag_seconds",
    help: "Seconds since a periodic task last finished",
    labelNames: ["task"],
    aggregator: "min",
    registers: [registry],
    async collect() {
      const snapshot = await systemSnapshot();
      if (!snapshot) return;
      this.reset();
      for (const task of snapshot.tasks)
        if (task.lagSeconds !== null) this.set({ task: task.name }, task.lagSeconds);
    },
  });
  new Gauge({
    name: "portal_periodic_task_failures",
    help: "Consecutive failures of a periodic task",
    labelNames: ["task"],
    aggregator: "max",
    registers: [registry],
    async collect() {
      const snapshot = await systemSnapshot();
      if (!snapshot) return;
      this.reset();
      for (const task of snapshot.tasks) this.set({ task: task.name }, task.failures);
    },
  });

  /**
   * Express middleware timing every request.
   * @param {(req: any, res: any) => string} routeOf
   */
  function middleware(routeOf) {
    return (req, res, next) => {
      const started = process.hrtime.bigint();
      inFlight.inc();
      let observed = false;
      const observe = () => {
        if (observed) return;
        observed = true;
        inFlight.dec();
        const seconds = Number(process.hrtime.bigint() - started) / 1e9;
        duration.observe(
          {
            route: routeOf(req, res),
            method: METHODS.has(req.method) ? req.method : "other",
            status_class: res.writableFinished
              ? `${Math.floor(res.statusCode / 100)}xx`
              : "aborted",
          },
          seconds,
        );
      };
      res.on("finish", observe);
      res.on("close", observe);
      next();
    };
  }

  return { registry, middleware };
}

/** Is this the bearer token? (compared in constant time) */
export function hasToken(authorization, token) {
  const match = /^Bearer\s+(\S+)$/i.exec(authorization ?? "");
  if (!match) return false;
  const digest = (value) => crypto.createHash("sha256").update(value).digest();
  return crypto.timingSafeEqual(digest(match[1]), digest(token));
}

/**
 * Express handler of `/metrics` on the site's port.
 * @param {{ token: string, scrape: () => Promise<string> }} options
 */
export function metricsRoute({ token, scrape }) {
  return async (req, res) => {
    res.setHeader("Cache-Control", "no-store");
    if (!hasToken(req.get("authorization"), token)) {
      res.status(401).set("WWW-Authenticate", 'Bearer realm="metrics"').type("text/plain");
      res.send("Unauthorized");
      return;
    }
    try {
      const text = await scrape();
      res.type(CONTENT_TYPE).send(text);
    } catch (error) {
      req.log?.error({ err: error }, "metrics: scrape failed");
      res.status(503).type("text/plain").send("Metrics unavailable");
    }
  };
}

/**
 * The separate metrics listener (METRICS_PORT): loopback only, no token.
 * @param {{ port: number, scrape: () => Promise<string>, logger: import("pino").Logger }} options
 * @returns {Promise<http.Server>}
 */
export function startMetricsServer({ port, scrape, logger }) {
  const server = http.createServer(async (req, res) => {
    const path = (req.url ?? "/").split("?")[0];
    if (req.method !== "GET" || path !== "/metrics") {
      res.writeHead(404, { "Content-Type": "text/plain" }).end("Not found");
      return;
    }
    try {
      const text = await scrape();
      res.writeHead(200, { "Content-Type": CONTENT_TYPE, "Cache-Control": "no-store" }).end(text);
    } catch (error) {
      logger.error({ err: error }, "metrics: scrape failed");
      res.writeHead(503, { "Content-Type": "text/plain" }).end("Metrics unavailable");
    }
  });
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, "127.0.0.1", () => {
      server.off("error", reject);
      logger.info({ metricsPort: server.address().port }, "metrics listening on 127.0.0.1");
      resolve(server);
    });
  });
}

// ---- several processes -------------------------------------------------------------------------

let nextRequest = 0;

/**
 * In a worker: answer the primary's requests for this process's metrics, and return a function
 * that asks the primary for the merged metrics of every process (for `/metrics` with a token).
 * @param {client.Registry} registry
 */
export function connectWorkerToPrimary(registry) {
  /** @type {Map<number, (text: string | null) => void>} */
  const waiting = new Map();
  process.on("message", (message) => {
    if (message?.type === COLLECT) {
      registry.getMetricsAsJSON().then(
        (metrics) => process.send?.({ type: COLLECTED, id: message.id, metrics }),
        () => process.send?.({ type: COLLECTED, id: message.id, metrics: null }),
      );
    } else if (message?.type === SCRAPED) {
      waiting.get(message.id)?.(message.text);
      waiting.delete(message.id);
    }
  });
  return () =>
    new Promise((resolve, reject) => {
      const id = nextRequest++;
      const timer = setTimeout(() => {
        waiting.delete(id);
        reject(new Error("the cluster primary did not answer"));
      }, 10_000);
      waiting.set(id, (text) => {
        clearTimeout(timer);
        if (text === null) reject(new Error("the cluster primary could not collect metrics"));
        else resolve(text);
      });
      process.send?.({ type: SCRAPE, id });
    });
}

/**
 * In the primary: the merged metrics of the given workers plus the primary's own registry.
 * A worker that does not answer within `timeoutMs` (starting, stopping) is left out.
 * @param {import("node:cluster").Worker[]} workers
 * @param {client.Registry} own
 */
export async function collectCluster(workers, own, timeoutMs = 3000) {
  const id = nextRequest++;
  const answers = await Promise.all(
    workers.map(
      (worker) =>
        new Promise((resolve) => {
          const timer = setTimeout(done, timeoutMs, null);
          function done(metrics) {
            clearTimeout(timer);
            worker.off("message", onMessage);
            resolve(metrics);
          }
          function onMessage(message) {
            if (message?.type === COLLECTED && message.id === id) done(message.metrics);
          }
          worker.on("message", onMessage);
          try {
            worker.send({ type: COLLECT, id });
          } catch {
            done(null);
          }
        }),
    ),
  );
  const merged = AggregatorRegistry.aggregate(answers.filter(Boolean));
  return (await merged.metrics()) + (await own.metrics());
}

/**
 * In the primary: answer workers that ask for the merged metrics.
 * @param {import("node:cluster").Cluster} cluster
 * @param {() => Promise<string>} scrape
 */
export function answerWorkerScrapes(cluster, scrape) {
  cluster.on("message", (worker, message) => {
    if (message?.type !== SCRAPE) return;
    scrape().then(
      (text) => worker.isConnected() && worker.send({ type: SCRAPED, id: message.id, text }),
      () => worker.isConnected() && worker.send({ type: SCRAPED, id: message.id, text: null }),
    );
  });
}

/** The primary's own metrics: how many workers run and how often they were restarted. */
export function createPrimaryMetrics() {
  const registry = new Registry();
  const workers = new Gauge({
    name: "portal_cluster_workers",
    help: "Server processes (workers) listening",
    registers: [registry],
  });
  const restarts = new Counter({
    name: "portal_cluster_worker_restarts_total",
    help: "Workers started again after one exited unexpectedly",
    registers: [registry],
  });
  return { registry, workers, restarts };
}
