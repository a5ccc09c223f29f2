// The operations helpers of the server on their own: configuration defaults, request ids, route
// labels, the restart back-off, the metrics token and the plain-text error reference (over real
// HTTP). The processes themselves are tested end to end in tests/e2e/operations.test.ts.
import express from "express";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { restartDelay } from "./cluster.js";
import { serverConfig } from "./config.js";
import { plainErrorReference } from "./error-reference.js";
import { newRequestId, pathOf, requestIdFor } from "./logging.js";
import { hasToken } from "./metrics.js";
import { routeIdFor } from "./route-label.js";

describe("server configuration", () => {
  const production = { NODE_ENV: "production" };

  it("runs one process on SQLite and one per core on PostgreSQL unless told otherwise", () => {
    expect(serverConfig({ ...production }, { cores: 8 }).workers).toBe(1);
    expect(
      serverConfig({ ...production, DATABASE_URL: "postgresql://u@h/db" }, { cores: 8 }).workers,
    ).toBe(8);
    expect(
      serverConfig({ ...production, DATABASE_URL: "file:./x.db", WEB_CONCURRENCY: "3" }).workers,
    ).toBe(3);
    // the development server (Vite, hot reload) is always one process
    expect(serverConfig({ WEB_CONCURRENCY: "4" }).workers).toBe(1);
  });

  it("refuses nonsense and treats empty variables as unset", () => {
    expect(() => serverConfig({ ...production, WEB_CONCURRENCY: "zero" })).toThrow(
      /WEB_CONCURRENCY/,
    );
    expect(() => serverConfig({ ...production, METRICS_TOKEN: "short" })).toThrow(/METRICS_TOKEN/);
    expect(() => serverConfig({ ...production, LOG_LEVEL: "loud" })).toThrow(/LOG_LEVEL/);
    const config = serverConfig({ ...production, METRICS_TOKEN: "", WEB_CONCURRENCY: "" });
    expect(config.metricsToken).toBeUndefined();
    expect(config.workers).toBe(1);
    expect(config.logRequests).toBe(true);
    expect(serverConfig({ LOG_REQUESTS: "false" }).logRequests).toBe(false);
  });

  it("bounds the requests inside the app on SQLite, not on PostgreSQL, unless told otherwise", () => {
    expect(serverConfig({ ...production }).maxRequestsInApp).toBe(4);
    const postgresql = { ...production, DATABASE_URL: "postgresql://u@h/db" };
    expect(serverConfig(postgresql).maxRequestsInApp).toBe(0);
    expect(serverConfig({ ...postgresql, MAX_REQUESTS_IN_APP: "8" }).maxRequestsInApp).toBe(8);
    expect(serverConfig({ ...production, MAX_REQUESTS_IN_APP: "0" }).maxRequestsInApp).toBe(0);
    expect(() => serverConfig({ ...production, MAX_REQUESTS_IN_APP: "-1" })).toThrow(
      /MAX_REQUESTS_IN_APP/,
    );
  });
});

describe("request ids", () => {
  it("keeps a short safe incoming id and replaces anything else", () => {
    expect(requestIdFor("3f2a9c1e-8b7d-4c6a-9e2f-1a2b3c4d5e6f")).toBe(
      "3f2a9c1e-8b7d-4c6a-9e2f-1a2b3c4d5e6f",
    );
    for (const bad of [undefined, "", "a b", "<script>", "x".repeat(65), "-leading", "é"])
      expect(requestIdFor(bad)).toMatch(/^[0-9A-HJKMNP-TV-Z]{12}$/);
    expect(newRequestId()).not.toBe(newRequestId());
  });

  it("logs paths without their query string", () => {
    expect(pathOf({ originalUrl: "/jobs?q=%ED%99%8D%EA%B8%B8%EB%8F%99&page=2" })).toBe("/jobs");
    expect(pathOf({ url: "/places" })).toBe("/places");
    // the secret of a link sent by e-mail never reaches the logs
    expect(pathOf({ url: "/unsubscribe/abc.reminders.sig?x=1" })).toBe("/unsubscribe/:token");
    expect(pathOf({ url: "/reset-password/s3cr3t" })).toBe("/reset-password/:token");
    expect(pathOf({ url: "/verify-email/s3cr3t/" })).toBe("/verify-email/:token");
    // Remix's data requests of the same page (with JavaScript)
    expect(pathOf({ url: "/reset-password/s3cr3t.data" })).toBe("/reset-password/:token");
    expect(pathOf({ url: "/forgot-password" })).toBe("/forgot-password");
  });
});

