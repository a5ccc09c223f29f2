// axe-core over every page of the site, as each kind of person sees it — a visitor, a resident, the
// staff of a place (Youth Job Center, Seoul Labor Rights Center), the staff of an organisation
// (postings and rounds) and the administrator — in Korean on a 360 px phone and in English on a
// 1280 px desktop (public pages in all four pairs, and in Chinese on a phone and Vietnamese on a
// desktop; a resident's pages in Vietnamese on a phone too). All of axe's rules (WCAG 2.0–2.2 A and AA and
// its best practices): 0 violations. On the phone, each page must also reflow at 320 px. The test
// files accessibility-*.test.ts call this.
import { createRequire } from "node:module";
import fs from "node:fs";
import type AxeCore from "axe-core";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { bookOverHttp, ownService, residentWithBirthDate, useSession } from "./booking-support";
import {
  launchBrowser,
  logInOverHttp,
  newPage,
  postForm,
  serverDatabase,
  signUpOverHttp,
  uniqueEmail,
} from "./support";

const engine = (inject as unknown as (key: string) => unknown)("databaseEngine");

/**
 * Which engine's lane runs a file of these tests. What a page shows does not depend on the engine,
 * so each file runs once: the public pages in the SQLite lane, the signed-in ones in PostgreSQL's
 * when there is one (the two lanes run side by side, so the suite takes no longer than before).
 */
export type Lane = "sqlite" | "either";

const AXE_SOURCE = fs.readFileSync(
  createRequire(import.meta.url).resolve("axe-core/axe.min.js"),
  "utf8",
);

/**
 * Rules left out, each with its reason. Keep this short: a rule goes here only when axe cannot
 * judge the page right, never because a page fails it.
 */
const FALSE_POSITIVES: Record<string, string> = {};

export type Role =
  "visitor" | "resident" | "youth staff" | "labor staff" | "postings staff" | "admin";
type Combination = { locale: "ko" | "en" | "zh" | "vi"; width: 360 | 1280 };
const BROWSER_LOCALE = { ko: "ko-KR", en: "en-US", zh: "zh-CN", vi: "vi-VN" } as const;

const PHONE_KO: Combination = { locale: "ko", width: 360 };
const DESKTOP_EN: Combination = { locale: "en", width: 1280 };
const PHONE_VI: Combination = { locale: "vi", width: 360 };
const ALL: Combination[] = [
  PHONE_KO,
  DESKTOP_EN,
  { locale: "en", width: 360 },
  { locale: "ko", width: 1280 },
  { locale: "zh", width: 360 },
  { locale: "vi", width: 1280 },
];

let browser: Browser;
const cookies: Partial<Record<Role, string>> = {};
const ids = {
  resident: "",
  booking: "",
  application: "",
  slotPath: "",
  youthPlace: "",
  youthService: "",
  posting: "",
  round: "",
  program: "",
  eventSession: "",
  laborQuestion: "",
  lotterySession: "",
  lotterySlot: "",
};

