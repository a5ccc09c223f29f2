// The staff desk in Chromium (issue 13): a decision on an applicant is confirmed first and can be
// undone until the applicant is told (JavaScript on and off); "full" is said once; the bookings
// of a place are one day across its services, on a 320 px phone; a booking is moved and cancelled
// for a resident who phones in.
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  hydrated,
  launchBrowser,
  logInOverHttp,
  newPage,
  serverDatabase,
  uniqueEmail,
} from "./support";
import {
  bookOverHttp,
  ownService,
  residentWithBirthDate,
  staffOf,
  useSession,
} from "./booking-support";

const JOBS_STAFF = { email: "staff.jobs@seoul-portal.test", password: "staff-jobs-2026" };

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

async function go(page: Page, path: string, javaScriptEnabled: boolean) {
  await page.goto(path);
  if (javaScriptEnabled) await hydrated(page);
}

/** A posting of the city (the jobs staff's organisation), open at the e2e clock, with applicants. */
async function postingWithApplicants(tag: string, positions: number, names: string[]) {
  const db = serverDatabase();
  const org = await db.organization.findUniqueOrThrow({ where: { slug: "seoul-city" } });
  const template = await db.posting.findFirstOrThrow({
    where: { organizationId: org.id, roundId: null, status: "published" },
    orderBy: { slug: "asc" },
  });
  const posting = await db.posting.create({
    data: {
      ...template,
      id: undefined,
      slug: `staff-desk-${tag}`,
      titleKo: `창구 시험 공고 ${tag}`,
      titleEn: `Desk test posting ${tag}`,
      positions,
      selectedCount: 0,
      lastWaitlistRank: 0,
      // open around the e2e clock (Wed 25 Nov 2026): the confirmation must say so
      applicationOpensAt: new Date("2026-11-20T00:00:00Z"),
      applicationClosesAt: new Date("2026-12-04T09:00:00Z"),
      createdAt: undefined,
      updatedAt: undefined,
    },
  });
  const applications: string[] = [];
  for (const name of names) {
    const resident = await db.resident.create({
      data: { email: uniqueEmail("desk-applicant"), name },
    });
    const application = await db.application.create({
      data: { residentId: resident.id, postingId: posting.id, profileSnapshot: "{}" },
    });
    await db.applicationStatusChange.create({
      data: { applicationId: application.id, status: "submitted", byId: resident.id },
    });
    applications.push(application.id);
  }
  return { posting, applications };
}

const statusOf = (id: string) =>
  serverDatabase().application.findUniqueOrThrow({ where: { id }, select: { status: true } });

