// The shared cache in front of Remix, on a real Express server over real HTTP.
import crypto from "node:crypto";
import express from "express";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { cacheKey, createResponseCache, isCacheableRequest } from "./response-cache.js";

let server;
let base;
let now = 1_000_000;
let renders = 0;
const cache = createResponseCache({ ttlSeconds: 15, now: () => now });

beforeAll(async () => {
  const app = express();
  app.use((req, res, next) => {
    res.locals.cspNonce = crypto.randomBytes(16).toString("base64");
    res.setHeader("Content-Security-Policy", `script-src 'nonce-${res.locals.cspNonce}'`);
    next();
  });
  app.use(cache.middleware);
  app.get(["/places", "/jobs", "/account"], (req, res) => {
    renders += 1;
    if (req.query.cookie) res.setHeader("Set-Cookie", "x=1");
    res.type("html");
    // streamed in two writes, as Remix does
    res.write(
      `<html lang="${req.get("accept-language") ?? "ko"}"><script nonce="${res.locals.cspNonce}">`,
    );
    res.end(`render ${renders}</script></html>`);
  });
  app.get("/places/:slug", (req, res) => res.status(404).type("html").send("not here"));
  // a client navigation's data (Remix single fetch), for a public page and for a private one
  app.get(["/jobs.data", "/_root.data", "/account.data"], (req, res) => {
    renders += 1;
    res.type("text/x-script").send(`[{"render":${renders}}]`);
  });
  // open data: the same for everyone, with a validator; /api/places is per client (rate-limited)
  app.get(["/api/postings", "/api/places"], (req, res) => {
    renders += 1;
    if (req.query.page === "0") return res.status(400).json({ errors: { page: ["bad"] } });
    res.set({
      ETag: `W/"v${req.query.page ?? 1}"`,
      "Cache-Control": "public, max-age=60",
      "Access-Control-Allow-Origin": "*",
    });
    res.json({ render: renders, nonce: res.locals.cspNonce });
  });
  // a slow page, as a cold render on deadline day
  app.get("/shelters", (req, res) => {
    renders += 1;
    setTimeout(() => res.type("html").send(`<p>slow render ${renders}</p>`), 150);
  });
  await new Promise((resolve) => {
    server = app.listen(0, "127.0.0.1", resolve);
  });
  base = `http://127.0.0.1:${server.address().port}`;
});
afterAll(() => server?.close());
beforeEach(() => {
  cache.clear();
  renders = 0;
});

const nonceOf = (response) =>
  /'nonce-([^']+)'/.exec(response.headers.get("content-security-policy"))[1];

