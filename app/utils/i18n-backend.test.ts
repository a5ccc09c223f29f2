import http from "node:http";
import type { AddressInfo } from "node:net";
import type { CallbackError } from "i18next";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fetchBackend } from "./i18n-backend";

// A real HTTP server standing in for /resources/locales/<lng>/<ns>.
let base = "";
const server = http.createServer((request, response) => {
  if (request.url === "/ko/common") {
    response.setHeader("Content-Type", "application/json");
    response.end(JSON.stringify({ hello: "안녕하세요" }));
  } else if (request.url === "/ko/broken") {
    response.end("{not json");
  } else if (request.url === "/ko/down") {
    response.statusCode = 503;
    response.end();
  } else {
    response.statusCode = 404;
    response.end();
  }
});
beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

function read(namespace: string) {
  const backend = fetchBackend((language, ns) => `${base}/${language}/${ns}`);
  return new Promise<{ error: CallbackError; data: unknown }>((resolve) =>
    backend.read("ko", namespace, (error, data) => resolve({ error, data })),
  );
}

describe("the browser's translation backend", () => {
  it("gives i18next the namespace's translations", async () => {
    expect(await read("common")).toEqual({ error: null, data: { hello: "안녕하세요" } });
  });

  it("asks i18next to try again after a server error, not after a missing namespace", async () => {
    const down = await read("down");
    expect(String(down.error)).toContain("503");
    expect(down.data).toBe(true);
    const missing = await read("nothing");
    expect(String(missing.error)).toContain("404");
    expect(missing.data).toBe(false);
  });

  it("reports a body that is not JSON instead of never answering", async () => {
    const broken = await read("broken");
    expect(broken.error).toBeInstanceOf(Error);
    expect(broken.data).toBe(false);
  });
});