describe("route labels", () => {
  const manifest = {
    root: { id: "root", path: "" },
    "routes/_index": { id: "routes/_index", parentId: "root", index: true },
    "routes/jobs.$slug._index": {
      id: "routes/jobs.$slug._index",
      parentId: "root",
      path: "jobs/:slug",
      index: true,
    },
    "routes/jobs.$slug.apply": {
      id: "routes/jobs.$slug.apply",
      parentId: "root",
      path: "jobs/:slug/apply",
    },
    "routes/$": { id: "routes/$", parentId: "root", path: "*" },
  };

  it("names the route pattern, never the slug, for pages and their data requests", () => {
    expect(routeIdFor(manifest, "/")).toBe("routes/_index");
    expect(routeIdFor(manifest, "/_root.data")).toBe("routes/_index");
    expect(routeIdFor(manifest, "/jobs/some-posting")).toBe("routes/jobs.$slug._index");
    expect(routeIdFor(manifest, "/jobs/other-posting/apply.data")).toBe("routes/jobs.$slug.apply");
    expect(routeIdFor(manifest, "/anything/else")).toBe("routes/$");
    expect(routeIdFor(manifest, "/__manifest")).toBe("__manifest");
  });

  it("gives a remembered path the same label, and forgets the oldest of many paths", () => {
    for (let i = 0; i < 2500; i += 1)
      expect(routeIdFor(manifest, `/jobs/posting-${i}`)).toBe("routes/jobs.$slug._index");
    expect(routeIdFor(manifest, "/jobs/posting-0")).toBe("routes/jobs.$slug._index");
    expect(routeIdFor(manifest, "/anything/else")).toBe("routes/$");
    expect(routeIdFor({ ...manifest }, "/jobs/posting-1")).toBe("routes/jobs.$slug._index");
  });
});

describe("restart back-off", () => {
  it("restarts a long-lived worker at once and waits longer after each early death, up to 30 s", () => {
    expect([0, 1, 2, 3, 4, 5, 6, 10].map(restartDelay)).toEqual([
      0, 1000, 2000, 4000, 8000, 16000, 30000, 30000,
    ]);
  });
});

describe("metrics token", () => {
  it("accepts only the bearer token itself", () => {
    const token = "a-very-long-metrics-token";
    expect(hasToken(`Bearer ${token}`, token)).toBe(true);
    expect(hasToken(`bearer ${token}`, token)).toBe(true);
    expect(hasToken(`Bearer ${token}x`, token)).toBe(false);
    expect(hasToken(token, token)).toBe(false);
    expect(hasToken(undefined, token)).toBe(false);
  });
});

describe("plain-text error reference", () => {
  let server;
  let base;

  beforeAll(async () => {
    const app = express();
    app.use((req, _res, next) => {
      req.id = "REF123";
      next();
    });
    app.use(plainErrorReference((req) => `Error reference: ${req.id}`));
    app.get("/streamed", (_req, res) => {
      res.status(500).type("text/plain");
      res.write("Unexpected ");
      res.end("Server Error");
    });
    app.get("/sent", (_req, res) => res.status(503).type("text/plain").send("Unavailable"));
    app.get("/html", (_req, res) => res.status(500).type("html").send("<p>page</p>"));
    app.get("/fine", (_req, res) => res.type("text/plain").send("fine"));
    await new Promise((resolve) => {
      server = app.listen(0, "127.0.0.1", resolve);
    });
    base = `http://127.0.0.1:${server.address().port}`;
  });
  afterAll(() => server?.close());

  it("ends 5xx plain-text answers with the reference, and leaves everything else alone", async () => {
    expect(await (await fetch(`${base}/streamed`)).text()).toBe(
      "Unexpected Server Error\n\nError reference: REF123\n",
    );
    const sent = await fetch(`${base}/sent`);
    expect(sent.status).toBe(503);
    expect(await sent.text()).toBe("Unavailable\n\nError reference: REF123\n");
    expect(await (await fetch(`${base}/html`)).text()).toBe("<p>page</p>");
    expect(await (await fetch(`${base}/fine`)).text()).toBe("fine");
  });
});
