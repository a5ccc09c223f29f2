// Deadline day on this machine, both engines in the same run (issue 9, item 6):
//   A  SQLite, 1 server process (WEB_CONCURRENCY=1), the embedded default
//   B  PostgreSQL, 2 server processes (WEB_CONCURRENCY=2, DATABASE_POOL_SIZE=5 each)
// For each, on its own freshly migrated and seeded database and the production build:
//   1. reference: a bare Remix page (GET /accessibility, rendered for every request, no database)
//   2. logged-in pages: GET /jobs and GET /bookings with the session of one of 500 residents
//   3. booking throughput: 20 residents at a time, each confirm a different (resident, slot) pair
//      through the real form action (POST /book/<service>/<slot>)
//   4. apply throughput: the same through POST /jobs/<slug>/apply, a different (resident, posting)
//      pair each time
//   5. the surge: 500 residents apply to ONE posting within 10 s (arrivals spread evenly), 50 of
//      them twice (25 double clicks with the same form key, 25 second tabs with a new key); then
//      500 at the same instant on a second posting (the worst case)
//   6. staff selecting at once: 2 staff sessions each select the same 100 applicants of the
//      surge posting (200 requests at one instant) while it has `positions` places
// and then checks in the database: no 5xx and no network error anywhere, one application per
// resident and posting, exactly `positions` selected, no slot oversold. A broken invariant makes
// the run exit non-zero; the timings are reported, never asserted. Besides throughput and
// latency, each row gives the CPU time the server's processes and the PostgreSQL server spent per
// request and the cores' worth of CPU they got (from /proc): on a machine shared with other work
// the cost per request stays comparable when the throughput does not.
//
// Run: npm run build && node scripts/postgresql-cluster.js npx tsx tests/bench/run.ts surge
// (npm run bench runs every benchmark the same way). Without PostgreSQL (TEST_ENGINES=sqlite) only
// configuration A runs, and the output says that B was skipped.
// Knobs: BENCH_SURGE_RESIDENTS (500), BENCH_SURGE_POSITIONS (20), BENCH_SURGE_WINDOW_MS (10000),
// BENCH_DURATION_S (10, each throughput run), BENCH_SURGE_CONFIGURATIONS (A,B; C = PostgreSQL
// with 1 process and a pool of 10, to tell the engine's cost from the second process's gain).
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type autocannon from "autocannon";
import { buildSearchText } from "../../app/domain/shared/korean-search";
import { commitSessionRedirect } from "../../app/utils/auth.server";
import type { DatabaseEngine } from "../../app/utils/db.server";
import { resetEnvCache } from "../../app/utils/env.server";
import { seed } from "../../prisma/seed";
import { ELIGIBILITY } from "../../prisma/seed/places";
import { cookieFrom } from "../factories/http";
import { TMP } from "../setup/paths";
import {
  benchDatabase,
  cpuBetween,
  cpuSampler,
  load,
  loadTestService,
  percentile,
  postgresqlAvailable,
  startServer,
  type BenchDatabase,
  type CpuUse,
  type LoadResult,
  type RunningServer,
} from "./support";

const RESIDENTS = Number(process.env.BENCH_SURGE_RESIDENTS ?? 500);
const POSITIONS = Number(process.env.BENCH_SURGE_POSITIONS ?? 20);
const WINDOW_MS = Number(process.env.BENCH_SURGE_WINDOW_MS ?? 10_000);
const DURATION_S = Number(process.env.BENCH_DURATION_S ?? 10);
const CONNECTIONS = 20;
/** applicants each staff member tries to select (both try the same ones) */
const SELECT_CANDIDATES = 100;
const STAFF = 2;
const APPLY_POSTINGS = 40;
const SLOTS = 400;
const SLOT_CAPACITY = 25;

// The server and this process sign session cookies with the same secret (the app's own cookie
// code), so that 500 residents get a session without 500 password hashes.
const SESSION_SECRET = `bench-surge-${crypto.randomUUID()}`;
process.env.SESSION_SECRETS = SESSION_SECRET;
resetEnvCache();

type Configuration = {
  key: "A" | "B" | "C";
  label: string;
  engine: DatabaseEngine;
  env: Record<string, string>;
};

