// Every rate limit of the portal, in one place, counted in the database (rate-limiter-flexible's
// Prisma store: one atomic upsert per attempt), so that parallel requests and several processes
// or machines all count the same attempts. An attempt is *reserved* (counted) before the work it
// guards — checking a password, creating an account — so that sixty guesses sent at once are
// counted one by one and only those within the limit are ever checked. Limits use real time:
// they are about machines and attackers, not business rules.
import { RateLimiterPrisma, RateLimiterRes } from "rate-limiter-flexible";
import { getDb, type Db } from "~/utils/db.server";
import { getEnv } from "~/utils/env.server";

type Rule = { points: number; seconds: number };

/** The limits, read from the environment (docs: README "Security", decision 0010). */
function rules() {
  const env = getEnv();
  const loginWindow = env.LOGIN_WINDOW_MINUTES * 60;
  return {
    /** wrong passwords for one account from one address (others can still log in elsewhere) */
    "login-account-address": { points: env.LOGIN_MAX_FAILURES_PER_ACCOUNT, seconds: loginWindow },
    /** wrong passwords from one address, whatever the account */
    "login-address": { points: env.LOGIN_MAX_FAILURES_PER_IP, seconds: loginWindow },
    /** wrong passwords for one account from everywhere: beyond this, attempts are paced */
    "login-account": { points: env.LOGIN_SLOWDOWN_AFTER_FAILURES, seconds: loginWindow },
    /** current-password checks (change password, delete account) per account */
    "password-check": { points: env.LOGIN_MAX_FAILURES_PER_ACCOUNT, seconds: loginWindow },
    /** accounts created from one address per hour */
    "signup-address": { points: env.SIGNUP_MAX_PER_IP_PER_HOUR, seconds: 3600 },
    /** phone verification codes sent for one account (app/domain/residents/phone-verification) */
    "phone-code-resident": { points: 3, seconds: 15 * 60 },
    /** phone verification codes sent to one number, whoever asks */
    "phone-code-number": { points: 5, seconds: 3600 },
    /** "forgot password" requests from one address per hour */
    "reset-address": { points: env.PASSWORD_RESET_MAX_PER_IP_PER_HOUR, seconds: 3600 },
    /** "forgot password" requests for one e-mail address per hour (whoever asks) */
    "reset-email": { points: env.PASSWORD_RESET_MAX_PER_EMAIL_PER_HOUR, seconds: 3600 },
    /** confirmation links asked for again, per account per hour */
    "verification-resend": { points: env.EMAIL_VERIFICATION_MAX_PER_HOUR, seconds: 3600 },
    /** GET /api/places per client per minute (0 = no limit) */
    "places-api": { points: env.PLACES_API_RATE_LIMIT, seconds: 60 },
    /** GET /api/events per client per minute: the same open-data budget as the places API */
    "events-api": { points: env.PLACES_API_RATE_LIMIT, seconds: 60 },
    /** questions asked without an account (/labor/ask) from one address per hour */
    "ask-address": { points: env.LABOR_ASK_MAX_PER_IP_PER_HOUR, seconds: 3600 },
    /** passphrase guesses for one case code, from everywhere, per 15 minutes */
    "ask-read-code": { points: 10, seconds: 15 * 60 },
    /** passphrase guesses from one address, whatever the code, per 15 minutes */
    "ask-read-address": { points: 30, seconds: 15 * 60 },
  } satisfies Record<string, Rule>;
}
export type LimitName = keyof ReturnType<typeof rules>;

/**
 * Pacing of an account under a distributed guessing attack: one attempt per 2, 4, … 64 seconds
 * as failures mount past the slow-down threshold. The resident is slowed, never locked out.
 */
const PACE_STEPS = 6;

export type LimitDecision =
  | { allowed: true; limit: number; consumed: number; remaining: number; resetAt: Date }
  | {
      allowed: false;
      limit: number;
      consumed: number;
      remaining: 0;
      resetAt: Date;
      retryAfterSeconds: number;
    };

const UNLIMITED: LimitDecision = {
  allowed: true,
  limit: 0,
  consumed: 0,
  remaining: 0,
  resetAt: new Date(0),
};

const limiters = new WeakMap<Db, Map<string, RateLimiterPrisma>>();

/** One limiter per name and rule; limiters of the same `name` share their rows (the key prefix). */
function limiter(name: string, rule: Rule): RateLimiterPrisma {
  const db = getDb();
  let byName = limiters.get(db);
  if (!byName) limiters.set(db, (byName = new Map()));
  const id = `${name}:${rule.points}:${rule.seconds}`;
  let found = byName.get(id);
  if (!found) {
    found = new RateLimiterPrisma({
      storeClient: db,
      tableName: "rateLimit",
      keyPrefix: name,
      points: rule.points,
      duration: rule.seconds,
      // Expired rows are removed by the periodic task residents.prune, not by a timer per process.
      clearExpiredByTimeout: false,
    });
    byName.set(id, found);
  }
  return found;
}

function decision(result: RateLimiterRes, rule: Rule): LimitDecision {
  const resetAt = new Date(Date.now() + Math.max(0, result.msBeforeNext));
  const consumed = result.consumedPoints;
  if (consumed <= rule.points)
    return {
      allowed: true,
      limit: rule.points,
      consumed,
      remaining: result.remainingPoints,
      resetAt,
    };
  return {
    allowed: false,
    limit: rule.points,
    consumed,
    remaining: 0,
    resetAt,
    retryAfterSeconds: Math.max(1, Math.ceil(result.msBeforeNext / 1000)),
  };
}

async function consume(name: string, rule: Rule, key: string): Promise<LimitDecision> {
  try {
    return decision(await limiter(name, rule).consume(key), rule);
  } catch (rejection) {
    if (rejection instanceof RateLimiterRes) return decision(rejection, rule);
    throw rejection; // the database failed: the caller's request fails, nothing is let through
  }
}

/** Counts one attempt against a limit; `allowed: false` once the limit is passed. */
export async function takeAttempt(name: LimitName, key: string): Promise<LimitDecision> {
  const rule = rules()[name];
  if (rule.points === 0) return UNLIMITED;
  return consume(name, rule, key);
}

/** Gives a reserved attempt back (it turned out not to count, e.g. the password was right). */
export async function returnAttempt(name: LimitName, key: string) {
  const rule = rules()[name];
  if (rule.points > 0) await limiter(name, rule).reward(key, 1);
}

/** Forgets every attempt of a key (a successful login ends a run of failures). */
export async function clearAttempts(name: LimitName, key: string) {
  const rule = rules()[name];
  if (rule.points > 0) await limiter(name, rule).delete(key);
}

/**
 * For an account past its slow-down threshold (`failures` counted so far in the window): at most
 * one attempt per pace step, atomically, whoever sends it.
 */
export async function takePacedAttempt(key: string, failures: number): Promise<LimitDecision> {
  const over = failures - rules()["login-account"].points;
  if (over <= 0) return UNLIMITED;
  // One row per account whatever the step: while it lasts nobody else is let through, and the
  // attempt that makes it fixes how long it lasts.
  const step = Math.min(over, PACE_STEPS);
  return consume("login-pace", { points: 1, seconds: 2 ** step }, key);
}

/** Drops counters whose window has ended (periodic task residents.prune; real time, as above). */
export async function pruneRateLimits() {
  const { count } = await getDb().rateLimit.deleteMany({ where: { expire: { lt: new Date() } } });
  return count;
}
