// Programs and events in Chromium against the production build, without JavaScript on a
// 320-pixel phone: find a mentoring session in Mapo next week from /events with the filters, open
// it, register, see the confirmation, cancel. (The server's clock: Wednesday 25 November 2026.)
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { residentWithBirthDate, useSession } from "./booking-support";
import { launchBrowser, newPage } from "./support";

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe("programs and events (JavaScript off, 320 px)", () => {
  it("finds a mentoring session in Mapo next week, registers and cancels", async () => {
    const resident = await residentWithBirthDate("events-nojs", "행사 시민");
    const { context, page } = await newPage(browser, {
      javaScriptEnabled: false,
      viewport: { width: 320, height: 640 },
    });
    await useSession(context, resident.cookie);

    await page.goto("/events");
    expect(await page.getByRole("heading", { level: 1 }).textContent()).toBe("프로그램·행사");
    await page.getByLabel("종류", { exact: true }).selectOption("mentoring");
    await page.getByLabel("자치구", { exact: true }).selectOption("mapo");
    await page.getByLabel("시작일", { exact: true }).fill("2026-11-30");
    await page.getByLabel("종료일", { exact: true }).fill("2026-12-06");
    await page.getByRole("button", { name: "찾기" }).click();
    await page.waitForURL(/\/events\?.*kind=mentoring/);
    const url = new URL(page.url());
    expect(url.searchParams.get("district")).toBe("mapo");
    expect(url.searchParams.get("from")).toBe("2026-11-30");
    expect(url.searchParams.get("to")).toBe("2026-12-06");
    // nothing on the page is wider than the phone
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
      320,
    );
    const sessions = page.locator("ol.agenda > li");
    expect(await sessions.count()).toBe(1);
    expect(await sessions.first().textContent()).toContain("2026년 12월 1일 화요일");
    expect(await sessions.first().textContent()).toContain("마포구");

    await sessions.first().getByRole("link", { name: "마포 청년일자리카페 취업 멘토링" }).click();
    await page.waitForURL(/\/events\/mapo-job-cafe-mentoring/);
    expect(await page.getByRole("heading", { level: 1 }).textContent()).toBe(
      "마포 청년일자리카페 취업 멘토링",
    );
    // the page says the data is a sample, and that this resident may register
    expect(await page.getByText("예시 자료: 이 행사의 날짜").count()).toBe(1);
    const session = page.locator("ol.agenda > li", { hasText: "2026년 12월 1일 화요일" });
    expect(await session.textContent()).toContain("8석 중 8석 남음");
    const jsonLd = await page.locator('script[type="application/ld+json"]').textContent();
    expect(JSON.parse(jsonLd!)).toMatchObject({ "@type": "Event" });

    await session.getByRole("button", { name: "신청하기" }).click();
    await page.waitForURL(/registered=/);
    expect(await page.getByRole("status").first().textContent()).toContain("신청했습니다.");
    const registered = page.locator("ol.agenda > li", { hasText: "2026년 12월 1일 화요일" });
    expect(await registered.textContent()).toContain("8석 중 7석 남음");
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
      320,
    );

    await registered.getByRole("button", { name: "신청 취소" }).click();
    await page.waitForURL(/cancelled=/);
    expect(await page.getByRole("status").first().textContent()).toContain("신청을 취소했습니다.");
    const freed = page.locator("ol.agenda > li", { hasText: "2026년 12월 1일 화요일" });
    expect(await freed.textContent()).toContain("8석 중 8석 남음");
    expect(await freed.getByRole("button", { name: "신청하기" }).count()).toBe(1);
    await context.close();
  });
});