for (const javaScriptEnabled of [true, false]) {
  describe(`deciding on an applicant (JavaScript ${javaScriptEnabled ? "on" : "off"})`, () => {
    it("asks before selecting, says applications are still open, and can undo until the applicant is told", async () => {
      const tag = `${Date.now().toString(36)}${javaScriptEnabled ? "j" : "n"}`;
      const name = `결정 대상 ${tag}`;
      const { posting, applications } = await postingWithApplicants(tag, 2, [name]);
      const [applicationId] = applications;
      const { context, page } = await newPage(browser, { javaScriptEnabled });
      await useSession(context, await logInOverHttp(JOBS_STAFF.email, JOBS_STAFF.password));
      const list = `/staff/postings/${posting.id}/applicants`;
      await go(page, list, javaScriptEnabled);
      const card = () => page.locator(".applicant-card").filter({ hasText: name });

      // one click only asks
      await card().getByRole("button", { name: "선정", exact: true }).click();
      const question = page.getByRole("heading", {
        name: `${name} 님을 ‘창구 시험 공고 ${tag}’에 선정할까요?`,
      });
      await question.waitFor();
      expect(await page.getByText("아직 지원을 받는 중입니다.").count()).toBe(1);
      expect(await page.getByText("남은 2자리 중 한 자리를 채웁니다(모집 2명).").count()).toBe(1);
      if (javaScriptEnabled) {
        // the question takes the focus, so that it is read out
        await expect
          .poll(() => page.evaluate(() => document.activeElement?.id))
          .toBe("decision-confirm-title");
      }
      expect(await statusOf(applicationId!)).toEqual({ status: "submitted" });

      // "No" goes back to the list, deciding nothing
      await page.getByRole("link", { name: "아니요, 목록으로 돌아가기" }).click();
      await card().waitFor();
      expect(await question.count()).toBe(0);
      expect(await statusOf(applicationId!)).toEqual({ status: "submitted" });

      // confirmed: selected, the message waits, Undo is offered
      await card().getByRole("button", { name: "선정", exact: true }).click();
      await page.getByRole("button", { name: "네, 선정합니다" }).click();
      await expect
        .poll(() => page.getByRole("status").first().textContent())
        .toContain("선정했습니다.");
      expect(await statusOf(applicationId!)).toEqual({ status: "selected" });
      const db = serverDatabase();
      const message = await db.notification.findFirstOrThrow({
        where: { template: "application_selected", resident: { name } },
        select: { status: true, sendAfter: true },
      });
      expect(message.status).toBe("pending");
      expect(message.sendAfter.toISOString()).toBe("2026-11-24T17:10:00.000Z");
      expect(await page.getByText(/02:10에 이메일로 알립니다/).count()).toBe(1);

      await page.getByRole("button", { name: `${name} 님 선정 되돌리기` }).click();
      await expect
        .poll(() => page.getByRole("status").first().textContent())
        .toContain("되돌렸습니다.");
      expect(await statusOf(applicationId!)).toEqual({ status: "submitted" });
      expect(
        (await db.posting.findUniqueOrThrow({ where: { id: posting.id } })).selectedCount,
      ).toBe(0);
      expect(
        (
          await db.notification.findFirstOrThrow({
            where: { template: "application_selected", resident: { name } },
            select: { status: true },
          })
        ).status,
      ).toBe("cancelled");
      expect(
        await db.auditEvent.count({
          where: {
            subjectId: applicationId,
            action: { in: ["application.select", "application.undo"] },
          },
        }),
      ).toBe(2);
      await context.close();
    });
  });
}

describe("a posting with every place taken", () => {
  it("offers no Select and says 'full' once, even from a stale confirmation link", async () => {
    const tag = Date.now().toString(36);
    const { posting, applications } = await postingWithApplicants(tag, 1, [
      `첫 지원자 ${tag}`,
      `둘째 지원자 ${tag}`,
    ]);
    const [first, second] = applications;
    const { context, page } = await newPage(browser, { javaScriptEnabled: false });
    await useSession(context, await logInOverHttp(JOBS_STAFF.email, JOBS_STAFF.password));
    const list = `/staff/postings/${posting.id}/applicants`;
    // a confirmation link opened before the last place went
    const staleLink = `${list}?confirm=${second}&decision=select`;
    await page.goto(`${list}?confirm=${first}&decision=select`);
    await page.getByRole("button", { name: "네, 선정합니다" }).click();
    await page.waitForURL(/decided=selected/);

    const quota = page.getByText(/모집 인원.*찼습니다/);
    expect(await quota.count()).toBe(1);
    const secondCard = page.getByRole("listitem").filter({ hasText: `둘째 지원자 ${tag}` });
    expect(await secondCard.getByRole("button", { name: "선정", exact: true }).count()).toBe(0);
    expect(await secondCard.getByRole("button", { name: "예비 선정(대기)" }).count()).toBe(1);

    await page.goto(staleLink);
    expect(await quota.count()).toBe(1);
    expect(await page.getByRole("alert").count()).toBe(1);
    expect(await page.getByRole("button", { name: "네, 선정합니다" }).count()).toBe(0);
    expect(await page.getByText("선정했습니다.").count()).toBe(0);
    expect(await statusOf(second!)).toEqual({ status: "submitted" });
    await context.close();
  });
});

