// "For me" on a phone (issue 13): the resident's next steps in the first screen (their own
// upcoming bookings and applications awaiting a decision, nobody else's), then short lists — the
// same service at many places as one entry, nearest to the resident's district first — on a page
// a few screens long rather than 20,000 px. And an application's page: one h1 then h2s, a title
// of its own, "First choice: …", and what happens next. Korean and English, JavaScript on and off.
import crypto from "node:crypto";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bookOverHttp, ownService, type OwnService } from "./booking-support";
import {
  baseUrl,
  hydrated,
  launchBrowser,
  newPage,
  postForm,
  serverDatabase,
  signUpOverHttp,
  uniqueEmail,
} from "./support";

const PHONE = { width: 360, height: 740 };
/** The seeded resident's profile (prisma/seed.ts): 28, in Mapo, unemployed, a registered job seeker. */
const SEEDED_PROFILE = {
  birthDate: "1998-04-12",
  district: "mapo",
  employmentStatus: "unemployed",
  registeredJobSeeker: "yes",
  hasRegularIncome: "no",
  workerType: "none",
};
const TEMPLATE_POSTING = "new-deal-city-public-data";
/** What the page may measure on a 360 px phone for that resident (it was 19,400 px). */
const MAX_PAGE_HEIGHT = 6000;

let browser: Browser;
let counseling: OwnService;
const stamp = Date.now().toString(36);
const posting = {
  slug: `for-me-next-steps-${stamp}`,
  titleKo: `다음 단계 시험 공고 ${stamp}`,
  titleEn: `Next-steps test posting ${stamp}`,
};

beforeAll(async () => {
  browser = await launchBrowser();
  // a counseling service of this file's own, with a time on Friday afternoon (room for every resident here)
  counseling = await ownService("youth-center-counseling", [
    { date: "2026-11-27", time: "14:00", capacity: 6 },
  ]);
  const db = serverDatabase();
  const template = await db.posting.findUniqueOrThrow({ where: { slug: TEMPLATE_POSTING } });
  await db.posting.create({
    data: {
      ...template,
      ...posting,
      id: undefined,
      selectedCount: 0,
      lastWaitlistRank: 0,
      createdAt: undefined,
      updatedAt: undefined,
    },
  });
});
afterAll(async () => {
  // its applications go with it
  await serverDatabase().posting.deleteMany({ where: { slug: posting.slug } });
  await browser?.close();
});

async function residentLikeTheSeeded(prefix: string, language: "ko" | "en" = "ko") {
  const resident = await signUpOverHttp(uniqueEmail(prefix), `다음단계 ${prefix}`);
  const saved = await postForm(
    `/residents/${resident.id}`,
    { name: `다음단계 ${prefix}`, ...SEEDED_PROFILE, preferredLanguage: language },
    resident.cookie,
  );
  expect(saved.status).toBe(200);
  return resident;
}

async function applyOverHttp(cookie: string, slug: string) {
  const response = await postForm(
    `/jobs/${slug}/apply`,
    {
      motivation: "가까운 곳에서 일하고 싶습니다.",
      contactConsent: "on",
      idempotencyKey: crypto.randomUUID(),
    },
    cookie,
  );
  expect(response.status).toBe(302);
  return response.headers.get("location")!.split("?")[0]!;
}

async function useSession(context: BrowserContext, cookie: string) {
  await context.addCookies(
    cookie.split("; ").map((pair) => {
      const at = pair.indexOf("=");
      return { name: pair.slice(0, at), value: pair.slice(at + 1), url: baseUrl() };
    }),
  );
}

async function headings(page: Page) {
  return page
    .locator("main h1, main h2, main h3")
    .evaluateAll((nodes) => nodes.map((node) => [Number(node.tagName[1]), node.textContent]));
}

/** One h1, and no heading more than one level below the one before it. */
function expectHeadingsInOrder(list: (string | number | null)[][]) {
  const levels = list.map(([level]) => level as number);
  expect(levels.filter((level) => level === 1)).toHaveLength(1);
  expect(levels[0]).toBe(1);
  for (let i = 1; i < levels.length; i += 1)
    expect(levels[i]! - levels[i - 1]!, JSON.stringify(list)).toBeLessThanOrEqual(1);
}

