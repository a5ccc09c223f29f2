// How many statements a logged-in page costs the database: the root loader (who is asking, the
// shell) plus the page's own loader, counted at the driver (statementCount()). Every statement is
// a round trip and, on one SQLite connection, a turn others wait for; the budgets below are what
// the pages need today (issue 12), so that a change which adds queries to every page shows here.
import { beforeAll, describe, expect, it } from "vitest";
import { loader as rootLoader } from "~/root";
import { loader as bookLoader } from "~/routes/book.$serviceSlug._index";
import { loader as cafesLoader } from "~/routes/cafes";
import { loader as eventsLoader } from "~/routes/events._index";
import { loader as forMeLoader } from "~/routes/for-me";
import { loader as postingLoader } from "~/routes/jobs.$slug._index";
import { loader as jobsLoader } from "~/routes/jobs._index";
import { setTestNow } from "~/utils/clock.server";
import { statementCount } from "~/utils/db.server";
import { inRequestScope } from "~/utils/request-scope.server";
import { makePlace, makeService, makeSlot } from "#tests/factories/booking";
import { call, getRequest } from "#tests/factories/http";
import { makeOrganization, makePosting, NOW } from "#tests/factories/jobs";
import { makeResident, sessionCookieFor } from "#tests/factories/residents";
import { useSettings } from "#tests/factories/shared-reads";

type Loader = Parameters<typeof call>[0];

let cookie = "";
let serviceSlug = "";
let postingSlug = "";

beforeAll(async () => {
  setTestNow(NOW);
  const resident = await makeResident({
    name: "Counted",
    birthDate: "2001-05-05",
    district: "mapo",
    employmentStatus: "unemployed",
  });
  cookie = await sessionCookieFor(resident.id);
  for (let i = 0; i < 3; i += 1) await makePlace({ kind: "job_cafe" });
  const place = await makePlace();
  const service = await makeService(place.id);
  await makeSlot(service.id, "2026-11-27", "14:00");
  serviceSlug = service.slug;
  const organization = await makeOrganization();
  for (let i = 0; i < 3; i += 1)
    await makePosting(organization.id, { titleKo: `청년 일자리 ${i}` });
  postingSlug = (await makePosting(organization.id)).slug;
  return () => setTestNow(null);
});

/**
 * Statements sent while the root loader and the page's loader answer, as Remix runs them for one
 * page request: each loader with its own copy of the request, both in the request's scope.
 */
async function statementsFor(path: string, loader: Loader, params: Record<string, string> = {}) {
  const pageRequest = () =>
    inRequestScope(() =>
      Promise.all([
        call(rootLoader, getRequest(path, { cookie })),
        call(loader, getRequest(path, { cookie }), params),
      ]),
    );
  // a first request warms what is cached per process (translations, settings)
  await pageRequest();
  const before = statementCount();
  const [root, page] = await pageRequest();
  expect(root.status).toBe(200);
  expect(page.status).toBe(200);
  return statementCount() - before;
}

const PAGES = [
  "/cafes",
  "/jobs?q=청년",
  "/for-me",
  "/book/<service>",
  "/jobs/<posting>",
  "/events",
  "/events?view=month&forMe=1",
] as const;
type Page = (typeof PAGES)[number];

/** The path, loader and route parameters of a page of the table. */
function pageOf(label: Page): { path: string; loader: Loader; params: Record<string, string> } {
  switch (label) {
    case "/cafes":
      return { path: label, loader: cafesLoader as Loader, params: {} };
    case "/jobs?q=청년":
      return { path: label, loader: jobsLoader as Loader, params: {} };
    case "/for-me":
      return { path: label, loader: forMeLoader as Loader, params: {} };
    case "/events":
    case "/events?view=month&forMe=1":
      return { path: label, loader: eventsLoader as Loader, params: {} };
    case "/book/<service>":
      return {
        path: `/book/${serviceSlug}`,
        loader: bookLoader as Loader,
        params: { serviceSlug },
      };
    case "/jobs/<posting>":
      return {
        path: `/jobs/${postingSlug}`,
        loader: postingLoader as Loader,
        params: { slug: postingSlug },
      };
  }
}

/**
 * The budget of each page: with every list read afresh (development, tests), and with the lists
 * everyone sees shared (production, RESPONSE_CACHE_SECONDS), when only what is the resident's own
 * (who they are, their profile, applications, places left) is read on every request.
 */
const BUDGETS: Record<Page, { afresh: number; shared: number }> = {
  "/cafes": { afresh: 5, shared: 1 },
  "/jobs?q=청년": { afresh: 8, shared: 1 },
  // + the resident's upcoming bookings ("my next steps", issue 13); with some, their slots (and
  // with applications awaiting a decision, their postings or rounds) cost one more read each.
  // Shared: who asks, their applications and bookings; the postings open to all who meet the
  // same criteria are shared with them while the resident has applied for none
  "/for-me": { afresh: 13, shared: 3 },
  // the resident's profile facts come with the session's row (getSessionUser), as on /for-me;
  // shared: what the service is (and its place) is read alike by all, the times and places
  // left are read for every request (tests/integration/booking.test.ts)
  "/book/<service>": { afresh: 4, shared: 2 },
  // + the wage floors the page names (one small table, shared like the posting itself)
  "/jobs/<posting>": { afresh: 9, shared: 3 },
  // the agenda: who asks (root) + a count and a page of sessions, which Prisma reads as one
  // statement for the sessions and one per relation (program, its host, its place); not shared
  "/events": { afresh: 6, shared: 6 },
  // the month: its sessions (the same four statements, no count); "for me": + the programs with
  // their criteria (two); the resident's profile facts come with the session's row
  "/events?view=month&forMe=1": { afresh: 7, shared: 7 },
};

for (const sharing of ["afresh", "shared"] as const) {
  describe(`statements per logged-in page, lists read ${sharing} (root loader + page loader)`, () => {
    beforeAll(() => useSettings({}, sharing));

    it.each(PAGES)("%s stays within its budget", async (label) => {
      const { path, loader, params } = pageOf(label);
      const count = await statementsFor(path, loader, params);
      console.log(`${label} (lists ${sharing}): ${count} statements`);
      expect(count).toBeGreaterThan(0);
      expect(count).toBeLessThanOrEqual(BUDGETS[label][sharing]);
    });
  });
}
