// A calculator's result, printed and carried into a consultation, in a real browser against the
// production build (clock: Wednesday 25 November 2026, 02:00 in Seoul). Printed, the page shows
// only the calculator that answered: its inputs, its result and the date, without the site's
// header, the forms or the other calculators. The "Print or save as PDF" button is a real button
// that exists only once JavaScript runs (without it, the hint says to use the browser's print);
// "book about this result" carries the result, bounded, through /labor to the booking form.
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hydrated, launchBrowser, newPage } from "./support";

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const RESULT = "/labor/calculators?calc=unpaid&hourlyWage=10320&weeklyHours=20&weeks=4&paid=500000";

describe("a calculator's result", () => {
  it("prints its inputs, result and date only; the print button needs JavaScript", async () => {
    for (const javaScriptEnabled of [false, true]) {
      const { context, page } = await newPage(browser, { javaScriptEnabled });
      try {
        await page.goto(RESULT);
        if (javaScriptEnabled) await hydrated(page);
        const answer = page.getByRole("region", { name: "계산 결과" });
        expect(await answer.textContent()).toContain("490,720");
        expect(await answer.textContent()).toContain("2026년 11월 25일");
        const print = page.getByRole("button", { name: "인쇄 또는 PDF로 저장" });
        expect(await print.count()).toBe(javaScriptEnabled ? 1 : 0);

        await page.emulateMedia({ media: "print" });
        const visible = (selector: string) => page.locator(selector).first().isVisible();
        expect(await visible(".site-header")).toBe(false);
        expect(await visible("#calc-unpaid form")).toBe(false);
        expect(await visible("#calc-severance")).toBe(false);
        expect(await visible(".calculator__result")).toBe(true);
        const inputs = (await page.locator(".calculator__inputs").textContent()) ?? "";
        expect(inputs).toContain("10320");
        expect(inputs).toContain("500000");
        if (javaScriptEnabled) expect(await print.isVisible()).toBe(false);
      } finally {
        await context.close();
      }
    }
  });

  it("is carried into a labor consultation's description", async () => {
    const { context, page } = await newPage(browser, { javaScriptEnabled: false });
    try {
      await page.goto(RESULT);
      await page.getByRole("link", { name: "이 결과로 노동상담 예약하기" }).click();
      await page.waitForURL(/\/labor\?/);
      const note = new URL(page.url()).searchParams.get("note") ?? "";
      expect(note).toContain("490,720");
      expect(await page.locator("input[type=hidden][name=note]").inputValue()).toBe(note);
      // the chosen topic is unpaid wages; the note rides along to every time offered
      expect(await page.locator("#topic-unpaid_wages").isChecked()).toBe(true);
      await page.locator("input[name=center]").first().check();
      await page.locator("#channel-phone").check();
      await page.getByRole("button", { name: /시간 보기|Show/ }).click();
      await page.waitForURL(/channel=phone/);
      const slot = page.locator("a[href^='/book/']").first();
      const href = (await slot.getAttribute("href")) ?? "";
      expect(new URL(href, "http://x").searchParams.get("note")).toBe(note);
      // the booking page (a visitor is asked to log in, but the loader already carries the note)
      const response = await page.goto(href);
      expect(response?.status()).toBe(200);
    } finally {
      await context.close();
    }
  });
});
