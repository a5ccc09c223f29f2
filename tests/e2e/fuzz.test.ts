// Malformed input to every route of the app (issue 10): each page and API (GET) and each action
// (POST with our own Origin), anonymous and logged in as a resident (of this file, with a booking,
// a waitlist offer and applications), a labor center's staff member and the administrator (both
// of the seed). The routes come from the build's manifest, so a new route is fuzzed without
// editing this file; path parameters are filled with real ids, with a made-up one, and with a NUL
// or broken percent-encoding. What is sent: huge list indexes, nesting 20,000 deep, over-long keys
// and values, NUL and bidirectional controls, wrong types (text for numbers, dates and ids; lists
// for single values), duplicated fields, 400 fields, the wrong content type (JSON, multipart,
// text/plain, none) and broken percent-encoding — shaped after the fields each page's own forms
// and links really have. Whatever arrives: never a 5xx, shapes no form of ours has are refused,
// and nothing is written (every model's row count and latest update, before and after).
import fs from "node:fs";
import path from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { E2E_NOW } from "../setup/e2e-server";
import { ROOT } from "../setup/paths";
import { LABOR_FIELDS, bookOverHttp, ownService, residentWithBirthDate } from "./booking-support";
import {
  baseUrl,
  databaseSnapshot,
  launchBrowser,
  logInOverHttp,
  serverDatabase,
  snapshotChanges,
  type DatabaseSnapshot,
} from "./support";

// ---- the routes --------------------------------------------------------------------------------

type ManifestRoute = {
  id: string;
  parentId?: string;
  path?: string;
  index?: boolean;
  hasAction: boolean;
  hasLoader: boolean;
};

/** The routes of the production build, as Remix's browser manifest lists them. */
function manifestRoutes(): ManifestRoute[] {
  const folder = path.join(ROOT, "build/client/assets");
  const file = fs.readdirSync(folder).find((name) => /^manifest-[\w-]+\.js$/.test(name));
  if (!file) throw new Error("no Remix manifest in build/client/assets: run `npm run build`");
  const text = fs.readFileSync(path.join(folder, file), "utf8");
  const manifest = JSON.parse(text.slice(text.indexOf("{"), text.lastIndexOf("}") + 1)) as {
    routes: Record<string, ManifestRoute>;
  };
  return Object.values(manifest.routes);
}

/** The URL pattern of a route: its own path below its parents' ("/staff/places/:placeId/hours"). */
function patternOf(route: ManifestRoute, byId: Map<string, ManifestRoute>): string {
  const parts: string[] = [];
  for (let at: ManifestRoute | undefined = route; at; at = byId.get(at.parentId ?? "")) {
    if (at.path) parts.unshift(at.path);
  }
  return `/${parts.join("/")}`;
}

/**
 * Test seams that exist only with APP_ENV=test and are not part of the site: they fail on purpose
 * (test-support/fail*), stall on purpose (test-support/slow) or move the clock every server
 * process shares (test-support/clock).
 */
const TEST_SEAMS = /^\/test-support\//;

const MADE_UP_ID = "cm0madeup0000000000000000";

type Target = {
  routeId: string;
  /** the concrete path, parameters filled in */
  path: string;
  /** ids of the database, a made-up one, or a NUL / broken percent-encoding in their place */
  ids: "real" | "made-up" | "bad address" | "none";
  index: boolean;
  hasAction: boolean;
};

// ---- who asks ----------------------------------------------------------------------------------

type Persona = { name: string; cookie: string };
const personas: Persona[] = [{ name: "anonymous", cookie: "" }];

/** Accounts of the seed (README "Accounts to try"): staff of a labor center, the administrator. */
const SEEDED = {
  staff: { email: "staff.labor@seoul-portal.test", password: "staff-labor-2026" },
  admin: { email: "admin@seoul-portal.test", password: "admin-portal-2026" },
} as const;
/** the organisation whose postings and rounds the ids come from (the seed's Seoul government) */
const ORGANISATION_STAFF = "staff.jobs@seoul-portal.test";

