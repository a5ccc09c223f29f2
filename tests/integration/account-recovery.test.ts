// "Forgot password" and e-mail confirmation (issue 14): links by e-mail, single use, hashed at
// rest, the same answer for every address, limited; a reset ends every session.
import crypto from "node:crypto";
import { afterEach, describe, expect, it } from "vitest";
import { listAuditEvents, recordAudit } from "~/domain/audit/service.server";
import {
  requestPasswordReset,
  resendVerification,
  resetPassword,
  verifyEmail,
} from "~/domain/residents/recovery.server";
import { authenticate, getSessionUser } from "~/domain/residents/service.server";
import { messageWithValues } from "~/domain/shared/message-values";
import { action as forgotAction } from "~/routes/forgot-password";
import { action as resetAction, loader as resetLoader } from "~/routes/reset-password.$token";
import { action as verifyAction, loader as verifyLoader } from "~/routes/verify-email.$token";
import { action as resendAction, loader as resendLoader } from "~/routes/account.verify-email";
import { setTestNow } from "~/utils/clock.server";
import { getDb } from "~/utils/db.server";
import { call, formRequest, getRequest } from "#tests/factories/http";
import { makeResident, sessionCookieFor, TEST_PASSWORD } from "#tests/factories/residents";

const db = getDb();
afterEach(() => setTestNow(null));

let ipCounter = 0;
/** Each test asks from an address of its own (the limits count per address and real hour). */
const newIp = () => `203.0.113.${(ipCounter += 1)}`;
const NEW_PASSWORD = "a brand new passphrase";

/** The token of the newest link of `template` sent to the resident, read from the message. */
async function linkToken(residentId: string, template: string, path: string) {
  const message = await db.notification.findFirstOrThrow({
    where: { residentId, template },
    orderBy: { createdAt: "desc" },
    select: { body: true },
  });
  const match = new RegExp(`${path}/([A-Za-z0-9_-]{43})`).exec(message.body);
  if (!match) throw new Error(`no ${path} link in: ${message.body}`);
  return match[1]!;
}

async function askForReset(email: string, now = new Date()) {
  const outcome = await requestPasswordReset(email, { ip: newIp(), now });
  expect(outcome.ok).toBe(true);
}

/**
 * Opens two connections before a race of two: PostgreSQL's pool opens connections as they are
 * needed, and a second query that waits for a new one may start only after the first call has
 * finished — no race at all. (On SQLite the statements take turns on one connection anyway.)
 */
const openTwoConnections = () => Promise.all([db.$queryRaw`SELECT 1`, db.$queryRaw`SELECT 1`]);

const resetAudits = (residentId: string) =>
  db.auditEvent.count({ where: { action: "resident.password_reset", subjectId: residentId } });

/**
 * The reset with its guard removed, for the negative control: read whether the link is unused,
 * then mark it used unconditionally (resetPassword marks it used only `where usedAt is null` and
 * refuses when no row changed). Both uses of one link read it unused before either writes — on
 * SQLite too, since the read is outside the transaction, as in resetPassword.
 */
async function resetReadThenWrite(token: string, now: Date): Promise<boolean> {
  const row = await db.accountToken.findUnique({
    where: { tokenHash: crypto.createHash("sha256").update(token, "utf8").digest("hex") },
    select: { id: true, usedAt: true, residentId: true },
  });
  if (!row || row.usedAt) return false;
  await db.$transaction(async (tx) => {
    await tx.accountToken.update({ where: { id: row.id }, data: { usedAt: now } });
    await recordAudit(
      {
        actorId: row.residentId,
        action: "resident.password_reset",
        subjectType: "Resident",
        subjectId: row.residentId,
        subjectResidentId: row.residentId,
        ip: null,
      },
      tx,
    );
  });
  return true;
}

const counts = async () => ({
  tokens: await db.accountToken.count(),
  messages: await db.notification.count(),
  audit: await db.auditEvent.count(),
});

