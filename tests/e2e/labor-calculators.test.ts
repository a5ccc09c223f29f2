// The labor calculators in a real browser, on a 320-pixel phone without JavaScript: a part-timer
// works out the weekly rest allowance, gets the answer with its formula (focused, where reading
// starts), then gives a last day before the first in the severance form and is told what to fix,
// with what was typed kept.
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

const PHONE = { width: 320, height: 640 };

for (const javaScriptEnabled of [false, true]) {
  describe(`labor calculators (JavaScript ${javaScriptEnabled ? "on" : "off"})`, () => {
    it("works out the weekly rest allowance, then explains a bad severance form", async () => {
      const { context, page } = await newPage(browser, { javaScriptEnabled, viewport: PHONE });
      try {
        await page.goto("/labor");
        await page.getByRole("link", { name: /계산기/ }).click();
        await page.waitForURL("**/labor/calculators");
        if (javaScriptEnabled) await hydrated(page);

        const rest = page.locator("#calc-weekly-rest");
        await rest.getByLabel("시급 (원)").fill("10320");
        await rest.getByLabel(/1주 소정근로시간/).fill("20");
        await rest.getByLabel(/모두 일했습니다/).check();
        await rest.getByRole("button", { name: "계산하기" }).click();
        await page.waitForURL(/calc=weekly-rest/);
        const answer = page.getByRole("region", { name: "계산 결과" });
        await expect.poll(() => answer.textContent()).toContain("41,280");
        expect(await answer.textContent()).toContain("20시간 ÷ 40시간 × 8시간 = 4시간");
        await expect
          .poll(() => page.evaluate(() => document.activeElement?.className))
          .toBe("calculator__result");
        // what was typed stays in the form
        expect(await rest.getByLabel("시급 (원)").inputValue()).toBe("10320");

        const severance = page.locator("#calc-severance");
        await severance.getByLabel(/입사일/).fill("2026-03-02");
        await severance.getByLabel("마지막 근무일").fill("2026-03-01");
        await severance.getByLabel(/임금 총액/).fill("9000000");
        await severance.getByLabel(/1주 소정근로시간/).fill("40");
        await severance.getByRole("button", { name: "계산하기" }).click();
        await page.waitForURL(/calc=severance/);
        const summary = severance.getByRole("alert");
        await expect.poll(() => summary.textContent()).toContain("마지막 근무일은 입사일과 같거나");
        await expect
          .poll(() => page.evaluate(() => document.activeElement?.closest("[role=alert]") !== null))
          .toBe(true);
        expect(await severance.getByLabel(/1주 소정근로시간/).inputValue()).toBe("40");
        expect(await page.getByRole("region", { name: "계산 결과" }).count()).toBe(0);
        // nothing wider than the phone
        expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
          320,
        );
      } finally {
        await context.close();
      }
    });
  });
}
