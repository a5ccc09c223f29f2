// The HTTP server: Express in front of Remix, in development (Vite middleware, hot reload) and in
// production (the built app). Security checks that must precede Remix live here.
import crypto from "node:crypto";
import { createRequestHandler } from "@remix-run/express";
import compression from "compression";
import express from "express";
import helmet from "helmet";
import morgan from "morgan";
import { createResponseCache } from "./server/response-cache.js";
import {
  bodySizeProblem,
  contentSecurityPolicy,
  isAllowedMutationOrigin,
} from "./server/security.js";

const production = process.env.NODE_ENV === "production";
const port = Number(process.env.PORT ?? 3000);
const host = process.env.HOST ?? "0.0.0.0";
const allowedOrigins = (process.env.APP_ORIGINS ?? "")
  .split(",")
  .map((o) => o.trim())
  .filter(Boolean);
const maxBodyBytes = Number(process.env.MAX_BODY_BYTES ?? 1_000_000);
const tileUrl = process.env.MAP_TILE_URL ?? "https://tile.openstreetmap.org/{z}/{x}/{y}.png";
const https = allowedOrigins.some((o) => o.startsWith("https:"));

/** Static folders are asked only for paths that name a file, not for every page request. */
function filesOnly(serveStatic) {
  return (req, res, next) => (/\.[\w]+$/.test(req.path) ? serveStatic(req, res, next) : next());
}

const viteDevServer = production
  ? undefined
  : await import("vite").then((vite) => vite.createServer({ server: { middlewareMode: true } }));

const app = express();
app.disable("x-powered-by");
app.set("trust proxy", Number(process.env.TRUST_PROXY_HOPS ?? 0));

app.use((req, res, next) => {
  res.locals.cspNonce = crypto.randomBytes(16).toString("base64");
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
app.use(compression());

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
      host: req.get("host"),
      protocol: req.protocol,
    },
    allowedOrigins,
  );
  if (!allowed) {
    res.status(403).type("text/plain").send("Cross-origin request refused");
    return;
  }
  next();
});

if (viteDevServer) {
  app.use(viteDevServer.middlewares);
} else {
  app.use("/assets", express.static("build/client/assets", { immutable: true, maxAge: "1y" }));
  app.use(filesOnly(express.static("build/client", { maxAge: "1h" })));
}
app.use(filesOnly(express.static("public", { maxAge: "1h" })));
if (process.env.LOG_REQUESTS !== "false") app.use(morgan(production ? "combined" : "dev"));

// Public pages for visitors who are not logged in, shared for a few seconds (RESPONSE_CACHE_SECONDS,
// 0 = off; off in development and tests, where pages and the clock change under our feet).
const responseCacheSeconds = Number(
  process.env.RESPONSE_CACHE_SECONDS ?? (production && process.env.APP_ENV !== "test" ? 15 : 0),
);
if (responseCacheSeconds > 0)
  app.use(createResponseCache({ ttlSeconds: responseCacheSeconds }).middleware);

const build = viteDevServer
  ? () => viteDevServer.ssrLoadModule("virtual:remix/server-build")
  : await import("./build/server/index.js");

app.all(
  "*",
  createRequestHandler({
    build,
    mode: production ? "production" : "development",
    getLoadContext: (req, res) => ({
      cspNonce: res.locals.cspNonce,
      clientIp: req.ip ?? "unknown",
    }),
  }),
);

// The scheduler: every tick, runs the periodic tasks that are due (sending the outbox, expiring
// waitlist offers, …). Each task runs in one process at a time and once per interval across every
// process and machine (a lease in the database); switch off with SCHEDULER=off and run
// `npm run jobs -- --watch` instead.
let scheduler;
if (process.env.SCHEDULER !== "off") {
  const tickMs = Number(process.env.SCHEDULER_INTERVAL_MS ?? 30_000);
  let running = false;
  const tick = async () => {
    if (running) return; // a long run is not overtaken by the next tick
    running = true;
    try {
      const entry = (typeof build === "function" ? await build() : build).entry.module;
      await entry.runDueTasks(entry.serverNow(), { tickMs });
    } catch (error) {
      console.error("scheduler:", error);
    } finally {
      running = false;
    }
  };
  scheduler = setInterval(tick, tickMs);
  scheduler.unref();
}

const server = app.listen(port, host, () => {
  console.log(`Seoul Jobs & Labor Rights Portal on http://localhost:${server.address().port}`);
});

function shutdown() {
  if (scheduler) clearInterval(scheduler);
  server.close(() => process.exit(0));
  setTimeout(() => process.exit(0), 3000).unref();
}
process.on("SIGTERM", shutdown);
process.on("SIGINT", shutdown);