/** Real values of the route parameters: rows the personas own or work on. */
const realParams = new Map<string, string>();
/** route parameters this file has no real value for (a made-up id is used instead) */
const unknownParams = new Set<string>();

function fill(
  pattern: string,
  values: (name: string, segments: string[]) => string,
  { raw = false } = {},
) {
  const segments = pattern.split("/");
  return segments
    .map((segment, i) => {
      if (segment === "*") return raw ? values("*", []) : "no/such/page";
      if (!segment.startsWith(":")) return segment;
      const value = values(segment.slice(1).replace(/\?$/, ""), segments.slice(0, i));
      return raw ? value : encodeURIComponent(value);
    })
    .join("/");
}

/**
 * `slug` means a posting under /jobs, a place under /places, a round under /rounds, a program
 * under /events, a rights guide under /labor/guides.
 */
function realValue(name: string, before: string[]): string {
  const key = name === "slug" ? `${before.at(-1)}:slug` : name;
  const value = realParams.get(key);
  if (value === undefined) {
    unknownParams.add(key);
    return MADE_UP_ID;
  }
  return value;
}

// ---- what is sent ------------------------------------------------------------------------------

type FieldInfo = { type: string; value: string };
/** the fields each route's forms and links really use (from every page seen), by route id */
const fieldsByRoute = new Map<string, Map<string, FieldInfo>>();
/** query fields of each route's GET forms and links */
const queryFieldsByRoute = new Map<string, Map<string, FieldInfo>>();

const NASTY = "a\u0000b\u202Ec\u2066d\u200Fe\u0007\u001b[31m";
/** the same without NUL, which no address may carry (refused at the door: "NUL in a value") */
const NASTY_BUT_NUL = NASTY.replace("\u0000", "");
const HUGE_INDEX = "x[100000000]";
const DEEP = `a${"[b]".repeat(20_000)}`;
const LONG_KEY = "k".repeat(300);
const MEGABYTE = "v".repeat(1_000_000);
const LONG_VALUE = "w".repeat(150_000);

/** A value of the wrong kind for a field like this one. */
function wrongValue(name: string, info: FieldInfo | undefined): string {
  const value = info?.value ?? "";
  if (info?.type === "number" || /^-?\d+(\.\d+)?$/.test(value)) return "twelve";
  if (
    info?.type === "date" ||
    /^\d{4}-\d{2}-\d{2}/.test(value) ||
    /date|day|from|until/i.test(name)
  )
    return "2026-02-31T25:61";
  if (info?.type === "time" || /^\d{2}:\d{2}$/.test(value)) return "24:99";
  if (/id$/i.test(name) || /^c[a-z0-9]{20,}$/.test(value)) return "../../etc/passwd";
  if (info?.type === "checkbox" || info?.type === "radio" || info?.type === "select-one")
    return "not-a-choice";
  if (name === "page") return "-1e309";
  return "9".repeat(40);
}

type Variant = {
  name: string;
  /** the query string (GET) */
  query?: (fields: Map<string, FieldInfo>) => string;
  /** the body and its content type (POST); `type: null` sends no Content-Type */
  body?: (fields: Map<string, FieldInfo>) => {
    type: string | null;
    body: string | FormData | ArrayBuffer;
  };
  /** refused by the shape of the input alone, before any route code: must be a 4xx */
  refused?: boolean;
  /** content variants (a sane shape, wrong content) reach each route's validation */
  content?: boolean;
};

const names = (fields: Map<string, FieldInfo>) =>
  fields.size > 0 ? [...fields.keys()] : ["q", "page", "id"];
const encode = (pairs: [string, string][]) => new URLSearchParams(pairs).toString();
const urlencoded = (body: string) => ({ type: "application/x-www-form-urlencoded", body });

