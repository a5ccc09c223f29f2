// One server process: Express in front of Remix, in development (Vite middleware, hot reload) and
// in production (the built app). Security checks that must precede Remix live here, with the
// request logs, the metrics and the graceful shutdown. server.js starts one of these, or several
// under a cluster primary (server/cluster.js).
import cluster from "node:cluster";
import crypto from "node:crypto";
import { createRequestHandler } from "@remix-run/express";
import compression from "compression";
import expressStaticGzip from "express-static-gzip";
import express from "express";
import helmet from "helmet";
import { plainErrorReference } from "./error-reference.js";
import { createAdmission } from "./admission.js";
import { createLogger, requestLogger } from "./logging.js";
import {
  connectWorkerToPrimary,
  createProcessMetrics,
  metricsRoute,
  startMetricsServer,
} from "./metrics.js";
import { requestScope, withActionsInScopesOfTheirOwn } from "./request-scope.js";
import { createResponseCache } from "./response-cache.js";
import { wholeBodyCompression } from "./whole-body-compression.js";
import { serviceWorkerScript } from "./service-worker.js";
import { routeIdFor } from "./route-label.js";
import { queryShapeProblem } from "./bounded-input.js";
import {
  bodySizeProblem,
  contentSecurityPolicy,
  isAllowedMutationOrigin,
  isSiteHost,
  isSecretPath,
  PERMISSIONS_POLICY,
  requestTarget,
  SECRET_PAGE_HEADERS,
  SITE_METHODS,
} from "./security.js";

/** Static folders are asked only for paths that name a file, not for every page request. */
const FILE_PATH = /\.[\w]+$/;
function filesOnly(serveStatic) {
  return (req, res, next) => (FILE_PATH.test(req.path) ? serveStatic(req, res, next) : next());
}

/**
 * Starts the HTTP server of this process; resolves once it listens.
 * @param {import("./config.js").ServerConfig} config
 */