const CONFIGURATIONS: Configuration[] = [
  {
    key: "A",
    label: "A: SQLite, 1 process",
    engine: "sqlite",
    env: { WEB_CONCURRENCY: "1" },
  },
  {
    key: "B",
    label: "B: PostgreSQL, 2 processes × pool 5",
    engine: "postgresql",
    env: { WEB_CONCURRENCY: "2", DATABASE_POOL_SIZE: "5" },
  },
  {
    key: "C",
    label: "C: PostgreSQL, 1 process × pool 10",
    engine: "postgresql",
    env: { WEB_CONCURRENCY: "1", DATABASE_POOL_SIZE: "10" },
  },
];

const ENV_FOR_LOAD = {
  // the booking runs give each resident many upcoming bookings of one kind
  BOOKING_MAX_UPCOMING_PER_KIND: "100000",
  // every request comes from 127.0.0.1 (no login or sign-up happens here, but keep them open)
  SIGNUP_MAX_PER_IP_PER_HOUR: "1000000",
  LOGIN_MAX_FAILURES_PER_IP: "1000000",
  PLACES_API_RATE_LIMIT: "0",
};

// ───────────── measuring ─────────────

type Row = {
  load: string;
  requests: number;
  seconds: number;
  times: number[];
  /** status → count; 0 = network error */
  statuses: Map<number, number>;
};

type Answer = { status: number; location: string | null; ms: number };

function newRow(load: string): Row {
  return { load, requests: 0, seconds: 0, times: [], statuses: new Map() };
}

function record(row: Row, answer: Answer) {
  row.requests += 1;
  row.statuses.set(answer.status, (row.statuses.get(answer.status) ?? 0) + 1);
  if (answer.status !== 0) row.times.push(answer.ms);
}

function count(row: Row, test: (status: number) => boolean) {
  let n = 0;
  for (const [status, c] of row.statuses) if (test(status)) n += c;
  return n;
}

type Summary = {
  load: string;
  requests: number;
  "req/s": number;
  "p50 ms": number;
  "p95 ms": number;
  "p99 ms": number;
  "max ms": number;
  "2xx/3xx": number;
  "4xx": number;
  "5xx": number;
  "net err": number;
  /** CPU time of the server's processes and the database server per answered request */
  "CPU ms/req": number;
  /** of which the PostgreSQL server's (SQLite works inside the server's process: blank) */
  "of it DB": number;
  /** cores' worth of CPU the server and database got meanwhile (CPU time / wall time) */
  "cores used": number;
  /** the same for this process, the load generator */
  "client cores": number;
};

type CpuColumns = "CPU ms/req" | "of it DB" | "cores used" | "client cores";

function withCpu<T extends Omit<Summary, CpuColumns>>(summary: T, cpu: CpuUse): Summary {
  const busy = cpu.serverMs + (Number.isNaN(cpu.databaseMs) ? 0 : cpu.databaseMs);
  const round = (value: number, places: number) => Math.round(value * 10 ** places) / 10 ** places;
  return {
    ...summary,
    "CPU ms/req": round(busy / Math.max(1, summary.requests), 1),
    "of it DB": round(cpu.databaseMs / Math.max(1, summary.requests), 1),
    "cores used": round(busy / 1000 / cpu.seconds, 2),
    "client cores": round(cpu.clientMs / 1000 / cpu.seconds, 2),
  };
}

function summarize(row: Row): Omit<Summary, CpuColumns> {
  const sorted = [...row.times].sort((a, b) => a - b);
  return {
    load: row.load,
    requests: row.requests,
    "req/s": Math.round(row.requests / row.seconds),
    "p50 ms": percentile(sorted, 50),
    "p95 ms": percentile(sorted, 95),
    "p99 ms": percentile(sorted, 99),
    "max ms": percentile(sorted, 100),
    "2xx/3xx": count(row, (s) => s >= 200 && s < 400),
    "4xx": count(row, (s) => s >= 400 && s < 500),
    "5xx": count(row, (s) => s >= 500),
    "net err": count(row, (s) => s === 0),
  };
}

