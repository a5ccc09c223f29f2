// "Forgot password" end to end (issue 14): the link comes out of the server's own mailbox (the
// e-mail the scheduler sent), resets the password once in a real browser, and ends every session.
import fs from "node:fs";
import path from "node:path";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ROOT } from "../setup/paths";
import {
  baseUrl,
  launchBrowser,
  logInOverHttp,
  newPage,
  postForm,
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

type Mail = { to: string; template: string; subject: string; body: string };

/**
 * Waits for the server's scheduler (a tick every 30 s) to send `template` to `to`, in its local
 * mailbox (MAILBOX_DIR, the embedded default: data/mailbox, as in messages.test.ts).
 */
async function mailTo(to: string, template: string): Promise<Mail> {
  const dir = path.join(ROOT, "data/mailbox");
  const deadline = Date.now() + 75_000;
  while (Date.now() < deadline) {
    const files = fs.existsSync(dir) ? fs.readdirSync(dir).filter((f) => f.endsWith(".json")) : [];
    for (const file of files) {
      let mail: Mail;
      try {
        mail = JSON.parse(fs.readFileSync(path.join(dir, file), "utf8")) as Mail;
      } catch {
        continue; // another test's message, still being written: read again next round
      }
      if (mail.to === to && mail.template === template) return mail;
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error(`no ${template} e-mail to ${to} in ${dir}`);
}

const page = (path: string, cookie = "") =>
  fetch(`${baseUrl()}${path}`, {
    redirect: "manual",
    headers: cookie ? { Cookie: cookie } : {},
  });

describe("forgot password", () => {
  it(
    "delivers a link that resets the password once and logs out every older session",
    { timeout: 150_000 },
    async () => {
      const email = uniqueEmail("recovery");
      const resident = await signUpOverHttp(email, "비밀번호 찾는 시민", "the old passphrase");
      const olderSession = resident.cookie;
      expect((await page("/account", olderSession)).status).toBe(302);

      // the login page leads here; the answer is the same for an address without an account
      expect(await (await page("/login")).text()).toContain('href="/forgot-password"');
      const asked = await postForm("/forgot-password", { email });
      const stranger = await postForm("/forgot-password", {
        email: uniqueEmail("no-account"),
      });
      expect(asked.status).toBe(200);
      expect(stranger.status).toBe(200);
      const sentText = (html: string) =>
        /가입된 계정이 있다면[^<]*/.exec(html)?.[0] ?? "(no confirmation)";
      expect(sentText(await asked.text())).toBe(sentText(await stranger.text()));

      const mail = await mailTo(email, "password_reset");
      const link = /https?:\/\/[^/\s]+(\/reset-password\/[A-Za-z0-9_-]{43})/.exec(mail.body);
      expect(link, mail.body).not.toBeNull();
      const resetPath = link![1]!;

      // the page: no copy kept, no Referer with the token to other sites
      const opened = await page(resetPath);
      expect(opened.status).toBe(200);
      expect(opened.headers.get("referrer-policy")).toBe("same-origin");
      expect(opened.headers.get("cache-control")).toBe("no-store");

      // A real browser sets the new password, without JavaScript: a plain form POST, whose Origin
      // the page's Referrer-Policy decides (under no-referrer it would be "null" and refused).
      const { context, page: tab } = await newPage(browser, { javaScriptEnabled: false });
      await tab.goto(resetPath);
      await tab.getByLabel("비밀번호", { exact: true }).fill("the new passphrase");
      await tab.getByLabel("비밀번호 확인").fill("the new passphrase");
      await tab.getByRole("button", { name: "새 비밀번호 저장" }).click();
      await tab.waitForURL(/\/residents\/\w+\?passwordReset=1$/);
      expect(await tab.getByRole("status").first().textContent()).toContain(
        "새 비밀번호를 저장하고 로그인했습니다",
      );
      await context.close();

      // the older session is over; the old password no longer works, the new one does
      const older = await page("/account", olderSession);
      expect(older.status).toBe(302);
      expect(older.headers.get("location")).toMatch(/^\/login/);
      expect((await postForm("/login", { email, password: "the old passphrase" })).status).toBe(
        401,
      );
      const fresh = await logInOverHttp(email, "the new passphrase");
      expect((await page("/account", fresh)).headers.get("location")).toMatch(/^\/residents\//);

      // the link is spent
      const again = await page(resetPath);
      expect(again.status).toBe(410);
      expect(await again.text()).toContain('href="/forgot-password"');
      const reused = await postForm(resetPath, {
        newPassword: "a third passphrase",
        newPasswordConfirm: "a third passphrase",
      });
      expect(reused.status).toBe(410);
      expect((await postForm("/login", { email, password: "a third passphrase" })).status).toBe(
        401,
      );

      // a notice of the change is on its way to the address
      const notice = await serverDatabase().notification.findFirstOrThrow({
        where: { toAddress: email, template: "password_changed" },
      });
      expect(notice.subject).toBe("비밀번호가 바뀌었습니다");
    },
  );
});
