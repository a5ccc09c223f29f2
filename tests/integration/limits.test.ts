// Every rate limit holds when the attempts arrive at once: each attempt is counted in the
// database before the work it guards, so only the attempts within the limit are ever checked.
// (On PostgreSQL these run with real parallelism: the pool's connections count concurrently.)
import { afterEach, describe, expect, it } from "vitest";
import { action as deleteAction } from "~/routes/account.delete";
import { action as passwordAction } from "~/routes/account.password";
import { action as loginAction } from "~/routes/login";
import { action as signupAction } from "~/routes/signup";
import { getDb } from "~/utils/db.server";
import { resetEnvCache } from "~/utils/env.server";
import { call, formRequest } from "#tests/factories/http";
import { makeResident, sessionCookieFor, TEST_PASSWORD } from "#tests/factories/residents";

const db = getDb();
const tally = (statuses: number[]) =>
  statuses.reduce<Record<number, number>>((all, s) => ({ ...all, [s]: (all[s] ?? 0) + 1 }), {});

afterEach(() => {
  delete process.env.LOGIN_MAX_FAILURES_PER_IP;
  resetEnvCache();
});

describe("sixty guesses at once", () => {
  // The right password comes after the burst: which five of a burst are checked is up to the
  // database, so a right password inside the burst could fairly be among them.
  it("check five passwords of one account from one address, then refuse even the right one", async () => {
    const resident = await makeResident();
    const login = (password: string) =>
      call(
        loginAction,
        formRequest("/login", { email: resident.email, password }),
        {},
        { clientIp: "203.0.113.60" },
      ).then((r) => r.status);
    const statuses = await Promise.all(
      Array.from({ length: 60 }, (_, i) => login(`wrong guess ${i}`)),
    );
    expect(tally(statuses)).toEqual({ 401: 5, 429: 55 });
    expect(await login(TEST_PASSWORD)).toBe(429);
    expect(await db.session.count({ where: { residentId: resident.id } })).toBe(0);
    // Five passwords were checked and recorded, not sixty.
    expect(await db.loginAttempt.count({ where: { email: resident.email } })).toBe(5);
  });

  it("check at most the per-address limit of passwords across many accounts", async () => {
    process.env.LOGIN_MAX_FAILURES_PER_IP = "30";
    resetEnvCache();
    const statuses = await Promise.all(
      Array.from({ length: 45 }, (_, i) =>
        call(
          loginAction,
          formRequest("/login", { email: `spray-${i}@example.test`, password: "guess guess" }),
          {},
          { clientIp: "203.0.113.61" },
        ).then((r) => r.status),
      ),
    );
    expect(tally(statuses)).toEqual({ 401: 30, 429: 15 });
  });

  it("check one password at a time for an account guessed from many addresses once it is paced", async () => {
    const resident = await makeResident();
    for (let i = 0; i < 10; i += 1)
      await call(
        loginAction,
        formRequest("/login", { email: resident.email, password: `warm-up ${i}` }),
        {},
        { clientIp: `203.0.113.${100 + i}` },
      );
    const statuses = await Promise.all(
      Array.from({ length: 30 }, (_, i) =>
        call(
          loginAction,
          formRequest("/login", { email: resident.email, password: `distributed ${i}` }),
          {},
          { clientIp: `198.51.100.${i}` },
        ).then((r) => r.status),
      ),
    );
    expect(tally(statuses)).toEqual({ 401: 1, 429: 29 });
  });
});

describe("current-password checks at once", () => {
  it("check five guesses when changing the password, then refuse even the right one for the window", async () => {
    const resident = await makeResident();
    const cookie = await sessionCookieFor(resident.id);
    const change = (currentPassword: string) =>
      call(
        passwordAction,
        formRequest(
          "/account/password",
          {
            currentPassword,
            newPassword: "a brand new passphrase",
            newPasswordConfirm: "a brand new passphrase",
          },
          { cookie },
        ),
      ).then((r) => r.status);
    const statuses = await Promise.all(Array.from({ length: 20 }, (_, i) => change(`nope ${i}`)));
    expect(tally(statuses)).toEqual({ 400: 5, 429: 15 });
    expect(await change(TEST_PASSWORD)).toBe(429);
  });

  it("check five guesses when deleting the account, and the account stays", async () => {
    const resident = await makeResident();
    const cookie = await sessionCookieFor(resident.id);
    const remove = (password: string) =>
      call(
        deleteAction,
        formRequest("/account/delete", { password, confirm: "on" }, { cookie }),
      ).then((r) => r.status);
    const statuses = await Promise.all(Array.from({ length: 12 }, (_, i) => remove(`nope ${i}`)));
    expect(tally(statuses)).toEqual({ 400: 5, 429: 7 });
    expect(await remove(TEST_PASSWORD)).toBe(429);
    expect(await db.resident.count({ where: { id: resident.id, deletedAt: null } })).toBe(1);
  });
});

describe("sign-ups at once", () => {
  it("create at most ten accounts an hour from one address", async () => {
    const stamp = Date.now();
    const statuses = await Promise.all(
      Array.from({ length: 16 }, (_, i) =>
        call(
          signupAction,
          formRequest("/signup", {
            email: `burst-${stamp}-${i}@example.test`,
            name: `Burst ${i}`,
            password: "burst passphrase 2026",
            passwordConfirm: "burst passphrase 2026",
            preferredLanguage: "ko",
            acceptTerms: "on",
            acceptPrivacy: "on",
          }),
          {},
          { clientIp: "203.0.113.62" },
        ).then((r) => r.status),
      ),
    );
    expect(tally(statuses)).toEqual({ 302: 10, 429: 6 });
    expect(await db.resident.count({ where: { email: { startsWith: `burst-${stamp}-` } } })).toBe(
      10,
    );
  });
});