function fromAutocannon(result: LoadResult): Omit<Summary, CpuColumns> {
  return {
    load: result.title,
    requests: result.total,
    "req/s": result.requestsPerSecond,
    "p50 ms": result.p50,
    "p95 ms": result.p95,
    "p99 ms": result.p99,
    "max ms": NaN,
    "2xx/3xx": result.total - result.non2xx + result.redirects,
    "4xx": result.clientErrors,
    "5xx": result.serverErrors,
    "net err": result.errors,
  };
}

async function post(
  server: RunningServer,
  pathname: string,
  fields: Record<string, string>,
  cookie: string,
): Promise<Answer> {
  const sent = performance.now();
  try {
    const response = await fetch(`${server.url}${pathname}`, {
      method: "POST",
      redirect: "manual",
      headers: {
        "Content-Type": "application/x-www-form-urlencoded",
        Origin: server.url,
        Cookie: cookie,
      },
      body: new URLSearchParams(fields),
    });
    const body = await response.text();
    if (response.status >= 500) noteServerError(response.status, body);
    return {
      status: response.status,
      location: response.headers.get("location"),
      ms: performance.now() - sent,
    };
  } catch {
    return { status: 0, location: null, ms: performance.now() - sent };
  }
}

/**
 * `CONNECTIONS` clients, each sending its next request as soon as the last is answered, for
 * `DURATION_S` seconds or until `next` has nothing left.
 */
async function closedLoop(title: string, next: () => (() => Promise<Answer>) | null): Promise<Row> {
  const row = newRow(title);
  const started = performance.now();
  const deadline = started + DURATION_S * 1000;
  await Promise.all(
    Array.from({ length: CONNECTIONS }, async () => {
      while (performance.now() < deadline) {
        const send = next();
        if (!send) return;
        record(row, await send());
      }
    }),
  );
  row.seconds = (performance.now() - started) / 1000;
  return row;
}

type Send = { at: number; who: number; send: () => Promise<Answer> };

/**
 * Sends every request at its own offset (ms) from now; the row's time runs until the last answer.
 * Returns the answers in the order of `sends`.
 */
async function openLoop(title: string, sends: Send[]) {
  const row = newRow(title);
  const started = performance.now();
  const answers = await Promise.all(
    sends.map(async ({ at, send }) => {
      if (at > 0) await new Promise((resolve) => setTimeout(resolve, at));
      const answer = await send();
      record(row, answer);
      return answer;
    }),
  );
  row.seconds = (performance.now() - started) / 1000;
  return { row, answers, sends };
}

/** The application an answer to the apply form leads to (its redirect), or null. */
function applicationOf(answer: Answer): string | null {
  return /^\/applications\/(\w+)/.exec(answer.location ?? "")?.[1] ?? null;
}

// ───────────── the data ─────────────

type Fixture = {
  residentIds: string[];
  cookies: string[];
  staffCookies: string[];
  applyPostings: string[];
  surge: { id: string; slug: string };
  burst: { id: string; slug: string };
  service: { id: string; slug: string; slotIds: string[] };
};

const eligibleProfile = {
  birthDate: "1996-05-05",
  district: "mapo",
  employmentStatus: "unemployed",
  registeredJobSeeker: true,
  hasRegularIncome: false,
};

async function signedCookie(sessionId: string) {
  return cookieFrom((await commitSessionRedirect(sessionId, "/")).headers);
}

