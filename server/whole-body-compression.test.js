// Whole-body compression behind `compression` and the error reference, as in server/app.js, on a
// real Express server over real HTTP.
import http from "node:http";
import zlib from "node:zlib";
import compression from "compression";
import express from "express";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { plainErrorReference } from "./error-reference.js";
import { wholeBodyCompression } from "./whole-body-compression.js";

const PAGE = `<!DOCTYPE html><html lang="ko"><body>${"<p>청년 일자리 카페 상담 예약</p>".repeat(400)}</body></html>`;
let server;
let base;
let release = () => {};

beforeAll(async () => {
  const app = express();
  app.use(compression());
  app.use(plainErrorReference((req) => `Error reference: ${req.get("x-id") ?? "none"}`));
  app.use(wholeBodyCompression());
  // as Remix writes a page rendered at once: one chunk, a flush, then the end a few ticks later
  app.get("/page", (req, res) => {
    res.type("html");
    res.write(Buffer.from(PAGE));
    res.flush();
    void Promise.resolve().then(() => res.end());
  });
  // a page whose rest streams in later (deferred data): the first part must not wait for it
  app.get("/streaming", (req, res) => {
    res.type("html");
    res.write("<p>first part</p>".repeat(100));
    res.flush();
    release = () => res.end("<p>the rest</p>");
  });
  app.get("/small", (req, res) => res.type("html").send("<p>short</p>"));
  app.get("/large", (req, res) => res.type("text/csv").send("a,b,c\n".repeat(200_000)));
  app.get("/picture", (req, res) => res.type("image/png").send(Buffer.alloc(4096, 7)));
  app.get("/failed", (req, res) =>
    res.status(500).type("text/plain").send("Unexpected Server Error".repeat(100)),
  );
  app.get("/callback", (req, res) => {
    res.type("html");
    res.write(PAGE, "utf8", () => res.end());
  });
  await new Promise((resolve) => {
    server = app.listen(0, "127.0.0.1", resolve);
  });
  base = `http://127.0.0.1:${server.address().port}`;
});

afterAll(() => new Promise((resolve) => server.close(resolve)));

/** The raw answer: status, headers and the body as sent (not decompressed). */
function get(path, headers = { "accept-encoding": "gzip" }, method = "GET") {
  return new Promise((resolve, reject) => {
    http
      .request(`${base}${path}`, { headers, method }, (res) => {
        const chunks = [];
        res.on("data", (chunk) => chunks.push(chunk));
        res.on("end", () =>
          resolve({ status: res.statusCode, headers: res.headers, body: Buffer.concat(chunks) }),
        );
      })
      .on("error", reject)
      .end();
  });
}

describe("whole-body compression", () => {
  it("gzips a page written at once in one go, with its length", async () => {
    const res = await get("/page");
    expect(res.headers["content-encoding"]).toBe("gzip");
    expect(res.headers["transfer-encoding"]).toBeUndefined();
    expect(Number(res.headers["content-length"])).toBe(res.body.length);
    expect(res.headers.vary).toMatch(/accept-encoding/i);
    expect(zlib.gunzipSync(res.body).toString("utf8")).toBe(PAGE);
  });

  it("sends the page as it is to a client that takes no gzip", async () => {
    const res = await get("/page", { "accept-encoding": "identity" });
    expect(res.headers["content-encoding"]).toBeUndefined();
    expect(res.body.toString("utf8")).toBe(PAGE);
    const none = await get("/page", {});
    expect(none.headers["content-encoding"]).toBeUndefined();
    expect(none.body.toString("utf8")).toBe(PAGE);
  });

  it("lets a body that is still streaming go out before it ends", async () => {
    const firstPart = "<p>first part</p>".repeat(100);
    const received = await new Promise((resolve, reject) => {
      http
        .get(`${base}/streaming`, { headers: { "accept-encoding": "gzip" } }, (res) => {
          let text = "";
          const gunzip = zlib.createGunzip();
          res.pipe(gunzip);
          gunzip.on("data", (chunk) => {
            text += chunk.toString("utf8");
            // the end is sent only once the first part has arrived: held back, it never would
            if (text === firstPart) release();
          });
          gunzip.on("end", () => resolve({ text, encoding: res.headers["content-encoding"] }));
          gunzip.on("error", reject);
        })
        .on("error", reject);
    });
    expect(received.encoding).toBe("gzip");
    expect(received.text).toBe(`${firstPart}<p>the rest</p>`);
  });

  it("leaves small bodies and pictures uncompressed", async () => {
    const small = await get("/small");
    expect(small.headers["content-encoding"]).toBeUndefined();
    expect(small.body.toString("utf8")).toBe("<p>short</p>");
    const picture = await get("/picture");
    expect(picture.headers["content-encoding"]).toBeUndefined();
    expect(picture.body).toEqual(Buffer.alloc(4096, 7));
  });

  it("streams a large body through compression as before, whole", async () => {
    const res = await get("/large");
    expect(res.headers["content-encoding"]).toBe("gzip");
    expect(res.headers["content-length"]).toBeUndefined();
    expect(zlib.gunzipSync(res.body).toString("utf8")).toBe("a,b,c\n".repeat(200_000));
  });

  it("keeps the error reference on a plain-text server error", async () => {
    const res = await get("/failed", { "accept-encoding": "gzip", "x-id": "req-42" });
    expect(res.status).toBe(500);
    const text =
      res.headers["content-encoding"] === "gzip"
        ? zlib.gunzipSync(res.body).toString("utf8")
        : res.body.toString("utf8");
    expect(text).toBe(`${"Unexpected Server Error".repeat(100)}\n\nError reference: req-42\n`);
  });

  it("calls a write's callback, and answers HEAD without a body", async () => {
    const res = await get("/callback");
    expect(zlib.gunzipSync(res.body).toString("utf8")).toBe(PAGE);
    const head = await get("/page", { "accept-encoding": "gzip" }, "HEAD");
    expect(head.status).toBe(200);
    expect(head.body.length).toBe(0);
  });
});
