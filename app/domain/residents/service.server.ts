// Residents & auth: accounts, sessions, login rate limiting, profile, password, deletion.
// All database access of this capability is here; routes call these functions.
import { isUniqueViolation } from "~/domain/shared/db-errors";
import type { Code, Failure, Outcome } from "~/domain/shared/outcome";
import { recordAudit } from "~/domain/audit/service.server";
import type { ProfileFacts } from "~/domain/eligibility/judge";
import { rememberProfileFacts } from "~/domain/eligibility/service.server";
import { normalizeMobile } from "~/domain/notifications/phone";
import { withoutUnsafeCharacters } from "~/domain/shared/text";
import { RESIDENT_DELETED_HOOKS } from "~/domain/system/resident-deleted.server";
import { containsText, getDb } from "~/utils/db.server";
import {
  clearAttempts,
  pruneRateLimits,
  returnAttempt,
  takeAttempt,
  takePacedAttempt,
} from "~/domain/system/rate-limits.server";
import { getDummyHash, hashPassword, verifyPassword } from "./password.server";
import { sendEmailVerification } from "./recovery.server";
import type { Prisma } from "~/generated/prisma/client";
import type { ProfileInput, RoleAssignment } from "./schema";
import { SESSION_MAX_AGE_SECONDS, type Language, type Role, type SessionUser } from "./types";
import { pageCount, paginate } from "~/domain/shared/pagination";

const TERMS_VERSION = "2026-11";
const PRIVACY_VERSION = "2026-11";

type SessionUserRow = {
  id: string;
  name: string;
  role: string;
  staffPlaceId: string | null;
  staffOrganizationId: string | null;
  preferredLanguage: string;
};

function toSessionUser(row: SessionUserRow): SessionUser {
  return {
    ...row,
    role: row.role as Role,
    preferredLanguage: row.preferredLanguage as Language,
  };
}

// ───────────── sign up ─────────────

export type SignupInput = {
  email: string;
  name: string;
  password: string;
  preferredLanguage: Language;
};

/** Refused for `C`, or because too many attempts came from here (retry after that long). */
type RefusedOr<C extends Code> = Failure<C> | Failure<"rateLimited", { retryAfterSeconds: number }>;

export async function createResident(
  input: SignupInput,
  meta: { ip: string | null; now: Date },
): Promise<Outcome<{ residentId: string }, RefusedOr<"emailTaken">>> {
  const db = getDb();
  // Counted before anything else, so that accounts made in parallel are counted one by one.
  const allowance = await takeAttempt("signup-address", meta.ip ?? "unknown");
  if (!allowance.allowed)
    return { ok: false, code: "rateLimited", retryAfterSeconds: allowance.retryAfterSeconds };
  const passwordHash = await hashPassword(input.password);
  try {
    const resident = await db.$transaction(async (tx) => {
      const created = await tx.resident.create({
        data: {
          email: input.email,
          name: input.name,
          passwordHash,
          preferredLanguage: input.preferredLanguage,
          consents: {
            create: [
              { kind: "terms", version: TERMS_VERSION },
              { kind: "privacy", version: PRIVACY_VERSION },
            ],
          },
        },
        select: { id: true },
      });
      await recordAudit(
        {
          actorId: created.id,
          action: "resident.signup",
          subjectType: "Resident",
          subjectId: created.id,
          subjectResidentId: created.id,
          ip: meta.ip,
        },
        tx,
      );
      // the welcome message carries the link that confirms the address (recovery.server.ts)
      await sendEmailVerification(tx, {
        residentId: created.id,
        name: input.name,
        email: input.email,
        now: meta.now,
      });
      return created;
    });
    return { ok: true, residentId: resident.id };
  } catch (error) {
    if (isUniqueViolation(error)) return { ok: false, code: "emailTaken" };
    throw error;
  }
}

// ───────────── log in, with rate limiting ─────────────

export type LoginResult = Outcome<
  { residentId: string; preferredLanguage: Language; role: Role },
  RefusedOr<"invalidCredentials">
>;

/**
 * Checks credentials under three limits, each attempt counted (reserved) in the database before
 * the password is looked at, so that parallel guesses cannot all slip past one count:
 * - per account and address (`LOGIN_MAX_FAILURES_PER_ACCOUNT` in `LOGIN_WINDOW_MINUTES`): a
 *   guesser is stopped, while the resident can still log in from their own address;
 * - per address (`LOGIN_MAX_FAILURES_PER_IP`): one address trying many accounts;
 * - per account from everywhere: past `LOGIN_SLOWDOWN_AFTER_FAILURES` attempts are paced (one per
 *   2 … 64 s), never refused for the whole window — a stranger cannot lock a resident out.
 * A right password gives its reservations back; a refused attempt gives back what it took from the
 * limits that let it through (its password was never checked).
 */
