// Shared helpers of the end-to-end tests: Debian's Chromium through playwright-core, plain HTTP
// with the cookies and Origin a browser would send, and a client on the server's database.
import fs from "node:fs";
import path from "node:path";
import { chromium, type Browser, type BrowserContext, type Page } from "playwright-core";
import { afterAll, inject } from "vitest";
import { Prisma } from "~/generated/prisma/client";
import { ROOT } from "../setup/paths";
import { closeDatabase, openDatabase, type Connection } from "~/utils/db.server";

export const baseUrl = () => inject("baseUrl");

let connection: Connection | undefined;
afterAll(() => closeDatabase(connection));

/**
 * The server's database, on whichever engine the project runs (a client of the test file's own,
 * closed after the file): for what cannot be done over HTTP (giving staff roles, making 100
 * applicants) and for checking what the HTTP answers claim.
 */
export function serverDatabase() {
  connection ??= openDatabase(inject("databaseUrl"), { poolSize: 4 });
  return connection.client;
}

const CHROMIUM_FLAGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

// Debian's headless shell when installed (scripts/ensure-chromium.sh installs it): the same engine
// without the full browser's UI processes, which cost the tests ~40% of their CPU time.
const HEADLESS_SHELL = "/usr/lib/chromium/chromium-headless-shell";

function chromiumExecutable() {
  if (process.env.CHROMIUM_PATH) return process.env.CHROMIUM_PATH;
  return fs.existsSync(HEADLESS_SHELL) ? HEADLESS_SHELL : "/usr/bin/chromium";
}

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumExecutable(),
    args: CHROMIUM_FLAGS,
  });
}

// The full browser, when installed: Chrome's installability checks (what Lighthouse's
// `installable-manifest` audit asked) run only there. The headless shell has no app-install
// machinery and answers every page with "no installability errors", even one without a manifest.
const FULL_CHROMIUM = "/usr/lib/chromium/chromium";
export const fullChromiumInstalled = fs.existsSync(FULL_CHROMIUM);

/**
 * The full browser with a profile on disk: an incognito-like context (every `newContext`) is
 * refused an install ("in-incognito").
 */
export async function launchPersistentFullBrowser(userDataDir: string): Promise<BrowserContext> {
  return chromium.launchPersistentContext(userDataDir, {
    executablePath: FULL_CHROMIUM,
    args: CHROMIUM_FLAGS,
    baseURL: baseUrl(),
    locale: "ko-KR",
    viewport: { width: 390, height: 844 },
  });
}

export async function newPage(
  browser: Browser,
  options: {
    javaScriptEnabled?: boolean;
    locale?: string;
    viewport?: { width: number; height: number };
  } = {},
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({
    baseURL: baseUrl(),
    javaScriptEnabled: options.javaScriptEnabled ?? true,
    locale: options.locale ?? "ko-KR",
    viewport: options.viewport ?? { width: 390, height: 844 },
  });
  const page = await context.newPage();
  return { context, page };
}

/** Waits until the page is hydrated, so clicks go to React rather than to plain HTML forms. */
export async function hydrated(page: Page) {
  await page.waitForSelector("html[data-hydrated=true]", { state: "attached" });
  await page.waitForLoadState("networkidle");
}

let counter = 0;
export function uniqueEmail(prefix: string) {
  counter += 1;
  return `${prefix}-${Date.now()}-${counter}@example.test`;
}

/** A form POST as the browser sends it (same Origin), without following redirects. */
export async function postForm(
  path: string,
  fields: Record<string, string>,
  cookie = "",
  headers: Record<string, string> = {},
) {
  return fetch(`${baseUrl()}${path}`, {
    method: "POST",
    redirect: "manual",
    headers: {
      "Content-Type": "application/x-www-form-urlencoded",
      Origin: baseUrl(),
      ...(cookie ? { Cookie: cookie } : {}),
      ...headers,
    },
    body: new URLSearchParams(fields),
  });
}

export function cookiesOf(response: Response, previous = ""): string {
  const jar = new Map(
    previous
      .split("; ")
      .filter(Boolean)
      .map((p) => [p.split("=")[0]!, p] as const),
  );
  for (const header of response.headers.getSetCookie()) {
    const pair = header.split(";")[0]!;
    jar.set(pair.split("=")[0]!, pair);
  }
  return [...jar.values()].join("; ");
}

