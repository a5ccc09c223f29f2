// The resident account journey in a real browser against the production build.
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hydrated, launchBrowser, newPage, signUpOverHttp, uniqueEmail } from "./support";

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

async function logIn(
  page: Page,
  email: string,
  password: string,
  labels = { email: "이메일", password: "비밀번호", submit: "로그인" },
) {
  await page.goto("/login");
  await page.getByLabel(labels.email).fill(email);
  await page.getByLabel(labels.password, { exact: true }).fill(password);
  await page.getByRole("main").getByRole("button", { name: labels.submit }).click();
}

for (const javaScriptEnabled of [true, false]) {
  describe(`account journey (JavaScript ${javaScriptEnabled ? "on" : "off"})`, () => {
    it("signs up, logs in, switches to English, edits the profile, logs out and finds it saved", async () => {
      const { context, page } = await newPage(browser, { javaScriptEnabled });
      const email = uniqueEmail(javaScriptEnabled ? "journey-js" : "journey-nojs");
      const password = "journey passphrase 2026";

      await page.goto("/signup");
      if (javaScriptEnabled) await hydrated(page);
      await expect.poll(() => page.locator("html").getAttribute("lang")).toBe("ko");
      await page.getByLabel("이메일").fill(email);
      await page.getByLabel("이름").fill("이서울");
      await page.getByLabel("비밀번호", { exact: true }).fill(password);
      await page.getByLabel("비밀번호 확인").fill(password);
      await page.getByLabel("이용약관에 동의합니다 (필수)").check();
      await page.getByLabel(/개인정보 수집·이용에 동의합니다/).check();
      await page.getByRole("button", { name: "가입하기" }).click();
      await page.waitForURL(/\/residents\/\w+\?welcome=1/);
      await expect
        .poll(() => page.getByRole("status").first().textContent())
        .toContain("가입을 환영합니다");

      // log out, then log in again
      // on a phone the account's links are behind the menu button
      await page.locator(".site-header").getByText("메뉴", { exact: true }).click();
      await page.getByRole("button", { name: "로그아웃" }).click();
      await page.waitForURL((url) => url.pathname === "/");
      await logIn(page, email, password);
      await page.waitForURL(/\/residents\//);

      // switch to English
      await page.getByRole("button", { name: "언어 바꾸기: English" }).click();
      await expect.poll(() => page.locator("html").getAttribute("lang")).toBe("en");
      await expect
        .poll(() => page.getByRole("heading", { level: 1 }).textContent())
        .toBe("My profile");

      // edit the profile
      await page.getByLabel("Date of birth").fill("2001-05-20");
      await page.getByLabel("Phone", { exact: true }).fill("010-2222-3333");
      await page.getByLabel("District of residence").selectOption("gwanak");
      await page.getByLabel("Employment status").selectOption("unemployed");
      await page
        .getByRole("group", { name: /registered as a job seeker/ })
        .getByLabel("Yes", { exact: true })
        .check();
      await page
        .getByRole("group", { name: /regular income/ })
        .getByLabel("No", { exact: true })
        .check();
      await page.getByLabel("How you work (worker type)").selectOption("courier");
      await page.getByRole("button", { name: "Save" }).click();
      await expect
        .poll(() => page.getByRole("status").first().textContent())
        .toContain("Your profile has been saved.");

      // log out and in again: everything is still there, and the site stays in English
      await page.locator(".site-header").getByText("Menu", { exact: true }).click();
      await page.getByRole("button", { name: "Log out" }).click();
      await page.waitForURL((url) => url.pathname === "/");
      await logIn(page, email, password, {
        email: "E-mail",
        password: "Password",
        submit: "Log in",
      });
      await page.waitForURL(/\/residents\//);
      expect(await page.getByLabel("Date of birth").inputValue()).toBe("2001-05-20");
      expect(await page.getByLabel("Phone", { exact: true }).inputValue()).toBe("010-2222-3333");
      expect(await page.getByLabel("District of residence").inputValue()).toBe("gwanak");
      expect(await page.getByLabel("Employment status").inputValue()).toBe("unemployed");
      expect(
        await page
          .getByRole("group", { name: /registered as a job seeker/ })
          .getByLabel("Yes", { exact: true })
          .isChecked(),
      ).toBe(true);
      expect(
        await page
          .getByRole("group", { name: /regular income/ })
          .getByLabel("No", { exact: true })
          .isChecked(),
      ).toBe(true);
      expect(await page.getByLabel("How you work (worker type)").inputValue()).toBe("courier");
      expect(await page.getByLabel("Name").inputValue()).toBe("이서울");
      await context.close();
    });

    it("shows the error next to the field, in the person's language, keeping what was typed", async () => {
      const { context, page } = await newPage(browser, { javaScriptEnabled, locale: "en-US" });
      await page.goto("/signup");
      if (javaScriptEnabled) await hydrated(page);
      await page.getByLabel("E-mail").fill("not-an-email");
      await page.getByLabel("Name").fill("Kim");
      await page.getByLabel("Password", { exact: true }).fill("short");
      await page.getByLabel("Confirm password").fill("short");
      await page.getByRole("button", { name: "Create account" }).click();
      const email = page.getByLabel("E-mail");
      await expect.poll(() => email.getAttribute("aria-invalid")).toBe("true");
      const describedBy = (await email.getAttribute("aria-describedby")) ?? "";
      expect(describedBy).not.toBe("");
      expect(await page.locator(`[id="${describedBy.split(" ")[0]}"]`).textContent()).toBe(
        "Please enter a valid e-mail address.",
      );
      expect(await email.inputValue()).toBe("not-an-email");
      expect(await page.getByLabel("Name").inputValue()).toBe("Kim");
      // next to its field (the error summary above the form repeats it, as a link to the field)
      const fieldErrors = page.locator(".field-errors");
      expect(
        await fieldErrors.getByText("The password must be at least 10 characters.").count(),
      ).toBe(1);
      expect(
        await fieldErrors.getByText("You must accept the terms of use to sign up.").count(),
      ).toBe(1);
      await context.close();
    });
  });
}

describe("logging in", () => {
  it("says the e-mail or password is wrong, then stops the guesser with a clear message", async () => {
    const resident = await signUpOverHttp(uniqueEmail("locked"));
    const { context, page } = await newPage(browser);
    for (let attempt = 1; attempt <= 5; attempt += 1) {
      await logIn(page, resident.email, `wrong password ${attempt}`);
      await expect
        .poll(() => page.locator(".error-summary__form").textContent())
        .toBe("이메일 또는 비밀번호가 맞지 않습니다.");
      // the e-mail stays, the password does not
      expect(await page.getByLabel("이메일").inputValue()).toBe(resident.email);
    }
    await logIn(page, resident.email, resident.password);
    // the shared error summary, like any other form-level message: one alert, and it has focus
    await expect
      .poll(() => page.locator(".error-summary__form").textContent())
      .toBe("로그인 시도가 너무 많습니다. 15분 후에 다시 시도해 주세요.");
    expect(await page.getByRole("alert").count()).toBe(1);
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.className))
      .toBe("error-summary");
    expect(new URL(page.url()).pathname).toBe("/login");
    await context.close();
  });
});

