// The programs back office in Chromium against the production build, without JavaScript: the
// administrator creates a program (a first try with a missing title keeps what was typed), adds
// a session, finds it on /events, registers a resident over HTTP, then cancels the session — the
// resident is told and the public page shows it cancelled. (The server's clock: Wednesday
// 25 November 2026, 02:00 in Seoul.)
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { residentWithBirthDate, useSession } from "./booking-support";
import { launchBrowser, logInOverHttp, newPage, postForm, serverDatabase } from "./support";

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe("programs back office (JavaScript off)", () => {
  it("creates a program with a session, shows it on /events, and cancels it", async () => {
    const admin = await logInOverHttp("admin@seoul-portal.test", "admin-portal-2026");
    const { context, page } = await newPage(browser, {
      javaScriptEnabled: false,
      viewport: { width: 1280, height: 900 },
    });
    await useSession(context, admin);
    const title = `E2E 취업 특강 ${Date.now().toString(36)}`;

    await page.goto("/staff");
    await page.locator("#main").getByRole("link", { name: "프로그램·행사", exact: true }).click();
    await page.waitForURL(/\/staff\/events$/);
    await page.getByRole("link", { name: "새 프로그램" }).click();
    await page.waitForURL(/\/staff\/events\/new$/);

    const organization = page.locator("#new-program-organizationId");
    const firstOrganization = await organization.locator("option").nth(1).getAttribute("value");
    await organization.selectOption(firstOrganization!);
    await page.locator("#new-program-kind").selectOption("lecture");
    await page.locator("#new-program-titleKo").fill(title);
    // the English title is left out on purpose
    await page.locator("#new-program-descriptionKo").fill("이력서와 면접 특강입니다.");
    await page.locator("#new-program-descriptionEn").fill("A lecture on CVs and interviews.");
    await page.locator("#new-program-venueKo").fill("서울시청 다목적홀");
    await page.locator("#new-program-district").selectOption("jung");
    await page.getByLabel("게시됨").check();
    await page.getByRole("button", { name: "저장" }).click();
    await page.waitForLoadState();
    // refused with a summary, and what was typed is still there
    expect(await page.locator(".error-summary, [role=alert]").first().textContent()).toBeTruthy();
    expect(await page.locator("#new-program-titleKo").inputValue()).toBe(title);
    expect(await page.locator("#new-program-venueKo").inputValue()).toBe("서울시청 다목적홀");
    await page.locator("#new-program-titleEn").fill("E2E job lecture");
    await page.getByRole("button", { name: "저장" }).click();
    await page.waitForURL(/\/staff\/events\/\w+\?created=1$/);
    expect(await page.getByRole("status").first().textContent()).toContain(
      "프로그램을 저장했습니다",
    );

    await page.getByRole("link", { name: "회차 추가" }).click();
    await page.waitForURL(/\/sessions\/new$/);
    await page.locator("#new-session-startDate").fill("2026-12-09");
    await page.locator("#new-session-endDate").fill("2026-12-09");
    await page.locator("#new-session-capacity").fill("30");
    await page.locator("#new-session-opensDate").fill("2026-11-20");
    await page.locator("#new-session-closesDate").fill("2026-12-08");
    await page.getByRole("button", { name: "저장" }).click();
    await page.waitForURL(/\/staff\/events\/sessions\/(\w+)\?created=1$/);
    const sessionId = new URL(page.url()).pathname.split("/")[4]!;

    // residents see it in the agenda
    await page.goto(`/events?q=${encodeURIComponent(title)}`);
    const listed = page.locator("ol.agenda > li", { hasText: title });
    expect(await listed.count()).toBe(1);
    expect(await listed.textContent()).toContain("2026년 12월 9일 수요일");
    await listed.getByRole("link", { name: title }).click();
    await page.waitForURL(/\/events\/e2e-job-lecture-/);
    const slug = new URL(page.url()).pathname.split("/")[2]!;

    // a resident registers
    const resident = await residentWithBirthDate("events-staff", "행사 신청자");
    const registered = await postForm(
      `/events/${slug}`,
      { intent: "register", sessionId },
      resident.cookie,
    );
    expect(registered.status).toBe(302);

    // the administrator cancels the session: without the box ticked, nothing happens
    await page.goto(`/staff/events/sessions/${sessionId}`);
    expect(await page.getByText("행사 신청자").count()).toBe(1);
    await page.getByRole("button", { name: "회차 취소" }).click();
    await page.waitForLoadState();
    expect(await page.getByText("취소를 확인하려면 상자를 선택하세요.").count()).toBeGreaterThan(0);
    await page.getByLabel("네, 이 회차를 취소합니다").check();
    await page.getByRole("button", { name: "회차 취소" }).click();
    await page.waitForURL(/cancelled=1$/);
    expect(await page.getByRole("status").first().textContent()).toContain(
      "신청자 1명에게 알리고 있습니다",
    );

    const db = serverDatabase();
    const told = await db.notification.count({
      where: { residentId: resident.id, template: "event_cancelled" },
    });
    expect(told).toBe(1);

    await page.goto(`/events/${slug}`);
    expect(await page.locator("ol.agenda > li").first().textContent()).toContain("취소된 회차");
    await context.close();
  });
});
