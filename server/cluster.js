// The cluster primary (WEB_CONCURRENCY > 1): forks the server processes, which share the port
// (node:cluster hands the connections out), starts another when one exits — at once after a long
// life, after a growing pause (1 s, 2 s, 4 s … 30 s) when it keeps dying young, so a crash loop
// does not spin —, passes SIGTERM/SIGINT on to every worker and exits once they have drained,
// and answers metrics scrapes for all of them. It loads neither the app nor the database.
import cluster from "node:cluster";
import { createLogger } from "./logging.js";
import {
  answerWorkerScrapes,
  collectCluster,
  createPrimaryMetrics,
  startMetricsServer,
} from "./metrics.js";

/** A worker that dies within this time after its start counts as dying young. */
const YOUNG_MS = 30_000;
const MAX_BACKOFF_MS = 30_000;

/**
 * The pause before starting a worker again, after `youngExits` exits in a row each soon after
 * its start (0 = it had lived long: start again at once).
 */
export function restartDelay(youngExits) {
  return youngExits <= 0 ? 0 : Math.min(MAX_BACKOFF_MS, 1000 * 2 ** (youngExits - 1));
}

/** @param {import("./config.js").ServerConfig} config */
export function runPrimary(config) {
  const logger = createLogger({ level: config.logLevel, worker: "primary" });
  const metrics = createPrimaryMetrics();
  /** @type {Map<number, { startedAt: number, youngExits: number, timer?: NodeJS.Timeout }>} */
  const slots = new Map();
  /** @type {Map<number, number>} worker id → slot */
  const slotOf = new Map();
  /** @type {Map<number, import("node:cluster").Worker>} workers whose process has not exited */
  const alive = new Map();
  /** @type {Set<number>} ids of the workers listening */
  const listening = new Set();
  let anyListened = false;
  /** @type {number | undefined} exit code once stopping */
  let stopping;
  /** @type {import("node:http").Server | undefined} */
  let metricsServer;

  function fork(slot) {
    const worker = cluster.fork();
    alive.set(worker.id, worker);
    slotOf.set(worker.id, slot);
    const state = slots.get(slot) ?? { startedAt: 0, youngExits: 0 };
    state.startedAt = Date.now();
    slots.set(slot, state);
  }

  cluster.on("listening", (worker) => {
    listening.add(worker.id);
    anyListened = true;
    metrics.workers.set(listening.size);
    logger.info({ workerId: worker.id, workerPid: worker.process.pid }, "worker listening");
  });

  cluster.on("exit", (worker, code, signal) => {
    alive.delete(worker.id);
    listening.delete(worker.id);
    metrics.workers.set(listening.size);
    const slot = slotOf.get(worker.id);
    slotOf.delete(worker.id);
    const details = { workerId: worker.id, workerPid: worker.process.pid, code, signal };
    if (stopping !== undefined) {
      logger.info(details, "worker stopped");
      if (alive.size === 0) finish();
      return;
    }
    if (!anyListened) {
      // Not one worker has started: a broken build or configuration, not a crash to retry.
      logger.fatal(details, "a server process failed before any could start; stopping");
      stop("SIGTERM", 1);
      return;
    }
    const state = slots.get(slot ?? 0) ?? { startedAt: 0, youngExits: 0 };
    state.youngExits = Date.now() - state.startedAt < YOUNG_MS ? state.youngExits + 1 : 0;
    const delay = restartDelay(state.youngExits);
    metrics.restarts.inc();
    logger.error({ ...details, restartInMs: delay }, "worker exited; starting another");
    state.timer = setTimeout(() => {
      state.timer = undefined;
      if (stopping === undefined) fork(slot ?? 0);
    }, delay);
  });

  function stop(signal, exitCode = 0) {
    if (stopping !== undefined) return;
    stopping = exitCode;
    logger.info({ signal, workers: alive.size }, "shutting down");
    for (const state of slots.values()) if (state.timer) clearTimeout(state.timer);
    if (alive.size === 0) return finish();
    for (const worker of alive.values()) worker.process.kill(signal);
    // Workers drain for at most SHUTDOWN_TIMEOUT_MS; one that hangs beyond that is killed.
    setTimeout(() => {
      for (const worker of alive.values()) {
        logger.warn({ workerId: worker.id }, "worker did not stop in time: killing it");
        worker.process.kill("SIGKILL");
      }
    }, config.shutdownTimeoutMs + 5_000).unref();
  }

  function finish() {
    const exit = () => {
      logger.info("stopped");
      process.exit(stopping ?? 0);
    };
    if (metricsServer) metricsServer.close(exit);
    else exit();
  }

  process.on("SIGTERM", () => stop("SIGTERM"));
  process.on("SIGINT", () => stop("SIGINT"));

  const scrape = () =>
    collectCluster(
      [...alive.values()].filter((worker) => listening.has(worker.id) && worker.isConnected()),
      metrics.registry,
    );
  answerWorkerScrapes(cluster, scrape);
  if (config.metricsPort !== undefined) {
    startMetricsServer({ port: config.metricsPort, scrape, logger }).then(
      (server) => {
        metricsServer = server;
      },
      (error) => {
        logger.fatal({ err: error }, "metrics port unavailable");
        stop("SIGTERM", 1);
      },
    );
  }

  logger.info({ workers: config.workers, engine: config.engine }, "starting server processes");
  for (let slot = 0; slot < config.workers; slot += 1) fork(slot);
}
