// The three core tasks, and the account pages that answer a form (a new password, a phone, where
// messages go), with the keyboard alone (Tab, Shift+Tab, arrows, Space, Enter; typing a
// web address is allowed), with JavaScript on, and where focus is after each move: on the new
// page's heading after a navigation, on the error summary or the confirmation after a form's answer
// (booking, applying, a new password, a phone code, message settings), and — after a
// filter, which keeps the page — where the person was. The server's clock is Wednesday 02:00.
import crypto from "node:crypto";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eligibleJobSeeker, ownService, useSession } from "./booking-support";
import {
  hydrated,
  launchBrowser,
  messageBody,
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

/** The focused element as a person would name it: tag, role-ish type, and its label or text. */
function focused(page: Page) {
  return page.evaluate(() => {
    const element = document.activeElement as HTMLElement | null;
    if (!element || element === document.body) return { tag: "body", name: "", type: "" };
    const labelled = element
      .getAttribute("aria-labelledby")
      ?.split(" ")
      .map((id) => document.getElementById(id)?.textContent ?? "")
      .join(" ");
    const name =
      element.getAttribute("aria-label") ??
      labelled ??
      (element as HTMLInputElement).labels?.[0]?.textContent ??
      element.textContent ??
      "";
    return {
      tag: element.tagName.toLowerCase(),
      name: name.replace(/\s+/g, " ").trim(),
      type: element.getAttribute("type") ?? "",
    };
  });
}

/** Presses Tab until the focused element's name matches (and its tag, if given). */
async function tabTo(page: Page, name: RegExp, tag?: string, limit = 120) {
  for (let presses = 0; presses < limit; presses += 1) {
    await page.keyboard.press("Tab");
    const now = await focused(page);
    if (name.test(now.name) && (!tag || now.tag === tag)) return now;
  }
  throw new Error(`Tab never reached ${name}`);
}

/** Arrow keys move the choice within a radio group; stops on the one named, and checks it. */
async function arrowTo(page: Page, name: RegExp, limit = 40) {
  for (let presses = 0; presses < limit; presses += 1) {
    if (name.test((await focused(page)).name)) {
      // Tab into a group with nothing chosen focuses its first radio without checking it
      await page.keyboard.press("Space");
      return;
    }
    await page.keyboard.press("ArrowDown");
  }
  throw new Error(`the arrows never reached ${name}`);
}

/** Focus is on the error summary: its name is its title. */
async function expectSummaryFocused(page: Page) {
  await expect.poll(async () => (await focused(page)).name).toMatch(/^입력한 내용을 확인해 주세요/);
}

async function expectHeadingFocused(page: Page, heading: RegExp) {
  await expect.poll(async () => (await focused(page)).tag).toBe("h1");
  expect((await focused(page)).name).toMatch(heading);
}

describe("keyboard only, JavaScript on", () => {
  it("finds a rest shelter open at 2 a.m. and its hours", async () => {
    const { context, page } = await newPage(browser, { viewport: { width: 1280, height: 900 } });
    await page.goto("/");
    await hydrated(page);
    await tabTo(page, /^노동자 쉼터$/, "a");
    await page.keyboard.press("Enter");
    await page.waitForURL(/\/shelters/);
    await expectHeadingFocused(page, /쉼터/);

    // "open now": a filter keeps the page, so focus stays on the chip — which now offers the way
    // back — and the count is announced
    await tabTo(page, /^지금 운영 중/, "a");
    await page.keyboard.press("Enter");
    await page.waitForURL(/open=now/);
    await expect
      .poll(async () => (await focused(page)).name)
      .toBe("운영 여부와 관계없이 모두 보기");
    const results = page.locator("[role=status]").filter({ hasText: /곳/ }).first();
    await expect.poll(() => results.textContent()).toMatch(/\d+곳/);

    // the first result: an open shelter
    const first = page.locator(".place-card").first();
    const firstName = (await first.locator("h2, h3").first().textContent())?.trim() ?? "";
    expect(await first.textContent()).toContain("운영 중");
    await tabTo(page, new RegExp(firstName.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")), "a");
    await page.keyboard.press("Enter");
    await page.waitForURL(/\/places\//);
    await expectHeadingFocused(page, new RegExp(firstName.slice(0, 6)));
    expect(await page.locator("main").textContent()).toContain("운영 중");
    await context.close();
  });

  it("applies to a posting and lands on the confirmation", async () => {
    const resident = await eligibleJobSeeker("keyboard-apply", "키보드 지원자");
    const { context, page } = await newPage(browser, { viewport: { width: 1280, height: 900 } });
    await useSession(context, resident.cookie);
    await page.goto("/jobs/new-deal-city-public-data");
    await hydrated(page);
    await tabTo(page, /^지원하기$/, "a");
    await page.keyboard.press("Enter");
    await page.waitForURL(/\/apply$/);
    await expectHeadingFocused(page, /지원/);

    // an empty answer first: the error summary takes focus, its link leads to the field
    await tabTo(page, /^지원서 제출$/, "button");
    await page.keyboard.press("Enter");
    await expect
      .poll(async () => (await focused(page)).name)
      .toMatch(/^입력한 내용을 확인해 주세요/);
    // the summary's first link says what is missing and is described by the field's label
    await page.keyboard.press("Tab");
    expect(await focused(page)).toMatchObject({ tag: "a" });
    const describedBy = await page.evaluate(
      () =>
        document.getElementById(document.activeElement?.getAttribute("aria-describedby") ?? "")
          ?.textContent,
    );
    expect(describedBy).toMatch(/^지원 동기/);
    await page.keyboard.press("Enter");
    expect(await focused(page)).toMatchObject({ tag: "textarea" });
    await page.keyboard.type("공공데이터를 정비하는 일을 해 보고 싶습니다.");
    await tabTo(page, /연락하는 데 동의합니다/, "input");
    await page.keyboard.press("Space");
    await tabTo(page, /^지원서 제출$/, "button");
    await page.keyboard.press("Enter");
    await page.waitForURL(/\/applications\/\w+\?submitted=1/);
    await expect.poll(async () => (await focused(page)).name).toMatch(/^지원서가 접수되었습니다\./);
    await context.close();
  });

  it("books a labor-rights consultation by phone and lands on the confirmation", async () => {
    const center = await ownService(
      "seoul-labor-rights-center-consultation",
      [{ date: "2026-12-07", time: "18:30", minutes: 60, channels: "phone,video" }],
      { ownPlace: true },
    );
    const worker = await signUpOverHttp(uniqueEmail("keyboard-labor"), "키보드 노동자");
    const { context, page } = await newPage(browser, { viewport: { width: 1280, height: 900 } });
    await useSession(context, worker.cookie);
    // the live places left arrive late, as on a slow phone: after the person has tabbed to a time
    await page.route(/\/assets\/refreshing-times-[\w-]+\.js$/, async (route) => {
      await new Promise((resolve) => setTimeout(resolve, 2_000));
      await route.continue();
    });
    await page.goto("/labor");
    await hydrated(page);

    // the center, the topic and the channel: radio groups, chosen with the arrows
    await tabTo(page, /./, "input");
    await arrowTo(page, new RegExp(center.placeNameKo));
    await tabTo(page, /./, "input");
    await arrowTo(page, /^임금체불/);
    await tabTo(page, /./, "input");
    await arrowTo(page, /^전화 상담/);
    await tabTo(page, /^예약 가능한 시간 보기$/, "button");
    await page.keyboard.press("Enter");
    await page.waitForURL(new RegExp(`center=${center.placeSlug}`));
    // the same page with the times below: focus stays on the button, Tab goes on to them
    expect(await focused(page)).toMatchObject({ tag: "button", name: "예약 가능한 시간 보기" });

    await tabTo(page, /2026년 12월 7일 월요일/, "a");
    await page.keyboard.press("Enter");
    await tabTo(page, /^이 시간 선택: 18:30–19:30/, "a");
    // the live places left take over the list without taking the focus from the chosen time (they
    // used to replace the list, and the focus went with it)
    await page.locator('[data-live="on"]').waitFor({ state: "attached" });
    expect(await focused(page)).toMatchObject({ tag: "a", name: "이 시간 선택: 18:30–19:30" });
    await page.keyboard.press("Enter");
    // the time's own page (the /labor address has the topic too)
    await page.waitForURL(/\/book\/[^?]+\?.*topic=unpaid_wages/);
    await expectHeadingFocused(page, /./);

    await tabTo(page, /어떤 문제인지 간단히 적어 주세요/, "textarea");
    await page.keyboard.type("석 달치 급여를 받지 못했습니다.");
    await tabTo(page, /상담사가 전화할 번호/, "input");
    await page.keyboard.type("010-2345-6789");
    await tabTo(page, /처리하는 데 동의합니다/, "input");
    await page.keyboard.press("Space");
    await tabTo(page, /^예약 확정$/, "button");
    await page.keyboard.press("Enter");
    await page.waitForURL(/\/bookings\/\w+\?confirmed=1$/);
    await expect.poll(async () => (await focused(page)).tag).toBe("p");
    expect((await focused(page)).name).toMatch(/예약/);
    await context.close();
  });

  it("asks for a new password and lands on the confirmation", async () => {
    const { context, page } = await newPage(browser, { viewport: { width: 1280, height: 900 } });
    await page.goto("/forgot-password");
    await hydrated(page);
    // Enter on the empty field: the error summary takes focus, its link leads back to the field
    await tabTo(page, /^이메일$/, "input");
    await page.keyboard.press("Enter");
    await expectSummaryFocused(page);
    await page.keyboard.press("Tab");
    expect(await focused(page)).toMatchObject({ tag: "a" });
    await page.keyboard.press("Enter");
    expect(await focused(page)).toMatchObject({ tag: "input", name: "이메일" });
    await page.keyboard.type(uniqueEmail("keyboard-forgot"));
    await page.keyboard.press("Enter");
    await expect
      .poll(async () => (await focused(page)).name)
      .toMatch(/\(으\)로 가입된 계정이 있다면 새 비밀번호를 정하는 링크를 보냈습니다/);
    expect((await focused(page)).tag).toBe("p");
    await context.close();
  });

  it("verifies a phone: the number, a wrong code, the right code, each answer focused", async () => {
    const resident = await signUpOverHttp(uniqueEmail("keyboard-phone"), "키보드 문자");
    const digits = String(crypto.randomInt(10_000_000, 100_000_000));
    const { context, page } = await newPage(browser, { viewport: { width: 1280, height: 900 } });
    await useSession(context, resident.cookie);
    await page.goto("/account/phone");
    await hydrated(page);

    await tabTo(page, /^휴대전화 번호$/, "input");
    await page.keyboard.type(`010-${digits.slice(0, 4)}-${digits.slice(4)}`);
    await page.keyboard.press("Enter");
    await expect
      .poll(async () => (await focused(page)).name)
      .toMatch(new RegExp(`^010-\\*{4}-${digits.slice(4)}\\(으\\)로 인증번호를 보냈습니다`));

    const code = /\b(\d{6})\b/.exec(await messageBody(resident.id, "phone_code"))![1]!;
    await tabTo(page, /^인증번호$/, "input");
    await page.keyboard.type(code === "000000" ? "111111" : "000000");
    await page.keyboard.press("Enter");
    await expectSummaryFocused(page);
    // the summary's link says the code is wrong and leads back to the field
    await page.keyboard.press("Tab");
    expect(await focused(page)).toMatchObject({
      tag: "a",
      name: expect.stringMatching(/^인증번호가 맞지 않습니다/),
    });
    await page.keyboard.press("Enter");
    expect(await focused(page)).toMatchObject({ tag: "input", name: "인증번호" });
    await page.keyboard.press("ControlOrMeta+A");
    await page.keyboard.type(code);
    await page.keyboard.press("Enter");
    await page.waitForURL(/\/account\/phone\?verified=1$/);
    await expect
      .poll(async () => (await focused(page)).name)
      .toMatch(new RegExp(`^휴대전화 010-\\*{4}-${digits.slice(4)} 인증이 끝났습니다`));
    await context.close();
  });

  it("chooses where messages go: texts need a verified phone, e-mail is saved", async () => {
    const resident = await signUpOverHttp(uniqueEmail("keyboard-messages"), "키보드 알림");
    const { context, page } = await newPage(browser, { viewport: { width: 1280, height: 900 } });
    await useSession(context, resident.cookie);
    await page.goto("/account/messages");
    await hydrated(page);

    // the channels: a radio group, chosen with the arrows; texts without a verified phone are refused
    await tabTo(page, /^이메일만$/, "input");
    await arrowTo(page, /^문자\(카카오톡 알림톡\)만$/);
    await tabTo(page, /^저장$/, "button");
    await page.keyboard.press("Enter");
    await expectSummaryFocused(page);
    await page.keyboard.press("Tab");
    expect(await focused(page)).toMatchObject({
      tag: "a",
      name: "문자로 받으려면 먼저 휴대전화 번호를 인증하세요.",
    });

    await tabTo(page, /^문자\(카카오톡 알림톡\)만$/, "input");
    await arrowTo(page, /^이메일만$/);
    await tabTo(page, /^저장$/, "button");
    await page.keyboard.press("Enter");
    await expect.poll(async () => (await focused(page)).name).toBe("알림 설정을 저장했습니다.");
    expect((await focused(page)).tag).toBe("p");
    await context.close();
  });
});

/** The focused element shows where it is: the site's focus ring (an outline of 2 px or more). */
async function expectVisibleFocus(page: Page) {
  const ring = await page.evaluate(() => {
    const style = getComputedStyle(document.activeElement!);
    return { style: style.outlineStyle, width: parseFloat(style.outlineWidth) };
  });
  expect(ring.style).not.toBe("none");
  expect(ring.width).toBeGreaterThanOrEqual(2);
}

/** Tab to the element, and check that focus on it is visible. */
async function tabToVisibly(page: Page, name: RegExp, tag?: string) {
  const reached = await tabTo(page, name, tag);
  await expectVisibleFocus(page);
  return reached;
}

describe("keyboard only (Tab, Enter and Space; typing into fields), focus always visible", () => {
  it("registers for an event session on its page", async () => {
    const resident = await signUpOverHttp(uniqueEmail("keyboard-event"), "키보드 참가자");
    const { context, page } = await newPage(browser, { viewport: { width: 1280, height: 900 } });
    await useSession(context, resident.cookie);
    // an online lecture open to everyone (no eligibility rule): the first session's button
    await page.goto("/events/new-deal-online-job-lectures");
    await hydrated(page);
    await tabToVisibly(page, /^신청하기$/, "button");
    await page.keyboard.press("Enter");
    await page.waitForURL(/registered=/);
    // the confirmation takes focus, and the session now offers its cancellation
    await expect.poll(async () => (await focused(page)).name).toMatch(/^신청했습니다\./);
    await tabToVisibly(page, /^신청 취소$/, "button");
    await context.close();
  });

  it("asks a labor-rights center a question without an account, from /labor", async () => {
    const { context, page } = await newPage(browser, { viewport: { width: 1280, height: 900 } });
    await page.goto("/labor");
    await hydrated(page);
    await tabToVisibly(page, /^계정이 없나요\? 노동권익센터에 질문하기$/, "a");
    await page.keyboard.press("Enter");
    await page.waitForURL(/\/labor\/ask$/);
    await expectHeadingFocused(page, /^노동권익센터에 질문하기$/);

    // Tab into a group with nothing chosen focuses its first choice; Space chooses it
    await tabToVisibly(page, /^임금체불$/, "input");
    await page.keyboard.press("Space");
    await tabToVisibly(page, /^어떤 일이 있었나요\?/, "textarea");
    await page.keyboard.type("편의점에서 두 달 동안 일했는데 월급을 받지 못했습니다.");
    await tabToVisibly(page, /^전화나 문자로 연락$/, "input");
    await page.keyboard.press("Space");
    await tabToVisibly(page, /전화번호|휴대전화/, "input");
    await page.keyboard.type("010-3456-7890");
    // the city's center is chosen already: Tab passes its group on to the consent
    await tabToVisibly(page, /제 질문과 연락처를 보는 것에 동의합니다/, "input");
    await page.keyboard.press("Space");
    expect(await page.getByLabel(/제 질문과 연락처를 보는 것에 동의합니다/).isChecked()).toBe(true);
    // a person takes a few seconds; a form sent back at once is a script's
    await page.waitForTimeout(3_200);
    await tabToVisibly(page, /^질문 보내기$/, "button");
    await page.keyboard.press("Enter");
    await page.waitForLoadState("load");
    await expect
      .poll(() => page.getByRole("heading", { level: 1 }).textContent())
      .toBe("질문을 보냈습니다");
    // the code and passphrase take focus: what to write down now
    await expect.poll(async () => (await focused(page)).name).toMatch(/사건 코드/);
    await tabToVisibly(page, /^\/labor\/ask\/[2-9A-Z]{4}-[2-9A-Z]{4}$/, "a");
    await context.close();
  });
});