/** Input whose shape alone is malformed: refused before parsing, whatever the route. */
const SHAPE_VARIANTS: Variant[] = [
  {
    name: "huge list index",
    query: () => `page=x&${encodeURIComponent(HUGE_INDEX)}=1`,
    body: () => urlencoded(`${encodeURIComponent(HUGE_INDEX)}=1&email=a%40b.c`),
    refused: true,
  },
  {
    name: "nesting 20,000 deep",
    query: () => `${DEEP}=1`,
    body: () => urlencoded(`${DEEP}=1`),
    refused: true,
  },
  {
    name: "over-long key",
    query: () => `${LONG_KEY}=1`,
    body: () => urlencoded(`${LONG_KEY}=1`),
    refused: true,
  },
  {
    name: "400 fields",
    query: () => Array.from({ length: 400 }, (_, i) => `f${i}=1`).join("&"),
    body: () => urlencoded(Array.from({ length: 400 }, (_, i) => `f${i}=1`).join("&")),
    refused: true,
  },
  {
    name: "1 MB value",
    query: () => `q=${MEGABYTE}`,
    body: () => urlencoded(`q=${MEGABYTE}`),
    refused: true,
  },
  {
    name: "150 kB value",
    body: (fields) => urlencoded(encode([[names(fields)[0]!, LONG_VALUE]])),
    refused: true,
  },
  {
    name: "NUL in a field name",
    query: () => "a%00b=1",
    body: () => urlencoded("a%00b=1"),
    refused: true,
  },
  {
    name: "NUL in a value",
    query: (fields) => encode(names(fields).map((n) => [n, NASTY])),
    refused: true,
  },
  {
    name: "JSON",
    refused: true,
    body: (fields) => ({
      type: "application/json",
      body: JSON.stringify(Object.fromEntries(names(fields).map((n) => [n, [1, { $gt: "" }]]))),
    }),
  },
  {
    name: "text/plain",
    refused: true,
    body: (fields) => ({ type: "text/plain", body: names(fields).join("=1\n") }),
  },
  {
    name: "no content type",
    // bytes, not a string: fetch would label a string text/plain
    body: (fields) => ({
      type: null,
      body: new TextEncoder().encode(encode([[names(fields)[0]!, "1"]])).buffer as ArrayBuffer,
    }),
    refused: true,
  },
  {
    name: "broken multipart",
    refused: true,
    body: () => ({
      type: "multipart/form-data; boundary=xyz",
      body: '--xyz\r\nContent-Disposition: form-data; name="a"\r\n\r\nunterminated',
    }),
  },
];

/** Input of a sane shape but wrong content: it reaches each route's validation. */
const CONTENT_VARIANTS: Variant[] = [
  {
    name: "wrong types",
    query: (fields) => encode(names(fields).map((n) => [n, wrongValue(n, fields.get(n))])),
    body: (fields) =>
      urlencoded(encode(names(fields).map((n) => [n, wrongValue(n, fields.get(n))]))),
    content: true,
  },
  {
    name: "duplicated fields and lists for single values",
    query: (fields) =>
      encode(
        names(fields).flatMap((n): [string, string][] => [
          [n, fields.get(n)?.value ?? "1"],
          [n, wrongValue(n, fields.get(n))],
          [`${n}[0]`, "x"],
        ]),
      ),
    body: (fields) =>
      urlencoded(
        encode(
          names(fields).flatMap((n): [string, string][] => [
            [n, fields.get(n)?.value ?? "1"],
            [n, wrongValue(n, fields.get(n))],
            [`${n}[0]`, "x"],
            [`${n}.x`, "y"],
          ]),
        ),
      ),
    content: true,
  },
  {
    // (NUL in the body only: an address with one is refused at the door, see "NUL in a value")
    name: "control characters, bidi and broken percent-encoding",
    query: (fields) =>
      `${encode(names(fields).map((n) => [n, NASTY_BUT_NUL]))}&q=%E0%A4%A&page=%zz&%=%%&%ED%A0%80=1`,
    body: (fields) =>
      urlencoded(
        `${encode(names(fields).map((n) => [n, NASTY]))}&q=%E0%A4%A&x=%zz&%=%%&%FF=%C0%AF`,
      ),
    content: true,
  },
  {
    name: "multipart with wrong types",
    body: (fields) => {
      const form = new FormData();
      for (const n of names(fields)) {
        if (fields.get(n)?.type === "file") form.append(n, new Blob([NASTY]), "../../x.csv");
        else form.append(n, wrongValue(n, fields.get(n)));
      }
      return { type: "multipart", body: form };
    },
    content: true,
  },
];