describe("forgot password", () => {
  it("answers the same for an unknown address, and writes nothing for it", async () => {
    const resident = await makeResident();
    const ask = (email: string) =>
      call(forgotAction, formRequest("/forgot-password", { email }), {}, { clientIp: newIp() });
    const before = await counts();
    const unknown = await ask("nobody-here@example.test");
    expect(await counts()).toEqual(before);
    const known = await ask(resident.email);
    expect(known.status).toBe(unknown.status);
    expect(unknown.status).toBe(200);
    const shape = (data: unknown) => {
      const { sent } = data as { sent: { email: string; minutes: number } };
      return { ...(data as object), sent: { ...sent, email: "…" } };
    };
    expect(shape(known.data)).toEqual(shape(unknown.data));
    // for the account: one token, one message to its address, one audit entry
    const after = await counts();
    expect(after).toEqual({
      tokens: before.tokens + 1,
      messages: before.messages + 1,
      audit: before.audit + 1,
    });
    const message = await db.notification.findFirstOrThrow({
      where: { residentId: resident.id, template: "password_reset" },
    });
    expect(message).toMatchObject({ channel: "email", toAddress: resident.email, locale: "ko" });
    expect(message.body).toContain("/reset-password/");
    expect(message.body).toContain("30분");
  });

  it("keeps only the token's SHA-256: the raw token is nowhere in the database's tokens", async () => {
    const resident = await makeResident();
    await askForReset(resident.email);
    const token = await linkToken(resident.id, "password_reset", "/reset-password");
    expect(Buffer.from(token, "base64url")).toHaveLength(32);
    const rows = await db.accountToken.findMany({
      where: { residentId: resident.id, purpose: "password_reset" },
    });
    expect(rows).toHaveLength(1);
    expect(rows[0]!.tokenHash).toBe(crypto.createHash("sha256").update(token).digest("hex"));
    expect(JSON.stringify(rows)).not.toContain(token);
    expect(rows[0]!.expiresAt.getTime() - rows[0]!.createdAt.getTime()).toBe(30 * 60_000);
  });

  it("sets a new password once: the old one stops working, every session ends", async () => {
    const resident = await makeResident();
    const cookies = [await sessionCookieFor(resident.id), await sessionCookieFor(resident.id)];
    const sessionsBefore = await db.session.findMany({ where: { residentId: resident.id } });
    expect(sessionsBefore.length).toBeGreaterThanOrEqual(2);
    await askForReset(resident.email);
    const token = await linkToken(resident.id, "password_reset", "/reset-password");

    // opening the page only looks
    const page = await call(resetLoader, getRequest(`/reset-password/${token}`), { token });
    expect(page.status).toBe(200);
    expect((page.data as { usable: boolean }).usable).toBe(true);

    const reset = await call(
      resetAction,
      formRequest(`/reset-password/${token}`, {
        newPassword: NEW_PASSWORD,
        newPasswordConfirm: NEW_PASSWORD,
      }),
      { token },
    );
    expect(reset.status).toBe(302);
    expect(reset.location).toBe("/account?passwordReset=1");
    expect(reset.headers.get("set-cookie")).toMatch(/__session=/);

    for (const old of sessionsBefore) expect(await getSessionUser(old.id, new Date())).toBeNull();
    expect(cookies).toHaveLength(2);
    const sessionsAfter = await db.session.findMany({ where: { residentId: resident.id } });
    expect(sessionsAfter).toHaveLength(1);
    expect(sessionsBefore.map((s) => s.id)).not.toContain(sessionsAfter[0]!.id);

    const login = (password: string) =>
      authenticate({ email: resident.email, password }, { ip: newIp(), now: new Date() });
    expect((await login(TEST_PASSWORD)).ok).toBe(false);
    expect((await login(NEW_PASSWORD)).ok).toBe(true);

    const account = await db.resident.findUniqueOrThrow({ where: { id: resident.id } });
    expect(account.passwordChangedAt).not.toBeNull();
    // the link came to that address: it counts as confirmed
    expect(account.emailVerifiedAt).not.toBeNull();
    expect(
      await listAuditEvents({ subjectId: resident.id, action: "resident.password_reset" }),
    ).toHaveLength(1);
    const notice = await db.notification.findFirstOrThrow({
      where: { residentId: resident.id, template: "password_changed" },
    });
    expect(notice.toAddress).toBe(resident.email);

    // the link is spent: the page says so, and a second use is refused
    const again = await call(resetLoader, getRequest(`/reset-password/${token}`), { token });
    expect(again.status).toBe(410);
    const second = await resetPassword(token, "yet another passphrase", {
      ip: null,
      now: new Date(),
    });
    expect(second).toEqual({ ok: false, code: "linkExpired" });
    expect((await login(NEW_PASSWORD)).ok).toBe(true);
  });

  it("refuses a link after 30 minutes", async () => {
    const resident = await makeResident();
    const sent = new Date("2026-11-25T03:00:00Z");
    await askForReset(resident.email, sent);
    const token = await linkToken(resident.id, "password_reset", "/reset-password");
    setTestNow(new Date(sent.getTime() + 31 * 60_000));
    const page = await call(resetLoader, getRequest(`/reset-password/${token}`), { token });
    expect(page.status).toBe(410);
    const reset = await call(
      resetAction,
      formRequest(`/reset-password/${token}`, {
        newPassword: NEW_PASSWORD,
        newPasswordConfirm: NEW_PASSWORD,
      }),
      { token },
    );
    expect(reset.status).toBe(410);
    expect((reset.data as { refusal: { code: string } }).refusal.code).toBe("linkExpired");
    // at 29 minutes it still worked
    setTestNow(new Date(sent.getTime() + 29 * 60_000));
    expect(
      (
        await resetPassword(token, NEW_PASSWORD, {
          ip: null,
          now: new Date(sent.getTime() + 29 * 60_000),
        })
      ).ok,
    ).toBe(true);
  });

  it("of two uses of one link at the same moment, exactly one succeeds", async () => {
    const resident = await makeResident();
    await askForReset(resident.email);
    const token = await linkToken(resident.id, "password_reset", "/reset-password");
    const meta = { ip: null, now: new Date() };
    await openTwoConnections();
    const results = await Promise.all([
      resetPassword(token, "first parallel passphrase", meta),
      resetPassword(token, "second parallel passphrase", meta),
    ]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.filter((r) => !r.ok)).toEqual([{ ok: false, code: "linkExpired" }]);
    expect(await db.session.count({ where: { residentId: resident.id } })).toBe(1);
    expect(
      await db.notification.count({
        where: { residentId: resident.id, template: "password_changed" },
      }),
    ).toBe(1);
    expect(await resetAudits(resident.id)).toBe(1);
  });

  it("negative control: the same race through read-then-write uses the link twice", async () => {
    const resident = await makeResident();
    await askForReset(resident.email);
    const token = await linkToken(resident.id, "password_reset", "/reset-password");
    const now = new Date();
    await openTwoConnections();
    const results = await Promise.all([
      resetReadThenWrite(token, now),
      resetReadThenWrite(token, now),
    ]);
    // the assertions of the test above would fail: two successes, two audited resets
    expect(results.filter(Boolean)).toHaveLength(2);
    expect(await resetAudits(resident.id)).toBe(2);
  });

  it("only the newest link works, and none once the account's address has changed", async () => {
    const resident = await makeResident();
    await askForReset(resident.email);
    const first = await linkToken(resident.id, "password_reset", "/reset-password");
    await askForReset(resident.email);
    const second = await linkToken(resident.id, "password_reset", "/reset-password");
    expect(second).not.toBe(first);
    const meta = { ip: null, now: new Date() };
    expect(await resetPassword(first, NEW_PASSWORD, meta)).toEqual({
      ok: false,
      code: "linkExpired",
    });
    await db.resident.update({
      where: { id: resident.id },
      data: { email: `changed-${resident.email}` },
    });
    expect(await resetPassword(second, NEW_PASSWORD, meta)).toEqual({
      ok: false,
      code: "linkExpired",
    });
    const account = await db.resident.findUniqueOrThrow({ where: { id: resident.id } });
    expect(account.passwordChangedAt).toBeNull();
  });

  it("refuses too many requests for one address, and then sends nothing", async () => {
    const resident = await makeResident();
    // three an hour for one e-mail address, whoever asks (each from another connection here)
    for (let i = 0; i < 3; i += 1) await askForReset(resident.email);
    const before = await counts();
    const refused = await call(
      forgotAction,
      formRequest("/forgot-password", { email: resident.email }),
      {},
      { clientIp: newIp() },
    );
    expect(refused.status).toBe(429);
    const retryAfter = Number(refused.headers.get("retry-after"));
    expect(retryAfter).toBeGreaterThan(0);
    expect((refused.data as { refusal: { code: string } }).refusal.code).toBe("rateLimited");
    // the form's own message, which the shared error summary shows: the wait in whole minutes
    expect(refused.data).toMatchObject({
      result: {
        error: {
          "": [messageWithValues("auth:forgot.rateLimited", { count: Math.ceil(retryAfter / 60) })],
        },
      },
    });
    expect(await counts()).toEqual(before);
    // an unknown address is limited the same way (the answers do not tell them apart)
    const stranger = "limited-stranger@example.test";
    for (let i = 0; i < 3; i += 1) await askForReset(stranger);
    expect((await requestPasswordReset(stranger, { ip: newIp(), now: new Date() })).ok).toBe(false);
  });

  it("refuses too many requests from one connection, whatever the addresses", async () => {
    const ip = newIp();
    const outcomes = [];
    for (let i = 0; i < 11; i += 1)
      outcomes.push(
        await requestPasswordReset(`someone-${i}-${ip}@example.test`, { ip, now: new Date() }),
      );
    expect(outcomes.slice(0, 10).every((o) => o.ok)).toBe(true);
    expect(outcomes[10]).toMatchObject({ ok: false, code: "rateLimited" });
  });
});

