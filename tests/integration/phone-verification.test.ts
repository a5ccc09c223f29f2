// A phone is verified with a one-time code texted to it: mobile numbers only, a code hashed at
// rest that expires and allows five tries, limits on how many codes are sent, and a phone changed
// in the profile is no longer verified.
import crypto from "node:crypto";
import { describe, expect, it } from "vitest";
import { recordAudit } from "~/domain/audit/service.server";
import {
  confirmPhoneCode,
  pendingPhoneCode,
  phoneStatus,
  sendPhoneCode,
} from "~/domain/residents/phone-verification.server";
import { getProfile, updateProfile } from "~/domain/residents/service.server";
import { getDb } from "~/utils/db.server";
import { action as phoneAction, loader as phoneLoader } from "~/routes/account.phone";
import { call, formRequest, getRequest } from "#tests/factories/http";
import { makeResident, sessionCookieFor } from "#tests/factories/residents";

const db = getDb();
const NOW = new Date("2026-11-25T03:00:00Z");
/** a different mobile number for each use (codes are limited per number too) */
const newNumber = () => {
  const digits = String(crypto.randomInt(10_000_000, 100_000_000));
  return `010-${digits.slice(0, 4)}-${digits.slice(4)}`;
};

/** The code as it went to the outbox: the text the phone receives. */
async function textedCode(residentId: string) {
  const message = await db.notification.findFirstOrThrow({
    where: { residentId, template: "phone_code" },
    orderBy: { createdAt: "desc" },
  });
  return { message, code: /\b(\d{6})\b/.exec(message.body)![1]! };
}