describe("privacy between residents", () => {
  it("refuses another resident's profile URL", async () => {
    const owner = await signUpOverHttp(uniqueEmail("owner"), "Owner Kim");
    const other = await signUpOverHttp(uniqueEmail("other"));
    const { context, page } = await newPage(browser);
    await logIn(page, other.email, other.password);
    await page.waitForURL(/\/residents\//);
    const response = await page.goto(`/residents/${owner.id}`);
    expect(response?.status()).toBe(403);
    expect(await page.getByRole("heading", { level: 1 }).textContent()).toBe(
      "볼 수 없는 페이지입니다",
    );
    expect(await page.content()).not.toContain("Owner Kim");
    expect(await page.content()).not.toContain(owner.email);
    await context.close();
  });
});

describe("keyboard", () => {
  it("reaches the skip link first and moves focus to the main content", async () => {
    const { context, page } = await newPage(browser);
    await page.goto("/");
    await hydrated(page);
    await page.keyboard.press("Tab");
    const focused = await page.evaluate(() => document.activeElement?.textContent);
    expect(focused).toBe("본문 바로가기");
    const outline = await page.evaluate(
      () => getComputedStyle(document.activeElement!).outlineStyle,
    );
    expect(outline).toBe("solid");
    await page.keyboard.press("Enter");
    expect(await page.evaluate(() => document.activeElement?.id)).toBe("main");
    await context.close();
  });
});

describe("staff roles", () => {
  it("an administrator makes a resident staff of a place with plain forms, and the resident gets the back office", async () => {
    const email = uniqueEmail("new-staff");
    const password = "new staff passphrase 2026";
    await signUpOverHttp(email, "박직원", password);

    const admin = await newPage(browser, { javaScriptEnabled: false });
    await logIn(admin.page, "admin@seoul-portal.test", "admin-portal-2026");
    await admin.page.waitForURL((url) => url.pathname !== "/login");
    await admin.page.goto("/staff");
    await admin.page.getByRole("link", { name: "직원 및 권한 관리" }).click();
    await admin.page.getByLabel("이메일 또는 이름").fill(email);
    await admin.page.getByRole("button", { name: "검색" }).click();
    await expect.poll(() => admin.page.getByRole("status").textContent()).toBe("계정 1개");
    await admin.page.getByRole("link", { name: "박직원" }).click();

    // staff without a workplace is refused, with the choice kept
    await admin.page.getByLabel("직원", { exact: true }).check();
    await admin.page.getByRole("button", { name: "권한 저장" }).click();
    await expect
      .poll(() => admin.page.locator(".field-errors").first().textContent())
      .toContain("시설이나 기관 중 하나 이상");
    expect(await admin.page.getByLabel("직원", { exact: true }).isChecked()).toBe(true);

    await admin.page.getByLabel("시설").selectOption({ label: "서울시 청년일자리센터" });
    await admin.page.getByRole("button", { name: "권한 저장" }).click();
    await expect
      .poll(() => admin.page.getByRole("status").first().textContent())
      .toContain("권한을 저장했습니다");
    await admin.context.close();

    const person = await newPage(browser);
    await logIn(person.page, email, password);
    // staff come to work: after logging in, the back office
    await person.page.waitForURL(/\/staff$/);
    expect(await person.page.getByRole("heading", { level: 1 }).count()).toBe(1);
    const backOffice = await person.page.goto("/staff/bookings");
    expect(backOffice?.status()).toBe(200);
    await person.context.close();
  });
});
