// Account recovery and e-mail verification: links sent to an address that prove whoever opens them
// reads that mailbox. A link carries a token of 32 random bytes; only its SHA-256 is stored
// (AccountToken.tokenHash), so a copy of the database opens no account. A token works once, until
// it expires, and only while the account's e-mail is still the one it was sent to.
import crypto from "node:crypto";
import type { Prisma } from "~/generated/prisma/client";
import { recordAudit } from "~/domain/audit/service.server";
import { enqueueNotification } from "~/domain/notifications/service.server";
import type { Failure, Outcome } from "~/domain/shared/outcome";
import { Refused } from "~/domain/shared/outcome";
import { takeAttempt } from "~/domain/system/rate-limits.server";
import { getDb } from "~/utils/db.server";
import { siteUrl } from "~/utils/site-url.server";
import { hashPassword } from "./password.server";
import {
  EMAIL_VERIFICATION_DAYS,
  PASSWORD_RESET_MINUTES,
  SESSION_MAX_AGE_SECONDS,
  type Language,
} from "./types";

type TokenPurpose = "password_reset" | "email_verification";

type RateLimitedFailure = Failure<"rateLimited", { retryAfterSeconds: number }>;

/** A new token for a link: 32 random bytes, base64url (43 characters). */
function newToken(): string {
  return crypto.randomBytes(32).toString("base64url");
}

/** What is stored of a token: its SHA-256, hex. */
function hashToken(token: string): string {
  return crypto.createHash("sha256").update(token, "utf8").digest("hex");
}

type TokenWriter = {
  accountToken: Pick<Prisma.AccountTokenDelegate, "create" | "updateMany">;
};

/**
 * Issues a token of `purpose` for the resident's address, ending their earlier unused ones of
 * the same purpose (only the newest link works). Returns the raw token, which only the message
 * carries.
 */
async function issueToken(
  tx: TokenWriter,
  input: {
    residentId: string;
    purpose: TokenPurpose;
    email: string;
    now: Date;
    lifetimeMs: number;
  },
): Promise<string> {
  await tx.accountToken.updateMany({
    where: { residentId: input.residentId, purpose: input.purpose, usedAt: null },
    data: { usedAt: input.now },
  });
  const token = newToken();
  await tx.accountToken.create({
    data: {
      residentId: input.residentId,
      purpose: input.purpose,
      tokenHash: hashToken(token),
      email: input.email,
      createdAt: input.now,
      expiresAt: new Date(input.now.getTime() + input.lifetimeMs),
    },
    select: { id: true },
  });
  return token;
}

/**
 * A usable token of `purpose`: unused, unexpired, of a live account whose e-mail is still the
 * one the link was sent to. Reads only (opening a link's page changes nothing).
 */
async function findUsableToken(token: string, purpose: TokenPurpose, now: Date) {
  if (typeof token !== "string" || token.length === 0 || token.length > 100) return null;
  const row = await getDb().accountToken.findUnique({
    where: { tokenHash: hashToken(token) },
    select: {
      id: true,
      purpose: true,
      email: true,
      expiresAt: true,
      usedAt: true,
      resident: {
        select: {
          id: true,
          email: true,
          name: true,
          deletedAt: true,
          emailVerifiedAt: true,
          preferredLanguage: true,
        },
      },
    },
  });
  if (!row || row.purpose !== purpose || row.usedAt) return null;
  if (row.expiresAt.getTime() <= now.getTime()) return null;
  if (row.resident.deletedAt || row.resident.email !== row.email) return null;
  return row;
}

/** Marks a token used, once: of two parallel uses exactly one gets `true`. */
async function consumeToken(
  tx: Pick<Prisma.TransactionClient, "accountToken">,
  tokenId: string,
  now: Date,
) {
  const { count } = await tx.accountToken.updateMany({
    where: { id: tokenId, usedAt: null, expiresAt: { gt: now } },
    data: { usedAt: now },
  });
  return count === 1;
}

// ───────────── forgot password ─────────────

/**
 * "Forgot password": sends a reset link to `email` when a live account has that address. The
 * answer is the same whether or not it has one (nothing tells a stranger which addresses have
 * accounts), and so is most of the work (a token is made and hashed either way). Limited per
 * address (`PASSWORD_RESET_MAX_PER_IP_PER_HOUR`) and per e-mail
 * (`PASSWORD_RESET_MAX_PER_EMAIL_PER_HOUR`), counted before anything is looked up; a refused
 * request sends nothing.
 */