describe("phone verification", () => {
  it("texts a code to the number alone, hashed at rest, and verifies the phone with it", async () => {
    const resident = await makeResident({ preferredLanguage: "en" });
    const typed = newNumber();
    const sent = await sendPhoneCode(resident.id, typed, NOW);
    expect(sent).toMatchObject({ ok: true, phone: typed.replace(/-/g, "") });
    const phone = typed.replace(/-/g, "");

    const { message, code } = await textedCode(resident.id);
    expect(message).toMatchObject({
      channel: "sms",
      toAddress: phone,
      topic: "account",
      status: "pending",
      sendAfter: NOW,
    });
    expect(message.body).toBe(
      `[Seoul Jobs] Code ${code} (valid 10 min). Ignore if you did not ask.`,
    );

    const [row] = await db.phoneVerification.findMany({ where: { residentId: resident.id } });
    expect(row).toMatchObject({ phone, attempts: 0, usedAt: null });
    expect(row!.expiresAt).toEqual(new Date(NOW.getTime() + 10 * 60_000));
    expect(JSON.stringify(row)).not.toContain(code);
    expect(row!.codeHash).toMatch(/^[0-9a-f]{64}$/);

    // not verified before the code is typed in
    expect(await phoneStatus(resident.id)).toEqual({ maskedPhone: null, verified: false });
    const later = new Date(NOW.getTime() + 60_000);
    expect(
      await confirmPhoneCode(resident.id, ` ${code.slice(0, 3)} ${code.slice(3)} `, later),
    ).toEqual({
      ok: true,
      phone,
    });
    const resident2 = await db.resident.findUniqueOrThrow({ where: { id: resident.id } });
    expect(resident2.phone).toBe(phone);
    expect(resident2.phoneVerifiedAt).toEqual(later);
    expect(
      (await db.phoneVerification.findUniqueOrThrow({ where: { id: row!.id } })).usedAt,
    ).toEqual(later);

    // audited, without the code
    const audit = await db.auditEvent.findFirstOrThrow({
      where: { action: "resident.phone_verified", subjectId: resident.id },
    });
    expect(audit.metadata).not.toContain(code);
    expect(JSON.parse(audit.metadata)).toEqual({ phone: `010-****-${phone.slice(-4)}` });

    // a code works once
    expect(await confirmPhoneCode(resident.id, code, later)).toEqual({
      ok: false,
      code: "codeExpired",
    });
  });

  it("refuses a number that is not a mobile, writing and sending nothing", async () => {
    const resident = await makeResident();
    const before = await db.notification.count({ where: { residentId: resident.id } });
    for (const typed of ["02-1234-5678", "010-12-34", "not a phone", "+1 415 555 0100"]) {
      expect(await sendPhoneCode(resident.id, typed, NOW)).toEqual({
        ok: false,
        code: "notMobile",
      });
    }
    expect(await db.phoneVerification.count({ where: { residentId: resident.id } })).toBe(0);
    expect(await db.notification.count({ where: { residentId: resident.id } })).toBe(before);
  });

  it("refuses the right code after five wrong ones", async () => {
    const resident = await makeResident();
    await sendPhoneCode(resident.id, newNumber(), NOW);
    const { code } = await textedCode(resident.id);
    const wrong = code === "000000" ? "111111" : "000000";
    for (let attempt = 1; attempt <= 4; attempt += 1) {
      expect(await confirmPhoneCode(resident.id, wrong, NOW)).toEqual({
        ok: false,
        code: "wrongCode",
        attemptsLeft: 5 - attempt,
      });
    }
    expect(await confirmPhoneCode(resident.id, wrong, NOW)).toEqual({
      ok: false,
      code: "rateLimited",
    });
    expect(await confirmPhoneCode(resident.id, code, NOW)).toEqual({
      ok: false,
      code: "rateLimited",
    });
    expect(await pendingPhoneCode(resident.id, NOW)).toBeNull();
    const row = await db.resident.findUniqueOrThrow({ where: { id: resident.id } });
    expect(row.phoneVerifiedAt).toBeNull();
  });

  it("refuses an expired code, and an earlier code once a new one was sent", async () => {
    const resident = await makeResident();
    const phone = newNumber();
    await sendPhoneCode(resident.id, phone, NOW);
    const { code } = await textedCode(resident.id);
    const expired = new Date(NOW.getTime() + 10 * 60_000);
    expect(await confirmPhoneCode(resident.id, code, expired)).toEqual({
      ok: false,
      code: "codeExpired",
    });

    const first = new Date(NOW.getTime() + 20 * 60_000);
    await sendPhoneCode(resident.id, phone, first);
    const { code: earlier } = await textedCode(resident.id);
    await sendPhoneCode(resident.id, phone, new Date(first.getTime() + 1000));
    const { code: newest } = await textedCode(resident.id);
    if (earlier !== newest) {
      expect(await confirmPhoneCode(resident.id, earlier, first)).toMatchObject({ ok: false });
    }
    expect(await confirmPhoneCode(resident.id, newest, first)).toMatchObject({ ok: true });
  });

  it("sends at most three codes per account in 15 minutes, and says so", async () => {
    const resident = await makeResident();
    for (let i = 0; i < 3; i += 1) {
      expect(await sendPhoneCode(resident.id, newNumber(), NOW)).toMatchObject({ ok: true });
    }
    const texts = await db.notification.count({
      where: { residentId: resident.id, template: "phone_code" },
    });
    const refused = await sendPhoneCode(resident.id, newNumber(), NOW);
    expect(refused).toMatchObject({ ok: false, code: "rateLimited" });
    expect(
      refused.ok === false && refused.code === "rateLimited" && refused.retryAfterSeconds,
    ).toBeGreaterThan(0);
    expect(
      await db.notification.count({ where: { residentId: resident.id, template: "phone_code" } }),
    ).toBe(texts);
    expect(await db.phoneVerification.count({ where: { residentId: resident.id } })).toBe(3);
  });

  it("sends at most five codes to one number in an hour, whoever asks", async () => {
    const phone = newNumber();
    const residents = await Promise.all([makeResident(), makeResident(), makeResident()]);
    const outcomes = [];
    for (const resident of [...residents, ...residents]) {
      outcomes.push((await sendPhoneCode(resident.id, phone, NOW)).ok);
    }
    expect(outcomes).toEqual([true, true, true, true, true, false]);
  });

  it("is no longer verified once the profile names another number", async () => {
    const resident = await makeResident();
    const phone = newNumber();
    await sendPhoneCode(resident.id, phone, NOW);
    await confirmPhoneCode(resident.id, (await textedCode(resident.id)).code, NOW);
    const profile = (await getProfile(resident.id))!;
    const base = {
      name: profile.name,
      preferredLanguage: "ko" as const,
      registeredJobSeeker: null,
      hasRegularIncome: null,
    };
    // the same number typed differently keeps the verification
    await updateProfile(resident.id, { ...base, phone }, { ip: null });
    expect(await phoneStatus(resident.id)).toMatchObject({ verified: true });
    // another number does not
    await updateProfile(resident.id, { ...base, phone: "010-9999-0000" }, { ip: null });
    const row = await db.resident.findUniqueOrThrow({ where: { id: resident.id } });
    expect(row).toMatchObject({ phone: "010-9999-0000", phoneVerifiedAt: null });
    expect(await phoneStatus(resident.id)).toEqual({
      maskedPhone: "010-****-0000",
      verified: false,
    });
  });
});