async function prepare(database: BenchDatabase): Promise<Fixture> {
  const { db } = database;
  const now = new Date();
  await seed(db, { now, demoAccounts: false });
  const city = await db.organization.findUniqueOrThrow({ where: { slug: "seoul-city" } });

  const residentIds = Array.from({ length: RESIDENTS }, (_, i) => `surge-resident-${i}`);
  const staffIds = Array.from({ length: STAFF }, (_, i) => `surge-staff-${i}`);
  for (let i = 0; i < RESIDENTS; i += 250) {
    await db.resident.createMany({
      data: residentIds.slice(i, i + 250).map((id, j) => ({
        id,
        email: `${id}@example.test`,
        name: `마감일 지원자 ${i + j}`,
        preferredLanguage: (i + j) % 2 === 0 ? "ko" : "en",
        ...eligibleProfile,
      })),
    });
  }
  await db.resident.createMany({
    data: staffIds.map((id, i) => ({
      id,
      email: `${id}@example.test`,
      name: `채용 담당자 ${i + 1}`,
      role: "staff",
      staffOrganizationId: city.id,
    })),
  });
  const expiresAt = new Date(now.getTime() + 14 * 86_400_000);
  const everyone = [...residentIds, ...staffIds];
  await db.session.createMany({
    data: everyone.map((residentId) => ({ id: `s-${residentId}`, residentId, expiresAt })),
  });
  const cookies = await Promise.all(residentIds.map((id) => signedCookie(`s-${id}`)));
  const staffCookies = await Promise.all(staffIds.map((id) => signedCookie(`s-${id}`)));

  // Postings of the city, open now (closing this evening: deadline day), for New Deal applicants.
  const posting = async (slug: string, positions: number) => {
    const texts = {
      titleKo: `마감일 공고 ${slug}`,
      titleEn: `Deadline-day posting ${slug}`,
      descriptionKo: "공공데이터 품질관리 업무.",
      descriptionEn: "Open-data quality work.",
    };
    return db.posting.create({
      data: {
        slug,
        organizationId: city.id,
        district: "mapo",
        kind: "new_deal",
        newDealCategory: "city",
        ...texts,
        positions,
        hourlyWageKrw: 11_779,
        hoursPerDay: 8,
        daysPerWeek: 5,
        durationMonths: 12,
        startDate: "2027-01-04",
        endDate: "2027-12-31",
        applicationOpensAt: new Date(now.getTime() - 10 * 86_400_000),
        applicationClosesAt: new Date(now.getTime() + 6 * 3_600_000),
        eligibilityId: ELIGIBILITY.newDeal.id,
        status: "published",
        publishedAt: new Date(now.getTime() - 11 * 86_400_000),
        searchText: buildSearchText(Object.values(texts)),
      },
      select: { id: true, slug: true },
    });
  };
  const applyPostings: string[] = [];
  for (let i = 0; i < APPLY_POSTINGS; i += 1)
    applyPostings.push((await posting(`surge-throughput-${i}`, 50)).slug);
  const surge = await posting("surge-deadline", POSITIONS);
  const burst = await posting("surge-deadline-burst", POSITIONS);

  // A bookable service of its own with back-to-back slots from tomorrow (no two overlap, so every
  // resident may book any number of them).
  const service = await loadTestService(db, "surge-counseling", {
    slots: SLOTS,
    capacity: SLOT_CAPACITY,
    now,
  });
  return {
    residentIds,
    cookies,
    staffCookies,
    applyPostings,
    surge,
    burst,
    service: { id: service.id, slug: service.slug, slotIds: service.slotIds },
  };
}

// ───────────── one configuration ─────────────

type Check = { configuration: string; invariant: string; expected: string; actual: string };
type Outcome = {
  configuration: Configuration;
  rows: Summary[];
  checks: Check[];
  ok: boolean;
  /** the machine's 1-minute load average when the measuring began and when it ended */
  loadAverage: { before: number; after: number };
  /** how commits reach the disk on this engine */
  durability: string;
};

/** How commits reach the disk (npm run bench keeps PostgreSQL durable, as SQLite is by default). */
async function durabilityOf(database: BenchDatabase): Promise<string> {
  const { db } = database;
  if (database.engine === "sqlite") {
    const [journal] = await db.$queryRawUnsafe<{ journal_mode: string }[]>("PRAGMA journal_mode");
    const [sync] =
      await db.$queryRawUnsafe<{ synchronous: number | bigint }[]>("PRAGMA synchronous");
    const level = ["OFF", "NORMAL", "FULL", "EXTRA"][Number(sync?.synchronous)] ?? "?";
    return `journal_mode=${journal?.journal_mode}, synchronous=${level}`;
  }
  const settings = [];
  for (const name of ["fsync", "synchronous_commit", "full_page_writes"]) {
    const [row] = await db.$queryRawUnsafe<Record<string, string>[]>(`SHOW ${name}`);
    settings.push(`${name}=${row?.[name]}`);
  }
  return settings.join(", ");
}

const loadAverageNow = () => Math.round(os.loadavg()[0]! * 100) / 100;

