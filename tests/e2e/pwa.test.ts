// The site as an installable app that keeps working when the connection drops (issue 13): the web
// app manifest, Chrome's installability checks, and the service worker (public/sw.js) in a real
// browser — the shelter list and one's own bookings as saved copies marked with their date, the
// offline page for anything else, and nothing kept for the wrong person.
//
// Installability: Lighthouse's `installable-manifest` audit asked Chrome `Page.getInstallabilityErrors`
// over the DevTools protocol; Lighthouse 12 removed its PWA category and Lighthouse 13 needs
// Node 22 (this project runs on Node 20), so the test asks Chromium directly, as the audit did.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ROOT } from "../setup/paths";
import { bookOverHttp, ownService, residentWithBirthDate, useSession } from "./booking-support";
import {
  baseUrl,
  fullChromiumInstalled,
  hydrated,
  launchBrowser,
  launchPersistentFullBrowser,
  logInOverHttp,
  newPage,
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

const WIDE = { width: 1280, height: 900 };

/** The worker installs after a page has loaded; from then on it answers the page's requests. */
async function underServiceWorker(page: Page) {
  await page.waitForFunction(() => navigator.serviceWorker?.controller != null, null, {
    timeout: 20_000,
  });
}

/** Every path (with its query) the site holds in the browser's Cache Storage. */
function cachedPaths(page: Page): Promise<string[]> {
  return page.evaluate(async () => {
    const paths: string[] = [];
    for (const name of await caches.keys()) {
      for (const request of await (await caches.open(name)).keys()) {
        const url = new URL(request.url);
        paths.push(url.pathname + url.search);
      }
    }
    return paths;
  });
}

/** Opens a page once the worker is in charge, and waits until it has kept its copy. */
async function visitAndSave(page: Page, pagePath: string) {
  await page.goto(pagePath);
  await hydrated(page);
  await underServiceWorker(page);
  await page.goto(pagePath);
  await expect.poll(() => cachedPaths(page)).toContain(pagePath);
}

function listedNames(page: Page) {
  return page.locator(".place-list > li h3").allTextContents();
}

/** A time as the notice writes it: the site's date-and-time format, in Seoul. */
function seoulTime(language: "ko" | "en", instant: number) {
  return new Intl.DateTimeFormat(language === "en" ? "en-GB" : "ko-KR", {
    dateStyle: "medium",
    timeStyle: "short",
    hourCycle: "h23",
    timeZone: "Asia/Seoul",
  }).format(new Date(instant));
}

/** The notice of a saved copy: its text and when the copy was made. */
async function savedCopyNotice(page: Page) {
  const notice = page.locator(".offline-notice");
  expect(await notice.count()).toBe(1);
  expect(await notice.isVisible()).toBe(true);
  return {
    text: (await notice.textContent()) ?? "",
    savedAt: Date.parse((await notice.getAttribute("data-saved-at")) ?? ""),
  };
}

function pngSize(bytes: Uint8Array) {
  const view = new DataView(bytes.buffer, bytes.byteOffset);
  const signature = [137, 80, 78, 71, 13, 10, 26, 10];
  expect([...bytes.subarray(0, 8)]).toEqual(signature);
  return `${view.getUint32(16)}x${view.getUint32(20)}`;
}

type Manifest = {
  id: string;
  name: string;
  short_name: string;
  lang: string;
  start_url: string;
  scope: string;
  display: string;
  theme_color: string;
  background_color: string;
  icons: { src: string; sizes: string; type: string; purpose: string }[];
};

describe("the web app manifest", () => {
  it("is served as a manifest in the browser's language, with what an install needs", async () => {
    const korean = await fetch(`${baseUrl()}/manifest.webmanifest`);
    expect(korean.status).toBe(200);
    expect(korean.headers.get("content-type")).toMatch(/^application\/manifest\+json/);
    expect(korean.headers.get("vary")).toMatch(/Accept-Language/);
    const manifest = (await korean.json()) as Manifest;
    expect(manifest).toMatchObject({
      id: "/",
      lang: "ko",
      name: "서울 일자리·노동권익 포털",
      short_name: "서울 일자리",
      start_url: "/",
      scope: "/",
      display: "standalone",
    });
    // the site's own colours: the header's blue, the page's white
    const css = fs.readFileSync(path.join(ROOT, "app/styles/app.css"), "utf8");
    expect(manifest.theme_color).toBe(/--blue:\s*(#\w+)/.exec(css)?.[1]);
    expect(manifest.background_color).toBe(/--bg:\s*(#\w+)/.exec(css)?.[1]);

    // English for an English browser, the same app (id) either way
    const english = (await (
      await fetch(`${baseUrl()}/manifest.webmanifest`, {
        headers: { "Accept-Language": "en-GB,en;q=0.9" },
      })
    ).json()) as Manifest;
    expect(english).toMatchObject({ lang: "en", name: "Seoul Jobs & Labor Rights Portal" });
    expect(english.short_name).toBe("Seoul Jobs");
    expect(english.id).toBe(manifest.id);

    // icons of 192 and 512 pixels, one of them maskable, each a PNG of its stated size
    const sizes = manifest.icons.map((icon) => `${icon.sizes} ${icon.purpose}`);
    expect(sizes).toEqual(
      expect.arrayContaining(["192x192 any", "512x512 any", "512x512 maskable"]),
    );
    for (const icon of manifest.icons) {
      const response = await fetch(`${baseUrl()}${icon.src}`);
      expect(response.status, icon.src).toBe(200);
      expect(response.headers.get("content-type"), icon.src).toBe("image/png");
      expect(pngSize(new Uint8Array(await response.arrayBuffer())), icon.src).toBe(icon.sizes);
    }
  });

  it("is linked from every page, with the theme colour; iOS finds its icon at the root", async () => {
    for (const pagePath of ["/", "/shelters", "/no-such-page"]) {
      const html = await (await fetch(`${baseUrl()}${pagePath}`)).text();
      expect(html, pagePath).toContain('<link rel="manifest" href="/manifest.webmanifest"/>');
      expect(html, pagePath).toContain('<meta name="theme-color" content="#0b4f8a"/>');
    }
    const touchIcon = await fetch(`${baseUrl()}/apple-touch-icon.png`);
    expect(touchIcon.headers.get("content-type")).toBe("image/png");
    expect(pngSize(new Uint8Array(await touchIcon.arrayBuffer()))).toBe("180x180");
  });

  it("parses without errors in Chromium, in the browser's language", async () => {
    for (const [locale, name] of [
      ["ko-KR", "서울 일자리·노동권익 포털"],
      ["en-GB", "Seoul Jobs & Labor Rights Portal"],
    ]) {
      const { context, page } = await newPage(browser, { locale });
      try {
        await page.goto("/");
        const cdp = await context.newCDPSession(page);
        const answer = await cdp.send("Page.getAppManifest");
        expect(answer.url).toBe(`${baseUrl()}/manifest.webmanifest`);
        expect(answer.errors).toEqual([]);
        expect(JSON.parse(answer.data ?? "{}")).toMatchObject({ name, display: "standalone" });
      } finally {
        await context.close();
      }
    }
  });

  // Only the full browser runs the checks (support.ts); Debian's `chromium` package provides it.
  it.skipIf(!fullChromiumInstalled)("passes Chromium's installability checks", async () => {
    // a profile on disk: an incognito-like context is refused with "in-incognito"
    const profile = fs.mkdtempSync(path.join(os.tmpdir(), "pwa-profile-"));
    const context = await launchPersistentFullBrowser(profile);
    try {
      const page = context.pages()[0] ?? (await context.newPage());
      const cdp = await context.newCDPSession(page);
      const errors = async () =>
        (await cdp.send("Page.getInstallabilityErrors")).installabilityErrors.map(
          (error) => error.errorId,
        );
      // the check is live: a document without a manifest is not installable
      await page.goto("/favicon.svg");
      expect(await errors()).toContain("no-manifest");

      await page.goto("/");
      await hydrated(page);
      await underServiceWorker(page);
      const manifest = await cdp.send("Page.getAppManifest");
      expect(manifest.errors).toEqual([]);
      expect(await errors()).toEqual([]);
    } finally {
      await context.close();
      fs.rmSync(profile, { recursive: true, force: true });
    }
  });
});

describe("the service worker's script", () => {
  it("is served fresh, with its version, under a policy that allows it and the manifest", async () => {
    const response = await fetch(`${baseUrl()}/sw.js`);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toMatch(/^text\/javascript/);
    expect(response.headers.get("cache-control")).toBe("no-cache");
    const script = await response.text();
    expect(script).not.toContain("__SERVICE_WORKER_VERSION__");
    expect(script).toMatch(/const VERSION = "[\w-]+-[0-9a-f]{12}";/);

    const page = await fetch(`${baseUrl()}/`);
    const policy = page.headers.get("content-security-policy") ?? "";
    expect(policy).toMatch(/worker-src 'self'/);
    expect(policy).toMatch(/manifest-src 'self'/);
    // whom the page is for, as the worker reads it
    expect(page.headers.get("x-offline-owner")).toBe("anonymous");
    expect(page.headers.get("content-language")).toBe("ko");
  });
});

describe("offline", () => {
  it("shows the saved shelter list with its hours and the date of the copy; other pages get the offline page", async () => {
    const { context, page } = await newPage(browser);
    try {
      const before = Date.now();
      await visitAndSave(page, "/shelters");
      const names = await listedNames(page);
      expect(names.length).toBeGreaterThan(2);

      await context.setOffline(true);
      await page.reload();
      const { text, savedAt } = await savedCopyNotice(page);
      expect(savedAt).toBeGreaterThanOrEqual(before);
      expect(savedAt).toBeLessThanOrEqual(Date.now());
      expect(text).toContain(`${seoulTime("ko", savedAt)}(서울 시각)에 저장한 사본`);
      expect(await page.locator("h1").textContent()).toBe("노동자 쉼터");
      expect(await listedNames(page)).toEqual(names);
      // every shelter with its hours in words: "내일 06:00까지", "오늘 18:00에 엽니다"
      const statuses = await page.locator(".place-list > li .place-status").allTextContents();
      expect(statuses).toHaveLength(names.length);
      for (const status of statuses) expect(status).toMatch(/\d{2}:\d{2}|24시간/);
      // a static copy: no script runs in it
      expect(await page.locator("script").count()).toBe(0);

      // a page never opened on this device: the offline page, which leads to the saved list
      await page.goto("/jobs");
      expect(await page.locator("h1").textContent()).toBe("인터넷 연결이 끊겼습니다");
      expect(await page.locator("[data-offline-page]").count()).toBe(1);
      await page.getByRole("link", { name: "노동자 쉼터 목록과 운영 시간" }).click();
      await page.waitForURL(/\/shelters$/);
      await savedCopyNotice(page);
      expect(await listedNames(page)).toEqual(names);

      // a form sent offline (the language switcher) is not kept, and gets the offline page
      await page.getByRole("button", { name: "언어 바꾸기: English" }).click();
      await page.waitForSelector("[data-offline-page]");
      expect(await page.locator("h1").textContent()).toBe("인터넷 연결이 끊겼습니다");

      // back online: the live page again, without the notice
      await context.setOffline(false);
      await page.goto("/shelters");
      await hydrated(page);
      expect(await page.locator(".offline-notice").count()).toBe(0);
    } finally {
      await context.close();
    }
  });

  it("a move inside the running app, offline, loads the saved copy or the offline page", async () => {
    const { context, page } = await newPage(browser, { viewport: WIDE });
    try {
      await visitAndSave(page, "/shelters");
      await page.goto("/");
      await hydrated(page);
      await context.setOffline(true);
      const nav = page.locator(".site-nav");
      await nav.getByRole("link", { name: "노동자 쉼터" }).click();
      await page.waitForSelector(".offline-notice");
      expect(new URL(page.url()).pathname).toBe("/shelters");
      expect((await listedNames(page)).length).toBeGreaterThan(2);

      await context.setOffline(false);
      await page.goto("/");
      await hydrated(page);
      await context.setOffline(true);
      await nav.getByRole("link", { name: "노동상담" }).click();
      await page.waitForSelector("[data-offline-page]");
      expect(await page.locator("h1").textContent()).toBe("인터넷 연결이 끊겼습니다");
    } finally {
      await context.close();
    }
  });

  it("keeps a resident's own bookings for them, in their language, and forgets them at logout", async () => {
    const resident = await residentWithBirthDate("offline-bookings", "Offline Resident");
    const service = await ownService("youth-center-resume-clinic", [
      { date: "2026-12-02", time: "14:00" },
    ]);
    const booked = await bookOverHttp(
      resident.cookie,
      service.slug,
      service.slotId("2026-12-02", "14:00"),
    );
    expect(booked.status).toBe(302);
    const bookingPath = booked.headers.get("location")!.split("?")[0]!;
    const { context, page } = await newPage(browser, { locale: "en-GB", viewport: WIDE });
    try {
      await useSession(context, resident.cookie);
      const before = Date.now();
      await visitAndSave(page, "/bookings");
      const booking = page.locator(`main a[href="${bookingPath}"]`);
      expect(await booking.count()).toBe(1);

      await context.setOffline(true);
      await page.reload();
      const { text, savedAt } = await savedCopyNotice(page);
      expect(savedAt).toBeGreaterThanOrEqual(before);
      expect(text).toContain(`a saved copy from ${seoulTime("en", savedAt)} (Seoul time)`);
      expect(await page.locator("h1").textContent()).toBe("My bookings");
      expect(await booking.count()).toBe(1);

      // logging out (a form the worker sees) drops the copy at once
      await context.setOffline(false);
      await page.goto("/bookings");
      await hydrated(page);
      await page.locator(".site-nav").getByRole("button", { name: "Log out" }).click();
      await page.waitForURL((url) => url.pathname === "/");
      await expect.poll(() => cachedPaths(page)).not.toContain("/bookings");

      await context.setOffline(true);
      await page.goto("/bookings");
      await page.waitForSelector("[data-offline-page]");
      expect(await page.locator("h1").textContent()).toBe("You are offline");
      expect(await booking.count()).toBe(0);
    } finally {
      await context.close();
    }
  });

  it("drops one resident's copy as soon as a page is for someone else, and never keeps staff pages", async () => {
    const first = await signUpOverHttp(uniqueEmail("offline-first"), "첫 번째 주민");
    const second = await signUpOverHttp(uniqueEmail("offline-second"), "두 번째 주민");
    const { context, page } = await newPage(browser);
    try {
      await useSession(context, first.cookie);
      await visitAndSave(page, "/bookings");
      await visitAndSave(page, "/shelters");

      // another session without a logout the worker could see (a shared phone, an expired session)
      await useSession(context, second.cookie);
      await page.goto("/");
      await expect.poll(() => cachedPaths(page)).not.toContain("/bookings");
      // the shelter list made for the first resident goes too (their header, their links)
      expect(await cachedPaths(page)).not.toContain("/shelters");

      await context.setOffline(true);
      await page.goto("/bookings");
      await page.waitForSelector("[data-offline-page]");
      expect(await page.locator(".offline-notice").count()).toBe(0);

      // staff pages are never kept
      await context.setOffline(false);
      const admin = await logInOverHttp("admin@seoul-portal.test", "admin-portal-2026");
      await useSession(context, admin);
      await page.goto("/staff");
      await hydrated(page);
      await page.goto("/staff");
      await hydrated(page);
      expect((await cachedPaths(page)).filter((p) => p.startsWith("/staff"))).toEqual([]);
      await context.setOffline(true);
      await page.goto("/staff");
      await page.waitForSelector("[data-offline-page]");
    } finally {
      await context.close();
    }
  });
});
