// The four site languages (decision 0024): which one a request gets (?lang=, the switcher's
// cookie, Accept-Language, Korean), the switcher without JavaScript, the hreflang alternates, and
// a crawl of the main pages in Chinese and Vietnamese that fails on Korean text the page's own
// translations do not contain and that is not marked lang="ko": a key missing in zh or vi shows
// the Korean text (i18next falls back to Korean), and stored Korean text shown without its lang
// would be read in the wrong voice. (Korean a translation quotes on purpose, "주휴수당", is fine.)
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import fs from "node:fs";
import path from "node:path";
import { NAMESPACES } from "~/utils/i18n";
import { baseUrl, cookiesOf, launchBrowser, newPage, postForm } from "./support";

const engine = (inject as unknown as (key: string) => unknown)("databaseEngine");

async function htmlLang(headers: Record<string, string>, path = "/jobs") {
  const response = await fetch(`${baseUrl()}${path}`, { headers });
  expect(response.status).toBe(200);
  return /<html lang="([^"]+)"/.exec(await response.text())?.[1];
}

describe.skipIf(engine !== "sqlite")("site languages", () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it("follows Accept-Language by primary language, and Korean for any other", async () => {
    const cases: [string, string][] = [
      ["zh-CN,zh;q=0.9", "zh"],
      ["zh-TW", "zh"],
      ["zh-Hant-TW,en;q=0.5", "zh"],
      ["vi-VN", "vi"],
      ["vi-VN,en-US;q=0.9,en;q=0.8", "vi"],
      ["en-US,en;q=0.9", "en"],
      ["fr-FR,ja;q=0.8", "ko"],
      ["ko;q=0.2,vi;q=0.9", "vi"],
    ];
    for (const [acceptLanguage, expected] of cases) {
      expect([acceptLanguage, await htmlLang({ "Accept-Language": acceptLanguage })]).toEqual([
        acceptLanguage,
        expected,
      ]);
    }
    // no header at all: Korean
    expect(await htmlLang({})).toBe("ko");
    // the switcher's cookie wins over the header, and ?lang= over both
    const chose = await postForm("/resources/language", { lng: "zh", redirectTo: "/jobs" });
    expect([chose.status, chose.headers.get("location")]).toEqual([302, "/jobs"]);
    const cookie = cookiesOf(chose);
    expect(await htmlLang({ "Accept-Language": "vi-VN", Cookie: cookie })).toBe("zh");
    expect(await htmlLang({ Cookie: cookie }, "/jobs?lang=vi")).toBe("vi");
    // a language the site does not have is refused, and changes nothing
    const refused = await postForm("/resources/language", { lng: "ja", redirectTo: "/jobs" });
    expect(refused.status).toBe(400);
    expect(refused.headers.get("set-cookie")).toBeNull();
  });

  it("names the page in every language as hreflang alternates", async () => {
    const response = await fetch(`${baseUrl()}/events?kind=lecture&lang=en`);
    const html = await response.text();
    const alternates = [
      ...html.matchAll(/<link rel="alternate" hrefLang="([^"]+)" href="([^"]+)"/g),
    ].map((m) => [m[1], new URL(m[2]!.replaceAll("&amp;", "&")).search]);
    expect(alternates).toEqual([
      ["ko", "?kind=lecture&lang=ko"],
      ["en", "?kind=lecture&lang=en"],
      ["zh", "?kind=lecture&lang=zh"],
      ["vi", "?kind=lecture&lang=vi"],
      ["x-default", "?kind=lecture"],
    ]);
  });

  it("switches language without JavaScript, each language named in itself, and stays on the page", async () => {
    const { context, page } = await newPage(browser, { javaScriptEnabled: false });
    try {
      await page.goto("/events?kind=lecture");
      expect(await page.getAttribute("html", "lang")).toBe("ko");
      const switcher = page.locator("form.language-switcher");
      const names = await switcher.locator("button").evaluateAll((buttons) =>
        buttons.map((b) => {
          const name = b.querySelector("[lang]")!;
          return [(b as HTMLButtonElement).value, name.getAttribute("lang"), name.textContent];
        }),
      );
      expect(names).toEqual([
        ["ko", "ko", "한국어"],
        ["en", "en", "English"],
        ["zh", "zh", "简体中文"],
        ["vi", "vi", "Tiếng Việt"],
      ]);
      await switcher.locator('button[value="vi"]').click();
      await page.waitForURL(/\/events\?kind=lecture$/);
      expect(await page.getAttribute("html", "lang")).toBe("vi");
      expect(await switcher.locator('button[value="vi"]').getAttribute("aria-pressed")).toBe(
        "true",
      );
      // the choice sticks: the next page is in Vietnamese too
      await page.goto("/jobs");
      expect(await page.getAttribute("html", "lang")).toBe("vi");
      await page.locator('form.language-switcher button[value="zh"]').click();
      await page.waitForURL(/\/jobs$/);
      expect(await page.getAttribute("html", "lang")).toBe("zh");
    } finally {
      await context.close();
    }
  });

  const MAIN_PAGES = [
    "/",
    "/shelters",
    "/cafes",
    "/places",
    "/places/youth-job-center",
    "/youth-center",
    "/labor",
    "/labor-centers",
    "/labor/calculators",
    "/jobs",
    "/jobs/new-deal-city-public-data",
    "/events",
    "/events/good-jobs-city-forum",
    "/rounds/public-work-upcoming",
    "/book/youth-center-counseling",
    "/login",
    "/signup",
    "/terms",
    "/privacy",
    "/accessibility",
  ];

  /** Every text of a language's translation files, to tell quoted Korean from fallback Korean. */
  function translationsText(language: string): string {
    const dir = path.resolve(import.meta.dirname, "../../locales", language);
    return NAMESPACES.map((ns) => fs.readFileSync(path.join(dir, `${ns}.json`), "utf8")).join("\n");
  }

  /** Text with Hangul whose nearest lang is not Korean: "path: <text>". */
  async function unmarkedKorean(page: Page): Promise<string[]> {
    return page.evaluate(() => {
      const found: string[] = [];
      const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const text = node.textContent ?? "";
        if (!/[\uAC00-\uD7A3\u3131-\u318E]/.test(text)) continue;
        const parent = node.parentElement;
        if (!parent || parent.closest("script, style, template, noscript")) continue;
        if (parent.closest("[lang]")?.getAttribute("lang") === "ko") continue;
        found.push(text.trim());
      }
      return found;
    });
  }

  for (const language of ["zh", "vi"] as const) {
    it(`shows the main pages wholly in ${language}: no Korean text unless marked lang="ko"`, async () => {
      const { context, page } = await newPage(browser, { javaScriptEnabled: false });
      const translated = translationsText(language);
      const problems: string[] = [];
      try {
        for (const path of MAIN_PAGES) {
          const separator = path.includes("?") ? "&" : "?";
          const response = await page.goto(`${path}${separator}lang=${language}`);
          expect([path, response?.status()]).toEqual([path, 200]);
          expect(await page.getAttribute("html", "lang")).toBe(language);
          for (const text of await unmarkedKorean(page)) {
            const korean = text.match(/[\uAC00-\uD7A3\u3131-\u318E]+/g) ?? [];
            if (korean.some((word) => !translated.includes(word)))
              problems.push(`${path}: ${text}`);
          }
        }
      } finally {
        await context.close();
      }
      expect(problems).toEqual([]);
    });
  }
});