async function runConfiguration(configuration: Configuration): Promise<Outcome> {
  console.log(`\n# Configuration ${configuration.label}`);
  const started = Date.now();
  const database = await benchDatabase(`surge-${configuration.engine}`, configuration.engine);
  const fixture = await prepare(database);
  // PostgreSQL: the statistics and visibility map autovacuum would soon have made anyway, so that
  // its work on the fresh rows does not land in the first measurements (SQLite has no such step;
  // the app never runs ANALYZE there)
  if (database.engine === "postgresql") await database.db.$executeRawUnsafe("VACUUM ANALYZE");
  console.log(
    `Migrated and seeded (${RESIDENTS} residents with sessions, ${APPLY_POSTINGS + 2} postings, ${SLOTS} slots) in ${((Date.now() - started) / 1000).toFixed(1)} s`,
  );
  const durability = await durabilityOf(database);
  const server = await startServer(database.url, { ...ENV_FOR_LOAD, ...configuration.env });
  const loadAverage = { before: loadAverageNow(), after: 0 };
  const rows: Summary[] = [];
  const checks: Check[] = [];
  const check = (invariant: string, expected: number | string, actual: number | string) =>
    checks.push({
      configuration: configuration.key,
      invariant,
      expected: String(expected),
      actual: String(actual),
    });
  try {
    const { cookies, staffCookies, service } = fixture;
    let rotation = 0;
    const anyResident = (request: autocannon.Request): autocannon.Request => ({
      ...request,
      headers: { ...request.headers, cookie: cookies[(rotation += 1) % cookies.length]! },
    });
    const loggedIn = (title: string, pathname: string, duration = DURATION_S) =>
      load(title, {
        url: `${server.url}${pathname}`,
        connections: CONNECTIONS,
        duration,
        requests: [{ setupRequest: anyResident }],
      });

    const sample = cpuSampler(server.process.pid!, database.url);
    /** Runs one load and returns it with the CPU time it cost. */
    const measured = async <T>(work: () => Promise<T>): Promise<[T, CpuUse]> => {
      const before = sample();
      const result = await work();
      return [result, cpuBetween(before, sample())];
    };

    // warm-up (not reported): the first requests of each process compile and fill caches
    await loggedIn("warm-up", "/jobs", 3);

    // 1. the reference: a Remix page with no database work, rendered for every request (a session
    // cookie, even one that is not valid, keeps the shared cache of anonymous pages out of it)
    const [reference, referenceCpu] = await measured(() =>
      load("reference: GET /accessibility (bare page, no database)", {
        url: `${server.url}/accessibility`,
        connections: CONNECTIONS,
        duration: DURATION_S,
        headers: { cookie: "__session=none" },
      }),
    );
    rows.push(withCpu(fromAutocannon(reference), referenceCpu));

    // 2. logged-in pages, each request with one of the 500 residents' sessions
    const [jobs, jobsCpu] = await measured(() => loggedIn("logged in: GET /jobs", "/jobs"));
    rows.push(withCpu(fromAutocannon(jobs), jobsCpu));
    const [bookingsPage, bookingsPageCpu] = await measured(() =>
      loggedIn("logged in: GET /bookings", "/bookings"),
    );
    rows.push(withCpu(fromAutocannon(bookingsPage), bookingsPageCpu));
    for (const result of [reference, jobs, bookingsPage]) {
      check(`${result.title}: 5xx + network errors`, 0, result.serverErrors + result.errors);
      check(`${result.title}: non-2xx`, 0, result.non2xx);
    }

    // 3. booking throughput: request k books slot k mod S for resident (k mod S + ⌊k / S⌋) mod n:
    // requests in flight together are for different residents and different slots, no pair comes
    // twice, and no slot gets more than SLOT_CAPACITY
    let bookingPair = 0;
    const bookingPairs = SLOTS * Math.min(SLOT_CAPACITY, RESIDENTS);
    const [booking, bookingCpu] = await measured(() =>
      closedLoop(`booking: POST /book/…/<slot> (${CONNECTIONS} at a time)`, () => {
        const k = bookingPair;
        if (k >= bookingPairs) return null;
        bookingPair += 1;
        const slotId = service.slotIds[k % SLOTS]!;
        const cookie = cookies[(k + Math.floor(k / SLOTS)) % RESIDENTS]!;
        return () =>
          post(
            server,
            `/book/${service.slug}/${slotId}`,
            { intent: "book", idempotencyKey: crypto.randomUUID() },
            cookie,
          );
      }),
    );
    rows.push(withCpu(summarize(booking), bookingCpu));

    // 4. apply throughput: request k applies to posting k mod P for resident (k + ⌊k / P⌋) mod n
    let applyPair = 0;
    const applyPairs = APPLY_POSTINGS * RESIDENTS;
    // (k mod P, (k mod P + ⌊k / P⌋) mod n) are distinct pairs while ⌊k / P⌋ < n
    const [apply, applyCpu] = await measured(() =>
      closedLoop(`apply: POST /jobs/…/apply (${CONNECTIONS} at a time)`, () => {
        const k = applyPair;
        if (k >= applyPairs) return null;
        applyPair += 1;
        const slug = fixture.applyPostings[k % APPLY_POSTINGS]!;
        const cookie = cookies[(k + Math.floor(k / APPLY_POSTINGS)) % RESIDENTS]!;
        return () => post(server, `/jobs/${slug}/apply`, applyFields(), cookie);
      }),
    );
    rows.push(withCpu(summarize(apply), applyCpu));

    // 5. the surge: everyone once within the window, 25 double clicks (same key) and 25 second
    // tabs (a new key) sent at the same moment as the first
    const surgeSends = (slug: string, spread: boolean): Send[] =>
      cookies.flatMap((cookie, i) => {
        const at = spread ? Math.floor((i * WINDOW_MS) / RESIDENTS) : 0;
        const fields = applyFields();
        const send = (f: Record<string, string>) => () =>
          post(server, `/jobs/${slug}/apply`, f, cookie);
        const sends = [{ at, who: i, send: send(fields) }];
        if (i % 20 === 0) sends.push({ at, who: i, send: send(fields) });
        if (i % 20 === 10) sends.push({ at, who: i, send: send(applyFields()) });
        return sends;
      });
    const [surge, surgeCpu] = await measured(() =>
      openLoop(
        `surge: ${RESIDENTS} residents → 1 posting within ${WINDOW_MS / 1000} s (+50 repeats)`,
        surgeSends(fixture.surge.slug, true),
      ),
    );
    rows.push(withCpu(summarize(surge.row), surgeCpu));
    const [burst, burstCpu] = await measured(() =>
      openLoop(
        `surge: ${RESIDENTS} residents → 1 posting at one instant (+50 repeats)`,
        surgeSends(fixture.burst.slug, false),
      ),
    );
    rows.push(withCpu(summarize(burst.row), burstCpu));

    // 6. staff selecting at once: both staff members select the same 100 applicants (one from
    // the top of the list, the other from the bottom), 200 requests at one instant
    const candidates = await database.db.application.findMany({
      where: { postingId: fixture.surge.id },
      orderBy: [{ submittedAt: "asc" }, { id: "asc" }],
      take: SELECT_CANDIDATES,
      select: { id: true },
    });
    const [selecting, selectingCpu] = await measured(() =>
      openLoop(
        `staff: ${STAFF} staff × ${candidates.length} selects at one instant (${POSITIONS} places)`,
        staffCookies.flatMap((cookie, s) =>
          (s % 2 === 0 ? candidates : [...candidates].reverse()).map(({ id }) => ({
            at: 0,
            who: s,
            send: () =>
              post(
                server,
                `/staff/postings/${fixture.surge.id}/applicants`,
                { intent: "select", applicationId: id, confirm: "yes" },
                cookie,
              ),
          })),
        ),
      ),
    );
    rows.push(withCpu(summarize(selecting.row), selectingCpu));

    // ── the invariants, from the answers and from the database ──
    for (const row of [booking, apply, surge.row, burst.row, selecting.row]) {
      check(
        `${row.load}: 5xx + network errors`,
        0,
        count(row, (s) => s === 0 || s >= 500),
      );
    }
    check("booking: every distinct pair booked (302)", booking.requests, count(booking, is302));
    check("apply: every distinct pair applied (302)", apply.requests, count(apply, is302));
    check("selects answered 302 (selected)", POSITIONS, count(selecting.row, is302));
    check(
      "selects refused 409 (full / already decided)",
      selecting.row.requests - POSITIONS,
      count(selecting.row, (s) => s === 409),
    );
    for (const [name, run] of [
      ["surge", surge],
      ["burst", burst],
    ] as const) {
      // Every answer is a redirect to the resident's one application: the new one (?submitted=1),
      // the same one for a double click, and for a second tab the page of the application they
      // already have (the form's loader sends them there).
      check(
        `${name}: answers other than a redirect`,
        0,
        count(run.row, (s) => s !== 302),
      );
      const byResident = new Map<number, Set<string | null>>();
      run.answers.forEach((answer, i) => {
        const who = run.sends[i]!.who;
        byResident.set(who, (byResident.get(who) ?? new Set()).add(applicationOf(answer)));
      });
      check(
        `${name}: residents whose answers name other or several applications`,
        0,
        [...byResident.values()].filter((ids) => ids.size !== 1 || ids.has(null)).length,
      );
      check(
        `${name}: answers "submitted" (one per resident, and both of a double click)`,
        RESIDENTS + Math.ceil(RESIDENTS / 20),
        run.answers.filter((a) => a.location?.endsWith("?submitted=1")).length,
      );
    }
    const { db } = database;
    for (const target of [fixture.surge, fixture.burst]) {
      const perResident = await db.application.groupBy({
        by: ["residentId"],
        where: { postingId: target.id },
        _count: { _all: true },
      });
      check(`${target.slug}: residents with an application`, RESIDENTS, perResident.length);
      check(
        `${target.slug}: residents with more than one application (duplicates)`,
        0,
        perResident.filter((r) => r._count._all > 1).length,
      );
    }
    const duplicatesElsewhere = await db.application.groupBy({
      by: ["residentId", "postingId"],
      where: { postingId: { not: null } },
      _count: { _all: true },
      having: { residentId: { _count: { gt: 1 } } },
    });
    check(
      "applications per (resident, posting) above 1, all postings",
      0,
      duplicatesElsewhere.length,
    );
    const applied = await db.application.count({
      where: { posting: { slug: { in: fixture.applyPostings } } },
    });
    check("apply: applications in the database = 302 answers", count(apply, is302), applied);
    const surgePosting = await db.posting.findUniqueOrThrow({
      where: { id: fixture.surge.id },
      select: { positions: true, selectedCount: true },
    });
    const selected = await db.application.count({
      where: { postingId: fixture.surge.id, status: "selected" },
    });
    check("selected applications (database)", POSITIONS, selected);
    check("posting.selectedCount", POSITIONS, surgePosting.selectedCount);
    const slots = await db.slot.findMany({
      where: { serviceId: service.id },
      select: {
        capacity: true,
        bookedCount: true,
        _count: { select: { bookings: { where: { status: "confirmed" } } } },
      },
    });
    check("booking: slots oversold", 0, slots.filter((s) => s._count.bookings > s.capacity).length);
    check(
      "booking: slots whose counter ≠ confirmed bookings",
      0,
      slots.filter((s) => s._count.bookings !== s.bookedCount).length,
    );
    check(
      "booking: confirmed bookings in the database = 302 answers",
      count(booking, is302),
      slots.reduce((n, s) => n + s._count.bookings, 0),
    );
    loadAverage.after = loadAverageNow();
    if (rows.some((r) => r["5xx"] > 0)) printServerErrors(server.log());
  } finally {
    await server.stop();
    await database.drop();
  }

  console.log(
    `\n## ${configuration.label}: ${CONNECTIONS} connections, ${DURATION_S} s each ` +
      `(load average ${loadAverage.before} before, ${loadAverage.after} after, ${os.availableParallelism()} cores; ${durability})`,
  );
  console.table(rows.map(printable));
  const broken = checks.filter((c) => c.expected !== c.actual);
  if (broken.length > 0) {
    console.error(`\n!! ${configuration.label}: ${broken.length} invariant(s) broken`);
    console.table(broken);
  } else {
    console.log(`All ${checks.length} invariants hold.`);
  }
  return { configuration, rows, checks, ok: broken.length === 0, loadAverage, durability };
}