export async function authenticate(
  credentials: { email: string; password: string },
  meta: { ip: string; now: Date },
): Promise<LoginResult> {
  const db = getDb();
  const email = credentials.email.trim().toLowerCase();
  const pairKey = `${meta.ip}:${email}`;
  const [pair, address, account] = await Promise.all([
    takeAttempt("login-account-address", pairKey),
    takeAttempt("login-address", meta.ip),
    takeAttempt("login-account", email),
  ]);
  const refusals = [pair, address].filter((d) => !d.allowed);
  if (refusals.length === 0 && !account.allowed) {
    const paced = await takePacedAttempt(email, account.consumed);
    if (!paced.allowed) refusals.push(paced);
  }
  if (refusals.length > 0) {
    await Promise.all([
      pair.allowed ? returnAttempt("login-account-address", pairKey) : null,
      address.allowed ? returnAttempt("login-address", meta.ip) : null,
      returnAttempt("login-account", email),
    ]);
    return {
      ok: false,
      code: "rateLimited",
      retryAfterSeconds: Math.max(...refusals.map((d) => (d.allowed ? 1 : d.retryAfterSeconds))),
    };
  }

  const resident = await db.resident.findFirst({
    where: { email, deletedAt: null },
    select: { id: true, passwordHash: true, preferredLanguage: true, role: true },
  });
  const valid = await verifyPassword(
    credentials.password,
    resident?.passwordHash ?? (await getDummyHash()),
  );
  const succeeded = Boolean(resident?.passwordHash) && valid;
  // Kept for looking into password guessing afterwards (the limits do not read it).
  await db.loginAttempt.create({
    data: { email, ip: meta.ip, succeeded, createdAt: meta.now },
    select: { id: true },
  });
  if (!succeeded || !resident) return { ok: false, code: "invalidCredentials" };
  await Promise.all([
    clearAttempts("login-account-address", pairKey),
    returnAttempt("login-address", meta.ip),
    returnAttempt("login-account", email),
  ]);
  return {
    ok: true,
    residentId: resident.id,
    preferredLanguage: resident.preferredLanguage as Language,
    role: resident.role as Role,
  };
}

// ───────────── sessions ─────────────

export async function createSession(residentId: string, now: Date): Promise<string> {
  const session = await getDb().session.create({
    data: {
      residentId,
      createdAt: now,
      expiresAt: new Date(now.getTime() + SESSION_MAX_AGE_SECONDS * 1000),
    },
    select: { id: true },
  });
  return session.id;
}

export async function getSessionUser(sessionId: string, now: Date): Promise<SessionUser | null> {
  // Every logged-in request runs this, so it is one hand-written statement (one join, rows
  // mapped by the driver), whose plan is kept for every session id (query-plans.server.ts). The
  // identifiers are quoted for PostgreSQL; SQLite reads them the same. The expiry is compared
  // here, as dates, because the engines store them differently.
  // The same row also carries the profile's facts, which most logged-in pages judge eligibility
  // on: kept for this request (getProfileFacts), never in the SessionUser the page is sent.
  // (The driver adapters type a raw read's columns by their declared type: the facts' booleans
  // are booleans on both engines, as tests/integration/accounts.test.ts checks.)
  const rows = await getDb().$queryRaw<
    (SessionUserRow & ProfileFacts & { expiresAt: Date | string })[]
  >`
    SELECT r."id", r."name", r."role", r."staffPlaceId", r."staffOrganizationId",
           r."preferredLanguage", s."expiresAt",
           r."birthDate", r."district", r."employmentStatus", r."registeredJobSeeker",
           r."hasRegularIncome", r."workerType"
    FROM "Session" s JOIN "Resident" r ON r."id" = s."residentId"
    WHERE s."id" = ${sessionId} AND r."deletedAt" IS NULL`;
  const row = rows[0];
  if (!row || new Date(row.expiresAt).getTime() <= now.getTime()) return null;
  const {
    expiresAt: _expiresAt,
    id,
    name,
    role,
    staffPlaceId,
    staffOrganizationId,
    preferredLanguage,
    ...facts
  } = row;
  rememberProfileFacts(id, facts);
  return toSessionUser({ id, name, role, staffPlaceId, staffOrganizationId, preferredLanguage });
}