/** Signs a resident up over HTTP; returns their id and session cookie. */
export async function signUpOverHttp(
  email: string,
  name = "HTTP Resident",
  password = "e2e passphrase 123",
) {
  const response = await postForm("/signup", {
    email,
    name,
    password,
    passwordConfirm: password,
    acceptTerms: "on",
    acceptPrivacy: "on",
  });
  if (response.status !== 302) throw new Error(`signup failed: ${response.status}`);
  const cookie = cookiesOf(response);
  const account = await fetch(`${baseUrl()}/account`, {
    redirect: "manual",
    headers: { Cookie: cookie },
  });
  const id = account.headers.get("location")?.split("/residents/")[1]?.split("?")[0];
  if (!id) throw new Error("no profile location");
  return { id, cookie, email, password };
}

/** Logs in over HTTP (an account of the seed, say); returns the session cookie. */
export async function logInOverHttp(email: string, password: string) {
  const response = await postForm("/login", { email, password });
  if (response.status !== 302) throw new Error(`login of ${email} failed: ${response.status}`);
  return cookiesOf(response);
}

// ---- what the database holds, to prove that a request wrote nothing ----------------------------

/** Per model: its row count and, for models with `updatedAt`, the latest one (an update moves it). */
export type DatabaseSnapshot = Record<string, { rows: number; lastUpdate: string | null }>;

/**
 * Tables the server writes on requests that change nothing a person owns — left out of snapshots:
 * - RateLimit: every login, password re-check, sign-up and places-API call reserves its attempt
 *   before the input is even validated (decision 0010), so refused requests count too;
 * - TaskLease: the server's scheduler takes and renews its leases whatever the requests are.
 */
const NOT_COMPARED = new Set(["RateLimit", "TaskLease"]);

/**
 * Audited reads (a staff member opening a description, exporting applicants or registrants,
 * opening a question asked without an account) are writes by design.
 */
const AUDITED_READS = [
  "booking.description_read",
  "applications.export",
  "event.registrants_export",
  "labor_question.read",
];

/** Every model of the schema (Prisma's list, so a new model is counted without editing this). */
export async function databaseSnapshot(): Promise<DatabaseSnapshot> {
  const db = serverDatabase() as unknown as Record<
    string,
    {
      count: (args?: object) => Promise<number>;
      aggregate: (args: object) => Promise<{ _max: { updatedAt: Date | null } }>;
    }
  >;
  const snapshot: DatabaseSnapshot = {};
  for (const model of Object.values(Prisma.ModelName)) {
    if (NOT_COMPARED.has(model)) continue;
    const delegate = db[model[0]!.toLowerCase() + model.slice(1)]!;
    const fields = (Prisma as unknown as Record<string, Record<string, string> | undefined>)[
      `${model}ScalarFieldEnum`
    ];
    const where = model === "AuditEvent" ? { action: { notIn: AUDITED_READS } } : undefined;
    const rows = await delegate.count(where ? { where } : undefined);
    const lastUpdate = fields?.updatedAt
      ? ((await delegate.aggregate({ _max: { updatedAt: true } }))._max.updatedAt?.toISOString() ??
        null)
      : null;
    snapshot[model] = { rows, lastUpdate };
  }
  return snapshot;
}

/** The models whose rows or latest update differ between two snapshots, with both values. */
export function snapshotChanges(before: DatabaseSnapshot, after: DatabaseSnapshot) {
  return Object.keys({ ...before, ...after })
    .filter((model) => JSON.stringify(before[model]) !== JSON.stringify(after[model]))
    .map((model) => ({ model, before: before[model], after: after[model] }));
}

/**
 * The words of the newest `template` message to a resident, as the phone or mailbox receives
 * them: from the outbox row while it waits, from the server's local mailbox once the scheduler
 * has sent it (a sent account message keeps no body in the database).
 */
export async function messageBody(residentId: string, template: string): Promise<string> {
  const row = await serverDatabase().notification.findFirstOrThrow({
    where: { residentId, template },
    orderBy: { createdAt: "desc" },
    select: { id: true, body: true },
  });
  if (row.body) return row.body;
  const directory = path.join(ROOT, "data/mailbox");
  const file = (await fs.promises.readdir(directory)).find((name) =>
    name.endsWith(`-${row.id}.json`),
  );
  if (!file) throw new Error(`${template} message ${row.id} neither waiting nor in the mailbox`);
  return (
    JSON.parse(await fs.promises.readFile(path.join(directory, file), "utf8")) as {
      body: string;
    }
  ).body;
}