/** The people, bookings and applications the signed-in pages show. */
async function signedInFixtures() {
  const resident = await residentWithBirthDate("axe", "접근성 시민");
  cookies.resident = resident.cookie;
  ids.resident = resident.id;
  // a booking of the resident at the Youth Job Center (which its staff then see)…
  const service = await ownService("youth-center-resume-clinic", [
    { date: "2026-11-27", time: "10:00" },
    { date: "2026-11-27", time: "11:00" },
    { date: "2026-11-27", time: "14:00" },
  ]);
  const booked = await bookOverHttp(
    resident.cookie,
    service.slug,
    service.slotId("2026-11-27", "10:00"),
  );
  ids.booking = booked.headers.get("location")?.match(/\/bookings\/(\w+)/)?.[1] ?? "";
  ids.slotPath = `/book/${service.slug}/${service.slotId("2026-11-27", "11:00")}`;
  ids.youthPlace = service.placeId;
  ids.youthService = service.id;
  // …and an application of theirs to the public-work round
  const db = serverDatabase();
  const round = await db.publicWorkRound.findUniqueOrThrow({
    where: { slug: "public-work-upcoming" },
    include: { sites: { select: { id: true }, take: 1 } },
  });
  ids.round = round.id;
  // a seeded lottery session (its draw page: the host's staff and admins)
  const lottery = await db.programSession.findFirstOrThrow({
    where: { allocation: "lottery" },
    orderBy: { startsAt: "asc" },
    select: { id: true },
  });
  ids.lotterySession = lottery.id;
  // a slot of the seeded lottery study room (its draw page: the center's staff)
  const room = await db.slot.findFirstOrThrow({
    where: { service: { slug: "youth-center-study-room" } },
    orderBy: { startsAt: "asc" },
    select: { id: true },
  });
  ids.lotterySlot = room.id;
  await postForm(
    `/residents/${resident.id}`,
    {
      name: "접근성 시민",
      birthDate: "1990-10-10",
      district: "nowon",
      employmentStatus: "unemployed",
      registeredJobSeeker: "yes",
      hasRegularIncome: "no",
      preferredLanguage: "ko",
    },
    resident.cookie,
  );
  const applied = await postForm(
    "/rounds/public-work-upcoming",
    {
      site1: round.sites[0]!.id,
      motivation: "집 가까운 곳에서 일하고 싶습니다.",
      contactConsent: "on",
      idempotencyKey: crypto.randomUUID(),
    },
    resident.cookie,
  );
  ids.application = applied.headers.get("location")?.match(/\/applications\/(\w+)/)?.[1] ?? "";
  // a second applicant, so that lists show their repeated parts (one decision form each) twice
  const other = await signUpOverHttp(uniqueEmail("axe-other"), "두번째 지원자");
  await postForm(
    `/residents/${other.id}`,
    {
      name: "두번째 지원자",
      birthDate: "1985-03-03",
      district: "mapo",
      employmentStatus: "unemployed",
      registeredJobSeeker: "yes",
      hasRegularIncome: "no",
      preferredLanguage: "ko",
    },
    other.cookie,
  );
  await postForm(
    "/rounds/public-work-upcoming",
    {
      site1: round.sites[0]!.id,
      motivation: "동네 도서관에서 일하고 싶습니다.",
      contactConsent: "on",
      idempotencyKey: crypto.randomUUID(),
    },
    other.cookie,
  );
  if (!ids.booking || !ids.application) throw new Error("the resident's booking or application");
  ids.posting = (
    await db.posting.findUniqueOrThrow({ where: { slug: "new-deal-city-public-data" } })
  ).id;
  // a question asked without an account to the Seoul Labor Rights Center (its staff's queue)
  const laborCenter = await db.place.findUniqueOrThrow({
    where: { slug: "seoul-labor-rights-center" },
    select: { id: true },
  });
  ids.laborQuestion = (
    await db.laborQuestion.create({
      data: {
        code: "AXE2AXE3",
        passphraseHash: "scrypt$axe",
        placeId: laborCenter.id,
        topic: "unpaid_wages",
        question: "석 달째 월급을 받지 못했습니다.",
        contactKind: "email",
        contact: "asker@example.test",
        language: "en",
        lastActivityAt: new Date(),
      },
      select: { id: true },
    })
  ).id;
  cookies["youth staff"] = await logInOverHttp("staff.youth@seoul-portal.test", "staff-youth-2026");
  cookies["labor staff"] = await logInOverHttp("staff.labor@seoul-portal.test", "staff-labor-2026");
  cookies["postings staff"] = await logInOverHttp(
    "staff.jobs@seoul-portal.test",
    "staff-jobs-2026",
  );
  cookies.admin = await logInOverHttp("admin@seoul-portal.test", "admin-portal-2026");
  const program = await db.program.findUniqueOrThrow({
    where: { slug: "good-jobs-city-forum" },
    select: { id: true, sessions: { select: { id: true }, take: 1 } },
  });
  ids.program = program.id;
  ids.eventSession = program.sessions[0]?.id ?? "";
}