export async function requestPasswordReset(
  email: string,
  meta: { ip: string | null; now: Date },
): Promise<Outcome<object, RateLimitedFailure>> {
  const address = email.trim().toLowerCase();
  const fromHere = await takeAttempt("reset-address", meta.ip ?? "unknown");
  if (!fromHere.allowed)
    return { ok: false, code: "rateLimited", retryAfterSeconds: fromHere.retryAfterSeconds };
  const forAddress = await takeAttempt("reset-email", address);
  if (!forAddress.allowed)
    return { ok: false, code: "rateLimited", retryAfterSeconds: forAddress.retryAfterSeconds };

  const db = getDb();
  const resident = await db.resident.findFirst({
    where: { email: address, deletedAt: null },
    select: { id: true, name: true, email: true },
  });
  if (!resident?.email) {
    // The same steps as for an account, without writing: a token made and hashed for nobody.
    hashToken(newToken());
    return { ok: true };
  }
  const residentEmail = resident.email;
  await db.$transaction(async (tx) => {
    const token = await issueToken(tx, {
      residentId: resident.id,
      purpose: "password_reset",
      email: residentEmail,
      now: meta.now,
      lifetimeMs: PASSWORD_RESET_MINUTES * 60_000,
    });
    await recordAudit(
      {
        actorId: null,
        action: "resident.password_reset_request",
        subjectType: "Resident",
        subjectId: resident.id,
        subjectResidentId: resident.id,
        ip: meta.ip,
      },
      tx,
    );
    await enqueueNotification(
      {
        residentId: resident.id,
        template: "password_reset",
        params: {
          name: resident.name,
          link: siteUrl(`/reset-password/${token}`),
          minutes: PASSWORD_RESET_MINUTES,
        },
        sendAfter: meta.now,
        direct: { channel: "email", address: residentEmail },
      },
      tx,
    );
  });
  return { ok: true };
}

/** Whether a reset link still works (the page shows its form, or says to ask for a new one). */
export async function isPasswordResetTokenUsable(token: string, now: Date): Promise<boolean> {
  return (await findUsableToken(token, "password_reset", now)) !== null;
}

/**
 * Sets a new password through a reset link. The link is used up at once (a conditional update:
 * of two parallel uses exactly one succeeds), every session of the account ends, a notice goes to
 * the address, and the resident continues in a new session (the returned id). Opening the link
 * proved the address is theirs, so it also counts as verified.
 */
export async function resetPassword(
  token: string,
  newPassword: string,
  meta: { ip: string | null; now: Date },
): Promise<
  Outcome<
    { residentId: string; sessionId: string; preferredLanguage: Language },
    Failure<"linkExpired">
  >
> {
  const found = await findUsableToken(token, "password_reset", meta.now);
  if (!found) return { ok: false, code: "linkExpired" };
  const resident = found.resident;
  const passwordHash = await hashPassword(newPassword);
  try {
    const sessionId = await getDb().$transaction(async (tx) => {
      if (!(await consumeToken(tx, found.id, meta.now))) throw new Refused("linkExpired");
      // the address may have changed since the page was opened
      const changed = await tx.resident.updateMany({
        where: { id: resident.id, email: found.email, deletedAt: null },
        data: {
          passwordHash,
          passwordChangedAt: meta.now,
          emailVerifiedAt: resident.emailVerifiedAt ?? meta.now,
        },
      });
      if (changed.count !== 1) throw new Refused("linkExpired");
      // Whoever knew the old password (or holds an old cookie) is out: every session ends.
      await tx.session.deleteMany({ where: { residentId: resident.id } });
      // any other reset link sent meanwhile stops working too
      await tx.accountToken.updateMany({
        where: { residentId: resident.id, purpose: "password_reset", usedAt: null },
        data: { usedAt: meta.now },
      });
      const session = await tx.session.create({
        data: {
          residentId: resident.id,
          createdAt: meta.now,
          expiresAt: new Date(meta.now.getTime() + SESSION_MAX_AGE_SECONDS * 1000),
        },
        select: { id: true },
      });
      await recordAudit(
        {
          actorId: resident.id,
          action: "resident.password_reset",
          subjectType: "Resident",
          subjectId: resident.id,
          subjectResidentId: resident.id,
          ip: meta.ip,
        },
        tx,
      );
      await enqueueNotification(
        {
          residentId: resident.id,
          template: "password_changed",
          params: { name: resident.name, link: siteUrl("/forgot-password") },
          sendAfter: meta.now,
          direct: { channel: "email", address: found.email },
        },
        tx,
      );
      return session.id;
    });
    return {
      ok: true,
      residentId: resident.id,
      sessionId,
      preferredLanguage: resident.preferredLanguage as Language,
    };
  } catch (error) {
    if (error instanceof Refused) return { ok: false, code: "linkExpired" };
    throw error;
  }
}