// ---- sending -----------------------------------------------------------------------------------

type Outcome = { what: string; status: number; ms: number; error?: string };
const outcomes: Outcome[] = [];

async function send(
  what: string,
  url: string,
  init: {
    method: "GET" | "POST";
    cookie: string;
    type?: string | null;
    body?: string | FormData | ArrayBuffer;
  },
): Promise<{ status: number; text: string; contentType: string; location: string | null }> {
  const started = performance.now();
  const headers: Record<string, string> = {};
  if (init.cookie) headers.Cookie = init.cookie;
  if (init.method === "POST") headers.Origin = baseUrl();
  if (init.type && init.type !== "multipart") headers["Content-Type"] = init.type;
  try {
    const response = await fetch(`${baseUrl()}${url}`, {
      method: init.method,
      headers,
      body: init.body,
      redirect: "manual",
      signal: AbortSignal.timeout(20_000),
    });
    const text = await response.text();
    outcomes.push({ what, status: response.status, ms: performance.now() - started });
    return {
      status: response.status,
      text,
      contentType: response.headers.get("content-type") ?? "",
      location: response.headers.get("location"),
    };
  } catch (error) {
    // Node closes the connection on an address too long to read (431): a refusal, not a crash.
    // Any other dropped connection fails the test (below).
    const message = error instanceof Error ? `${error.message} ${String(error.cause ?? "")}` : "";
    outcomes.push({
      what,
      status: 0,
      ms: performance.now() - started,
      error: message,
    });
    return { status: 0, text: "", contentType: "", location: null };
  }
}

/** Runs `tasks` a few at a time (the machine has two cores; the server is one process on SQLite). */
async function inBatches<T>(tasks: (() => Promise<T>)[], parallel = 6) {
  let next = 0;
  await Promise.all(
    Array.from({ length: parallel }, async () => {
      while (next < tasks.length) {
        const task = tasks[next++]!;
        await task();
      }
    }),
  );
}

// ---- reading the pages' forms (Chromium's own HTML parser) -------------------------------------

let browser: Browser;
let parser: Page;

type SeenForm = {
  method: string;
  action: string;
  fields: { name: string; type: string; value: string }[];
};

async function formsAndLinks(html: string, pageUrl: string) {
  return parser.evaluate(
    ({ html, pageUrl }) => {
      const doc = new DOMParser().parseFromString(html, "text/html");
      const forms = [...doc.querySelectorAll("form")].map((form) => ({
        method: (form.getAttribute("method") ?? "get").toLowerCase(),
        action: new URL(form.getAttribute("action") ?? pageUrl, pageUrl).href,
        fields: [...form.querySelectorAll("input, select, textarea, button")]
          .map((element) => element as HTMLInputElement)
          .filter((element) => element.name)
          .map((element) => ({ name: element.name, type: element.type, value: element.value })),
      }));
      const links = [...doc.querySelectorAll("a[href]")].map(
        (a) => new URL(a.getAttribute("href")!, pageUrl).href,
      );
      return { forms, links };
    },
    { html, pageUrl },
  ) as Promise<{ forms: SeenForm[]; links: string[] }>;
}

// ---- the run -----------------------------------------------------------------------------------