/** Each role's pages; `{name}` stands for the id `signedInFixtures` made (`ids.name`). */
const PAGES: { role: Role; combinations: Combination[]; paths: string[] }[] = [
  {
    role: "visitor",
    combinations: ALL,
    paths: [
      "/",
      "/shelters",
      "/shelters?open=now",
      "/cafes",
      "/places",
      "/places/youth-job-center",
      "/places/job-wings-open-closet",
      "/youth-center",
      "/labor",
      "/labor-centers",
      "/labor/guides",
      "/labor/guides/unpaid-wages",
      "/labor/guides/workplace-harassment?lang=vi",
      "/labor/calculators",
      "/labor/calculators?calc=weekly-rest&hourlyWage=10320&weeklyHours=20&workedEveryDay=on",
      "/labor/ask",
      "/labor/ask?topic=weekly_rest&summary=Weekly%20rest%20allowance%3A%2041%2C280%20won",
      "/labor/ask/Q7K4-MP2X",
      "/jobs",
      "/jobs?q=청년&district=jung",
      "/jobs/new-deal-city-public-data",
      "/events",
      "/events?kind=mentoring&district=mapo",
      "/events?view=month&month=2026-12",
      "/events?forMe=1",
      "/events/good-jobs-city-forum",
      "/rounds/public-work-upcoming",
      "/book/youth-center-counseling",
      "/book/youth-center-study-room",
      "/for-me",
      "/login",
      "/forgot-password",
      "/reset-password/no-such-link",
      "/verify-email/no-such-link",
      "/signup",
      "/terms",
      "/privacy",
      "/accessibility",
      "/offline",
      "/no-such-page",
    ],
  },
  {
    role: "resident",
    combinations: [PHONE_KO, DESKTOP_EN, PHONE_VI],
    paths: [
      "/residents/{resident}",
      "/for-me",
      "/events?view=month&month=2026-12&forMe=1",
      "/account/password",
      "/account/messages",
      "/account/phone",
      "/account/delete",
      "/bookings",
      "/bookings/{booking}",
      "/bookings/{booking}/cancel",
      "/bookings/{booking}/reschedule",
      "{slotPath}",
      "/applications",
      "/applications/{application}",
      "/jobs/new-deal-city-public-data/apply",
      "/staff",
    ],
  },
  {
    role: "youth staff",
    combinations: [PHONE_KO, DESKTOP_EN],
    paths: [
      "/staff",
      "/staff/bookings",
      "/staff/bookings/{booking}",
      "/staff/bookings/{booking}/move",
      "/staff/bookings/{booking}/cancel",
      "/staff/bookings/slots/{lotterySlot}/draw",
      "/staff/messages",
      "/staff/schedules",
      "/staff/schedules/{youthService}",
      "/staff/places",
      "/staff/places/facts",
      "/staff/places/{youthPlace}",
      "/staff/places/{youthPlace}/hours",
      "/staff/places/{youthPlace}/closures",
      "/staff/places/{youthPlace}/services",
      "/staff/places/{youthPlace}/services/{youthService}",
    ],
  },
  {
    role: "labor staff",
    combinations: [PHONE_KO, DESKTOP_EN],
    paths: [
      "/staff",
      "/staff/bookings",
      "/staff/schedules",
      "/staff/places",
      "/staff/labor/questions",
      "/staff/labor/questions/{laborQuestion}",
    ],
  },
  {
    role: "postings staff",
    combinations: [PHONE_KO, DESKTOP_EN],
    paths: [
      "/staff",
      "/staff/postings",
      "/staff/postings/new",
      "/staff/postings/{posting}",
      "/staff/postings/{posting}/applicants",
      "/staff/rounds",
      "/staff/rounds/new",
      "/staff/rounds/{round}",
      "/staff/rounds/{round}/applicants",
      "/staff/rounds/{round}/sites/new",
    ],
  },
  {
    role: "admin",
    combinations: [PHONE_KO, DESKTOP_EN],
    paths: [
      "/staff",
      "/staff/people",
      "/staff/people/{resident}",
      "/staff/places/new",
      "/staff/places/import",
      "/staff/places/facts",
      "/staff/messages",
      "/staff/wages",
      "/staff/events",
      "/staff/events/new",
      "/staff/events/report",
      "/staff/events/{program}",
      "/staff/events/{program}/edit",
      "/staff/events/{program}/sessions/new",
      "/staff/events/sessions/{eventSession}",
      "/staff/events/sessions/{eventSession}/attendance",
      "/staff/events/sessions/{lotterySession}/draw",
      "/dev/mailbox",
    ],
  },
  {
    // the staff's event pages in the two newer site languages too, on a phone (where long
    // Vietnamese words and Chinese line breaks would show a page that does not reflow)
    role: "admin",
    combinations: [
      { locale: "zh", width: 360 },
      { locale: "vi", width: 360 },
    ],
    paths: [
      "/staff/events",
      "/staff/events/{program}",
      "/staff/events/sessions/{eventSession}",
      "/staff/events/sessions/{eventSession}/attendance",
      "/staff/events/sessions/{lotterySession}/draw",
    ],
  },
];