for (const javaScriptEnabled of [true, false]) {
  describe(`for me on a phone (JavaScript ${javaScriptEnabled ? "on" : "off"})`, () => {
    it("starts with my next steps, groups the services nearest first, and stays a few screens long", async () => {
      const tag = javaScriptEnabled ? "js" : "nojs";
      const me = await residentLikeTheSeeded(`for-me-${tag}`);
      const other = await residentLikeTheSeeded(`for-me-other-${tag}`);
      const slotId = counseling.slotId("2026-11-27", "14:00");
      for (const resident of [me, other])
        expect((await bookOverHttp(resident.cookie, counseling.slug, slotId)).status).toBe(302);
      const myApplication = await applyOverHttp(me.cookie, posting.slug);
      const theirApplication = await applyOverHttp(other.cookie, posting.slug);

      const { context, page } = await newPage(browser, { javaScriptEnabled, viewport: PHONE });
      await useSession(context, me.cookie);
      await page.goto("/for-me");
      if (javaScriptEnabled) await hydrated(page);

      // the first screen holds the next steps' heading
      const nextSteps = page.getByRole("heading", { level: 2, name: "나의 다음 단계" });
      const box = await nextSteps.boundingBox();
      expect(box!.y + box!.height).toBeLessThanOrEqual(PHONE.height);

      // my booking, with its time in Seoul and a link to manage it; my application, with its
      // status and when applications close — and nothing of the other resident's
      const region = page.getByRole("region", { name: "나의 다음 단계" });
      const bookings = region.getByRole("list", { name: "다가오는 예약" });
      const myBooking = await serverDatabase().booking.findFirstOrThrow({
        where: { residentId: me.id, slotId },
        select: { id: true },
      });
      expect(await bookings.getByRole("listitem").count()).toBe(1);
      expect(
        await bookings.getByRole("link", { name: counseling.nameKo }).getAttribute("href"),
      ).toBe(`/bookings/${myBooking.id}`);
      expect(await bookings.textContent()).toMatch(/11월 27일 금요일.*14:00–/);
      const applications = region.getByRole("list", { name: "결과를 기다리는 지원" });
      expect(await applications.getByRole("listitem").count()).toBe(1);
      expect(
        await applications.getByRole("link", { name: posting.titleKo }).getAttribute("href"),
      ).toBe(myApplication);
      expect(await region.locator(`a[href="${theirApplication}"]`).count()).toBe(0);
      expect(await applications.textContent()).toMatch(
        /접수.*마감 · 결과는 메시지로 알려 드립니다/,
      );

      // the cafés' study rooms are one entry, booked at the one nearest Mapo
      const rooms = page.getByRole("region", { name: "스터디룸", exact: true });
      expect(await rooms.getByRole("link", { name: "스터디룸", exact: true }).count()).toBe(1);
      expect(await rooms.textContent()).toMatch(/\d+곳 · 가장 가까운 곳: .+\(마포구\)/);
      const all = rooms.getByRole("link", { name: /^스터디룸 전체 \d+곳 보기$/ });
      expect(await all.getAttribute("href")).toMatch(/^\/places\?service=study_room&near=/);
      // no name is listed twice in a group
      const names = await page
        .locator(".service-group__list > li > a")
        .evaluateAll((links) =>
          links.map((link) => link.closest("section")!.id + link.textContent),
        );
      expect(new Set(names).size).toBe(names.length);

      // postings show their pay and deadline
      const postings = page.getByRole("region", { name: "지금 지원할 수 있는 공고" });
      expect(await postings.locator(".posting-card").first().textContent()).toMatch(
        /시급 ₩[\d,]+.*(마감|남음)/,
      );

      expectHeadingsInOrder(await headings(page));
      const height = await page.evaluate(() => document.documentElement.scrollHeight);
      expect(height).toBeLessThan(MAX_PAGE_HEIGHT);
      await context.close();
    });
  });
}

