import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { serviceWorkerScript } from "./service-worker.js";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "sw-script-"));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

function scriptFile(text) {
  const file = path.join(dir, `${Math.random().toString(36).slice(2)}.js`);
  fs.writeFileSync(file, text);
  return file;
}

/** Runs the handler as Express would; resolves with what it answered or passed on. */
function answer(handler) {
  return new Promise((resolve) => {
    const res = {
      headers: {},
      set(values) {
        Object.assign(this.headers, values);
        return this;
      },
      send(body) {
        resolve({ headers: this.headers, body });
      },
    };
    void handler({}, res, (error) => resolve({ error }));
  });
}

describe("the service worker's script", () => {
  it("carries the version of the build, and is never kept as a long-lived copy", async () => {
    const file = scriptFile('const VERSION = "__SERVICE_WORKER_VERSION__";');
    const result = await answer(
      serviceWorkerScript({ file, version: async () => "abc123-0123456789ab" }),
    );
    expect(result.body).toBe('const VERSION = "abc123-0123456789ab";');
    expect(result.headers["Content-Type"]).toBe("text/javascript; charset=utf-8");
    expect(result.headers["Cache-Control"]).toBe("no-cache");
  });

  it("is read once in production, and on every request in development", async () => {
    const file = scriptFile('const VERSION = "__SERVICE_WORKER_VERSION__";');
    let version = "one";
    const cached = serviceWorkerScript({ file, version: async () => version });
    const fresh = serviceWorkerScript({ file, version: async () => version, reread: true });
    await answer(cached);
    await answer(fresh);
    version = "two";
    expect((await answer(cached)).body).toContain('"one"');
    expect((await answer(fresh)).body).toContain('"two"');
  });

  it("fails (a 500 with the request id) rather than serve a worker without a version, and tries again", async () => {
    const file = scriptFile("const VERSION = 'none';");
    const handler = serviceWorkerScript({ file, version: async () => "v" });
    const failed = await answer(handler);
    expect(failed.error?.message).toMatch(/no version placeholder/);
    fs.writeFileSync(file, 'const VERSION = "__SERVICE_WORKER_VERSION__";');
    expect((await answer(handler)).body).toBe('const VERSION = "v";');
  });
});
