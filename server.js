// The HTTP server: Express in front of Remix, in development (Vite middleware, hot reload) and in
// production (the built app). Security checks that must precede Remix live here.
import crypto from "node:crypto";
import { createRequestHandler } from "@remix-run/express";
import compression from "compression";
import express from "express";
import helmet from "helmet";
import morgan from "morgan";
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
app.use((req, res, next) =>
  helmet({
    contentSecurityPolicy: contentSecurityPolicy({
      nonce: res.locals.cspNonce,
      tileUrl,
      development: !production,
      https,
    }),
    crossOriginEmbedderPolicy: false,
    referrerPolicy: { policy: "strict-origin-when-cross-origin" },
    strictTransportSecurity: https,
    xFrameOptions: { action: "deny" },
  })(req, res, next),
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
  app.use(express.static("build/client", { maxAge: "1h" }));
}
app.use(express.static("public", { maxAge: "1h" }));
if (process.env.LOG_REQUESTS !== "false") app.use(morgan(production ? "combined" : "dev"));

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

// The scheduler: sends the notification outbox and other due work every 30 s. Safe with several
// servers (each task claims its rows); switch off with SCHEDULER=off and run `npm run jobs` instead.
let scheduler;
if (process.env.SCHEDULER !== "off") {
  const tick = async () => {
    try {
      const entry = (typeof build === "function" ? await build() : build).entry.module;
      await entry.runPeriodicTasks(entry.serverNow());
    } catch (error) {
      console.error("scheduler:", error);
    }
  };
  scheduler = setInterval(tick, Number(process.env.SCHEDULER_INTERVAL_MS ?? 30_000));
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