/**
 * Opens two connections before a race of two: PostgreSQL's pool opens connections as they are
 * needed, and a second query that waits for a new one may start only after the first call has
 * finished — no race at all. (On SQLite the statements take turns on one connection anyway.)
 */
const openTwoConnections = () => Promise.all([db.$queryRaw`SELECT 1`, db.$queryRaw`SELECT 1`]);

const verifiedAudits = (residentId: string) =>
  db.auditEvent.count({ where: { action: "resident.phone_verified", subjectId: residentId } });

/**
 * The confirmation with its guard removed, for the negative control: read the newest code, see it
 * unused, then mark it used unconditionally (confirmPhoneCode marks it used only `where usedAt is
 * null` and stops when no row changed). The code is known right here, so it is not checked again.
 */
async function confirmReadThenWrite(residentId: string, now: Date): Promise<boolean> {
  const latest = await db.phoneVerification.findFirst({
    where: { residentId },
    orderBy: { createdAt: "desc" },
    select: { id: true, phone: true, usedAt: true },
  });
  if (!latest || latest.usedAt) return false;
  await db.$transaction(async (tx) => {
    await tx.phoneVerification.update({ where: { id: latest.id }, data: { usedAt: now } });
    await tx.resident.update({
      where: { id: residentId },
      data: { phone: latest.phone, phoneVerifiedAt: now },
    });
    await recordAudit(
      {
        actorId: residentId,
        action: "resident.phone_verified",
        subjectType: "Resident",
        subjectId: residentId,
        subjectResidentId: residentId,
        ip: null,
      },
      tx,
    );
  });
  return true;
}

// Two confirmations of the same right code at once (a double tap, two tabs). Both read the code
// unused before either marks it used — on PostgreSQL over two connections of the pool, on SQLite
// because the read is outside the transaction — so only the conditional updates decide.
describe("confirming the same right code twice at once", () => {
  it("verifies once: one success, one audit row", async () => {
    const resident = await makeResident();
    await sendPhoneCode(resident.id, newNumber(), NOW);
    const { code } = await textedCode(resident.id);
    await openTwoConnections();
    const outcomes = await Promise.all([
      confirmPhoneCode(resident.id, code, NOW),
      confirmPhoneCode(resident.id, code, NOW),
    ]);
    expect(outcomes.filter((o) => o.ok)).toHaveLength(1);
    expect(await verifiedAudits(resident.id)).toBe(1);
    // The race really overlapped: the loser read the code unused before the winner had used it,
    // and a conditional update stopped it — either its try was not counted (`usedAt: null` no
    // longer held: "rateLimited") or its try was counted and marking the code used changed no row
    // ("codeExpired", two tries). Without overlap it would be "codeExpired" with one try.
    const loser = outcomes.find((o) => !o.ok)!;
    const [row] = await db.phoneVerification.findMany({ where: { residentId: resident.id } });
    expect(row!.usedAt).toEqual(NOW);
    expect([
      { code: "rateLimited", attempts: 1 },
      { code: "codeExpired", attempts: 2 },
    ]).toContainEqual({ code: loser.ok ? null : loser.code, attempts: row!.attempts });
  });

  it("negative control: the same race through read-then-write verifies twice", async () => {
    const resident = await makeResident();
    await sendPhoneCode(resident.id, newNumber(), NOW);
    await openTwoConnections();
    const outcomes = await Promise.all([
      confirmReadThenWrite(resident.id, NOW),
      confirmReadThenWrite(resident.id, NOW),
    ]);
    // the assertions of the test above would fail: two successes, two audit rows
    expect(outcomes.filter(Boolean)).toHaveLength(2);
    expect(await verifiedAudits(resident.id)).toBe(2);
  });
});