describe("shared response cache", () => {
  it("serves a public page once rendered to the next anonymous visitor, with that visitor's own nonce", async () => {
    const first = await fetch(`${base}/places?kind=job_cafe`);
    const firstBody = await first.text();
    const second = await fetch(`${base}/places?kind=job_cafe`);
    const secondBody = await second.text();
    expect(renders).toBe(1);
    expect(first.headers.get("x-cache")).toBe("MISS");
    expect(second.headers.get("x-cache")).toBe("HIT");
    expect(secondBody).toContain("render 1");
    expect(secondBody).toContain(`nonce="${nonceOf(second)}"`);
    expect(nonceOf(second)).not.toBe(nonceOf(first));
    expect(secondBody).not.toContain(nonceOf(first));
    expect(firstBody.replace(nonceOf(first), "N")).toBe(secondBody.replace(nonceOf(second), "N"));
  });

  it("never shares a page with or from a logged-in visitor", async () => {
    await fetch(`${base}/places`, { headers: { Cookie: "__session=abc" } });
    await fetch(`${base}/places`, { headers: { Cookie: "lng=en; __session=abc" } });
    expect(renders).toBe(2);
    await fetch(`${base}/places`);
    const withSession = await fetch(`${base}/places`, { headers: { Cookie: "__session=abc" } });
    expect(withSession.headers.get("x-cache")).toBeNull();
    expect(renders).toBe(4);
  });

  it("keeps languages apart", async () => {
    await fetch(`${base}/jobs`, { headers: { "Accept-Language": "en" } });
    const korean = await fetch(`${base}/jobs`, { headers: { "Accept-Language": "ko" } });
    const switched = await fetch(`${base}/jobs`, {
      headers: { "Accept-Language": "ko", Cookie: "lng=en" },
    });
    expect(await korean.text()).toContain('lang="ko"');
    expect(switched.headers.get("x-cache")).toBe("MISS");
    expect(renders).toBe(3);
  });

  it("does not keep other paths, errors, responses that set cookies, or anything past its time", async () => {
    await fetch(`${base}/account`);
    await fetch(`${base}/account`);
    expect(renders).toBe(2);
    await fetch(`${base}/places/nowhere`);
    expect((await fetch(`${base}/places/nowhere`)).headers.get("x-cache")).toBe("MISS");
    await fetch(`${base}/places?cookie=1`);
    await fetch(`${base}/places?cookie=1`);
    expect(renders).toBe(4);
    await fetch(`${base}/places`);
    now += 16_000;
    expect((await fetch(`${base}/places`)).headers.get("x-cache")).toBe("MISS");
    expect(renders).toBe(6);
  });

  it("keeps the open-data postings search like a page, and answers its validator with 304", async () => {
    const first = await fetch(`${base}/api/postings?q=x`);
    const firstBody = await first.text();
    const second = await fetch(`${base}/api/postings?q=x`);
    expect(second.headers.get("x-cache")).toBe("HIT");
    // the same bytes: JSON has no nonce to rewrite, even one that looks like this response's
    expect(await second.text()).toBe(firstBody);
    for (const name of ["etag", "cache-control", "access-control-allow-origin", "content-type"])
      expect(second.headers.get(name)).toBe(first.headers.get(name));
    expect(renders).toBe(1);

    const revalidated = await fetch(`${base}/api/postings?q=x`, {
      headers: { "If-None-Match": `"other", ${first.headers.get("etag").replace("W/", "")}` },
    });
    expect(revalidated.status).toBe(304);
    expect(revalidated.headers.get("etag")).toBe(first.headers.get("etag"));
    expect(await revalidated.text()).toBe("");
    const changed = await fetch(`${base}/api/postings?q=x`, {
      headers: { "If-None-Match": '"old"' },
    });
    expect(changed.status).toBe(200);
    expect(renders).toBe(1);

    // another query, a refused one, another API and a logged-in reader are each worked out
    await fetch(`${base}/api/postings?q=x&page=2`);
    await fetch(`${base}/api/postings?page=0`);
    expect((await fetch(`${base}/api/postings?page=0`)).status).toBe(400);
    await fetch(`${base}/api/places`);
    await fetch(`${base}/api/places`);
    await fetch(`${base}/api/postings?q=x`, { headers: { Cookie: "__session=abc" } });
    expect(renders).toBe(7);
  });

  it("keeps a public page's data for client navigation like the page, and no other page's", async () => {
    for (const path of ["/jobs.data?q=x", "/_root.data"]) {
      const first = await fetch(`${base}${path}`);
      const second = await fetch(`${base}${path}`);
      expect(second.headers.get("x-cache")).toBe("HIT");
      expect(second.headers.get("content-type")).toBe(first.headers.get("content-type"));
      expect(await second.text()).toBe(await first.text());
    }
    expect(renders).toBe(2);
    await fetch(`${base}/jobs.data?q=x`, { headers: { Cookie: "__session=abc" } });
    await fetch(`${base}/account.data`);
    await fetch(`${base}/account.data`);
    expect(renders).toBe(5);
  });

  it("renders a new page once when many visitors ask for it at the same moment", async () => {
    const bodies = await Promise.all(
      Array.from({ length: 50 }, () => fetch(`${base}/shelters?open=now`).then((r) => r.text())),
    );
    expect(renders).toBe(1);
    expect(new Set(bodies)).toEqual(new Set(["<p>slow render 1</p>"]));
  });

  it("lets each waiter render for itself when the first render cannot be shared", async () => {
    const statuses = await Promise.all(
      Array.from({ length: 5 }, () => fetch(`${base}/places/nowhere`).then((r) => r.status)),
    );
    expect(statuses).toEqual([404, 404, 404, 404, 404]);
  });

  it("decides from the request alone", () => {
    expect(isCacheableRequest({ method: "POST", path: "/places" })).toBe(false);
    expect(isCacheableRequest({ method: "GET", path: "/places/seocho-shelter" })).toBe(true);
    expect(isCacheableRequest({ method: "GET", path: "/jobs/x/apply" })).toBe(false);
    expect(isCacheableRequest({ method: "GET", path: "/places", authorization: "Bearer x" })).toBe(
      false,
    );
    expect(isCacheableRequest({ method: "GET", path: "/api/postings" })).toBe(true);
    expect(isCacheableRequest({ method: "GET", path: "/api/places" })).toBe(false);
    expect(isCacheableRequest({ method: "GET", path: "/places/seocho-shelter.data" })).toBe(true);
    expect(isCacheableRequest({ method: "GET", path: "/bookings.data" })).toBe(false);
    expect(cacheKey("/a", "lng=en", "ko")).not.toBe(cacheKey("/a", "", "ko"));
  });
});
