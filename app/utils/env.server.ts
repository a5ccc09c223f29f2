// The typed, validated environment. Every variable has a safe default for the embedded mode
// (one machine, SQLite file under ./data), so `npm start` works on a fresh clone with no .env.
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { z } from "zod";
import { siteOrigins } from "../../server/security.js";

const booleanFlag = z
  .enum(["true", "false", "1", "0"])
  .transform((value) => value === "true" || value === "1");

/** An empty variable (`METRICS_TOKEN=`) counts as unset. */
const unsetIfBlank = <T extends z.ZodTypeAny>(schema: T) =>
  z.preprocess((value) => (value === "" ? undefined : value), schema);

const EnvSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  /// "test" unlocks the test-only seams (a settable clock); never set it in production.
  APP_ENV: z.enum(["development", "production", "test"]).optional(),
  /// file:<path> (SQLite, the embedded default) or postgresql://… (PostgreSQL 15+): decision 0009.
  DATABASE_URL: z
    .string()
    .default("file:./data/portal.db")
    .refine(
      (url) => /^(file:|postgres(ql)?:\/\/)/.test(url),
      "must start with file: or postgresql://",
    ),
  /// PostgreSQL only: connections per server process (several processes each have their own pool).
  DATABASE_POOL_SIZE: z.coerce.number().int().positive().max(200).default(10),
  PORT: z.coerce.number().int().positive().default(3000),
  // Read by server.js (server/config.js) before the app loads; listed here to be validated and
  // documented with the rest.
  HOST: z.string().default("0.0.0.0"),
  /// Server processes sharing the port (node:cluster). Default: 1 on SQLite, one per CPU core on
  /// PostgreSQL. Each has its own database pool and its own response cache. Development: always 1.
  WEB_CONCURRENCY: unsetIfBlank(z.coerce.number().int().positive().max(64).optional()),
  /// pino level of the JSON logs on stdout: fatal, error, warn, info, debug, trace or silent.
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  /// One JSON line per request (request id, method, path, route, status, duration); false = none.
  LOG_REQUESTS: booleanFlag.default("true"),
  /// Bearer token that opens GET /metrics on the site's port; without it that path is a 404.
  METRICS_TOKEN: unsetIfBlank(z.string().min(16).optional()),
  /// Port of a separate metrics listener on 127.0.0.1 (no token), e.g. for a local Prometheus agent.
  METRICS_PORT: unsetIfBlank(z.coerce.number().int().min(0).max(65535).optional()),
  /// Seconds that public pages (for visitors who are not logged in, server/app.js) and the public
  /// data of logged-in pages (public-reads.server.ts) may be shared: 15 in production, else 0.
  RESPONSE_CACHE_SECONDS: unsetIfBlank(z.coerce.number().int().min(0).max(3600).optional()),
  /// Requests inside the app at a time per process (server/admission.js); the rest wait in
  /// arrival order, each admitted once its body has arrived. 0 = no bound. Default: 4 on SQLite,
  /// 0 on PostgreSQL.
  MAX_REQUESTS_IN_APP: unsetIfBlank(z.coerce.number().int().min(0).max(10_000).optional()),
  /// On SIGTERM, how long requests in flight may take to finish before connections are closed.
  SHUTDOWN_TIMEOUT_MS: z.coerce.number().int().min(0).default(10_000),
  /// The site's public origin(s), comma-separated, the canonical one first (every absolute link,
  /// feed and message uses it; https there also means Secure cookies and HSTS). Requests for any
  /// other Host get 421 and mutations from any other Origin 403. Empty = this machine's loopback
  /// names on PORT (the embedded `npm start`).
  APP_ORIGINS: z.string().default(""),
  /// Signing secrets for cookies, comma-separated, newest first (rotation keeps old ones valid).
  SESSION_SECRETS: z.string().optional(),
  /// Number of proxy hops to trust for the client IP (X-Forwarded-For).
  TRUST_PROXY_HOPS: z.coerce.number().int().min(0).default(0),
  LOGIN_MAX_FAILURES_PER_ACCOUNT: z.coerce.number().int().positive().default(5),
  LOGIN_MAX_FAILURES_PER_IP: z.coerce.number().int().positive().default(30),
  LOGIN_WINDOW_MINUTES: z.coerce.number().int().positive().default(15),
  /// Wrong passwords for one account from all addresses together after which further attempts
  /// are paced (one per 2, 4 … 64 s): a stranger can slow a resident down, never lock them out.
  LOGIN_SLOWDOWN_AFTER_FAILURES: z.coerce.number().int().positive().default(10),
  /// Accounts that may be created from one address per hour.
  SIGNUP_MAX_PER_IP_PER_HOUR: z.coerce.number().int().positive().default(10),
  LABOR_ASK_MAX_PER_IP_PER_HOUR: z.coerce.number().int().positive().default(5),
  /// "Forgot password" requests per hour from one address, and for one e-mail address.
  PASSWORD_RESET_MAX_PER_IP_PER_HOUR: z.coerce.number().int().positive().default(10),
  PASSWORD_RESET_MAX_PER_EMAIL_PER_HOUR: z.coerce.number().int().positive().default(3),
  /// E-mail confirmation links a resident may ask for again per hour.
  EMAIL_VERIFICATION_MAX_PER_HOUR: z.coerce.number().int().positive().default(3),
  /// Requests per minute and client on GET /api/places (0 = no limit, e.g. behind a limiting proxy).
  PLACES_API_RATE_LIMIT: z.coerce.number().int().min(0).default(120),
  /// Largest accepted request body, in bytes (bigger bodies get 413 before any parsing).
  MAX_BODY_BYTES: z.coerce.number().int().positive().default(1_000_000),
  MAP_TILE_URL: z.string().default("https://tile.openstreetmap.org/{z}/{x}/{y}.png"),
  MAP_TILE_ATTRIBUTION: z
    .string()
    .default('&copy; <a href="https://www.openstreetmap.org/copyright">OpenStreetMap</a>'),
  /// Where the development sender writes outgoing messages (opened in the browser at /dev/mailbox).
  MAILBOX_DIR: z.string().default("./data/mailbox"),
  /// E-mail over SMTP, e.g. smtp://user:pass@mail.example.org:587 (STARTTLS when offered) or
  /// smtps://…:465. Unset: e-mail lands in the local mailbox (MAILBOX_DIR).
  SMTP_URL: unsetIfBlank(z.string().url().optional()),
  /// The From of every e-mail.
  MAIL_FROM: z.string().default("서울 일자리·노동권익 포털 <no-reply@localhost>"),
  /// Texts and KakaoTalk 알림톡: "solapi", or "none" (texts land in the local mailbox).
  SMS_PROVIDER: z.enum(["none", "solapi"]).default("none"),
  /// The gateway's API key and secret (SOLAPI console → API Key).
  SMS_API_KEY: unsetIfBlank(z.string().optional()),
  SMS_API_SECRET: unsetIfBlank(z.string().optional()),
  /// The registered sender number (발신번호) texts come from, e.g. 0212345678.
  SMS_SENDER: unsetIfBlank(z.string().optional()),
  /// The gateway's address; only tests and staging point it elsewhere (a local stand-in).
  SMS_API_URL: z.string().url().default("https://api.solapi.com"),
  /// KakaoTalk channel (pfId) for 알림톡; unset = plain texts only.
  KAKAO_PF_ID: unsetIfBlank(z.string().optional()),
  /// Approved 알림톡 templates, "template=templateId" comma-separated (e.g.
  /// "waitlist_offer=KA01TP…,booking_confirmed=KA01TP…"); other messages go as SMS/LMS.
  KAKAO_TEMPLATES: z.string().default(""),
  /// Fixed "now" for tests (ISO instant). Honoured only when APP_ENV=test.
  TEST_FIXED_NOW: z.string().datetime({ offset: true }).optional(),
  /// Test-only: a file that holds the clock set by the tests, shared by every server process.
  /// Honoured only when APP_ENV=test.
  TEST_CLOCK_FILE: z.string().optional(),
  /// Secure cookies whatever the origins say (default: when the canonical origin is https).
  SECURE_COOKIES: booleanFlag.optional(),
  /// Booking: a resident may cancel or reschedule online until this many minutes before the start.
  BOOKING_CANCEL_CUTOFF_MINUTES: z.coerce.number().int().min(0).default(120),
  /// Booking: most upcoming live bookings one resident may hold per kind of service.
  BOOKING_MAX_UPCOMING_PER_KIND: z.coerce.number().int().positive().default(3),
  /// Waitlist: how long an offered place is held for the resident…
  WAITLIST_OFFER_HOLD_MINUTES: z.coerce.number().int().positive().default(120),
  /// …but never later than this many minutes before the start.
  WAITLIST_OFFER_LEAD_MINUTES: z.coerce.number().int().min(0).default(60),
  /// Events: most lottery applications, waitlist places and registrations one resident may hold
  /// per program kind for sessions in one calendar month (Seoul).
  EVENTS_MONTHLY_CAP_PER_KIND: z.coerce.number().int().positive().default(4),
  /// Events: a no-show recorded in this many months before a draw puts the resident in the later tier.
  EVENTS_NO_SHOW_MONTHS: z.coerce.number().int().min(0).default(6),
  /// Events: how long a seat offered from a waitlist is held (never past the session's start).
  EVENTS_OFFER_HOLD_HOURS: z.coerce.number().int().positive().default(24),
  /// Key (32 bytes, base64) that encrypts confidential text at rest (AES-256-GCM): labor-consultation
  /// descriptions and questions asked without an account. Unset: a random key kept in
  /// data/.sealing-key (one machine). Several machines must share one key. Never change it
  /// without re-encrypting.
  BOOKING_DESCRIPTION_KEY: z
    .string()
    .refine((v) => Buffer.from(v, "base64").length === 32, "must be 32 bytes, base64-encoded")
    .optional(),
});