describe("for me with nothing booked or applied for (English)", () => {
  it("says so, with where to look", async () => {
    const resident = await residentLikeTheSeeded("for-me-empty", "en");
    const { context, page } = await newPage(browser, { locale: "en-US", viewport: PHONE });
    await useSession(context, resident.cookie);
    await page.goto("/for-me");
    const region = page.getByRole("region", { name: "My next steps" });
    expect(await region.textContent()).toContain("You have no upcoming bookings.");
    expect(await region.textContent()).toContain("No applications are waiting for a decision.");
    expect(await region.getByRole("link", { name: "All my bookings" }).getAttribute("href")).toBe(
      "/bookings",
    );
    expect(
      await page.getByRole("region", { name: "Services you can book" }).textContent(),
    ).toContain("Nearest to Mapo-gu first.");
    const height = await page.evaluate(() => document.documentElement.scrollHeight);
    expect(height).toBeLessThan(MAX_PAGE_HEIGHT);
    await context.close();
  });
});

const APPLICATION_TEXT = {
  ko: {
    locale: "ko-KR",
    title: (t: string) => `지원 내역: ${t} – 접수 | 서울 일자리·노동권익 포털`,
    applyTitle: (t: string) => `지원서 작성: ${t} | 서울 일자리·노동권익 포털`,
    h1: (t: string) => `지원 내역: ${t}`,
    h2: ["앞으로의 진행", "진행 과정", "제출한 내용", "지원 취소", "보낸 알림"],
    next: /^접수는 .+에 마감됩니다\. 마감 후 기관이 지원서를 검토해 결정하며, 결과가 나오는 대로 메시지로 알려 드립니다\. 근무 시작 예정일은 .+입니다\.$/,
    posting: (p: typeof posting) => p.titleKo,
  },
  en: {
    locale: "en-US",
    title: (t: string) => `Application: ${t} – Submitted | Seoul Jobs & Labor Rights Portal`,
    applyTitle: (t: string) => `Apply: ${t} | Seoul Jobs & Labor Rights Portal`,
    h1: (t: string) => `Application: ${t}`,
    h2: ["What happens next", "Progress", "What you sent", "Withdraw", "Messages we sent you"],
    next: /^Applications close on .+\. After that the organisation reviews the applications and decides; we will send you a message as soon as it does\. Work is due to start on .+\.$/,
    posting: (p: typeof posting) => p.titleEn,
  },
} as const;

for (const [language, javaScriptEnabled] of [
  ["ko", false],
  ["en", true],
] as const) {
  describe(`an application's page (${language}, JavaScript ${javaScriptEnabled ? "on" : "off"})`, () => {
    it("has one h1 then h2s, a title of its own, and says what happens next", async () => {
      const text = APPLICATION_TEXT[language];
      const resident = await residentLikeTheSeeded(`application-${language}`, language);
      const { context, page } = await newPage(browser, {
        javaScriptEnabled,
        locale: text.locale,
        viewport: PHONE,
      });
      await useSession(context, resident.cookie);
      const title = text.posting(posting);
      await page.goto(`/jobs/${posting.slug}/apply`);
      if (javaScriptEnabled) await hydrated(page);
      expect(await page.title()).toBe(text.applyTitle(title));
      expectHeadingsInOrder(await headings(page));

      const applicationPath = await applyOverHttp(resident.cookie, posting.slug);
      await page.goto(applicationPath);
      if (javaScriptEnabled) await hydrated(page);
      expect(await page.title()).toBe(text.title(title));
      // distinct from the posting's own page
      expect(await page.title()).not.toBe(
        await (async () => {
          const other = await context.newPage();
          await other.goto(`/jobs/${posting.slug}`);
          const postingTitle = await other.title();
          await other.close();
          return postingTitle;
        })(),
      );
      const list = await headings(page);
      expectHeadingsInOrder(list);
      expect(list.filter(([level]) => level === 1).map(([, name]) => name)).toEqual([
        text.h1(title),
      ]);
      expect(list.filter(([level]) => level === 2).map(([, name]) => name)).toEqual(text.h2);
      const panel = page.getByRole("region", { name: text.h2[0] });
      expect((await panel.locator("p").first().textContent())?.trim()).toMatch(text.next);
      await context.close();
    });
  });
}
