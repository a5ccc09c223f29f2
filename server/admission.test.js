// Admission in arrival order, on a real Express server over real HTTP, with the body read the way
// Remix's adapter reads it.
import { AsyncLocalStorage } from "node:async_hooks";
import net from "node:net";
import { createReadableStreamFromReadable } from "@remix-run/node";
import express from "express";
import { afterEach, describe, expect, it } from "vitest";
import { createAdmission } from "./admission.js";
import { requestScope } from "./request-scope.js";

/** @type {import("node:http").Server[]} */
const servers = [];
afterEach(async () => {
  for (const server of servers.splice(0)) {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
});

/** Serves `app` on a free port of this machine, closed after the test. */
async function listen(app) {
  const server = app.listen(0, "127.0.0.1");
  servers.push(server);
  await new Promise((resolve) => server.once("listening", resolve));
  return { server, base: `http://127.0.0.1:${server.address().port}` };
}

/** Waits (at most 2.5 s) until `condition()` holds. */
async function until(condition) {
  for (let i = 0; i < 500 && !condition(); i += 1) await new Promise((r) => setTimeout(r, 5));
  expect(condition()).toBe(true);
}

/**
 * A server whose /hold/<id> answers only when released, /quick at once and POST /echo with the
 * body it read; records the order requests arrived (before admission) and started (inside).
 */
async function start(limit) {
  const admission = createAdmission({ limit });
  const arrived = [];
  const started = [];
  const gates = new Map();
  let inside = 0;
  let mostInside = 0;
  const app = express();
  app.use((req, res, next) => {
    arrived.push(req.path);
    next();
  });
  app.use(admission.middleware);
  app.use((req, res, next) => {
    started.push(req.path);
    inside += 1;
    mostInside = Math.max(mostInside, inside);
    // the app's turn ends when it ends the response (finish comes a tick later)
    const end = res.end;
    res.end = function (...args) {
      inside -= 1;
      return end.apply(this, args);
    };
    next();
  });
  app.get("/hold/:id", (req, res) => {
    gates.set(req.params.id, () => res.end(`done ${req.params.id}`));
  });
  app.get("/quick", (req, res) => res.end("quick"));
  app.post("/echo", async (req, res) => {
    const body = await new Response(createReadableStreamFromReadable(req)).text();
    res.end(`${body.length}:${body.slice(0, 20)}`);
  });
  const { server, base } = await listen(app);
  const release = async (id) => {
    await until(() => gates.has(id));
    gates.get(id)();
  };
  return {
    base,
    server,
    arrived,
    started,
    until,
    release,
    state: admission.state,
    mostInside: () => mostInside,
  };
}

/** A raw connection that sends `head` now; the rest is up to the caller. */
function rawRequest(server, head) {
  const socket = net.connect(server.address().port, "127.0.0.1");
  let answer = "";
  socket.setEncoding("utf8");
  socket.on("data", (chunk) => (answer += chunk));
  socket.on("error", () => {});
  socket.write(head);
  return { socket, answer: () => answer };
}

describe("admission in arrival order", () => {
  it("lets at most `limit` requests in at a time and the others in the order they arrived", async () => {
    const site = await start(2);
    const answers = [];
    for (const id of ["1", "2", "3", "4", "5"]) {
      answers.push(fetch(`${site.base}/hold/${id}`).then((r) => r.text()));
      await site.until(() => site.arrived.length === Number(id));
    }
    await site.until(() => site.started.length === 2);
    expect(site.state()).toEqual({ inApp: 2, waiting: 3 });
    // the last to arrive is released first: the one waiting longest still goes in first
    for (const id of ["2", "1", "4", "3", "5"]) await site.release(id);
    expect(await Promise.all(answers)).toEqual(["1", "2", "3", "4", "5"].map((i) => `done ${i}`));
    expect(site.started).toEqual(site.arrived);
    expect(site.mostInside()).toBe(2);
    expect(site.state()).toEqual({ inApp: 0, waiting: 0 });
  });

  it("without a bound (0), every request goes in at once (the control)", async () => {
    const site = await start(0);
    const answers = ["1", "2", "3", "4", "5"].map((id) =>
      fetch(`${site.base}/hold/${id}`).then((r) => r.text()),
    );
    await site.until(() => site.started.length === 5);
    for (const id of ["1", "2", "3", "4", "5"]) await site.release(id);
    await Promise.all(answers);
    expect(site.mostInside()).toBe(5);
  });

  it("does not let a slow sender hold a place, and hands the app its whole body", async () => {
    const site = await start(1);
    const body = "intent=book&key=" + "k".repeat(24);
    const slow = rawRequest(
      site.server,
      `POST /echo HTTP/1.1\r\nHost: x\r\nContent-Type: application/x-www-form-urlencoded\r\n` +
        `Content-Length: ${body.length}\r\nConnection: close\r\n\r\n${body.slice(0, 5)}`,
    );
    await site.until(() => site.arrived.includes("/echo"));
    // its place stays free while the rest of its body has not come
    expect(await (await fetch(`${site.base}/quick`)).text()).toBe("quick");
    expect(site.started).toEqual(["/quick"]);
    slow.socket.write(body.slice(5));
    await site.until(() => slow.answer().includes("\r\n\r\n") && slow.answer().endsWith("k"));
    expect(slow.answer()).toMatch(/^HTTP\/1\.1 200/);
    expect(slow.answer()).toContain(`${body.length}:${body.slice(0, 20)}`);
  });

  it("admits a body larger than the request's buffer once the buffer is full, and it arrives whole", async () => {
    const site = await start(1);
    const body = "x".repeat(200_000);
    const response = await fetch(`${site.base}/echo`, { method: "POST", body });
    expect(await response.text()).toBe(`200000:${"x".repeat(20)}`);
  });

  it("skips a request whose sender left while it waited, and frees the place of one that leaves inside", async () => {
    const site = await start(1);
    const first = fetch(`${site.base}/hold/1`).then((r) => r.text());
    await site.until(() => site.started.length === 1);
    const left = rawRequest(site.server, "GET /hold/2 HTTP/1.1\r\nHost: x\r\n\r\n");
    await site.until(() => site.arrived.length === 2);
    left.socket.destroy();
    const third = fetch(`${site.base}/hold/3`).then((r) => r.text());
    await site.until(() => site.arrived.length === 3);
    await site.release("1");
    expect(await first).toBe("done 1");
    await site.until(() => site.started.includes("/hold/3"));
    expect(site.started).toEqual(["/hold/1", "/hold/3"]);
    // the third's sender leaves inside the app without an answer: its place is given back
    const inside = rawRequest(site.server, "GET /hold/4 HTTP/1.1\r\nHost: x\r\n\r\n");
    await site.release("3");
    expect(await third).toBe("done 3");
    await site.until(() => site.started.includes("/hold/4"));
    inside.socket.destroy();
    await site.until(() => site.state().inApp === 0);
    expect(await (await fetch(`${site.base}/quick`)).text()).toBe("quick");
  });

  it("lets a request that waited go on as itself, never in the context of the one that made room", async () => {
    // What a request works out for itself (who is asking) lives in its async context: one let in
    // when another ends must not carry on in that other's context and read its "who is asking".
    const asking = new AsyncLocalStorage();
    const admission = createAdmission({ limit: 1 });
    const gates = new Map();
    const app = express();
    app.use((req, res, next) => asking.run(req.path, next));
    app.use(admission.middleware, requestScope);
    app.get("/hold/:id", async (req, res) => {
      const scope = globalThis[Symbol.for("seoul-portal.request-scope")].getStore();
      scope.set("user", `user of ${req.path}`);
      // ends inside its own context, as a route does after its awaits
      await new Promise((resolve) => gates.set(req.params.id, resolve));
      res.end(`done ${req.params.id}`);
    });
    app.all("/who", (req, res) => {
      const scope = globalThis[Symbol.for("seoul-portal.request-scope")].getStore();
      res.json({
        asking: asking.getStore() ?? null,
        scoped: scope !== undefined,
        user: scope?.get("user") ?? null,
      });
    });
    const { base } = await listen(app);

    const held = fetch(`${base}/hold/1`).then((r) => r.text());
    await until(() => gates.has("1"));
    const waitingPost = fetch(`${base}/who`, { method: "POST", body: "a=1" }).then((r) => r.json());
    await until(() => admission.state().waiting === 1);
    const waitingGet = fetch(`${base}/who`).then((r) => r.json());
    await until(() => admission.state().waiting === 2);
    gates.get("1")();
    expect(await held).toBe("done 1");
    // each sees its own context: its own fresh request scope, never the scope of the request
    // that ended before it
    expect(await waitingPost).toEqual({ asking: "/who", scoped: true, user: null });
    expect(await waitingGet).toEqual({ asking: "/who", scoped: true, user: null });
  });
});