describe("/account/phone", () => {
  it("refuses strangers: logged out, to log in; another resident cannot see or use a resident's code", async () => {
    const resident = await makeResident();
    const cookie = await sessionCookieFor(resident.id);
    const phone = newNumber();
    const sent = await call(
      phoneAction,
      formRequest("/account/phone", { intent: "send", phone }, { cookie }),
    );
    expect(sent.location).toBe("/account/phone");
    const { code } = await textedCode(resident.id);

    // logged out: sent to log in, GET and POST alike, and nothing is written
    const toLogin = "/login?redirectTo=%2Faccount%2Fphone";
    expect((await call(phoneLoader, getRequest("/account/phone"))).location).toBe(toLogin);
    const posts: Record<string, string>[] = [
      { intent: "send", phone: newNumber() },
      { intent: "confirm", code },
    ];
    for (const fields of posts) {
      const anonymous = await call(phoneAction, formRequest("/account/phone", fields));
      expect(anonymous).toMatchObject({ status: 302, location: toLogin });
    }
    expect(await db.phoneVerification.count({ where: { phone: phone.replace(/-/g, "") } })).toBe(1);

    // another resident: the page shows no code waiting, and the resident's code is not theirs
    const other = await makeResident();
    const otherCookie = await sessionCookieFor(other.id);
    const page = await call(phoneLoader, getRequest("/account/phone", { cookie: otherCookie }));
    expect(page.data).toMatchObject({ codeStep: null, status: { maskedPhone: null } });
    const used = await call(
      phoneAction,
      formRequest("/account/phone", { intent: "confirm", code }, { cookie: otherCookie }),
    );
    expect(used.status).toBe(409);
    expect(used.data).toMatchObject({ refusal: { code: "codeExpired" } });
    expect(await db.resident.findUniqueOrThrow({ where: { id: other.id } })).toMatchObject({
      phone: null,
      phoneVerifiedAt: null,
    });
    // the resident's code is untouched (no try counted) and still verifies their phone
    const [row] = await db.phoneVerification.findMany({ where: { residentId: resident.id } });
    expect(row).toMatchObject({ attempts: 0, usedAt: null });
    const confirmed = await call(
      phoneAction,
      formRequest("/account/phone", { intent: "confirm", code }, { cookie }),
    );
    expect(confirmed.location).toBe("/account/phone?verified=1");
  });

  it("answers bad input with 400 and a refusal with its status, never a 5xx", async () => {
    const resident = await makeResident();
    const cookie = await sessionCookieFor(resident.id);
    const post = (fields: Record<string, string>) =>
      call(phoneAction, formRequest("/account/phone", fields, { cookie }));
    expect((await post({ intent: "send", phone: "" })).status).toBe(400);
    const notMobile = await post({ intent: "send", phone: "02-123-4567" });
    expect(notMobile.status).toBe(400);
    expect(notMobile.data).toMatchObject({
      refusal: { code: "notMobile" },
      result: { error: { phone: ["account:phone.notMobile"] } },
    });
    expect((await post({ intent: "confirm", code: "12ab" })).status).toBe(400);
    expect((await post({ intent: "confirm", code: "123456" })).status).toBe(409);
    expect((await post({ intent: "nonsense" })).status).toBe(400);

    const sent = await post({ intent: "send", phone: newNumber() });
    expect(sent.status).toBe(302);
    expect(sent.location).toBe("/account/phone");
    const page = await call(phoneLoader, getRequest("/account/phone", { cookie }));
    expect((page.data as { codeStep: unknown }).codeStep).toMatchObject({
      maskedPhone: expect.stringMatching(/^010-\*{4}-\d{4}$/),
    });
  });
});
