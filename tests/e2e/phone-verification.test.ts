// Verifying a phone over plain HTTP (what a browser without JavaScript does) against the production
// build: a landline is refused with a clear message, a code is texted (read from the server's
// outbox, the text the phone receives), a wrong code is refused, the right one verifies the phone
// and the profile page says so.
import crypto from "node:crypto";
import { describe, expect, it } from "vitest";
import {
  baseUrl,
  messageBody,
  postForm,
  serverDatabase,
  signUpOverHttp,
  uniqueEmail,
} from "./support";

async function page(path: string, cookie: string) {
  const response = await fetch(`${baseUrl()}${path}`, {
    redirect: "manual",
    headers: { Cookie: cookie },
  });
  return { status: response.status, html: await response.text() };
}

describe("/account/phone over HTTP", () => {
  it("texts a code, refuses a landline and a wrong code, and verifies the phone", async () => {
    const { id, cookie } = await signUpOverHttp(uniqueEmail("phone"), "문자받기");
    const digits = String(crypto.randomInt(10_000_000, 100_000_000));
    const typed = `010-${digits.slice(0, 4)}-${digits.slice(4)}`;
    const masked = `010-****-${digits.slice(4)}`;

    const start = await page("/account/phone", cookie);
    expect(start.status).toBe(200);
    expect(start.html).toContain("문자 받을 휴대전화");
    expect(start.html).toContain("등록된 번호 없음");

    const landline = await postForm(
      "/account/phone",
      { intent: "send", phone: "02-123-4567" },
      cookie,
    );
    expect(landline.status).toBe(400);
    expect(await landline.text()).toContain("휴대전화 번호(010, 011, 016, 017, 018, 019로 시작)만");

    const sent = await postForm("/account/phone", { intent: "send", phone: typed }, cookie);
    expect(sent.status).toBe(302);
    expect(sent.headers.get("location")).toBe("/account/phone");
    const codeStep = await page("/account/phone", cookie);
    expect(codeStep.html).toContain(`${masked}(으)로 인증번호를 보냈습니다. 10분 동안 유효합니다`);
    expect(codeStep.html).toContain("인증번호 다시 받기");

    const db = serverDatabase();
    const text = await db.notification.findFirstOrThrow({
      where: { residentId: id, template: "phone_code" },
    });
    expect(text).toMatchObject({ channel: "sms", toAddress: `010${digits}` });
    const code = /\b(\d{6})\b/.exec(await messageBody(id, "phone_code"))![1]!;
    const stored = await db.phoneVerification.findFirstOrThrow({ where: { residentId: id } });
    expect(JSON.stringify(stored)).not.toContain(code);

    const wrong = await postForm(
      "/account/phone",
      { intent: "confirm", code: code === "000000" ? "111111" : "000000" },
      cookie,
    );
    expect(wrong.status).toBe(400);
    expect(await wrong.text()).toContain("인증번호가 맞지 않습니다");

    const right = await postForm("/account/phone", { intent: "confirm", code }, cookie);
    expect(right.status).toBe(302);
    expect(right.headers.get("location")).toBe("/account/phone?verified=1");
    const done = await page("/account/phone?verified=1", cookie);
    expect(done.html).toContain(`휴대전화 ${masked} 인증이 끝났습니다`);

    const resident = await db.resident.findUniqueOrThrow({ where: { id } });
    expect(resident.phone).toBe(`010${digits}`);
    expect(resident.phoneVerifiedAt).not.toBeNull();
    const profile = await page(`/residents/${id}`, cookie);
    expect(profile.html).toContain(`${masked} · 인증됨`);
    expect(profile.html).toContain('href="/account/phone"');
  });
});
