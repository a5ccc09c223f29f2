// "Contact now" (issue 17) against the production build, without JavaScript. The server's clock
// stands at Wednesday 25 November 2026, 02:00 in Seoul (E2E_NOW): every labor-rights center is
// closed, so /labor names the first to open (09:00 today) and a center's page says it is closed,
// with today's hours and its phone.
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchBrowser, newPage } from "./support";

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe("contact now", () => {
  it("/labor: the hotline as a tel: link with its provenance, and the first center to open", async () => {
    const { context, page } = await newPage(browser, { javaScriptEnabled: false });
    try {
      await page.goto("/labor");
      const box = page.getByRole("region", { name: "지금 연락하기" });
      const hotline = box.getByRole("link", { name: "1661-2020" });
      expect(await hotline.getAttribute("href")).toBe("tel:16612020");
      // the number is not the 2018 report's, and says so
      expect(await box.locator(".fact-note").textContent()).toContain("2018년 보고서에는 없음");
      expect(await box.textContent()).toContain("지금 문을 연 노동권익센터가 없습니다.");
      const next = box.locator("[data-next-opening]");
      expect(await next.textContent()).toContain("오늘 09:00에 엽니다");
      const link = next.getByRole("link");
      expect(await link.getAttribute("href")).toMatch(/^\/places\/[\w-]+$/);
    } finally {
      await context.close();
    }
  });

  it("a center's page: closed now, today's hours and its phone (or the 120 hint)", async () => {
    const { context, page } = await newPage(browser, {
      javaScriptEnabled: false,
      locale: "en-US",
    });
    try {
      await page.goto("/places/seoul-labor-rights-center");
      const box = page.getByRole("region", { name: "Contact now" });
      const text = (await box.textContent()) ?? "";
      expect(text).toContain("Closed now");
      expect(text).toContain("opens today at 09:00");
      expect(text).toMatch(/Today's hours\s*09:00.{1,3}18:00/);
      // the seed knows no number for the center (decision 0022): the 120 Dasan hint stands in
      expect(text).toContain("120 Dasan Call Center");
    } finally {
      await context.close();
    }
  });
});