let routes: ManifestRoute[] = [];
let matchers: { id: string; index: boolean; regex: RegExp }[] = [];
let targets: Target[] = [];
/** who may open each target (GET answered 200), by target path */
const admitted = new Map<string, Persona[]>();
let before: DatabaseSnapshot;

function routeOfUrl(url: URL): string | undefined {
  const index = url.searchParams.has("index");
  const candidates = matchers.filter((m) => m.regex.test(url.pathname));
  return (candidates.find((m) => m.index === index) ?? candidates[0])?.id;
}

function remember(
  into: Map<string, Map<string, FieldInfo>>,
  routeId: string,
  fields: { name: string; type: string; value: string }[],
) {
  const known = into.get(routeId) ?? new Map<string, FieldInfo>();
  for (const field of fields) if (!known.has(field.name)) known.set(field.name, field);
  into.set(routeId, known);
}

async function prepareData() {
  const db = serverDatabase();
  // a resident of our own, with a profile, a labor consultation (with its confidential
  // description), a waitlist offer and applications to a posting and to a public-work round
  const resident = await residentWithBirthDate("fuzz", "퍼즈 시민");
  personas.push({ name: "resident", cookie: resident.cookie });
  for (const [name, account] of Object.entries(SEEDED))
    personas.push({ name, cookie: await logInOverHttp(account.email, account.password) });

  const placeStaff = await db.resident.findUniqueOrThrow({
    where: { email: SEEDED.staff.email },
    select: { staffPlaceId: true },
  });
  const orgStaff = await db.resident.findUniqueOrThrow({
    where: { email: ORGANISATION_STAFF },
    select: { staffOrganizationId: true },
  });
  const place = await db.place.findUniqueOrThrow({
    where: { id: placeStaff.staffPlaceId! },
    select: { id: true, slug: true },
  });
  const seededService = await db.service.findFirstOrThrow({
    where: { placeId: place.id, kind: "labor_consultation" },
    select: { slug: true },
    orderBy: { slug: "asc" },
  });
  // the persona's own copy of the staff's center service, with a slot to book and one to be offered
  const service = await ownService(seededService.slug, [
    { date: "2026-12-10", time: "10:00", channels: "phone" },
    { date: "2026-12-10", time: "11:00", channels: "phone" },
    { date: "2026-12-10", time: "12:00", channels: "phone" },
  ]);
  const now = new Date(E2E_NOW);
  const booked = await bookOverHttp(
    resident.cookie,
    service.slug,
    service.slotId("2026-12-10", "10:00"),
    LABOR_FIELDS,
  );
  if (booked.status !== 302) throw new Error(`booking failed: ${booked.status}`);
  const booking = await db.booking.findFirstOrThrow({
    where: { residentId: resident.id },
    select: { id: true },
  });
  // an offer, holding its place as the booking module's offers do, that stays an offer while the
  // clock stands still (the scheduler neither expires it nor hands out another place)
  const offerSlotId = service.slotId("2026-12-10", "11:00");
  const [, entry] = await db.$transaction([
    db.slot.update({ where: { id: offerSlotId }, data: { bookedCount: { increment: 1 } } }),
    db.waitlistEntry.create({
      data: {
        slotId: offerSlotId,
        residentId: resident.id,
        status: "offered",
        liveKey: `${offerSlotId}:${resident.id}`,
        offeredAt: now,
        offerExpiresAt: new Date(now.getTime() + 60 * 60_000),
      },
      select: { id: true },
    }),
  ]);
  const posting = await db.posting.findFirstOrThrow({
    where: { organizationId: orgStaff.staffOrganizationId!, status: "published", roundId: null },
    select: { id: true, slug: true },
    orderBy: { slug: "asc" },
  });
  const round = await db.publicWorkRound.findFirstOrThrow({
    where: { organizationId: orgStaff.staffOrganizationId! },
    select: { id: true, slug: true },
    orderBy: { slug: "asc" },
  });
  const application = await db.application.create({
    data: { residentId: resident.id, postingId: posting.id, profileSnapshot: "{}" },
    select: { id: true },
  });
  await db.application.create({
    data: { residentId: resident.id, roundId: round.id, profileSnapshot: "{}" },
  });
  const program = await db.program.findFirstOrThrow({
    where: { status: "published", sessions: { some: {} } },
    select: { id: true, slug: true, sessions: { select: { id: true }, take: 1 } },
    orderBy: { slug: "asc" },
  });
  const question = await db.laborQuestion.create({
    data: {
      code: "FZZQ2345",
      passphraseHash: "scrypt$fuzz",
      placeId: place.id,
      topic: "other",
      question: "퍼즈 질문",
      contactKind: "none",
      language: "ko",
      lastActivityAt: new Date(),
    },
    select: { id: true, code: true },
  });
  const values: Record<string, string> = {
    residentId: resident.id,
    bookingId: booking.id,
    entryId: entry.id,
    applicationId: application.id,
    postingId: posting.id,
    "jobs:slug": posting.slug,
    roundId: round.id,
    "rounds:slug": round.slug,
    placeId: place.id,
    "places:slug": place.slug,
    "events:slug": program.slug,
    "guides:slug": "unpaid-wages",
    programId: program.id,
    sessionId: program.sessions[0]!.id,
    // a question asked without an account to the staff's center (its code and its record)
    code: question.code,
    questionId: question.id,
    serviceId: service.id,
    serviceSlug: service.slug,
    slotId: service.slotId("2026-12-10", "12:00"),
    lng: "ko",
    ns: "common",
    // the secret of an e-mailed link (unsubscribe, password reset, e-mail confirmation): one of the
    // right shape that opens nothing — a real one would rightly be used by a variant that happens
    // to be a valid password, or turn a topic off, and those are writes
    token: "fuzz-0123456789abcdefghijklmnopqrstuvwxyzABCDE",
  };
  for (const [name, value] of Object.entries(values)) realParams.set(name, value);
}