export async function deleteSession(sessionId: string) {
  await getDb().session.deleteMany({ where: { id: sessionId } });
}

/**
 * Login attempts (an e-mail and an IP address each) are kept this long for looking into password
 * guessing, far past the rate-limit window; the privacy page says so.
 */
export const LOGIN_ATTEMPT_RETENTION_DAYS = 30;

/** Deletes expired sessions, login attempts past their retention and ended rate-limit counters. */
export async function pruneSessionsAndLoginAttempts(now: Date) {
  const db = getDb();
  const [sessions, loginAttempts, rateLimits] = await Promise.all([
    db.session.deleteMany({ where: { expiresAt: { lte: now } } }),
    db.loginAttempt.deleteMany({
      where: {
        createdAt: { lt: new Date(now.getTime() - LOGIN_ATTEMPT_RETENTION_DAYS * 86_400_000) },
      },
    }),
    pruneRateLimits(),
  ]);
  return {
    expiredSessions: sessions.count,
    oldLoginAttempts: loginAttempts.count,
    endedRateLimits: rateLimits,
  };
}

// ───────────── profile ─────────────

const profileSelect = {
  id: true,
  email: true,
  emailVerifiedAt: true,
  name: true,
  birthDate: true,
  phone: true,
  district: true,
  employmentStatus: true,
  registeredJobSeeker: true,
  hasRegularIncome: true,
  workerType: true,
  preferredLanguage: true,
  role: true,
  createdAt: true,
  updatedAt: true,
} as const;

export async function getProfile(residentId: string) {
  return getDb().resident.findFirst({
    where: { id: residentId, deletedAt: null },
    select: profileSelect,
  });
}

/** A phone number as digits (a mobile normalised: +82 10… = 010…), to tell whether it changed. */
function comparablePhone(phone: string | null) {
  if (!phone) return null;
  return normalizeMobile(phone) ?? phone.replace(/\D/g, "");
}

export async function updateProfile(
  residentId: string,
  input: ProfileInput,
  meta: { ip: string | null },
) {
  const db = getDb();
  return db.$transaction(async (tx) => {
    // A verified phone stays verified only while it is the same number (however it is typed);
    // another number gets no text until it is verified in its turn (/account/phone).
    const before = await tx.resident.findFirst({
      where: { id: residentId, deletedAt: null },
      select: { phone: true },
    });
    const phone = input.phone ?? null;
    const samePhone = comparablePhone(before?.phone ?? null) === comparablePhone(phone);
    const updated = await tx.resident.update({
      where: { id: residentId, deletedAt: null },
      data: {
        name: input.name,
        birthDate: input.birthDate ?? null,
        phone,
        ...(samePhone ? {} : { phoneVerifiedAt: null }),
        district: input.district ?? null,
        employmentStatus: input.employmentStatus ?? null,
        registeredJobSeeker: input.registeredJobSeeker,
        hasRegularIncome: input.hasRegularIncome,
        workerType: input.workerType ?? null,
        preferredLanguage: input.preferredLanguage,
      },
      select: profileSelect,
    });
    await recordAudit(
      {
        actorId: residentId,
        action: "resident.profile_update",
        subjectType: "Resident",
        subjectId: residentId,
        subjectResidentId: residentId,
        ip: meta.ip,
      },
      tx,
    );
    return updated;
  });
}

// ───────────── password ─────────────

/**
 * The current password, asked again before a change that matters (new password, deletion):
 * limited per account like logins, the attempt counted before the password is checked.
 */
async function checkCurrentPassword(
  residentId: string,
  password: string,
): Promise<Outcome<{ resident: { email: string | null } }, RefusedOr<"wrongPassword">>> {
  const allowance = await takeAttempt("password-check", residentId);
  if (!allowance.allowed)
    return { ok: false, code: "rateLimited", retryAfterSeconds: allowance.retryAfterSeconds };
  const resident = await getDb().resident.findFirst({
    where: { id: residentId, deletedAt: null },
    select: { passwordHash: true, email: true },
  });
  if (!resident?.passwordHash || !(await verifyPassword(password, resident.passwordHash)))
    return { ok: false, code: "wrongPassword" };
  await clearAttempts("password-check", residentId);
  return { ok: true, resident };
}

