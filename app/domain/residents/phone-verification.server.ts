// A phone number is proven with a one-time code sent to it by text before any text goes to it
// (catalog.ts `channelsFor` texts only a verified phone). Codes are six digits, valid ten minutes,
// at most five tries each, limited per account and per number, and kept only as an HMAC: the
// database never holds a code that could be typed in.
import crypto from "node:crypto";
import { recordAudit } from "~/domain/audit/service.server";
import { maskMobile, normalizeMobile } from "~/domain/notifications/phone";
import { enqueueNotification } from "~/domain/notifications/service.server";
import type { Failure, Outcome } from "~/domain/shared/outcome";
import { takeAttempt } from "~/domain/system/rate-limits.server";
import { getDb } from "~/utils/db.server";
import { getEnv } from "~/utils/env.server";

export const PHONE_CODE_MINUTES = 10;
const PHONE_CODE_MAX_ATTEMPTS = 5;
const CODE_DIGITS = 6;

type RateLimited = Failure<"rateLimited", { retryAfterSeconds: number }>;

function codeHash(residentId: string, phone: string, code: string) {
  return crypto
    .createHmac("sha256", getEnv().sessionSecrets[0]!)
    .update(`${residentId}:${phone}:${code}`)
    .digest("hex");
}

function sameHash(a: string, b: string) {
  const left = Buffer.from(a, "hex");
  const right = Buffer.from(b, "hex");
  return left.length === right.length && crypto.timingSafeEqual(left, right);
}

/**
 * Sends a new code to `rawPhone` (typed however: 010-1234-5678, +82 10 …). Refuses a number that
 * is not a Korean mobile (nothing written) and too many codes for the account or the number
 * (nothing sent). A new code replaces any earlier one.
 */
export async function sendPhoneCode(
  residentId: string,
  rawPhone: string,
  now: Date,
): Promise<
  Outcome<
    { phone: string; expiresAt: Date },
    Failure<"notMobile"> | Failure<"notFound"> | RateLimited
  >
> {
  const phone = normalizeMobile(rawPhone);
  if (!phone) return { ok: false, code: "notMobile" };
  const db = getDb();
  const resident = await db.resident.findFirst({
    where: { id: residentId, deletedAt: null },
    select: { id: true },
  });
  if (!resident) return { ok: false, code: "notFound" };
  // Counted before the code is made, so that codes asked for in parallel are counted one by one.
  for (const [rule, key] of [
    ["phone-code-resident", residentId],
    ["phone-code-number", phone],
  ] as const) {
    const allowance = await takeAttempt(rule, key);
    if (!allowance.allowed)
      return { ok: false, code: "rateLimited", retryAfterSeconds: allowance.retryAfterSeconds };
  }
  const code = crypto
    .randomInt(0, 10 ** CODE_DIGITS)
    .toString()
    .padStart(CODE_DIGITS, "0");
  const expiresAt = new Date(now.getTime() + PHONE_CODE_MINUTES * 60_000);
  await db.$transaction(async (tx) => {
    // only the newest code counts: the earlier ones can no longer be used
    await tx.phoneVerification.updateMany({
      where: { residentId, usedAt: null },
      data: { usedAt: now },
    });
    await tx.phoneVerification.create({
      data: {
        residentId,
        phone,
        codeHash: codeHash(residentId, phone, code),
        expiresAt,
        createdAt: now,
      },
      select: { id: true },
    });
    await enqueueNotification(
      {
        residentId,
        template: "phone_code",
        params: { code, minutes: PHONE_CODE_MINUTES },
        sendAfter: now,
        direct: { channel: "sms", address: phone },
      },
      tx,
    );
  });
  return { ok: true, phone, expiresAt };
}

/** The code waiting to be typed in, if any: where it went and until when it is valid. */
export async function pendingPhoneCode(residentId: string, now: Date) {
  const latest = await getDb().phoneVerification.findFirst({
    where: { residentId, usedAt: null, expiresAt: { gt: now } },
    orderBy: { createdAt: "desc" },
    select: { phone: true, expiresAt: true, attempts: true },
  });
  if (!latest || latest.attempts >= PHONE_CODE_MAX_ATTEMPTS) return null;
  return {
    phone: latest.phone,
    maskedPhone: maskMobile(latest.phone),
    expiresAt: latest.expiresAt,
    attemptsLeft: PHONE_CODE_MAX_ATTEMPTS - latest.attempts,
  };
}

/** The resident's phone for texts, as the account page shows it. */
export async function phoneStatus(residentId: string) {
  const resident = await getDb().resident.findFirst({
    where: { id: residentId, deletedAt: null },
    select: { phone: true, phoneVerifiedAt: true },
  });
  if (!resident?.phone) return { maskedPhone: null, verified: false };
  return { maskedPhone: maskMobile(resident.phone), verified: resident.phoneVerifiedAt !== null };
}

/**
 * Checks a typed code against the newest one sent. Each try is counted before the check (five per
 * code); the right code makes that number the resident's phone, verified now.
 */
export async function confirmPhoneCode(
  residentId: string,
  rawCode: string,
  now: Date,
  meta: { ip?: string | null } = {},
): Promise<
  Outcome<
    { phone: string },
    Failure<"codeExpired"> | Failure<"wrongCode", { attemptsLeft: number }> | Failure<"rateLimited">
  >
> {
  const db = getDb();
  const latest = await db.phoneVerification.findFirst({
    where: { residentId },
    orderBy: { createdAt: "desc" },
    select: {
      id: true,
      phone: true,
      codeHash: true,
      expiresAt: true,
      attempts: true,
      usedAt: true,
    },
  });
  if (!latest || latest.usedAt || latest.expiresAt <= now)
    return { ok: false, code: "codeExpired" };
  const counted = await db.phoneVerification.updateMany({
    where: { id: latest.id, usedAt: null, attempts: { lt: PHONE_CODE_MAX_ATTEMPTS } },
    data: { attempts: { increment: 1 } },
  });
  if (counted.count === 0) return { ok: false, code: "rateLimited" };
  const code = rawCode.replace(/\s/g, "");
  if (!sameHash(codeHash(residentId, latest.phone, code), latest.codeHash)) {
    const attemptsLeft = Math.max(0, PHONE_CODE_MAX_ATTEMPTS - (latest.attempts + 1));
    return attemptsLeft === 0
      ? { ok: false, code: "rateLimited" }
      : { ok: false, code: "wrongCode", attemptsLeft };
  }
  const verified = await db.$transaction(async (tx) => {
    const used = await tx.phoneVerification.updateMany({
      where: { id: latest.id, usedAt: null },
      data: { usedAt: now },
    });
    if (used.count === 0) return false; // the same code confirmed twice at once: once is enough
    await tx.resident.update({
      where: { id: residentId },
      data: { phone: latest.phone, phoneVerifiedAt: now },
      select: { id: true },
    });
    await recordAudit(
      {
        actorId: residentId,
        action: "resident.phone_verified",
        subjectType: "Resident",
        subjectId: residentId,
        subjectResidentId: residentId,
        metadata: { phone: maskMobile(latest.phone) },
        ip: meta.ip ?? null,
      },
      tx,
    );
    return true;
  });
  if (!verified) return { ok: false, code: "codeExpired" };
  return { ok: true, phone: latest.phone };
}