const is302 = (status: number) => status === 302;

/** 5xx answers by status and the start of their page's text, for the report. */
const serverErrorAnswers = new Map<string, number>();

function noteServerError(status: number, body: string) {
  const text = body
    .replace(/<script[\s\S]*?<\/script>|<style[\s\S]*?<\/style>/g, " ")
    .replace(/<[^>]+>/g, " ")
    .replace(/\s+/g, " ")
    .trim();
  const key = `${status} ${text.slice(0, 400)}`;
  serverErrorAnswers.set(key, (serverErrorAnswers.get(key) ?? 0) + 1);
}

/** The server's error lines, each distinct message once with how often it came. */
function printServerErrors(log: string) {
  console.error("\n!! 5xx answers (status, page text):");
  for (const [text, n] of serverErrorAnswers) console.error(`  ${n} × ${text}`);
  serverErrorAnswers.clear();
  const messages = new Map<string, number>();
  for (const line of log.split("\n")) {
    let entry: { level?: string; msg?: string; err?: { message?: string; code?: string } };
    try {
      entry = JSON.parse(line);
    } catch {
      if (line.trim())
        messages.set(line.slice(0, 300), (messages.get(line.slice(0, 300)) ?? 0) + 1);
      continue;
    }
    if (entry.level !== "error" && entry.level !== "fatal") continue;
    const text = `${entry.msg ?? ""} ${entry.err?.code ?? ""} ${entry.err?.message ?? ""}`
      .replace(/\s+/g, " ")
      .slice(0, 300);
    messages.set(text, (messages.get(text) ?? 0) + 1);
  }
  console.error("\n!! The server's errors:");
  for (const [text, n] of messages) console.error(`  ${n} × ${text}`);
}