// ───────────── e-mail verification ─────────────

/**
 * Inside sign-up's transaction: the first message to a new resident, a welcome with a link that
 * confirms their address (EMAIL_VERIFICATION_DAYS).
 */
export async function sendEmailVerification(
  tx: TokenWriter & Parameters<typeof enqueueNotification>[1],
  input: { residentId: string; name: string; email: string; now: Date; again?: boolean },
) {
  const token = await issueToken(tx, {
    residentId: input.residentId,
    purpose: "email_verification",
    email: input.email,
    now: input.now,
    lifetimeMs: EMAIL_VERIFICATION_DAYS * 86_400_000,
  });
  await enqueueNotification(
    {
      residentId: input.residentId,
      template: "email_verification",
      params: {
        name: input.name,
        link: siteUrl(`/verify-email/${token}`),
        days: EMAIL_VERIFICATION_DAYS,
        // i18next context: a link asked for again is not a welcome (`body_again`)
        ...(input.again ? { context: "again" } : {}),
      },
      sendAfter: input.now,
      direct: { channel: "email", address: input.email },
    },
    tx,
  );
}

/** Whether a confirmation link still works (its page then offers the button that confirms). */
export async function isEmailVerificationTokenUsable(token: string, now: Date): Promise<boolean> {
  return (await findUsableToken(token, "email_verification", now)) !== null;
}

/** Confirms the address a link was sent to; once. */
export async function verifyEmail(
  token: string,
  meta: { ip: string | null; now: Date },
): Promise<Outcome<{ residentId: string }, Failure<"linkExpired">>> {
  const found = await findUsableToken(token, "email_verification", meta.now);
  if (!found) return { ok: false, code: "linkExpired" };
  const resident = found.resident;
  try {
    await getDb().$transaction(async (tx) => {
      if (!(await consumeToken(tx, found.id, meta.now))) throw new Refused("linkExpired");
      const verified = await tx.resident.updateMany({
        where: { id: resident.id, email: found.email, deletedAt: null },
        data: { emailVerifiedAt: resident.emailVerifiedAt ?? meta.now },
      });
      if (verified.count !== 1) throw new Refused("linkExpired");
      await recordAudit(
        {
          actorId: null,
          action: "resident.email_verified",
          subjectType: "Resident",
          subjectId: resident.id,
          subjectResidentId: resident.id,
          ip: meta.ip,
        },
        tx,
      );
    });
    return { ok: true, residentId: resident.id };
  } catch (error) {
    if (error instanceof Refused) return { ok: false, code: "linkExpired" };
    throw error;
  }
}

/**
 * Sends a new confirmation link (the earlier ones stop working), at most
 * `EMAIL_VERIFICATION_MAX_PER_HOUR` times an hour per account.
 */
export async function resendVerification(
  residentId: string,
  meta: { ip: string | null; now: Date },
): Promise<Outcome<{ alreadyVerified: boolean }, RateLimitedFailure | Failure<"notFound">>> {
  const db = getDb();
  const resident = await db.resident.findFirst({
    where: { id: residentId, deletedAt: null },
    select: { name: true, email: true, emailVerifiedAt: true },
  });
  if (!resident?.email) return { ok: false, code: "notFound" };
  if (resident.emailVerifiedAt) return { ok: true, alreadyVerified: true };
  const allowance = await takeAttempt("verification-resend", residentId);
  if (!allowance.allowed)
    return { ok: false, code: "rateLimited", retryAfterSeconds: allowance.retryAfterSeconds };
  const email = resident.email;
  await db.$transaction((tx) =>
    sendEmailVerification(tx, {
      residentId,
      name: resident.name,
      email,
      now: meta.now,
      again: true,
    }),
  );
  return { ok: true, alreadyVerified: false };
}