function buildTargets() {
  routes = manifestRoutes();
  const byId = new Map(routes.map((route) => [route.id, route]));
  const seen = new Set<string>();
  targets = [];
  matchers = [];
  for (const route of routes) {
    const pattern = patternOf(route, byId);
    matchers.push({
      id: route.id,
      index: Boolean(route.index),
      regex: new RegExp(
        `^${pattern
          .replace(/\/$/, "")
          .replace(/\./g, "\\.")
          .replace(/:[\w]+\??/g, "[^/]+")
          .replace(/\*/, ".*")}/?$`,
      ),
    });
    if (TEST_SEAMS.test(pattern)) continue;
    // a layout with an index child answers through the child
    if (!route.index && routes.some((child) => child.parentId === route.id && child.index))
      continue;
    const hasParams = /[:*]/.test(pattern);
    const variants: { ids: Target["ids"]; path: string }[] = hasParams
      ? [
          { ids: "real", path: fill(pattern, realValue) },
          { ids: "made-up", path: fill(pattern, () => MADE_UP_ID) },
          // no address may hold a NUL (PostgreSQL refuses it in any text) or fail to decode
          { ids: "bad address", path: fill(pattern, () => "a%00b", { raw: true }) },
          { ids: "bad address", path: fill(pattern, () => "%E0%A4%A", { raw: true }) },
        ]
      : [{ ids: "none", path: pattern }];
    for (const variant of variants) {
      const key = `${variant.path}|${route.index ? "index" : ""}`;
      if (seen.has(key)) continue;
      seen.add(key);
      targets.push({
        routeId: route.id,
        path: variant.path,
        ids: variant.ids,
        index: Boolean(route.index),
        hasAction: route.hasAction,
      });
    }
  }
}

/** POSTs to an index route name it (`?index`), as Remix's own forms do. */
const actionUrl = (target: Target) => (target.index ? `${target.path}?index` : target.path);

