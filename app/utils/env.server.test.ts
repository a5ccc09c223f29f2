import { afterEach, describe, expect, it } from "vitest";
import { getEnv, resetEnvCache } from "./env.server";

const saved = { APP_ORIGINS: process.env.APP_ORIGINS, SECURE_COOKIES: process.env.SECURE_COOKIES };

function envWith(values: { APP_ORIGINS?: string; SECURE_COOKIES?: string }) {
  for (const [name, value] of Object.entries(values)) {
    if (value === undefined) delete process.env[name];
    else process.env[name] = value;
  }
  resetEnvCache();
  return getEnv();
}

afterEach(() => envWith(saved));

describe("the site's origins", () => {
  it("makes cookies Secure when, and only when, the canonical (first) origin is https", () => {
    expect(envWith({ APP_ORIGINS: "https://jobs.seoul.example" }).secureCookies).toBe(true);
    expect(
      envWith({ APP_ORIGINS: "https://jobs.seoul.example,http://localhost:3000" }).secureCookies,
    ).toBe(true);
    expect(
      envWith({ APP_ORIGINS: "http://localhost:3000,https://jobs.seoul.example" }).secureCookies,
    ).toBe(false);
    expect(envWith({ APP_ORIGINS: undefined }).secureCookies).toBe(false);
    expect(envWith({ APP_ORIGINS: undefined }).allowedOrigins[0]).toMatch(/^http:\/\/localhost:/);
  });

  it("lets SECURE_COOKIES decide when set", () => {
    expect(envWith({ APP_ORIGINS: undefined, SECURE_COOKIES: "true" }).secureCookies).toBe(true);
    expect(
      envWith({ APP_ORIGINS: "https://jobs.seoul.example", SECURE_COOKIES: "false" }).secureCookies,
    ).toBe(false);
  });
});