export async function changePassword(
  residentId: string,
  input: { currentPassword: string; newPassword: string },
  meta: { ip: string | null; now: Date },
): Promise<Outcome<{ sessionId: string }, RefusedOr<"wrongPassword">>> {
  const db = getDb();
  const check = await checkCurrentPassword(residentId, input.currentPassword);
  if (!check.ok) return check;
  const passwordHash = await hashPassword(input.newPassword);
  const sessionId = await db.$transaction(async (tx) => {
    await tx.resident.update({
      where: { id: residentId },
      data: { passwordHash, passwordChangedAt: meta.now },
      select: { id: true },
    });
    // A changed password ends every other session (a stolen cookie stops working).
    await tx.session.deleteMany({ where: { residentId } });
    const session = await tx.session.create({
      data: {
        residentId,
        createdAt: meta.now,
        expiresAt: new Date(meta.now.getTime() + SESSION_MAX_AGE_SECONDS * 1000),
      },
      select: { id: true },
    });
    await recordAudit(
      {
        actorId: residentId,
        action: "resident.password_change",
        subjectType: "Resident",
        subjectId: residentId,
        subjectResidentId: residentId,
        ip: meta.ip,
      },
      tx,
    );
    return session.id;
  });
  return { ok: true, sessionId };
}

// ───────────── deletion ─────────────

/**
 * Deletes an account: personal data is removed, bookings and applications stay only as
 * anonymised records (no name, contact, birth date or confidential description), future bookings
 * are cancelled so their places go back to others, open applications are withdrawn.
 */
export async function deleteAccount(
  residentId: string,
  password: string,
  meta: { ip: string | null; now: Date },
): Promise<Outcome<object, RefusedOr<"wrongPassword">>> {
  const db = getDb();
  const check = await checkCurrentPassword(residentId, password);
  if (!check.ok) return check;
  const resident = check.resident;
  await db.$transaction(async (tx) => {
    // The account's row first, as booking and registering take it before a slot or a session:
    // the hooks below then take those, never the other way round (no deadlock with them).
    await tx.resident.update({
      where: { id: residentId },
      data: { updatedAt: meta.now },
      select: { id: true },
    });
    const counts: Record<string, number> = {};
    for (const hook of RESIDENT_DELETED_HOOKS) {
      Object.assign(counts, await hook.run(tx, residentId, meta.now));
    }
    await tx.notification.updateMany({
      where: { residentId, status: "pending" },
      data: { status: "cancelled" },
    });
    await tx.notification.updateMany({
      where: { residentId },
      data: { toAddress: "", body: "", subject: "" },
    });
    await tx.session.deleteMany({ where: { residentId } });
    await tx.consent.deleteMany({ where: { residentId } });
    await tx.postingFollow.deleteMany({ where: { residentId } });
    // the e-mail in the login record is personal data too
    if (resident.email) await tx.loginAttempt.deleteMany({ where: { email: resident.email } });
    await tx.resident.update({
      where: { id: residentId },
      data: {
        email: null,
        passwordHash: null,
        name: "",
        birthDate: null,
        phone: null,
        district: null,
        employmentStatus: null,
        registeredJobSeeker: null,
        hasRegularIncome: null,
        workerType: null,
        role: "resident",
        staffPlaceId: null,
        staffOrganizationId: null,
        deletedAt: meta.now,
      },
      select: { id: true },
    });
    await recordAudit(
      {
        actorId: residentId,
        action: "resident.delete",
        subjectType: "Resident",
        subjectId: residentId,
        subjectResidentId: residentId,
        ip: meta.ip,
        metadata: counts,
      },
      tx,
    );
  });
  return { ok: true };
}

// ───────────── administration ─────────────

/** Who may open a resident's profile page: the resident, and admins. */
export function canViewProfile(viewer: SessionUser, residentId: string): boolean {
  return viewer.id === residentId || viewer.role === "admin";
}

export async function setPreferredLanguage(residentId: string, language: Language) {
  await getDb().resident.updateMany({
    where: { id: residentId, deletedAt: null },
    data: { preferredLanguage: language },
  });
}

// ───────────── roles (administrators) ─────────────

const ACCOUNTS_PAGE_SIZE = 25;

const accountRowSelect = {
  id: true,
  email: true,
  name: true,
  role: true,
  staffPlace: { select: { id: true, nameKo: true, nameEn: true } },
  staffOrganization: { select: { id: true, nameKo: true, nameEn: true } },
} as const;