type Violation = { id: string; impact: string | null; help: string; nodes: string[] };

async function violationsOf(page: Page): Promise<Violation[]> {
  const hasAxe = await page.evaluate(() => "axe" in window);
  // evaluated, not added as a <script>: the site's Content-Security-Policy would refuse that
  if (!hasAxe) await page.evaluate(AXE_SOURCE);
  return page.evaluate(async (disabled) => {
    const axe = (window as unknown as { axe: typeof AxeCore }).axe;
    const results = await axe.run(document, {
      resultTypes: ["violations"],
      rules: Object.fromEntries(disabled.map((id) => [id, { enabled: false }])),
    });
    return results.violations.map((v) => ({
      id: v.id,
      impact: v.impact ?? null,
      help: v.help,
      nodes: v.nodes.slice(0, 3).map((n) => `${n.target.join(" ")} — ${n.failureSummary ?? ""}`),
    }));
  }, Object.keys(FALSE_POSITIVES));
}

/** axe over the pages of the given roles, in one engine's lane (see `Lane`). */
export function axeOnEveryPage(roles: Role[], lane: Lane) {
  const runsHere =
    lane === "sqlite"
      ? engine === "sqlite"
      : engine === (process.env.TEST_POSTGRESQL_URL ? "postgresql" : "sqlite");
  describe.skipIf(!runsHere)(`axe-core on every page: ${roles.join(", ")}`, () => {
    beforeAll(async () => {
      browser = await launchBrowser();
      if (roles.some((role) => role !== "visitor")) await signedInFixtures();
    });
    afterAll(async () => {
      await browser?.close();
    });
    for (const { role, combinations, paths } of PAGES.filter((p) => roles.includes(p.role))) {
      for (const { locale, width } of combinations) {
        describe(`${role}, ${locale}, ${width} px`, () => {
          let context: BrowserContext;
          let page: Page;
          beforeAll(async () => {
            ({ context, page } = await newPage(browser, {
              locale: BROWSER_LOCALE[locale],
              viewport: { width, height: width === 360 ? 740 : 900 },
            }));
            const cookie = cookies[role as Exclude<Role, "visitor">];
            if (cookie) await useSession(context, cookie);
          });
          afterAll(async () => {
            await context?.close();
          });
          for (const template of paths) {
            it(template, async () => {
              const path = template.replace(/\{(\w+)\}/g, (_, name: keyof typeof ids) => ids[name]);
              const separator = path.includes("?") ? "&" : "?";
              const response = await page.goto(`${path}${separator}lang=${locale}`);
              // the error pages are pages too; every other one must be the page itself
              const expected =
                template === "/no-such-page"
                  ? 404
                  : template === "/staff" && role === "resident"
                    ? 403
                    : /^\/(reset-password|verify-email)\//.test(template)
                      ? 410 // a link that no longer works (or never did) says so
                      : 200;
              expect(response?.status()).toBe(expected);
              // hydrated, which is enough: axe reads the page as it stands
              await page.waitForSelector("html[data-hydrated=true]", { state: "attached" });
              expect(await violationsOf(page)).toEqual([]);
              if (width === 360) {
                // and it reflows at 320 px (WCAG 1.4.10): nothing scrolls sideways
                await page.setViewportSize({ width: 320, height: 640 });
                const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
                await page.setViewportSize({ width: 360, height: 740 });
                expect(scrollWidth, "document width at 320 px").toBeLessThanOrEqual(320);
              }
            });
          }
        });
      }
    }
  });
}
