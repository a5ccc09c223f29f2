// A study-room lottery in Chromium against the production build, at 320 px without JavaScript
// (decision 0031): a resident applies for a time on the seeded study rooms' page, sees the
// application on My bookings, and withdraws it; a full time before its draw offers no waitlist.
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { residentWithBirthDate, useSession } from "./booking-support";
import { launchBrowser, newPage, serverDatabase } from "./support";

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const STUDY_ROOM = "youth-center-study-room";

/** The document's width: at most the viewport's 320 px (reflow). */
const documentWidth = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth);

describe("study-room lottery (JavaScript off, 320 px)", () => {
  it("applies for a time, sees it on My bookings, withdraws it", async () => {
    const resident = await residentWithBirthDate("study-lottery", "추첨 예약 시민");
    const { context, page } = await newPage(browser, {
      javaScriptEnabled: false,
      viewport: { width: 320, height: 640 },
    });
    await useSession(context, resident.cookie);

    // Friday 27 November at 19:00: drawn on Thursday at 19:00, after the e2e clock (Wed 02:00)
    await page.goto(`/book/${STUDY_ROOM}`);
    expect(await page.getByText("이곳의 자리는 추첨으로 정합니다").count()).toBe(1);
    await page.getByRole("link", { name: /2026년 11월 27일 금요일/ }).click();
    await page.waitForURL(/date=2026-11-27/);
    await page.getByRole("link", { name: /^19:00–21:00 신청\(추첨, / }).click();
    await page.waitForURL(new RegExp(`/book/${STUDY_ROOM}/\\w+$`));
    const slotPath = new URL(page.url()).pathname;
    expect(await documentWidth(page)).toBeLessThanOrEqual(320);
    await page.getByRole("button", { name: "추첨 신청하기" }).click();
    await page.waitForURL((url) => url.pathname === slotPath);
    expect(await page.getByText("신청하셨습니다.").count()).toBe(1);

    const db = serverDatabase();
    const slotId = slotPath.split("/").pop()!;
    const application = await db.slotApplication.findFirstOrThrow({
      where: { slotId, residentId: resident.id },
      select: { id: true, status: true },
    });
    expect(application.status).toBe("applied");
    // nothing is booked before the draw
    expect(await db.booking.count({ where: { slotId, residentId: resident.id } })).toBe(0);

    // My bookings lists the application with the draw time
    await page.goto("/bookings");
    await page.getByRole("heading", { level: 2, name: "내 추첨 신청" }).waitFor();
    const row = page.locator("li", { has: page.locator(`a[href="${slotPath}"]`) });
    expect(await row.textContent()).toMatch(/신청함 · .*추첨/);
    expect(await documentWidth(page)).toBeLessThanOrEqual(320);

    // withdraw from the slot page
    await row.getByRole("link").click();
    await page.waitForURL((url) => url.pathname === slotPath);
    await page.getByRole("button", { name: "신청 취소하기" }).click();
    await page.waitForURL(/withdrawn=1/);
    expect(await page.getByRole("status").first().textContent()).toContain("신청을 취소했습니다");
    expect(await page.getByRole("button", { name: "추첨 신청하기" }).count()).toBe(1);
    expect(
      await db.slotApplication.findUniqueOrThrow({
        where: { id: application.id },
        select: { status: true },
      }),
    ).toEqual({ status: "withdrawn" });
    await page.goto("/bookings");
    expect(await page.locator(`a[href="${slotPath}"]`).count()).toBe(0);

    // full before its draw: the page offers applying, not the waitlist as well (review fix)
    const { capacity, bookedCount } = await db.slot.findUniqueOrThrow({ where: { id: slotId } });
    await db.slot.update({ where: { id: slotId }, data: { bookedCount: capacity } });
    try {
      await page.goto(slotPath);
      expect(await page.getByRole("button", { name: "추첨 신청하기" }).count()).toBe(1);
      expect(await page.getByRole("button", { name: "대기 신청" }).count()).toBe(0);
    } finally {
      await db.slot.update({ where: { id: slotId }, data: { bookedCount } });
    }
    await context.close();
  });
});