describe("e-mail confirmation", () => {
  it("signing up sends a welcome with a link that confirms the address, once", async () => {
    const resident = await makeResident({ name: "Jae" });
    const token = await linkToken(resident.id, "email_verification", "/verify-email");
    const row = await db.accountToken.findFirstOrThrow({
      where: { residentId: resident.id, purpose: "email_verification" },
    });
    expect(row.expiresAt.getTime() - row.createdAt.getTime()).toBe(7 * 86_400_000);

    // opening the link (a mail scanner, a preview) changes nothing
    const page = await call(verifyLoader, getRequest(`/verify-email/${token}`), { token });
    expect(page.status).toBe(200);
    expect(
      (await db.resident.findUniqueOrThrow({ where: { id: resident.id } })).emailVerifiedAt,
    ).toBeNull();

    const confirmed = await call(verifyAction, formRequest(`/verify-email/${token}`, {}), {
      token,
    });
    expect(confirmed.status).toBe(200);
    expect(confirmed.data).toMatchObject({ verified: true });
    expect(
      (await db.resident.findUniqueOrThrow({ where: { id: resident.id } })).emailVerifiedAt,
    ).not.toBeNull();

    const again = await call(verifyAction, formRequest(`/verify-email/${token}`, {}), { token });
    expect(again.status).toBe(410);
    expect((await call(verifyLoader, getRequest(`/verify-email/${token}`), { token })).status).toBe(
      410,
    );
    expect(await verifyEmail(token, { ip: null, now: new Date() })).toEqual({
      ok: false,
      code: "linkExpired",
    });
  });

  it("a link for an address the account no longer has confirms nothing", async () => {
    const resident = await makeResident();
    const token = await linkToken(resident.id, "email_verification", "/verify-email");
    await db.resident.update({
      where: { id: resident.id },
      data: { email: `moved-${resident.email}` },
    });
    expect(await verifyEmail(token, { ip: null, now: new Date() })).toEqual({
      ok: false,
      code: "linkExpired",
    });
  });

  it("refuses strangers: logged out, to log in; another resident's request touches only their own link", async () => {
    const resident = await makeResident();
    const own = await linkToken(resident.id, "email_verification", "/verify-email");
    const links = () =>
      db.notification.count({ where: { residentId: resident.id, template: "email_verification" } });
    const sent = await links();

    // logged out: sent to log in, GET and POST alike, and nothing is written or sent
    const before = await counts();
    const toLogin = "/login?redirectTo=%2Faccount%2Fverify-email";
    expect((await call(resendLoader, getRequest("/account/verify-email"))).location).toBe(toLogin);
    const anonymous = await call(resendAction, formRequest("/account/verify-email", {}));
    expect(anonymous).toMatchObject({ status: 302, location: toLogin });
    expect(await counts()).toEqual(before);

    // another resident asks for a link: theirs alone is sent; the resident's link still works
    // and theirs does not confirm the resident's address
    const other = await makeResident();
    const cookie = await sessionCookieFor(other.id);
    const asked = await call(resendAction, formRequest("/account/verify-email", {}, { cookie }));
    expect(asked.location).toBe("/account?verification=sent");
    expect(await links()).toBe(sent);
    const theirs = await linkToken(other.id, "email_verification", "/verify-email");
    expect((await verifyEmail(theirs, { ip: null, now: new Date() })).ok).toBe(true);
    const row = await db.resident.findUniqueOrThrow({ where: { id: resident.id } });
    expect(row.emailVerifiedAt).toBeNull();
    expect((await verifyEmail(own, { ip: null, now: new Date() })).ok).toBe(true);
  });

  it("sends the link again from the account page, a few times an hour", async () => {
    const resident = await makeResident();
    const first = await linkToken(resident.id, "email_verification", "/verify-email");
    const cookie = await sessionCookieFor(resident.id);
    const resend = () => call(resendAction, formRequest("/account/verify-email", {}, { cookie }));
    const sent = await resend();
    expect(sent.status).toBe(302);
    expect(sent.location).toBe("/account?verification=sent");
    const second = await linkToken(resident.id, "email_verification", "/verify-email");
    expect(second).not.toBe(first);
    const message = await db.notification.findFirstOrThrow({
      where: { residentId: resident.id, template: "email_verification" },
      orderBy: { createdAt: "desc" },
    });
    expect(message.subject).toBe("이메일 주소를 확인해 주세요");
    // the earlier link no longer works
    expect((await verifyEmail(first, { ip: null, now: new Date() })).ok).toBe(false);

    expect((await resend()).status).toBe(302);
    expect((await resend()).status).toBe(302);
    const before = await counts();
    const limited = await resend();
    expect(limited.status).toBe(429);
    expect(await counts()).toEqual(before);
    expect((await resendVerification(resident.id, { ip: null, now: new Date() })).ok).toBe(false);

    // once confirmed, nothing more is sent
    const latest = await linkToken(resident.id, "email_verification", "/verify-email");
    expect((await verifyEmail(latest, { ip: null, now: new Date() })).ok).toBe(true);
    expect(await resendVerification(resident.id, { ip: null, now: new Date() })).toEqual({
      ok: true,
      alreadyVerified: true,
    });
  });
});
