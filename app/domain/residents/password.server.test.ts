import { afterEach, describe, expect, it, vi } from "vitest";
import { resetEnvCache } from "~/utils/env.server";
import { hashingCost, hashPassword, verifyPassword } from "./password.server";

afterEach(() => {
  vi.unstubAllEnvs();
  resetEnvCache();
});

function useEnv(values: Record<string, string | undefined>) {
  for (const [key, value] of Object.entries(values)) vi.stubEnv(key, value);
  resetEnvCache();
}

// A hash as stored before the cost depended on the environment (full cost, made outside this code).
const STORED_BEFORE =
  "scrypt$32768$8$1$xqCNW7I2ANjuM4Pa3m1X4g==$o51c0FG1g3PPDMIfe9wS6yV1I6SEdy6GzNamdjGf+FQ=";

describe("password hashing", () => {
  it("uses the full cost whenever APP_ENV is not test", async () => {
    for (const env of [
      { APP_ENV: "production", NODE_ENV: "production" },
      { APP_ENV: "development", NODE_ENV: "test" },
      { APP_ENV: undefined, NODE_ENV: "production" },
      { APP_ENV: undefined, NODE_ENV: "development" },
    ]) {
      useEnv(env);
      expect(hashingCost(), JSON.stringify(env)).toEqual({ N: 2 ** 15, r: 8, p: 1 });
    }
    useEnv({ APP_ENV: "production", NODE_ENV: "production" });
    expect(await hashPassword("a long passphrase")).toMatch(/^scrypt\$32768\$8\$1\$[^$]+\$[^$]+$/);
  });

  it("uses a low cost under APP_ENV=test, recorded in the hash", async () => {
    useEnv({ APP_ENV: "test" });
    expect(hashingCost().N).toBeLessThan(2 ** 15);
    expect(await hashPassword("a long passphrase")).toMatch(/^scrypt\$1024\$8\$1\$[^$]+\$[^$]+$/);
  });

  it("verifies hashes of either cost, whatever the environment, with the cost the hash records", async () => {
    useEnv({ APP_ENV: "production", NODE_ENV: "production" });
    const full = await hashPassword("비밀번호 correct horse");
    useEnv({ APP_ENV: "test" });
    const cheap = await hashPassword("비밀번호 correct horse");
    expect(full).not.toBe(cheap);
    for (const appEnv of ["test", "production"]) {
      useEnv({ APP_ENV: appEnv });
      for (const stored of [full, cheap]) {
        expect(await verifyPassword("비밀번호 correct horse", stored)).toBe(true);
        expect(await verifyPassword("비밀번호 correct horsE", stored)).toBe(false);
      }
    }
  });

  it("still verifies the hashes already stored", async () => {
    useEnv({ APP_ENV: "test" });
    expect(await verifyPassword("resident-2026", STORED_BEFORE)).toBe(true);
    expect(await verifyPassword("resident-2027", STORED_BEFORE)).toBe(false);
  });

  it("refuses what is not one of its hashes", async () => {
    for (const stored of ["", "bcrypt$10$abc", "scrypt$1024$8$1$c2FsdA==", STORED_BEFORE.slice(7)])
      expect(await verifyPassword("resident-2026", stored)).toBe(false);
  });
});