function applyFields(): Record<string, string> {
  return {
    motivation: "마감일에 지원합니다. 성실하게 일하겠습니다.",
    contactConsent: "on",
    idempotencyKey: crypto.randomUUID(),
  };
}

function printable(row: Summary) {
  return Object.fromEntries(
    Object.entries(row).map(([key, value]) => [
      key,
      typeof value === "number" && Number.isNaN(value) ? "" : value,
    ]),
  );
}

// ───────────── the run ─────────────

const chosen = (process.env.BENCH_SURGE_CONFIGURATIONS ?? "A,B").toUpperCase().split(",");
const outcomes: Outcome[] = [];
const skipped: string[] = [];
for (const configuration of CONFIGURATIONS) {
  if (!chosen.includes(configuration.key)) continue;
  if (configuration.engine === "postgresql" && !postgresqlAvailable()) {
    skipped.push(configuration.label);
    continue;
  }
  outcomes.push(await runConfiguration(configuration));
}

if (outcomes.length > 1) {
  console.log("\n## Side by side (req/s, p50 / p99 ms, CPU ms per request)");
  const titles = outcomes[0]!.rows.map((r) => r.load);
  console.table(
    titles.map((title) =>
      Object.fromEntries([
        ["load", title],
        ...outcomes.map((o) => {
          const row = o.rows.find((r) => r.load === title);
          return [
            o.configuration.key,
            row
              ? `${row["req/s"]} req/s, ${row["p50 ms"]} / ${row["p99 ms"]} ms, ${row["CPU ms/req"]} CPU ms/req`
              : "",
          ];
        }),
      ]),
    ),
  );
}
for (const label of skipped) {
  console.warn(
    `\n!! Configuration ${label} was SKIPPED: no PostgreSQL server (TEST_POSTGRESQL_URL is not set; ` +
      "run through `node scripts/postgresql-cluster.js`, as npm run bench does, without TEST_ENGINES=sqlite).",
  );
}

fs.mkdirSync(TMP, { recursive: true });
const report = path.join(TMP, "bench-surge.json");
fs.writeFileSync(
  report,
  JSON.stringify(
    {
      at: new Date().toISOString(),
      residents: RESIDENTS,
      positions: POSITIONS,
      windowMs: WINDOW_MS,
      durationSeconds: DURATION_S,
      connections: CONNECTIONS,
      skipped,
      outcomes: outcomes.map((o) => ({
        configuration: o.configuration,
        rows: o.rows,
        checks: o.checks,
        ok: o.ok,
        loadAverage: o.loadAverage,
        durability: o.durability,
      })),
    },
    null,
    2,
  ),
);
console.log(`\nFigures also written to ${path.relative(process.cwd(), report)}`);
if (outcomes.some((o) => !o.ok)) {
  console.error("INVARIANT BROKEN: see the tables above");
  process.exitCode = 1;
}
