// The booking journeys in Chromium against the production build: book, get the calendar file,
// move, cancel — with JavaScript and without; the labor consultation with consent; the staff
// reading a description; eligibility refusals; places left refreshing while the page is open.
// Every test books its own copy of a seeded service, with its own slots (ownService).
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  bookOverHttp,
  ownService,
  residentWithBirthDate,
  setServerClock,
  staffOf,
  useSession,
} from "./booking-support";
import {
  hydrated,
  launchBrowser,
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

const MOCK_INTERVIEW = "youth-center-mock-interview";

for (const javaScriptEnabled of [true, false]) {
  const [day, moveDay] = javaScriptEnabled
    ? ["2026-11-26", "2026-11-27"]
    : ["2026-11-30", "2026-12-01"];
  const [dayLabel, moveDayLabel] = javaScriptEnabled
    ? ["2026년 11월 26일 목요일", "2026년 11월 27일 금요일"]
    : ["2026년 11월 30일 월요일", "2026년 12월 1일 화요일"];

  describe(`booking journey (JavaScript ${javaScriptEnabled ? "on" : "off"})`, () => {
    it("chooses a day and a time, confirms, downloads the .ics, moves it, cancels it", async () => {
      const resident = await residentWithBirthDate(
        javaScriptEnabled ? "journey-js" : "journey-nojs",
      );
      const service = await ownService(MOCK_INTERVIEW, [
        { date: day, time: "14:00", minutes: 60 },
        { date: moveDay, time: "15:00", minutes: 60 },
      ]);
      const { context, page } = await newPage(browser, { javaScriptEnabled });
      await useSession(context, resident.cookie);

      await page.goto(`/book/${service.slug}`);
      if (javaScriptEnabled) await hydrated(page);
      expect(await page.getByRole("heading", { level: 1 }).textContent()).toBe(service.nameKo);
      await page.getByRole("link", { name: new RegExp(dayLabel) }).click();
      await page.waitForURL(new RegExp(`date=${day}`));
      await expect
        .poll(() => page.getByRole("heading", { level: 2, name: new RegExp(dayLabel) }).count())
        .toBe(1);
      await page.getByRole("link", { name: "이 시간 선택: 14:00–15:00" }).click();
      await page.waitForURL(new RegExp(`/book/${service.slug}/\\w+$`));
      await expect
        .poll(() => page.getByRole("heading", { level: 1 }).textContent())
        .toBe("예약 확인");
      expect(await page.getByText("1자리 중 1자리 남음").count()).toBe(1);
      if (javaScriptEnabled) await hydrated(page);
      await page.getByRole("button", { name: "예약 확정" }).click();

      await page.waitForURL(/\/bookings\/\w+\?confirmed=1$/);
      await expect
        .poll(() => page.getByRole("status").first().textContent())
        .toContain("예약이 확정되었습니다");
      expect(await page.getByText("예약 확정", { exact: true }).count()).toBe(1);
      const icsHref = await page
        .getByRole("link", { name: "캘린더에 추가 (.ics)" })
        .getAttribute("href");
      const ics = await page.request.get(icsHref!);
      expect(ics.headers()["content-type"]).toContain("text/calendar");
      expect(await ics.text()).toContain(`DTSTART:${day.replaceAll("-", "")}T050000Z`);

      // move it to another day, 15:00
      await page.getByRole("link", { name: "시간 변경" }).click();
      await page.waitForURL(/\/reschedule$/);
      if (javaScriptEnabled) await hydrated(page);
      await page.getByRole("link", { name: new RegExp(moveDayLabel) }).click();
      await page.waitForURL(new RegExp(`date=${moveDay}`));
      await expect
        .poll(() => page.getByRole("heading", { level: 2, name: new RegExp(moveDayLabel) }).count())
        .toBe(1);
      await page.getByRole("button", { name: "이 시간으로 변경: 15:00–16:00" }).click();
      await page.waitForURL(/\/bookings\/\w+\?rescheduled=1$/);
      await expect
        .poll(() => page.getByRole("status").first().textContent())
        .toBe("예약 시간을 변경했습니다.");
      expect(await page.getByText(/15:00–16:00/).count()).toBeGreaterThan(0);

      // cancel it, with a confirmation step
      await page.getByRole("link", { name: "예약 취소" }).click();
      await page.waitForURL(/\/cancel$/);
      await expect
        .poll(() => page.getByRole("heading", { level: 1 }).textContent())
        .toBe("예약 취소");
      await page.getByRole("button", { name: "예, 취소합니다" }).click();
      await page.waitForURL(/\?cancelled=1$/);
      await expect
        .poll(() => page.getByRole("status").first().textContent())
        .toBe("예약을 취소했습니다.");

      await page.goto("/bookings");
      expect(await page.getByText("다가오는 예약이 없습니다.").count()).toBe(1);
      expect(await page.getByText("취소됨").count()).toBe(1);
      expect(await page.getByText("시간 변경됨").count()).toBe(1);
      await context.close();
    });
  });
}

describe("labor-rights consultation (JavaScript off)", () => {
  it("center → topic → channel → time → description and consent; staff read it, audited", async () => {
    // a center of its own (a copy of the city's), so that /labor lists it beside the seeded ones
    const center = await ownService(
      "seoul-labor-rights-center-consultation",
      [{ date: "2026-12-07", time: "18:30", minutes: 60, channels: "phone,video" }],
      { ownPlace: true },
    );
    const worker = await signUpOverHttp(uniqueEmail("labor-worker"), "상담 신청 노동자");
    const { context, page } = await newPage(browser, { javaScriptEnabled: false });
    await useSession(context, worker.cookie);
    await page.goto("/labor");
    await page.getByLabel(center.placeNameKo, { exact: true }).check();
    await page.getByLabel("임금체불").check();
    await page.getByLabel("전화 상담").check();
    await page.getByRole("button", { name: "예약 가능한 시간 보기" }).click();
    await page.waitForURL(new RegExp(`center=${center.placeSlug}`));
    await page.getByRole("link", { name: /2026년 12월 7일 월요일/ }).click();
    await page.getByRole("link", { name: "이 시간 선택: 18:30–19:30" }).click();
    await page.waitForURL(/topic=unpaid_wages/);

    expect(await page.getByLabel("상담 주제").inputValue()).toBe("unpaid_wages");
    expect(await page.getByLabel("전화 상담").isChecked()).toBe(true);
    // phone and video only in the evening: no in-person choice
    expect(await page.getByLabel("방문 상담").count()).toBe(0);
    expect(await page.getByRole("heading", { name: "개인정보 처리 안내 (상담)" }).count()).toBe(1);
    const description = "편의점 아르바이트 석 달치 급여를 받지 못했습니다.";
    await page.getByLabel("어떤 문제인지 간단히 적어 주세요").fill(description);
    await page.getByRole("button", { name: "예약 확정" }).click();
    // without JavaScript the click is a page load: wait for the answer, not just the click
    await expect
      .poll(() =>
        page
          .locator(".field-errors")
          .getByText("상담 내용 처리에 동의해야 온라인으로 예약할 수 있습니다.")
          .count(),
      )
      .toBe(1);
    expect(await page.getByLabel("어떤 문제인지 간단히 적어 주세요").inputValue()).toBe(
      description,
    );
    await page.getByRole("checkbox", { name: /처리하는 데 동의합니다/ }).check();
    // the profile has no phone number: a phone consultation asks for it, keeping the rest
    await page.getByRole("button", { name: "예약 확정" }).click();
    await expect
      .poll(() =>
        page.locator(".field-errors").getByText("상담사가 전화할 번호를 넣어 주세요.").count(),
      )
      .toBe(1);
    expect(await page.getByLabel("어떤 문제인지 간단히 적어 주세요").inputValue()).toBe(
      description,
    );
    await page.getByLabel("상담사가 전화할 번호").fill("010-2345-6789");
    const consent = page.getByRole("checkbox", { name: /처리하는 데 동의합니다/ });
    if (!(await consent.isChecked())) await consent.check();
    await page.getByRole("button", { name: "예약 확정" }).click();
    await page.waitForURL(/\/bookings\/\w+\?confirmed=1$/);
    expect(await page.getByText(description).count()).toBe(1);
    const bookingId = new URL(page.url()).pathname.split("/")[2]!;
    await context.close();

    const staff = await newPage(browser, { javaScriptEnabled: true });
    await useSession(staff.context, (await staffOf(center.placeId)).cookie);
    await staff.page.goto("/staff/bookings?date=2026-12-07");
    const card = staff.page.getByRole("listitem").filter({ hasText: "상담 신청 노동자" }).last();
    await card.getByRole("link", { name: "상세" }).click();
    await staff.page.waitForURL(new RegExp(`/staff/bookings/${bookingId}`));
    expect(await staff.page.getByText(description).count()).toBe(0);
    await staff.page.getByRole("button", { name: "상담 내용 보기 (열람 기록이 남습니다)" }).click();
    await staff.page.waitForURL(/show=description/);
    // a client-side navigation: the URL may change before the page shows the new data
    await expect.poll(() => staff.page.getByText(description).count()).toBe(1);
    await staff.context.close();

    const reads = await serverDatabase().auditEvent.count({
      where: { action: "booking.description_read", subjectId: bookingId },
    });
    expect(reads).toBe(1);
  });
});

describe("before confirming", () => {
  it("says why a resident cannot book, in their language, and links to the profile", async () => {
    const resident = await signUpOverHttp(uniqueEmail("no-birthdate"));
    const service = await ownService(MOCK_INTERVIEW, [{ date: "2026-12-02", time: "20:00" }]);
    const { context, page } = await newPage(browser, { locale: "en-GB" });
    await useSession(context, resident.cookie);
    await page.goto(`/book/${service.slug}/${service.slotId("2026-12-02", "20:00")}`);
    await hydrated(page);
    expect(await page.getByText("You cannot book this service for now.").count()).toBe(1);
    expect(
      await page
        .getByText("There is an age condition: add your date of birth to your profile.")
        .count(),
    ).toBe(1);
    expect(await page.getByRole("link", { name: "Edit my profile" }).getAttribute("href")).toBe(
      "/account",
    );
    expect(await page.getByRole("button", { name: "Confirm booking" }).count()).toBe(0);
    await context.close();
  });

  it("after the cut-off, says whom to call instead of offering to cancel", async () => {
    const resident = await residentWithBirthDate("cutoff");
    const service = await ownService("youth-center-resume-clinic", [
      { date: "2026-11-25", time: "10:40" },
    ]);
    const slotId = service.slotId("2026-11-25", "10:40");
    const booked = await bookOverHttp(resident.cookie, service.slug, slotId);
    const bookingPath = booked.headers.get("location")!.split("?")[0]!;
    const { context, page } = await newPage(browser, { javaScriptEnabled: false });
    await useSession(context, resident.cookie);
    try {
      await setServerClock("2026-11-25T00:00:00.000Z"); // 09:00 in Seoul, 100 minutes before
      await page.goto(bookingPath);
      expect(await page.getByRole("link", { name: "예약 취소" }).count()).toBe(0);
      expect(
        await page.getByText(/취소하거나 바꾸려면 120 다산콜센터로 전화해 주세요/).count(),
      ).toBe(1);
    } finally {
      await setServerClock(null);
      await context.close();
    }
  });
});

describe("places left while the page is open (JavaScript on)", () => {
  it("refreshes by itself when someone else takes the last place", async () => {
    const service = await ownService("youth-center-photo", [
      { date: "2026-12-08", time: "13:00", minutes: 20 },
    ]);
    const slotId = service.slotId("2026-12-08", "13:00");
    const viewer = await residentWithBirthDate("viewer");
    const { context, page } = await newPage(browser);
    await useSession(context, viewer.cookie);
    // The page's timers run on Playwright's clock, which the test stops and then moves past the
    // 15-second poll instead of waiting for it (the requests the page then makes are real).
    await page.clock.install();
    await page.goto(`/book/${service.slug}?date=2026-12-08`);
    await hydrated(page);
    await page.clock.pauseAt(await page.evaluate(() => Date.now() + 1_000));
    const item = page.getByRole("listitem").filter({ hasText: "13:00–13:20" });
    expect(await item.textContent()).toContain("1자리 중 1자리 남음");
    const other = await residentWithBirthDate("faster");
    expect((await bookOverHttp(other.cookie, service.slug, slotId)).status).toBe(302);
    // nothing else refreshes the list: while the page's clock stands still, the count stays old
    await page.waitForTimeout(1_000);
    expect(await item.textContent()).toContain("1자리 중 1자리 남음");
    await page.clock.fastForward(15_000);
    await page.clock.resume();
    await expect.poll(() => item.textContent()).toContain("마감");
    expect(await item.getByRole("link", { name: "마감 · 대기 신청: 13:00–13:20" }).count()).toBe(1);
    // the change is announced with the time it is about, not as a bare "full"
    await expect
      .poll(() => page.locator(".time-list + [role=status]").textContent())
      .toBe("13:00–13:20: 마감");
    await context.close();
  });
});

describe("back office (JavaScript off)", () => {
  it("staff see the day's bookings with who booked, block a time, and the resident is told", async () => {
    const service = await ownService("youth-center-job-analysis", [
      { date: "2026-12-09", time: "13:00", minutes: 60 },
    ]);
    const resident = await residentWithBirthDate("blocked", "막힌 시간 예약자");
    const booked = await bookOverHttp(
      resident.cookie,
      service.slug,
      service.slotId("2026-12-09", "13:00"),
    );
    const bookingId = booked.headers.get("location")!.split("/")[2]!.split("?")[0]!;

    const { context, page } = await newPage(browser, { javaScriptEnabled: false });
    await page.goto("/login");
    await page.getByLabel("이메일").fill("staff.youth@seoul-portal.test");
    await page.getByLabel("비밀번호", { exact: true }).fill("staff-youth-2026");
    await page.getByRole("main").getByRole("button", { name: "로그인" }).click();
    await page.goto("/staff");
    await page.getByRole("link", { name: /오늘·이번 주 예약/ }).click();
    await page
      .getByLabel("서비스", { exact: true })
      .selectOption({ label: `서울시 청년일자리센터 · ${service.nameKo}` });
    await page.getByLabel("날짜", { exact: true }).fill("2026-12-09");
    await page.getByRole("button", { name: "보기", exact: true }).click();
    const card = page.getByRole("listitem").filter({ hasText: "13:00–14:00" }).first();
    expect(await card.textContent()).toContain("막힌 시간 예약자");
    await card.getByText("이 시간 막기").first().click();
    await card.getByLabel("막는 이유 (예약자에게 알림으로 보냅니다)").fill("상담사 교육");
    await card.getByRole("button", { name: "이 시간 막기" }).click();
    // without JavaScript the answer is a new page, read once it has fully arrived (it streams:
    // a read too early saw half of the sentence on the PostgreSQL lane)
    await expect
      .poll(() => page.getByRole("status").first().textContent())
      .toContain("예약 1건이 취소되었고");
    await context.close();

    const db = serverDatabase();
    const booking = await db.booking.findUniqueOrThrow({
      where: { id: bookingId },
      select: { status: true },
    });
    const message = await db.notification.findFirst({
      where: { residentId: resident.id, template: "slot_blocked" },
      select: { body: true },
    });
    expect(booking.status).toBe("cancelled");
    expect(message?.body).toContain("상담사 교육");
  });
});