/** Live accounts by e-mail or name, optionally of one role, for the administrators' list. */
export async function listAccounts(options: { q: string; role: Role | null; page: number }) {
  const db = getDb();
  // control characters (NUL above all, which PostgreSQL refuses in any text) never match anyone
  const q = withoutUnsafeCharacters(options.q).trim();
  const where: Prisma.ResidentWhereInput = {
    deletedAt: null,
    ...(options.role ? { role: options.role } : {}),
    // e-mails are stored in lower case
    ...(q ? { OR: [{ email: { contains: q.toLowerCase() } }, { name: containsText(q) }] } : {}),
  };
  const [total, accounts] = await Promise.all([
    db.resident.count({ where }),
    db.resident.findMany({
      where,
      orderBy: [{ email: "asc" }, { id: "asc" }],
      ...paginate(options.page, ACCOUNTS_PAGE_SIZE),
      select: accountRowSelect,
    }),
  ]);
  return {
    total,
    page: options.page,
    pageCount: pageCount(total, ACCOUNTS_PAGE_SIZE),
    accounts: accounts.map((account) => ({ ...account, role: account.role as Role })),
  };
}

/** One live account with the places and organisations staff can be bound to. */
export async function getAccountForRoles(residentId: string) {
  const db = getDb();
  const [account, places, organizations] = await Promise.all([
    db.resident.findFirst({
      where: { id: residentId, deletedAt: null },
      select: { ...accountRowSelect, staffPlaceId: true, staffOrganizationId: true },
    }),
    db.place.findMany({
      orderBy: { nameKo: "asc" },
      select: { id: true, nameKo: true, nameEn: true },
    }),
    db.organization.findMany({
      orderBy: { nameKo: "asc" },
      select: { id: true, nameKo: true, nameEn: true },
    }),
  ]);
  if (!account) return null;
  return { account: { ...account, role: account.role as Role }, places, organizations };
}

export type RoleChangeOutcome = Outcome<
  { changed: boolean },
  Failure<"notFound" | "ownRole" | "unknownPlace" | "unknownOrganization">
>;

/**
 * An administrator sets someone's role and workplace. Administrators cannot change their own
 * role (so the portal always keeps the one making the change as an administrator). Takes effect
 * on the person's next request: sessions read the role from the account every time.
 */
export async function assignRole(
  actor: SessionUser,
  residentId: string,
  assignment: RoleAssignment,
  meta: { ip: string | null },
): Promise<RoleChangeOutcome> {
  if (actor.role !== "admin") return { ok: false, code: "notFound" };
  if (actor.id === residentId) return { ok: false, code: "ownRole" };
  return getDb().$transaction(async (tx): Promise<RoleChangeOutcome> => {
    const [before, place, organization] = await Promise.all([
      tx.resident.findFirst({
        where: { id: residentId, deletedAt: null },
        select: { role: true, staffPlaceId: true, staffOrganizationId: true },
      }),
      assignment.staffPlaceId
        ? tx.place.findUnique({ where: { id: assignment.staffPlaceId }, select: { id: true } })
        : null,
      assignment.staffOrganizationId
        ? tx.organization.findUnique({
            where: { id: assignment.staffOrganizationId },
            select: { id: true },
          })
        : null,
    ]);
    if (!before) return { ok: false, code: "notFound" };
    if (assignment.staffPlaceId && !place) return { ok: false, code: "unknownPlace" };
    if (assignment.staffOrganizationId && !organization)
      return { ok: false, code: "unknownOrganization" };
    const changed =
      before.role !== assignment.role ||
      before.staffPlaceId !== assignment.staffPlaceId ||
      before.staffOrganizationId !== assignment.staffOrganizationId;
    if (!changed) return { ok: true, changed: false };
    await tx.resident.update({ where: { id: residentId }, data: assignment, select: { id: true } });
    await recordAudit(
      {
        actorId: actor.id,
        action: "resident.role",
        subjectType: "Resident",
        subjectId: residentId,
        subjectResidentId: residentId,
        placeId: assignment.staffPlaceId ?? before.staffPlaceId,
        organizationId: assignment.staffOrganizationId ?? before.staffOrganizationId,
        ip: meta.ip,
        metadata: {
          fromRole: before.role,
          fromPlaceId: before.staffPlaceId,
          fromOrganizationId: before.staffOrganizationId,
          toRole: assignment.role,
          toPlaceId: assignment.staffPlaceId,
          toOrganizationId: assignment.staffOrganizationId,
        },
      },
      tx,
    );
    return { ok: true, changed: true };
  });
}
