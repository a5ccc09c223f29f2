// Asking a labor-rights center without an account, in Chromium against the production build,
// without JavaScript on a 320-pixel phone (decision 0025): a worker (in English) finds the form
// from /labor, sends it empty and is told what is missing, asks, gets a case code and passphrase;
// the center's staff (in Korean) see that the question was asked in English and answer it; the
// worker reads the answer with the passphrase, after a wrong one is refused. The issue's own
// journey follows in Vietnamese, Chinese and Korean: a worker asks, leaves no contact, and later
// reads the staff answer.
import fs from "node:fs";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { useSession } from "./booking-support";
import { launchBrowser, logInOverHttp, newPage, serverDatabase } from "./support";

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const PHONE = { javaScriptEnabled: false, viewport: { width: 320, height: 640 } } as const;
const QUESTION = "My employer has not paid me for two months at a convenience store.";
const ANSWER = "임금체불 진정을 도와드릴 수 있습니다. 근로계약서와 급여 내역을 준비해 주세요.";

async function fitsThePhone(page: Page) {
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
}

describe("asking a labor-rights center without an account (JavaScript off, 320 px)", () => {
  it("asks, gets a code and passphrase, staff answer, the worker reads the answer", async () => {
    const asker = await newPage(browser, { ...PHONE, locale: "en-US" });
    const page = asker.page;
    await page.goto("/labor");
    await page
      .getByRole("link", { name: "No account? Ask a labor-rights center a question" })
      .click();
    await page.waitForURL(/\/labor\/ask$/);
    expect(await page.getByRole("heading", { level: 1 }).textContent()).toBe(
      "Ask a labor-rights center",
    );
    await fitsThePhone(page);

    // sent empty: what is missing, in a summary, and nothing is written
    const before = await serverDatabase().laborQuestion.count();
    await page.getByRole("button", { name: "Send my question" }).click();
    await page.waitForLoadState("load");
    const summary = page.locator(".error-summary");
    expect(await summary.textContent()).toContain("Write what happened.");
    expect(await summary.textContent()).toContain("Choose what your question is about.");
    expect(await serverDatabase().laborQuestion.count()).toBe(before);

    await page.getByLabel("Unpaid wages", { exact: true }).check();
    await page.getByLabel("What happened?").fill(QUESTION);
    await page.getByLabel("E-mail me").check();
    await page.getByLabel("E-mail address").fill("worker-ask@example.test");
    // the city's center is chosen already
    expect(await page.getByLabel("Seoul Labor Rights Center").isChecked()).toBe(true);
    await page.getByLabel(/I agree that the center may read/).check();
    // a person takes a few seconds; a form sent back at once is a script's
    await page.waitForTimeout(3_200);
    await page.getByRole("button", { name: "Send my question" }).click();
    await page.waitForLoadState("load");
    expect(await page.getByRole("heading", { level: 1 }).textContent()).toBe(
      "Your question has been sent",
    );
    const code = (await page.getByTestId("case-code").textContent())!.trim();
    const passphrase = (await page.getByTestId("passphrase").textContent())!.trim();
    expect(code).toMatch(/^[2-9A-Z]{4}-[2-9A-Z]{4}$/);
    expect(passphrase).toMatch(/^[2-9A-Z]{4}-[2-9A-Z]{4}-[2-9A-Z]{4}$/);
    await fitsThePhone(page);

    // the center's staff, in Korean: the queue, the question, the language hint, the answer
    const staff = await newPage(browser, PHONE);
    await useSession(
      staff.context,
      await logInOverHttp("staff.labor@seoul-portal.test", "staff-labor-2026"),
    );
    await staff.page.goto("/staff/labor/questions");
    await fitsThePhone(staff.page);
    await staff.page.getByRole("link", { name: `${code} 열기` }).click();
    await staff.page.waitForURL(/\/staff\/labor\/questions\/\w+$/);
    expect(await staff.page.locator(".message-body").textContent()).toBe(QUESTION);
    expect(await staff.page.getByTestId("language-hint").textContent()).toContain("영어로");
    expect(await staff.page.getByText("worker-ask@example.test").count()).toBe(1);
    await staff.page.getByLabel("답변 내용").fill(ANSWER);
    await staff.page.getByLabel("이 센터에서 상담을 예약하도록 권하기").check();
    await staff.page.getByRole("button", { name: "답변 올리기" }).click();
    await staff.page.waitForURL(/posted=1/);
    expect(await staff.page.getByRole("status").first().textContent()).toContain(
      "답변을 올렸습니다.",
    );
    await fitsThePhone(staff.page);
    await staff.context.close();

    // the worker is told an answer waits, in English, without what it says
    const notice = await serverDatabase().notification.findFirstOrThrow({
      where: { template: "labor_answer_ready", toAddress: "worker-ask@example.test" },
      orderBy: { createdAt: "desc" },
    });
    expect(notice.locale).toBe("en");
    expect(notice.body).toContain(code);
    expect(notice.body).not.toContain("임금체불");

    // a wrong passphrase, then the right one
    await page.getByRole("link", { name: "Go to my question" }).click();
    await page.waitForURL(new RegExp(`/labor/ask/${code}$`));
    await page.getByLabel("Passphrase").fill("AAAA-BBBB-CCCC");
    await page.getByRole("button", { name: "Show my question" }).click();
    await page.waitForLoadState("load");
    expect(await page.locator(".error-summary").textContent()).toContain(
      "That code and passphrase do not match.",
    );
    await page.getByLabel("Passphrase").fill(passphrase);
    await page.getByRole("button", { name: "Show my question" }).click();
    await page.waitForLoadState("load");
    expect(await page.getByTestId("question-status").textContent()).toBe("Answered");
    expect(await page.getByTestId("answer").textContent()).toBe(ANSWER);
    expect(await page.getByRole("link", { name: "Book a consultation" }).getAttribute("href")).toBe(
      "/labor?center=seoul-labor-rights-center&topic=unpaid_wages",
    );
    await fitsThePhone(page);
    await asker.context.close();
  });

  // The issue's own journey, in each language but English (above): the page speaks the
  // browser's language, staff see which language it was asked in.
  const JOURNEYS = [
    {
      language: "vi",
      browserLocale: "vi-VN",
      question:
        "Chủ quán không trả lương cho tôi hai tháng nay. Tôi làm ca đêm ở cửa hàng tiện lợi.",
      answer: "임금체불 진정을 도와드릴 수 있습니다. Chúng tôi có thể giúp bạn nộp đơn.",
    },
    {
      language: "zh",
      browserLocale: "zh-CN",
      question: "老板已经两个月没有给我发工资了。我在便利店上夜班。",
      answer: "임금체불 진정을 도와드릴 수 있습니다. 我们可以帮您提出申诉。",
    },
    {
      language: "ko",
      browserLocale: "ko-KR",
      question: "편의점 사장님이 두 달째 월급을 주지 않습니다. 야간에 일하고 있습니다.",
      answer: "임금체불 진정을 도와드릴 수 있습니다. 근로계약서를 준비해 주세요.",
    },
  ] as const;

  for (const { language, browserLocale, question, answer } of JOURNEYS) {
    it(`in ${language}: asks without leaving a contact, gets a code, and later reads the staff answer`, async () => {
      const texts = JSON.parse(fs.readFileSync(`locales/${language}/labor.json`, "utf8")).ask;
      const ko = JSON.parse(fs.readFileSync("locales/ko/labor.json", "utf8")).ask;

      // the browser asks for the language: the form speaks it
      const asker = await newPage(browser, { ...PHONE, locale: browserLocale });
      const page = asker.page;
      await page.goto("/labor/ask");
      expect(await page.locator("html").getAttribute("lang")).toBe(language);
      expect(await page.getByRole("heading", { level: 1 }).textContent()).toBe(texts.title);
      // each group of centers in the order of the names this page shows, in its language
      const collator = new Intl.Collator(browserLocale);
      for (const group of await page.locator(".radio-subgroup").all()) {
        const names = (await group.locator("label").allTextContents()).map((n) => n.trim());
        expect(names).toEqual([...names].sort(collator.compare));
      }
      await page.getByLabel(texts.topics.unpaid_wages, { exact: true }).check();
      await page.getByLabel(texts.question, { exact: true }).fill(question);
      await page.getByLabel(texts.contactKinds.none, { exact: true }).check();
      await page.getByLabel(texts.consent, { exact: true }).check();
      await page.waitForTimeout(3_200);
      await page.getByRole("button", { name: texts.send }).click();
      await page.waitForLoadState("load");
      expect(await page.getByRole("heading", { level: 1 }).textContent()).toBe(
        texts.received.title,
      );
      const code = (await page.getByTestId("case-code").textContent())!.trim();
      const passphrase = (await page.getByTestId("passphrase").textContent())!.trim();
      await fitsThePhone(page);
      await asker.context.close();

      // staff see which language it was asked in, and answer
      const staff = await newPage(browser, PHONE);
      await useSession(
        staff.context,
        await logInOverHttp("staff.labor@seoul-portal.test", "staff-labor-2026"),
      );
      await staff.page.goto("/staff/labor/questions");
      await staff.page.getByRole("link", { name: `${code} 열기` }).click();
      await staff.page.waitForURL(/\/staff\/labor\/questions\/\w+$/);
      expect(await staff.page.locator(".message-body").textContent()).toBe(question);
      expect(await staff.page.getByTestId("language-hint").textContent()).toContain(
        ko.staff.languages[language],
      );
      await staff.page.getByLabel("답변 내용").fill(answer);
      await staff.page.getByRole("button", { name: "답변 올리기" }).click();
      await staff.page.waitForURL(/posted=1/);
      await staff.context.close();

      // later, on another visit, the worker reads the answer with the code and passphrase
      const later = await newPage(browser, { ...PHONE, locale: browserLocale });
      await later.page.goto(`/labor/ask/${code}`);
      await later.page.getByLabel(texts.read.passphrase, { exact: true }).fill(passphrase);
      await later.page.getByRole("button", { name: texts.read.submit }).click();
      await later.page.waitForLoadState("load");
      expect(await later.page.getByTestId("question-status").textContent()).toBe(
        texts.read.statuses.answered,
      );
      expect(await later.page.getByTestId("answer").textContent()).toBe(answer);
      await fitsThePhone(later.page);
      await later.context.close();
    });
  }
});