/** Every variable the site reads through getEnv() (the README's configuration table lists them). */
export const ENVIRONMENT_VARIABLES = Object.keys(EnvSchema.shape);

export type DatabaseEngine = "sqlite" | "postgresql";

/** The engine a database URL names: `postgresql://…` (or `postgres://…`) or else a SQLite file. */
export function databaseEngine(url: string): DatabaseEngine {
  return /^postgres(ql)?:\/\//.test(url) ? "postgresql" : "sqlite";
}

export type Env = z.infer<typeof EnvSchema> & {
  appEnv: "development" | "production" | "test";
  sessionSecrets: string[];
  /** BOOKING_DESCRIPTION_KEY, or this machine's own key: confidential text is always sealed */
  sealingKey: string;
  /** the SQLite file (meaningless on PostgreSQL) */
  databaseFile: string;
  /** the site's origins (server/security.js siteOrigins): the first is canonical */
  allowedOrigins: string[];
  secureCookies: boolean;
  /** RESPONSE_CACHE_SECONDS with its default */
  sharedForSeconds: number;
};

let cached: Env | undefined;

/** The environment, validated once. Throws with every problem listed when it is invalid. */
export function getEnv(): Env {
  if (cached) return cached;
  const parsed = EnvSchema.safeParse(process.env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`);
    throw new Error(`Invalid environment:\n  ${problems.join("\n  ")}`);
  }
  const env = parsed.data;
  const appEnv = env.APP_ENV ?? env.NODE_ENV;
  const { origins: allowedOrigins } = siteOrigins(env.APP_ORIGINS, env.PORT);
  cached = {
    ...env,
    appEnv,
    databaseFile: databaseFileFromUrl(env.DATABASE_URL),
    sessionSecrets: env.SESSION_SECRETS
      ? env.SESSION_SECRETS.split(",").map((s) => s.trim())
      : [localSessionSecret(appEnv)],
    sealingKey: env.BOOKING_DESCRIPTION_KEY ?? localSealingKey(appEnv),
    allowedOrigins,
    // the canonical origin decides (server/app.js sends HSTS on the same condition)
    secureCookies: env.SECURE_COOKIES ?? allowedOrigins[0]!.startsWith("https:"),
    // the same default as server/app.js's page cache: shared only in production proper
    sharedForSeconds:
      env.RESPONSE_CACHE_SECONDS ?? (env.NODE_ENV === "production" && appEnv !== "test" ? 15 : 0),
  };
  return cached;
}

/** Public subset handed to the browser (window.ENV). Nothing secret may be added here. */
export function getPublicEnv() {
  const env = getEnv();
  return { MAP_TILE_URL: env.MAP_TILE_URL, MAP_TILE_ATTRIBUTION: env.MAP_TILE_ATTRIBUTION };
}

export function databaseFileFromUrl(url: string): string {
  const file = url.replace(/^file:/, "");
  return path.resolve(file);
}

/**
 * Embedded mode without SESSION_SECRETS: a random secret kept in ./data, so that sessions survive
 * restarts without anyone having to invent a secret. Tests get a fixed one.
 */
function localSessionSecret(appEnv: string): string {
  if (appEnv === "test") return "test-session-secret-not-for-production";
  const file = path.resolve("data/.session-secret");
  try {
    return fs.readFileSync(file, "utf8").trim();
  } catch {
    const secret = crypto.randomBytes(32).toString("hex");
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, secret, { mode: 0o600 });
    return secret;
  }
}

/**
 * Without BOOKING_DESCRIPTION_KEY: a random key kept in ./data beside the database, so that what
 * workers write is sealed at rest from the first start (secure by default). Tests get a fixed one.
 */
function localSealingKey(appEnv: string): string {
  if (appEnv === "test") return Buffer.alloc(32, "test-sealing-key").toString("base64");
  const file = path.resolve("data/.sealing-key");
  if (!fs.existsSync(file)) {
    // written whole under another name, then linked into place: a process starting at the same
    // moment either finds no file or the complete key, and the first link wins
    fs.mkdirSync(path.dirname(file), { recursive: true });
    const draft = `${file}.${process.pid}.${crypto.randomBytes(4).toString("hex")}`;
    fs.writeFileSync(draft, crypto.randomBytes(32).toString("base64"), { mode: 0o600 });
    try {
      fs.linkSync(draft, file);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    } finally {
      fs.unlinkSync(draft);
    }
  }
  const key = fs.readFileSync(file, "utf8").trim();
  // a damaged key must stop the server, not seal with nothing or fail on every booking
  if (Buffer.from(key, "base64").length !== 32)
    throw new Error(`${file} does not hold a 32-byte base64 key: restore it from the backups`);
  return key;
}

/** For tests that change process.env between cases. */
export function resetEnvCache() {
  cached = undefined;
}
