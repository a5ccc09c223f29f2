// Serves the reference build (see vite.config.ts) the way the portal serves its own: Express,
// compression, static assets, @remix-run/express. PORT and HOST as for the portal.
import { createRequestHandler } from "@remix-run/express";
import compression from "compression";
import express from "express";
import path from "node:path";

const build = path.join(import.meta.dirname, "../../.tmp/reference-build");
const app = express();
app.disable("x-powered-by");
app.use(compression());
app.use(
  "/assets",
  express.static(path.join(build, "client/assets"), { immutable: true, maxAge: "1y" }),
);
app.get("/healthz", (_req, res) => res.json({ ok: true, pid: process.pid }));
app.all(
  "*",
  createRequestHandler({
    build: await import(path.join(build, "server/index.js")),
    mode: "production",
  }),
);
const server = app.listen(Number(process.env.PORT ?? 3100), process.env.HOST ?? "127.0.0.1");
process.on("SIGTERM", () => server.close(() => process.exit(0)));
