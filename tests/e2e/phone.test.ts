// On a phone (issue 13): a one-line header with the links behind "Menu", the first open shelter in
// the first screen at 2 a.m., and no page wider than a 320 px screen, in Korean and in English.
// The server's clock stands at Wednesday 25 November 2026, 02:00 in Seoul (E2E_NOW).
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  hydrated,
  launchBrowser,
  logInOverHttp,
  newPage,
  serverDatabase,
  signUpOverHttp,
  uniqueEmail,
} from "./support";

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const PHONE = { width: 360, height: 740 };

for (const javaScriptEnabled of [true, false]) {
  describe(`the header on a phone (JavaScript ${javaScriptEnabled ? "on" : "off"})`, () => {
    it("is at most two short rows (name and menu, then the other languages), and its menu button shows every link", async () => {
      const { context, page } = await newPage(browser, { javaScriptEnabled, viewport: PHONE });
      await page.goto("/");
      const bar = await page.locator(".site-header").boundingBox();
      // four site languages: the three others may take a second row rather than hide in the menu,
      // so that a worker who reads no Korean finds their language at once
      expect(bar!.height).toBeLessThanOrEqual(104);
      // the links are not shown until asked for
      const header = page.locator(".site-header");
      expect(await header.getByRole("link", { name: "노동자 쉼터" }).count()).toBe(0);
      await header.getByText("메뉴", { exact: true }).click();
      await header.getByRole("link", { name: "노동자 쉼터" }).click();
      await page.waitForURL(/\/shelters$/);
      // (a client-side navigation: the URL may change before the page does)
      await expect
        .poll(() => page.getByRole("heading", { level: 1 }).textContent())
        .toBe("노동자 쉼터");
      // the menu has closed behind the resident
      expect(await header.getByRole("link", { name: "노동자 쉼터" }).count()).toBe(0);
      if (javaScriptEnabled) {
        // a client-side move puts the focus on the new page's heading, as a page load would
        await expect.poll(() => page.evaluate(() => document.activeElement?.tagName)).toBe("H1");
        // Tab goes on from the heading into the page, not back to the top of the header
        await page.keyboard.press("Tab");
        expect(await page.evaluate(() => Boolean(document.activeElement?.closest("main")))).toBe(
          true,
        );
      }
      await context.close();
    });
  });
}

describe("a rest shelter at 2 a.m. on a phone", () => {
  for (const javaScriptEnabled of [true, false]) {
    it(`shows an open one in the first screen, open ones first (JavaScript ${javaScriptEnabled ? "on" : "off"})`, async () => {
      const { context, page } = await newPage(browser, { javaScriptEnabled, viewport: PHONE });
      await page.goto("/shelters");
      if (javaScriptEnabled) await hydrated(page);
      const first = page.locator(".place-list > li").first();
      expect(await first.locator(".place-status").getAttribute("class")).toContain("is-open");
      const box = await first.locator(".place-status").boundingBox();
      expect(box!.y + box!.height).toBeLessThanOrEqual(PHONE.height);
      // every open shelter comes before every closed one
      const states = await page
        .locator(".place-list > li .place-status")
        .evaluateAll((nodes) => nodes.map((node) => node.classList.contains("is-open")));
      expect(
        states.indexOf(false) === -1 || !states.slice(states.indexOf(false)).includes(true),
      ).toBe(true);
      await context.close();
    });
  }
});

async function pageWidth(page: Page) {
  return page.evaluate(() => document.documentElement.scrollWidth);
}

const PUBLIC_PAGES = [
  "/",
  "/youth-center",
  "/cafes",
  "/shelters",
  "/shelters?open=now",
  "/places",
  "/labor-centers",
  "/labor",
  "/jobs",
  "/jobs?q=%EC%B2%AD%EB%85%84",
  "/rounds/public-work-upcoming",
  "/book/youth-center-counseling",
  "/login",
  "/signup",
  "/terms",
  "/privacy",
  "/accessibility",
  "/no/such/page",
];
const RESIDENT_PAGES = ["/for-me", "/bookings", "/applications", "/account"];
const STAFF_PAGES = [
  "/staff",
  "/staff/bookings",
  "/staff/places",
  "/staff/postings",
  "/staff/postings/new",
  "/staff/rounds",
  "/staff/schedules",
];

describe("320 px wide", () => {
  for (const [language, locale] of [
    ["ko", "ko-KR"],
    ["en", "en-US"],
  ] as const) {
    it(`no page scrolls sideways (${language})`, async () => {
      const resident = await signUpOverHttp(uniqueEmail(`narrow-${language}`));
      const admin = await logInOverHttp("admin@seoul-portal.test", "admin-portal-2026");
      const wide: string[] = [];
      const visit = async (cookie: string | null, paths: string[]) => {
        const { context, page } = await newPage(browser, {
          locale,
          viewport: { width: 320, height: 640 },
        });
        if (cookie) await context.setExtraHTTPHeaders({ cookie });
        for (const path of paths) {
          await page.goto(path);
          const width = await pageWidth(page);
          if (width > 320) wide.push(`${path}: ${width}px`);
        }
        await context.close();
      };
      await visit(null, PUBLIC_PAGES);
      await visit(resident.cookie, RESIDENT_PAGES);
      await visit(admin, STAFF_PAGES);
      expect(wide).toEqual([]);
    });
  }
});

// a posting page (its values used to be squeezed into 100 px in English)
describe("a posting on a phone", () => {
  it("fits 320 px in English", async () => {
    const posting = await serverDatabase().posting.findFirstOrThrow({
      where: { status: "published", roundId: null },
      select: { slug: true },
      orderBy: { slug: "asc" },
    });
    const { context, page } = await newPage(browser, {
      locale: "en-US",
      viewport: { width: 320, height: 640 },
    });
    await page.goto(`/jobs/${posting.slug}`);
    expect(await pageWidth(page)).toBeLessThanOrEqual(320);
    await context.close();
  });
});
