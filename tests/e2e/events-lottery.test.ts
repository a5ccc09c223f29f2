// A lottery session in Chromium against the production build, without JavaScript on a 320-pixel
// phone: a resident applies, the administrator runs the draw on the staff draw page once its
// time has come, and the resident (the only applicant, so a winner) confirms the seat.
// (The server's clock: Wednesday 25 November 2026, 02:00 in Seoul.)
import crypto from "node:crypto";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seoulInstant } from "~/domain/shared/seoul-time";
import { residentWithBirthDate, useSession } from "./booking-support";
import { launchBrowser, logInOverHttp, newPage, serverDatabase } from "./support";

let browser: Browser;
const ownPrograms: string[] = [];
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await serverDatabase().program.deleteMany({ where: { id: { in: ownPrograms } } });
});

describe("a lottery session (JavaScript off, 320 px)", () => {
  it("apply, draw on the staff page, confirm the won seat", async () => {
    const db = serverDatabase();
    const organization = await db.organization.findUniqueOrThrow({ where: { slug: "seoul-city" } });
    const slug = `e2e-lottery-${crypto.randomBytes(3).toString("hex")}`;
    const program = await db.program.create({
      data: {
        slug,
        kind: "mentoring",
        titleKo: "추첨 멘토링 (시험)",
        titleEn: "Lottery mentoring (test)",
        organizationId: organization.id,
        district: "jung",
        isSampleData: true,
        searchText: slug,
      },
    });
    ownPrograms.push(program.id);
    const session = await db.programSession.create({
      data: {
        programId: program.id,
        startsAt: seoulInstant("2026-12-08", "19:00"),
        endsAt: seoulInstant("2026-12-08", "21:00"),
        capacity: 5,
        registrationOpensAt: seoulInstant("2026-11-20", "09:00"),
        registrationClosesAt: seoulInstant("2026-11-27", "18:00"),
        allocation: "lottery",
        drawAt: seoulInstant("2026-11-28", "10:00"),
        confirmHours: 24,
      },
    });

    const resident = await residentWithBirthDate("events-lottery", "추첨 시민");
    const { context, page } = await newPage(browser, {
      javaScriptEnabled: false,
      viewport: { width: 320, height: 640 },
    });
    await useSession(context, resident.cookie);
    await page.goto(`/events/${slug}`);
    const card = page.locator(`#session-${session.id}`);
    expect(await card.textContent()).toContain("추첨으로 자리를 정합니다");
    expect(await page.getByText("취소 없이 참석하지 않은 적이 있으면").count()).toBe(1);
    await card.getByRole("button", { name: "추첨 신청하기" }).click();
    await page.waitForURL(/apply=/);
    expect(await page.getByRole("status").first().textContent()).toContain(
      "추첨 신청이 접수되었습니다",
    );
    expect(await page.locator(`#session-${session.id}`).textContent()).toContain(
      "추첨에 신청했습니다",
    );
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
      320,
    );

    // the draw time comes; the administrator runs the draw (unless the scheduler was first)
    await db.programSession.update({
      where: { id: session.id },
      data: { drawAt: seoulInstant("2026-11-25", "01:00") },
    });
    const admin = await newPage(browser, { javaScriptEnabled: false });
    await useSession(
      admin.context,
      await logInOverHttp("admin@seoul-portal.test", "admin-portal-2026"),
    );
    await admin.page.goto(`/staff/events/sessions/${session.id}/draw`);
    const run = admin.page.getByRole("button", { name: "지금 추첨하기" });
    if (await run.count()) {
      await run.click();
      await admin.page.waitForURL(/ran=1/);
    }
    const record = await db.programDraw.findUniqueOrThrow({ where: { sessionId: session.id } });
    expect(await admin.page.locator("code", { hasText: record.seed }).count()).toBe(1);
    expect(await admin.page.getByRole("cell", { name: "추첨 시민" }).count()).toBe(1);
    await admin.context.close();

    await page.goto(`/events/${slug}`);
    const won = page.locator(`#session-${session.id}`);
    expect(await won.textContent()).toContain("추첨에 당첨되었습니다");
    await won.getByRole("button", { name: "참가 확정하기" }).click();
    await page.waitForURL(/confirm=/);
    expect(await page.getByRole("status").first().textContent()).toContain("참가가 확정되었습니다");
    expect(await page.locator(`#session-${session.id}`).textContent()).toContain("신청했습니다.");
    expect(
      await db.programRegistration.count({
        where: { sessionId: session.id, status: "registered" },
      }),
    ).toBe(1);
    await context.close();
  });
});