beforeAll(async () => {
  browser = await launchBrowser();
  parser = await browser.newPage();
  await prepareData();
  buildTargets();
  // The pages as each persona sees them: who may open what, and the fields of their forms and links.
  // (made-up ids and bad addresses are not looked at here: they are fuzzed below)
  const tasks = targets.flatMap((target) =>
    (target.ids === "real" || target.ids === "none" ? personas : []).map((persona) => async () => {
      const response = await send(`GET ${target.path} [${persona.name}] plain`, target.path, {
        method: "GET",
        cookie: persona.cookie,
      });
      if (response.status !== 200) return;
      admitted.set(target.path, [...(admitted.get(target.path) ?? []), persona]);
      if (!response.contentType.includes("text/html")) return;
      const pageUrl = `${baseUrl()}${target.path}`;
      const { forms, links } = await formsAndLinks(response.text, pageUrl);
      for (const form of forms) {
        const url = new URL(form.action);
        if (url.origin !== baseUrl()) continue;
        const routeId = routeOfUrl(url);
        if (!routeId) continue;
        remember(form.method === "post" ? fieldsByRoute : queryFieldsByRoute, routeId, form.fields);
      }
      for (const link of links) {
        const url = new URL(link);
        const routeId = url.origin === baseUrl() ? routeOfUrl(url) : undefined;
        if (!routeId) continue;
        remember(
          queryFieldsByRoute,
          routeId,
          [...url.searchParams].map(([name, value]) => ({ name, type: "link", value })),
        );
      }
    }),
  );
  await inBatches(tasks);
  before = await databaseSnapshot();
}, 120_000);

afterAll(async () => {
  await browser?.close();
});

/**
 * Actions that take no input but the URL and who asks (their forms are a single button): any POST
 * from these personas is the action itself, done rightly — logging out, a new e-mail confirmation
 * link, and the resident's own booking cancelled or waitlist place given up. Everyone else is fuzzed on them (and refused).
 */
const TAKE_NO_INPUT: Record<string, string[]> = {
  "routes/logout": ["resident", "staff", "admin"],
  "routes/account.verify-email": ["resident", "staff", "admin"],
  "routes/bookings.$bookingId.cancel": ["resident"],
  "routes/bookings.waitlist.$entryId": ["resident"],
};

/**
 * Who sends a variant. Each (target, variant) goes to one persona, in turn among those the route
 * lets in (its page answered them 200; among everyone when it let nobody in, e.g. made-up ids), so
 * that the input reaches the code behind the route's check of who is asking. A query string's
 * shape is checked before any route code runs, whoever asks: the anonymous visitor sends those.
 */
let turn = 0;
function whoFor(target: Target, variant: Variant, method: "GET" | "POST"): Persona {
  if (!variant.content && method === "GET") return personas[0]!;
  const inside = admitted.get(target.path) ?? [];
  let candidates = inside.length > 0 ? inside : personas;
  if (method === "POST") {
    const legitimate = TAKE_NO_INPUT[target.routeId] ?? [];
    candidates = candidates.filter((persona) => !legitimate.includes(persona.name));
    if (candidates.length === 0) candidates = personas.filter((p) => !legitimate.includes(p.name));
  }
  turn += 1;
  return candidates[turn % candidates.length]!;
}

/** Is this a refusal? A 4xx, or being sent to log in first. */
function isRefusal(status: number, location: string | null) {
  return (status >= 400 && status < 500) || (status === 302 && /^\/login\b/.test(location ?? ""));
}

