// Programs and events in Chromium against the production build, without JavaScript on a
// 320-pixel phone: find a mentoring session in Mapo next week from /events with the filters (the
// agenda, and the month view's list twin), open it, register, see the confirmation, cancel; get
// the reminder the day before (the reminders task run at that moment) and download the session's
// .ics, which Mozilla's parser reads. (The server's clock: Wednesday 25 November 2026.)
import { spawn } from "node:child_process";
import path from "node:path";
import ICAL from "ical.js";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { ROOT } from "../setup/paths";
import { residentWithBirthDate, useSession } from "./booking-support";
import { launchBrowser, messageBody, newPage, serverDatabase } from "./support";

/** Runs the reminders task once at `at`, on the server's database, in a process of its own. */
async function runRemindersAt(at: string) {
  const child = spawn(
    process.execPath,
    [path.join(ROOT, "node_modules/tsx/dist/cli.mjs"), "tests/support/event-reminders-once.ts"],
    {
      cwd: ROOT,
      env: {
        ...process.env,
        APP_ENV: "test",
        DATABASE_URL: (inject as unknown as (key: string) => string)("databaseUrl"),
        REMINDERS_AT: at,
      },
      stdio: ["ignore", "pipe", "inherit"],
    },
  );
  let output = "";
  child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const code = await new Promise((resolve) => child.on("exit", resolve));
  expect(code).toBe(0);
  return JSON.parse(output.trim().split("\n").at(-1)!) as { queued: number };
}

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

  it("finds the session in the month view's list, registers, gets the reminder and downloads the .ics", async () => {
    const resident = await residentWithBirthDate("events-month", "달력 시민");
    const { context, page } = await newPage(browser, {
      javaScriptEnabled: false,
      viewport: { width: 320, height: 640 },
    });
    await useSession(context, resident.cookie);

    await page.goto("/events");
    await page.getByRole("link", { name: "달력", exact: true }).click();
    await page.waitForURL(/view=month/);
    await page.getByLabel("종류", { exact: true }).selectOption("mentoring");
    await page.getByLabel("자치구", { exact: true }).selectOption("mapo");
    await page.getByRole("button", { name: "찾기" }).click();
    await page.waitForURL(/view=month.*|.*kind=mentoring.*view=month/);
    expect(new URL(page.url()).searchParams.get("view")).toBe("month");
    // this month (November) first; the next month's link keeps the filters
    expect(await page.getByRole("heading", { level: 2, name: "2026년 11월" }).count()).toBe(1);
    await page.getByRole("link", { name: "다음 달(2026년 12월)" }).click();
    await page.waitForURL(/month=2026-12/);
    const url = new URL(page.url());
    expect(url.searchParams.get("kind")).toBe("mentoring");
    expect(url.searchParams.get("district")).toBe("mapo");
    // on the phone the grid gives way to its list twin: nothing wider than the screen
    expect(await page.locator("table.month-grid").isVisible()).toBe(false);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
      320,
    );
    const day = page.locator("ol.month-list > li", { hasText: "2026년 12월 1일 화요일" });
    expect(await day.count()).toBe(1);
    // the feed's address carries the same filters
    const feed = new URL(
      (await page.getByRole("link", { name: /\/events\.ics\?/ }).getAttribute("href"))!,
    );
    expect(feed.searchParams.get("kind")).toBe("mentoring");
    expect(feed.searchParams.get("district")).toBe("mapo");

    await day.getByRole("link", { name: "마포 청년일자리카페 취업 멘토링" }).click();
    await page.waitForURL(/\/events\/mapo-job-cafe-mentoring/);
    const session = page.locator("ol.agenda > li", { hasText: "2026년 12월 1일 화요일" });
    await session.getByRole("button", { name: "신청하기" }).click();
    await page.waitForURL(/registered=/);
    const registered = page.locator("ol.agenda > li", { hasText: "2026년 12월 1일 화요일" });
    const icsLink = registered.getByRole("link", { name: "내 캘린더에 추가(.ics)" });
    const icsHref = (await icsLink.getAttribute("href"))!;

    // the reminder: due on Monday 30 November at 10:00 in Seoul, queued once however often it runs
    const first = await runRemindersAt("2026-11-30T01:05:00.000Z");
    expect(first.queued).toBeGreaterThanOrEqual(1);
    await runRemindersAt("2026-11-30T01:10:00.000Z");
    const reminders = await serverDatabase().notification.findMany({
      where: { residentId: resident.id, template: "event_reminder" },
      select: { subject: true },
    });
    expect(reminders).toEqual([
      { subject: "[내일 행사] 마포 청년일자리카페 취업 멘토링 · 2026. 12. 1. 19:00" },
    ]);
    const body = await messageBody(resident.id, "event_reminder");
    expect(body).toContain("/events/mapo-job-cafe-mentoring#session-");
    expect(body).toContain(icsHref);

    // the .ics, downloaded with the resident's login, as a calendar reads it
    const download = await context.request.get(icsHref);
    expect(download.status()).toBe(200);
    expect(download.headers()["content-type"]).toBe("text/calendar; charset=utf-8");
    const calendar = new ICAL.Component(ICAL.parse(await download.text()));
    const [vevent, ...others] = calendar.getAllSubcomponents("vevent");
    expect(others).toEqual([]);
    const event = new ICAL.Event(vevent);
    expect(event.summary).toBe("마포 청년일자리카페 취업 멘토링");
    expect(event.startDate.toJSDate().toISOString()).toBe("2026-12-01T10:00:00.000Z");
    expect(vevent!.getFirstPropertyValue("status")).toBe("CONFIRMED");
    // someone else's login does not get it
    const stranger = await residentWithBirthDate("events-stranger");
    const refused = await fetch(new URL(icsHref, page.url()), {
      headers: { Cookie: stranger.cookie },
      redirect: "manual",
    });
    expect(refused.status).toBe(404);
    await context.close();
  });
});