export async function startServer(config) {
  const production = config.production;
  const worker = cluster.worker?.id ?? 0;
  const logger = createLogger({ level: config.logLevel, worker });

  // SIGTERM (the platform, the cluster primary) or SIGINT (Ctrl-C): stop accepting, let the
  // requests in flight finish (at most SHUTDOWN_TIMEOUT_MS), stop the scheduler, close the
  // database, exit 0. Handled from the start, even while the app is still loading.
  /** @type {Promise<void> | undefined} */
  let stopping;
  /** @type {import("node:http").Server | undefined} */
  let server;
  /** @type {import("node:http").Server | undefined} */
  let metricsServer;
  /** @type {ReturnType<typeof setInterval> | undefined} */
  let scheduler;
  /** @type {Promise<void> | undefined} */
  let schedulerRun;
  /** @type {Set<import("node:http").ServerResponse>} */
  const inFlight = new Set();
  let loadBuild = async () => /** @type {any} */ (undefined);
  /** @type {any} */
  let viteDevServer;

  const bounded = (promise, ms) =>
    Promise.race([promise, new Promise((resolve) => setTimeout(resolve, ms).unref())]);

  function shutdown(signal) {
    stopping ??= (async () => {
      logger.info({ signal, inFlight: inFlight.size }, "shutting down");
      if (scheduler) clearInterval(scheduler);
      if (server) {
        const closed = new Promise((resolve) => server.close(() => resolve(undefined)));
        for (const res of inFlight) if (!res.headersSent) res.setHeader("Connection", "close");
        server.closeIdleConnections();
        const force = setTimeout(() => {
          logger.warn({ inFlight: inFlight.size }, "shutdown: closing connections still open");
          server.closeAllConnections();
        }, config.shutdownTimeoutMs);
        await closed;
        clearTimeout(force);
      }
      if (metricsServer) await new Promise((resolve) => metricsServer.close(resolve));
      if (schedulerRun) await bounded(schedulerRun, config.shutdownTimeoutMs);
      try {
        await viteDevServer?.close();
        const build = await bounded(loadBuild(), 5_000);
        await build?.entry.module.disconnectDb?.();
      } catch (error) {
        logger.error({ err: error }, "shutdown: closing the database failed");
      }
      logger.info("stopped");
      process.exit(0);
    })();
    return stopping;
  }
  process.on("SIGTERM", () => void shutdown("SIGTERM"));
  process.on("SIGINT", () => void shutdown("SIGINT"));
  // A worker whose primary is gone (killed) stops rather than serving on, unsupervised.
  if (cluster.isWorker) process.on("disconnect", () => void shutdown("disconnect"));

  const allowedOrigins = config.origins;
  if (production && !config.originsConfigured)
    logger.warn(
      { origins: allowedOrigins },
      "APP_ORIGINS is not set: answering only for this machine's loopback names",
    );
  const maxBodyBytes = Number(process.env.MAX_BODY_BYTES ?? 1_000_000);
  const tileUrl = process.env.MAP_TILE_URL ?? "https://tile.openstreetmap.org/{z}/{x}/{y}.png";
  // Served over https when the canonical origin (the first) is: then HSTS, upgraded subresources
  // and Secure cookies (app/utils/env.server.ts decides the cookies on the same condition).
  const https = allowedOrigins[0].startsWith("https:");

  viteDevServer = production
    ? undefined
    : await import("vite").then((vite) => vite.createServer({ server: { middlewareMode: true } }));
  const build = viteDevServer
    ? () =>
        viteDevServer
          .ssrLoadModule("virtual:remix/server-build")
          .then(withActionsInScopesOfTheirOwn)
    : withActionsInScopesOfTheirOwn(await import("../build/server/index.js"));
  loadBuild = async () => (typeof build === "function" ? await build() : build);

  // Which route answered: the Remix route id (set before Remix runs), else a fixed label.
  const routeOf = (req, res) => res.locals.route ?? (FILE_PATH.test(req.path) ? "static" : "other");

  const metrics = createProcessMetrics({
    logger,
    sources: async () => {
      const entry = (await loadBuild()).entry.module;
      return { pool: entry.poolStatistics, system: entry.operationalSnapshot };
    },
  });
  // With several processes, every scrape is answered by the primary, which merges them all.
  const scrape = cluster.isWorker
    ? connectWorkerToPrimary(metrics.registry)
    : () => metrics.registry.metrics();

  const app = express();
  app.disable("x-powered-by");
  app.set("trust proxy", Number(process.env.TRUST_PROXY_HOPS ?? 0));

  // First of all: the request id (X-Request-Id), the request's log line and its timing.
  app.use(requestLogger(logger, { enabled: config.logRequests, routeOf }));
  app.use(metrics.middleware(routeOf));
  app.use((req, res, next) => {
    inFlight.add(res);
    const settle = () => {
      inFlight.delete(res);
      if (stopping) setImmediate(() => server?.closeIdleConnections());
    };
    res.on("finish", settle);
    res.on("close", settle);
    if (stopping) res.setHeader("Connection", "close");
    // A route may answer before it reads the body (a redirect to log in, a refusal). Remix has
    // already started reading it into a stream nobody pulls, which leaves the request paused: the
    // rest of the body, and the next request on the same kept-alive connection, would then wait
    // unread until the connection times out. Once answered, the unread rest is read and dropped
    // (what Node does itself for bodies nobody touched; bounded by the body-size limit below).
    res.on("finish", () => {
      if (req.complete) return;
      req.removeAllListeners("data");
      req.resume();
    });
    next();
  });

  // Before anything reads the request: it must be addressed to this site (a forged Host could
  // otherwise end up in links others see), use a method the site answers, and carry a query string
  // of a sane shape (server/bounded-input.js). Load balancers probe /healthz by address.
  app.use((req, res, next) => {
    const target = requestTarget(
      req.url,
      req.rawHeaders.filter((_, i) => i % 2 === 0 && /^host$/i.test(req.rawHeaders[i])).length,
    );
    if (target.problem) {
      res.status(target.problem).type("text/plain").send(`Bad request: ${target.reason}`);
      return;
    }
    if (target.host !== undefined) {
      // a whole URL on the request line: its host is the one that counts, and we serve its path
      req.headers.host = target.host;
      req.url = req.originalUrl = target.path;
    }
    if (req.path !== "/healthz" && !isSiteHost(req.get("host"), allowedOrigins)) {
      res.status(421).type("text/plain").send("Misdirected request: not a host of this site");
      return;
    }
    if (!SITE_METHODS.includes(req.method)) {
      res.status(405).set("Allow", SITE_METHODS.join(", ")).type("text/plain");
      res.send("Method not allowed");
      return;
    }
    const queryProblem = queryShapeProblem(req.originalUrl);
    if (queryProblem) {
      res
        .status(queryProblem.status)
        .type("text/plain")
        .send(`Bad request: ${queryProblem.reason}`);
      return;
    }
    next();
  });

  app.use((req, res, next) => {
    res.locals.cspNonce = crypto.randomBytes(16).toString("base64");
    res.setHeader("Permissions-Policy", PERMISSIONS_POLICY);
    // What a logged-in person sees is theirs alone: no shared or stored copies (a route may
    // still say otherwise, e.g. the open-data APIs).
    if (/(?:^|;\s*)__session=/.test(req.get("cookie") ?? ""))
      res.setHeader("Cache-Control", "private, no-store");
    next();
  });
  // Built once; the CSP nonce directive is a function of each response.
  app.use(
    helmet({
      contentSecurityPolicy: contentSecurityPolicy({
        nonce: (_req, res) => res.locals.cspNonce,
        tileUrl,
        development: !production,
        https,
      }),
      crossOriginEmbedderPolicy: false,
      referrerPolicy: { policy: "strict-origin-when-cross-origin" },
      strictTransportSecurity: https,
      xFrameOptions: { action: "deny" },
    }),
  );
  // A link's token in the address (new password, confirm e-mail, unsubscribe): no Referer to
  // other sites, no stored copy.
  app.use((req, res, next) => {
    if (isSecretPath(req.path))
      for (const [name, value] of Object.entries(SECRET_PAGE_HEADERS)) res.setHeader(name, value);
    next();
  });
  app.use(compression());
  // After compression, so that it sees the body before compression does.
  app.use(
    plainErrorReference((req) => {
      const entry = typeof build === "function" ? undefined : build.entry.module;
      return entry?.errorReferenceText?.(req.id) ?? `Error reference: ${req.id}`;
    }),
  );

  // Mutations must come from our own pages, and bodies must be of a sane size.
  app.use((req, res, next) => {
    const sizeProblem = bodySizeProblem(
      {
        method: req.method,
        contentLength: req.get("content-length"),
        transferEncoding: req.get("transfer-encoding"),
      },
      maxBodyBytes,
    );
    if (sizeProblem) {
      res
        .status(sizeProblem)
        .type("text/plain")
        .send(sizeProblem === 413 ? "Request body too large" : "Bad request");
      return;
    }
    const allowed = isAllowedMutationOrigin(
      {
        method: req.method,
        origin: req.get("origin"),
        referer: req.get("referer"),
        path: req.path,
      },
      allowedOrigins,
    );
    if (!allowed) {
      res.status(403).type("text/plain").send("Cross-origin request refused");
      return;
    }
    next();
  });

  // Prometheus metrics: behind a bearer token on this port (no token configured: no endpoint, a
  // 404 like any unknown path), or on a separate loopback port (METRICS_PORT).
  if (config.metricsToken) {
    app.get(
      "/metrics",
      (req, res, next) => {
        res.locals.route = "metrics";
        next();
      },
      metricsRoute({ token: config.metricsToken, scrape }),
    );
  }

  // Before the static folders, which hold a copy of public/sw.js without its version.
  app.get(
    "/sw.js",
    serviceWorkerScript({
      file: "public/sw.js",
      version: async () => {
        const built = await loadBuild();
        return `${built.assets.version}-${built.entry.module.localesVersion?.() ?? ""}`;
      },
      reread: !production,
    }),
  );

  if (viteDevServer) {
    app.use(viteDevServer.middlewares);
  } else {
    // Scripts and styles as the build compressed them (brotli 11, gzip 9: vite.config.ts), so
    // that no download is compressed again; `compression` sees them encoded and leaves them.
    app.use(
      "/assets",
      expressStaticGzip("build/client/assets", {
        enableBrotli: true,
        orderPreference: ["br", "gzip"],
        index: false,
        serveStatic: { immutable: true, maxAge: "1y" },
      }),
    );
    app.use(filesOnly(express.static("build/client", { maxAge: "1h" })));
  }
  app.use(filesOnly(express.static("public", { maxAge: "1h" })));

  // The Remix route a request goes to, for the metrics and the log line.
  app.use(async (req, res, next) => {
    try {
      res.locals.route = routeIdFor((await loadBuild()).routes, req.path);
    } catch {
      res.locals.route = "unmatched";
    }
    next();
  });

  // Pages, their data and the APIs (the shared cache's answers too) gzipped in one go once they
  // end, not streamed through zlib; static files above stream through `compression` as before.
  app.use(wholeBodyCompression());

  // Public pages for visitors who are not logged in, shared for a few seconds (RESPONSE_CACHE_SECONDS,
  // 0 = off; off in development and tests, where pages and the clock change under our feet). The
  // cache is this process's own: with several processes each keeps its copy (docs/decisions/0008).
  const responseCacheSeconds = Number(
    process.env.RESPONSE_CACHE_SECONDS ?? (production && process.env.APP_ENV !== "test" ? 15 : 0),
  );
  if (responseCacheSeconds > 0)
    app.use(createResponseCache({ ttlSeconds: responseCacheSeconds }).middleware);

  const admission = createAdmission({ limit: config.maxRequestsInApp });
  app.all(
    "*",
    admission.middleware,
    requestScope,
    createRequestHandler({
      build,
      mode: production ? "production" : "development",
      getLoadContext: (req, res) => ({
        cspNonce: res.locals.cspNonce,
        clientIp: req.ip ?? "unknown",
        requestId: req.id,
        log: req.log,
      }),
    }),
  );

  // Anything that failed outside Remix's own error handling: a plain 500 with the request id
  // (appended by plainErrorReference), the details only in the log.
  app.use((error, req, res, _next) => {
    // Errors Express's own parts raise about the request itself (status 4xx) are the sender's.
    const status = Number(error?.status ?? error?.statusCode);
    const senders = Number.isInteger(status) && status >= 400 && status < 500;
    (req.log ?? logger)[senders ? "warn" : "error"]({ err: error }, "unhandled error");
    if (res.headersSent) {
      res.destroy();
      return;
    }
    if (senders) res.status(status).type("text/plain").send("Bad request");
    else res.status(500).type("text/plain").send("Internal Server Error");
  });

  // The scheduler: every tick, runs the periodic tasks that are due (sending the outbox, expiring
  // waitlist offers, …). Each task runs in one process at a time and once per interval across
  // every process and machine (a lease in the database); switch off with SCHEDULER=off and run
  // `npm run jobs -- --watch` instead. A tick is skipped while the previous one still runs.
  if (process.env.SCHEDULER !== "off") {
    const tickMs = Number(process.env.SCHEDULER_INTERVAL_MS ?? 30_000);
    const tick = async () => {
      try {
        const entry = (await loadBuild()).entry.module;
        await entry.runDueTasks(entry.serverNow(), { tickMs });
      } catch (error) {
        logger.error({ err: error }, "scheduler failed");
      }
    };
    scheduler = setInterval(() => {
      if (schedulerRun || stopping) return;
      schedulerRun = tick().finally(() => {
        schedulerRun = undefined;
      });
    }, tickMs);
    scheduler.unref();
  }

  // One process alone serves its metrics port itself; under a cluster the primary does.
  if (config.metricsPort !== undefined && !cluster.isWorker && !stopping) {
    metricsServer = await startMetricsServer({ port: config.metricsPort, scrape, logger });
  }

  if (stopping) return;
  await new Promise((resolve, reject) => {
    server = app.listen(config.port, config.host, () => resolve(undefined));
    server.once("error", reject);
  });
  logger.info(
    { port: server.address().port },
    `Seoul Jobs & Labor Rights Portal on http://localhost:${server.address().port}`,
  );
}