describe("the staff day and a resident on the phone", () => {
  it("shows the day across services on a 320 px phone, then moves and cancels for the caller", async () => {
    const first = await ownService(
      "youth-center-counseling",
      [
        { date: "2026-12-03", time: "10:00" },
        { date: "2026-12-03", time: "11:00" },
      ],
      { ownPlace: true },
    );
    const second = await ownService(
      "youth-center-mock-interview",
      [
        { date: "2026-12-03", time: "10:00" },
        { date: "2026-12-03", time: "15:00" },
      ],
      { placeId: first.placeId },
    );
    const caller = await residentWithBirthDate("desk-caller", "전화 예약자");
    const booked = await bookOverHttp(
      caller.cookie,
      second.slug,
      second.slotId("2026-12-03", "10:00"),
    );
    expect(booked.status).toBe(302);
    const bookingId = booked.headers.get("location")!.split("/")[2]!.split("?")[0]!;

    const staff = await staffOf(first.placeId, "창구 직원");
    const { context, page } = await newPage(browser, {
      javaScriptEnabled: true,
      viewport: { width: 320, height: 640 },
    });
    await useSession(context, staff.cookie);
    await go(page, "/staff/bookings?date=2026-12-03", true);
    // both services, by time: 10:00 holds both
    const ten = page.getByRole("region", { name: /10:00/ });
    expect(await ten.getByRole("heading", { name: new RegExp(first.nameKo) }).count()).toBe(1);
    expect(await ten.getByRole("heading", { name: new RegExp(second.nameKo) }).count()).toBe(1);
    expect(await page.getByText("전화 예약자").count()).toBe(1);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
      320,
    );

    // narrowed to one service with the filter form (the old address still works)
    await page
      .getByLabel("서비스", { exact: true })
      .selectOption({ label: `${first.placeNameKo} · ${first.nameKo}` });
    await page.getByRole("button", { name: "보기" }).click();
    await page.waitForURL(new RegExp(`service=${first.id}`));
    await expect.poll(() => page.getByText("전화 예약자").count()).toBe(0);
    await go(page, `/staff/bookings?service=${second.id}&date=2026-12-03&view=day`, true);
    expect(await page.getByText("전화 예약자").count()).toBe(1);

    // the caller wants 15:00 instead
    await page.getByRole("link", { name: "전화 예약자 님 예약 시간 변경" }).click();
    await page.getByRole("heading", { name: "전화 예약자 님의 예약 시간 변경" }).waitFor();
    await page
      .getByRole("link", { name: /12월 3일/ })
      .first()
      .click();
    await page.getByRole("link", { name: /이 시간으로 변경.*15:00/ }).click();
    await page.getByRole("heading", { name: /15:00.*\(으\)로 옮길까요\?/ }).waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
      320,
    );
    await page.getByRole("button", { name: "네, 옮깁니다" }).click();
    await page.waitForURL(/\?moved=1$/);
    const movedId = new URL(page.url()).pathname.split("/")[3]!;
    await expect.poll(() => page.getByRole("status").first().textContent()).toContain("옮겼습니다");
    const db = serverDatabase();
    expect(await db.booking.findUniqueOrThrow({ where: { id: movedId } })).toMatchObject({
      status: "confirmed",
      rescheduledFromId: bookingId,
      slotId: second.slotId("2026-12-03", "15:00"),
    });

    // and then calls back to cancel
    await page.getByRole("link", { name: "예약 취소하기" }).click();
    await page.getByRole("heading", { name: "전화 예약자 님의 예약을 취소할까요?" }).waitFor();
    await page.getByRole("button", { name: "네, 예약을 취소합니다" }).click();
    await expect
      .poll(() => page.locator(".field-errors").getByText("취소 사유를 골라 주세요.").count())
      .toBe(1);
    expect((await db.booking.findUniqueOrThrow({ where: { id: movedId } })).status).toBe(
      "confirmed",
    );
    await page.getByLabel("예약자가 요청함(전화·방문)").check();
    await page.getByRole("button", { name: "네, 예약을 취소합니다" }).click();
    await page.waitForURL(/\?cancelled=1$/);
    expect((await db.booking.findUniqueOrThrow({ where: { id: movedId } })).status).toBe(
      "cancelled",
    );
    expect(
      await db.notification.count({
        where: {
          residentId: caller.id,
          template: { in: ["booking_rescheduled", "booking_cancelled"] },
        },
      }),
    ).toBe(2);
    await context.close();
  });
});
