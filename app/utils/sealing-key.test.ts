// The machine's own sealing key (no BOOKING_DESCRIPTION_KEY): made once, kept in data/, the same
// after a restart, and a damaged key file stops the server instead of sealing with nothing.
// Each case is a fresh Node process in an empty directory, as a server start is.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";

const envModule = path.resolve("app/utils/env.server.ts");
const tsx = path.resolve("node_modules/.bin/tsx");

function sealingKeyIn(directory: string): string {
  const script = `import(${JSON.stringify(envModule)}).then((m) => console.log(m.getEnv().sealingKey))`;
  const env: NodeJS.ProcessEnv = { ...process.env, APP_ENV: "development" };
  env.NODE_ENV = "development";
  delete env.BOOKING_DESCRIPTION_KEY;
  return execFileSync(tsx, ["-e", script], { cwd: directory, env, encoding: "utf8" }).trim();
}

describe("the machine's own sealing key", () => {
  it("is made on the first start, kept private in data/, and the same after a restart", () => {
    const directory = fs.mkdtempSync(path.join(os.tmpdir(), "sealing-key-"));
    const first = sealingKeyIn(directory);
    expect(Buffer.from(first, "base64")).toHaveLength(32);
    const file = path.join(directory, "data/.sealing-key");
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    expect(sealingKeyIn(directory)).toBe(first);
    // no draft left behind
    expect(fs.readdirSync(path.join(directory, "data")).sort()).toEqual([
      ".sealing-key",
      ".session-secret",
    ]);
  }, 30_000);

  it("stops the server when the key file is damaged", () => {
    const directory = fs.mkdtempSync(path.join(os.tmpdir(), "sealing-key-"));
    fs.mkdirSync(path.join(directory, "data"));
    fs.writeFileSync(path.join(directory, "data/.sealing-key"), "");
    expect(() => sealingKeyIn(directory)).toThrow(/32-byte/);
  }, 30_000);
});
