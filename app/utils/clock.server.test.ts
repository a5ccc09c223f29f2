import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";
import { now, setTestNow } from "./clock.server";
import { resetEnvCache } from "./env.server";

afterEach(() => {
  vi.unstubAllEnvs();
  resetEnvCache();
});

function useEnv(values: Record<string, string | undefined>) {
  for (const [key, value] of Object.entries(values)) vi.stubEnv(key, value);
  resetEnvCache();
}

const instant = new Date("2026-12-01T03:04:05.000Z");

describe("the test clock", () => {
  it("is kept in TEST_CLOCK_FILE, so that another process given the file sees it", () => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "clock-")), "clock");
    useEnv({ APP_ENV: "test", TEST_CLOCK_FILE: file, TEST_FIXED_NOW: undefined });
    setTestNow(instant);
    expect(fs.readFileSync(file, "utf8")).toBe(instant.toISOString());
    expect(now().toISOString()).toBe(instant.toISOString());
    // another process moves it: this one follows
    fs.writeFileSync(file, "2027-01-01T00:00:00.000Z");
    expect(now().toISOString()).toBe("2027-01-01T00:00:00.000Z");
    setTestNow(null);
    expect(Math.abs(now().getTime() - Date.now())).toBeLessThan(1000);
    fs.rmSync(path.dirname(file), { recursive: true });
  });

  it("falls back to TEST_FIXED_NOW when released", () => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "clock-")), "clock");
    useEnv({ APP_ENV: "test", TEST_CLOCK_FILE: file, TEST_FIXED_NOW: "2026-11-24T17:00:00.000Z" });
    setTestNow(instant);
    setTestNow(null);
    expect(now().toISOString()).toBe("2026-11-24T17:00:00.000Z");
    fs.rmSync(path.dirname(file), { recursive: true });
  });

  it("cannot be set, and is not read, outside APP_ENV=test", () => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "clock-")), "clock");
    fs.writeFileSync(file, instant.toISOString());
    useEnv({ APP_ENV: "production", TEST_CLOCK_FILE: file, TEST_FIXED_NOW: instant.toISOString() });
    expect(() => setTestNow(instant)).toThrow();
    expect(Math.abs(now().getTime() - Date.now())).toBeLessThan(1000);
    fs.rmSync(path.dirname(file), { recursive: true });
  });
});