describe("malformed input to every route", () => {
  it("finds every route of the build, and a real value for every route parameter", () => {
    expect(routes.length).toBeGreaterThan(60);
    expect(targets.some((t) => t.path.startsWith("/staff/places/") && t.ids === "real")).toBe(true);
    expect([...unknownParams], "teach prepareData() a real value for these").toEqual([]);
  });

  it("never answers 5xx and writes nothing", async () => {
    const started = performance.now();
    const tasks: (() => Promise<unknown>)[] = [];
    const notRefused: string[] = [];
    targets.forEach((target, n) => {
      const query = queryFieldsByRoute.get(target.routeId) ?? new Map<string, FieldInfo>();
      const body = fieldsByRoute.get(target.routeId) ?? new Map<string, FieldInfo>();
      if (target.ids === "bad address") {
        // refused at the door, before any route code
        for (const method of target.hasAction ? (["GET", "POST"] as const) : (["GET"] as const)) {
          const url = method === "GET" ? target.path : actionUrl(target);
          const what = `${method} ${url} [anonymous] NUL or broken encoding in the path`;
          tasks.push(async () => {
            const response = await send(what, url, {
              method,
              cookie: "",
              ...(method === "POST" ? urlencoded("q=1") : {}),
            });
            if (response.status !== 400) notRefused.push(`${what} → ${response.status}`);
          });
        }
        return;
      }
      // Every shape variant goes to every route with real ids; the content variants (which
      // render whole pages, the costly part) three in four, in turn, so that each is sent to most
      // routes and the file stays within a minute. Made-up ids get one content variant each: a
      // shape is refused before any id is read, and an unknown id before any field is.
      const variants =
        target.ids === "made-up"
          ? [CONTENT_VARIANTS[n % CONTENT_VARIANTS.length]!]
          : [
              ...SHAPE_VARIANTS,
              ...CONTENT_VARIANTS.filter((_, i) => (i + n) % CONTENT_VARIANTS.length !== 0),
            ];
      for (const variant of variants) {
        for (const method of ["GET", "POST"] as const) {
          const make = method === "GET" ? variant.query : variant.body;
          if (!make || (method === "POST" && !target.hasAction)) continue;
          const persona = whoFor(target, variant, method);
          const url =
            method === "GET" ? `${target.path}?${variant.query!(query)}` : actionUrl(target);
          const what = `${method} ${url.slice(0, 80)} [${persona.name}] ${variant.name}`;
          tasks.push(async () => {
            const payload = method === "POST" ? variant.body!(body) : undefined;
            const response = await send(what, url, {
              method,
              cookie: persona.cookie,
              type: payload?.type,
              body: payload?.body,
            });
            // shapes no form of ours has are refused, to whoever the route lets in
            const mustRefuse =
              variant.refused &&
              (method === "GET" || (admitted.get(target.path) ?? []).includes(persona));
            if (
              response.status !== 0 &&
              mustRefuse &&
              !isRefusal(response.status, response.location)
            )
              notRefused.push(`${what} → ${response.status} ${response.location ?? ""}`.trim());
          });
        }
      }
    });
    await inBatches(tasks);
    const seconds = (performance.now() - started) / 1000;

    const health = await fetch(`${baseUrl()}/healthz`);
    expect(health.status).toBe(200);
    const failures = outcomes.filter((o) => o.status >= 500);
    const dropped = outcomes.filter((o) => o.status === 0);
    const slowest = [...outcomes].sort((a, b) => b.ms - a.ms).slice(0, 3);
    console.info(
      `fuzz: ${outcomes.length} requests (${tasks.length} malformed) in ${seconds.toFixed(1)} s; ` +
        `slowest ${slowest.map((o) => `${o.what} ${Math.round(o.ms)} ms`).join(", ")}`,
    );
    expect(failures.map((o) => `${o.what} → ${o.status}`)).toEqual([]);
    expect(notRefused).toEqual([]);
    // a dropped connection is acceptable only for a request too large to read at all
    expect(
      dropped
        .filter((o) => !/1 MB value|nesting 20,000 deep/.test(o.what))
        .map((o) => `${o.what}: ${o.error}`),
    ).toEqual([]);
    expect(snapshotChanges(before, await databaseSnapshot())).toEqual([]);
  }, 180_000);
});
