// Logged-in pages against the same-run reference (issue 12): a bare Remix app listing 50 items
// (tests/bench/reference), run alternately with each page, medians of 3, 20 connections (logged in:
// one resident per connection). For SQLite with one process and PostgreSQL with one and two (when a
// PostgreSQL server is there).
// Targets: each logged-in page ≥ 0.33 of the reference's requests per second with p99 < 150 ms;
// GET /api/places without a cache hit ≥ 0.5.
// Knobs: BENCH_PAGES_CONFIGURATIONS (A,B,C), BENCH_DURATION_S (5 per run), BENCH_ROUNDS (3),
// BENCH_PAGES_ONLY (the loads whose title contains it, e.g. "for-me": to profile one page).
// As browsers (BENCH_PAGES_AS_BROWSERS=1): every request asks for gzip, as every browser does
// (the page and the reference both compressed), and comes from the next of BENCH_PAGES_RESIDENTS
// (1,000) residents in turn rather than one resident per connection, so that what is kept per
// resident (their session's and profile's query plans) is not flattered by 20 residents asking
// again and again.
import crypto from "node:crypto";
import type autocannon from "autocannon";
import { commitSessionRedirect } from "../../app/utils/auth.server";
import { resetEnvCache } from "../../app/utils/env.server";
import { seed } from "../../prisma/seed";
import { cookieFrom } from "../factories/http";
import {
  benchDatabase,
  chosenConfigurations,
  compareWithReference,
  postgresqlAvailable,
  printCompared,
  startReferenceServer,
  startServer,
  type Compared,
} from "./support";

const DURATION_S = Number(process.env.BENCH_DURATION_S ?? 5);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
/** autocannon's connections in load() (tests/bench/support.ts) */
const CONNECTIONS = 20;
const AS_BROWSERS = process.env.BENCH_PAGES_AS_BROWSERS === "1";
const RESIDENTS = AS_BROWSERS ? Number(process.env.BENCH_PAGES_RESIDENTS ?? 1000) : CONNECTIONS;
const BROWSER_HEADERS: Record<string, string> = AS_BROWSERS ? { "accept-encoding": "gzip" } : {};

// The server and this process sign the session cookie with the same secret.
process.env.SESSION_SECRETS = `bench-pages-${crypto.randomUUID()}`;
resetEnvCache();

const ONLY = process.env.BENCH_PAGES_ONLY ?? "";

const TARGETS: Record<string, string> = {
  "logged in: GET /cafes": "≥ 0.33×, p99 < 150 ms",
  "logged in: GET /jobs?q=청년": "≥ 0.33×, p99 < 150 ms",
  "logged in: GET /for-me": "≥ 0.33×, p99 < 150 ms",
  "logged in: GET /book/<service>": "≥ 0.33×, p99 < 150 ms",
  "logged in: GET /jobs/<posting>": "≥ 0.33×, p99 < 150 ms",
  "GET /api/places (no cache hit)": "≥ 0.5×",
};

const reference = await startReferenceServer();
try {
  for (const configuration of chosenConfigurations("BENCH_PAGES_CONFIGURATIONS")) {
    if (configuration.engine === "postgresql" && !postgresqlAvailable()) {
      console.log(
        `\n${configuration.label}: skipped (no PostgreSQL server: run under npm run bench)`,
      );
      continue;
    }
    const database = await benchDatabase(`pages-${configuration.key}`, configuration.engine);
    const now = new Date();
    await seed(database.db, { now, demoAccounts: false });
    // One resident per connection (20), as many residents would load the site: caches that
    // serve one resident's repeated requests (their session, their profile's query plans) are
    // not flattered by a single resident asking again and again. As browsers: 1,000 in turn.
    const cookies: string[] = [];
    for (let i = 0; i < RESIDENTS; i += 1) {
      const resident = await database.db.resident.create({
        data: {
          email: `pages-${crypto.randomUUID()}@example.test`,
          name: `벤치 주민 ${i + 1}`,
          birthDate: `${1990 + (i % 12)}-03-03`,
          district: i % 2 === 0 ? "mapo" : "gwanak",
          employmentStatus: "unemployed",
          registeredJobSeeker: true,
          hasRegularIncome: false,
        },
      });
      const session = await database.db.session.create({
        data: { residentId: resident.id, expiresAt: new Date(now.getTime() + 86_400_000) },
      });
      cookies.push(cookieFrom((await commitSessionRedirect(session.id, "/")).headers));
    }
    const service = await database.db.service.findFirstOrThrow({
      where: { bookable: true, slug: "youth-center-counseling" },
      select: { slug: true },
    });
    const posting = await database.db.posting.findFirstOrThrow({
      where: { status: "published", roundId: null },
      orderBy: { applicationClosesAt: "desc" },
      select: { slug: true },
    });
    await database.close();
    let nextResident = 0;
    const asResidents: Partial<autocannon.Options> = AS_BROWSERS
      ? {
          requests: [
            {
              setupRequest: (request) => ({
                ...request,
                headers: {
                  ...request.headers,
                  ...BROWSER_HEADERS,
                  cookie: cookies[nextResident++ % cookies.length]!,
                },
              }),
            },
          ],
        }
      : {
          setupClient: (client) =>
            client.setHeaders({ cookie: cookies[nextResident++ % cookies.length]! }),
        };

    // the load comes from one address: lift the map API's per-address limit
    const server = await startServer(database.url, {
      WEB_CONCURRENCY: String(configuration.workers),
      PLACES_API_RATE_LIMIT: "0",
    });
    try {
      const pages: [string, string, Partial<autocannon.Options>][] = [
        ["logged in: GET /cafes", "/cafes", asResidents],
        ["logged in: GET /jobs?q=청년", `/jobs?q=${encodeURIComponent("청년")}`, asResidents],
        ["logged in: GET /for-me", "/for-me", asResidents],
        ["logged in: GET /book/<service>", `/book/${service.slug}`, asResidents],
        ["logged in: GET /jobs/<posting>", `/jobs/${posting.slug}`, asResidents],
        // not in the shared cache of public pages: every request is worked out
        [
          "GET /api/places (no cache hit)",
          "/api/places?bbox=126.8,37.4,127.2,37.7",
          { headers: BROWSER_HEADERS },
        ],
      ];
      const rows: Compared[] = [];
      for (const [title, path, asWhom] of pages.filter(([title]) => title.includes(ONLY))) {
        const options: autocannon.Options = { url: `${server.url}${path}`, ...asWhom };
        rows.push(
          await compareWithReference(title, `${reference.url}/`, options, {
            rounds: ROUNDS,
            duration: DURATION_S,
            referenceHeaders: BROWSER_HEADERS,
          }),
        );
      }
      const how = AS_BROWSERS ? `, as browsers: gzip, ${RESIDENTS} residents in turn` : "";
      printCompared(`${configuration.label}${how} (${new Date().toISOString()})`, rows, TARGETS);
    } finally {
      await server.stop();
      await database.drop();
    }
  }
} finally {
  await reference.stop();
}
