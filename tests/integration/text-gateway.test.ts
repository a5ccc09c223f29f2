// Texts through SOLAPI's SDK, against a local stand-in of SOLAPI's API (tests/support): the exact
// requests (SMS or LMS by EUC-KR bytes, 알림톡 with SMS fallback when a template is approved), a
// signed Authorization header, failures that reject so the outbox retries, and a waitlist offer
// going from the outbox to the stand-in.
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { textBytes } from "~/domain/notifications/catalog";
import { setSender, type OutgoingMessage } from "~/domain/notifications/sender.server";
import {
  dispatchDueNotifications,
  enqueueNotification,
} from "~/domain/notifications/service.server";
import { createTextGateway } from "~/domain/notifications/text-gateway.server";
import { getDb } from "~/utils/db.server";
import { getEnv, resetEnvCache } from "~/utils/env.server";
import { makeResident } from "#tests/factories/residents";
import { startSolapiStandIn, type SolapiStandIn } from "#tests/support/solapi-stand-in";

const db = getDb();
let standIn: SolapiStandIn;

beforeAll(async () => {
  standIn = await startSolapiStandIn();
});
afterAll(async () => {
  await standIn.close();
});
afterEach(() => {
  standIn.requests.length = 0;
  setSender(undefined);
});

function gateway(overrides: Partial<Parameters<typeof createTextGateway>[0]> = {}) {
  const sender = createTextGateway({
    SMS_PROVIDER: "solapi",
    SMS_API_KEY: standIn.apiKey,
    SMS_API_SECRET: standIn.apiSecret,
    SMS_SENDER: "02-1234-5678",
    SMS_API_URL: standIn.url,
    KAKAO_PF_ID: undefined,
    KAKAO_TEMPLATES: "",
    ...overrides,
  });
  if (!sender) throw new Error("no gateway");
  return sender;
}

const message = (overrides: Partial<OutgoingMessage> = {}): OutgoingMessage => ({
  id: "notification-1",
  channel: "sms",
  to: "010-1234-5678",
  subject: "예약이 확정되었습니다",
  body: "[서울일자리] 예약 확정: 상담 11/25 10:00",
  locale: "ko",
  template: "booking_confirmed",
  topic: "receipts",
  ...overrides,
});

describe("the SOLAPI text gateway", () => {
  it("sends a short text as one SMS, signed with the key and secret, to SMS_API_URL", async () => {
    const receipt = await gateway().send(message());
    expect(standIn.requests).toHaveLength(1);
    const [request] = standIn.requests;
    expect(request).toMatchObject({
      method: "POST",
      path: "/messages/v4/send-many/detail",
      authorized: true,
    });
    expect(request!.headers.authorization).toMatch(
      new RegExp(
        `^HMAC-SHA256 apiKey=${standIn.apiKey}, date=[^,]+, salt=[^,]+, signature=[0-9a-f]{64}$`,
      ),
    );
    const body = request!.body as { messages: unknown[]; showMessageList?: boolean };
    expect(body.showMessageList).toBe(true);
    expect(body.messages).toEqual([
      {
        to: "01012345678",
        from: "0212345678",
        type: "SMS",
        text: "[서울일자리] 예약 확정: 상담 11/25 10:00",
        customFields: { notificationId: "notification-1", template: "booking_confirmed" },
      },
    ]);
    expect(receipt).toEqual({ provider: "solapi", providerId: expect.stringMatching(/^M4V/) });
  });

  it("sends a text over 90 bytes as LMS with the subject cut to 40 bytes", async () => {
    const body = "가".repeat(46); // 92 bytes in EUC-KR
    expect(textBytes(body)).toBe(92);
    await gateway().send(
      message({ body, subject: "대기하신 시간에 자리가 났습니다: 청년일자리센터 취업상담" }),
    );
    const [sent] = standIn.messages();
    expect(sent).toMatchObject({ type: "LMS", text: body });
    expect(textBytes(sent!.subject!)).toBeLessThanOrEqual(40);
    expect(sent!.subject).toBe("대기하신 시간에 자리가 났습니다: 청년...");

    standIn.requests.length = 0;
    const exactly90 = "가".repeat(45);
    await gateway().send(message({ body: exactly90 }));
    expect(standIn.messages()[0]).toMatchObject({ type: "SMS", text: exactly90 });
    expect(standIn.messages()[0]).not.toHaveProperty("subject");
  });

  it("cuts a text beyond the LMS limit (2,000 bytes) without breaking a character", async () => {
    await gateway().send(message({ body: "나".repeat(1500) }));
    const [sent] = standIn.messages();
    expect(sent!.type).toBe("LMS");
    expect(textBytes(sent!.text!)).toBeLessThanOrEqual(2000);
    expect(sent!.text!.endsWith("...")).toBe(true);
  });

  it("sends 알림톡 (ATA) with SMS fallback when the template has an approved template id", async () => {
    const kakao = gateway({
      KAKAO_PF_ID: "KA01PF0000000001",
      KAKAO_TEMPLATES: "waitlist_offer=KA01TP0000000001, booking_confirmed = KA01TP0000000002",
    });
    await kakao.send(message({ template: "waitlist_offer", id: "n-ata" }));
    await kakao.send(message({ template: "welcome", id: "n-sms" }));
    const [ata, plain] = standIn.messages();
    expect(ata).toEqual({
      to: "01012345678",
      from: "0212345678",
      type: "ATA",
      text: "[서울일자리] 예약 확정: 상담 11/25 10:00",
      kakaoOptions: { pfId: "KA01PF0000000001", templateId: "KA01TP0000000001", disableSms: false },
      customFields: { notificationId: "n-ata", template: "waitlist_offer" },
    });
    // a template without an approved 알림톡 goes as a plain text
    expect(plain).toMatchObject({ type: "SMS", customFields: { notificationId: "n-sms" } });
    expect(plain).not.toHaveProperty("kakaoOptions");

    // without a KakaoTalk channel, templates alone change nothing
    standIn.requests.length = 0;
    await gateway({ KAKAO_TEMPLATES: "waitlist_offer=KA01TP0000000001" }).send(
      message({ template: "waitlist_offer" }),
    );
    expect(standIn.messages()[0]!.type).toBe("SMS");
  });

  it("rejects when the gateway fails, refuses the message or the signature is wrong", async () => {
    standIn.failNext(1, 500);
    await expect(gateway().send(message())).rejects.toThrow();
    standIn.refuseNext(1);
    await expect(gateway().send(message())).rejects.toThrow();
    await expect(gateway({ SMS_API_SECRET: "not-the-secret" }).send(message())).rejects.toThrow();
    expect(standIn.requests.map((r) => r.authorized)).toEqual([true, true, false]);
    // and it works again afterwards
    await expect(gateway().send(message())).resolves.toMatchObject({ provider: "solapi" });
  });

  it("refuses to start when SMS_PROVIDER=solapi lacks its key, secret or sender", () => {
    expect(() => gateway({ SMS_API_SECRET: undefined, SMS_SENDER: undefined })).toThrow(
      /SMS_PROVIDER=solapi needs SMS_API_SECRET, SMS_SENDER/,
    );
    expect(createTextGateway({ ...getEnv(), SMS_PROVIDER: "none" })).toBeNull();
  });
});

describe("texts from the outbox", () => {
  const saved = { ...process.env };
  afterEach(() => {
    process.env = { ...saved };
    resetEnvCache();
  });

  it("sends a waitlist offer by text to a resident who chose texts, retrying a failed send", async () => {
    Object.assign(process.env, {
      SMS_PROVIDER: "solapi",
      SMS_API_KEY: standIn.apiKey,
      SMS_API_SECRET: standIn.apiSecret,
      SMS_SENDER: "0212345678",
      SMS_API_URL: standIn.url,
      KAKAO_PF_ID: "",
      KAKAO_TEMPLATES: "",
    });
    resetEnvCache();
    setSender(undefined); // built again from the environment: e-mail to the mailbox, texts to SOLAPI

    const resident = await makeResident({ name: "문자" });
    const now = new Date("2026-11-25T03:00:00Z"); // 12:00 in Seoul, outside quiet hours
    await db.resident.update({
      where: { id: resident.id },
      data: { phone: "01098765432", phoneVerifiedAt: now, messageChannels: "sms" },
    });
    await db.notification.deleteMany({ where: { residentId: resident.id } });
    const row = await enqueueNotification(
      {
        residentId: resident.id,
        template: "waitlist_offer",
        params: {
          service: "취업상담",
          when: "11/25 14:00",
          until: "13:00",
          place: "청년일자리센터",
          link: "http://localhost:3000/book/x/y",
        },
        sendAfter: now,
        expiresAt: new Date(now.getTime() + 3_600_000),
      },
      db,
    );
    const rows = await db.notification.findMany({ where: { residentId: resident.id } });
    expect(rows.map((r) => [r.channel, r.toAddress])).toEqual([["sms", "01098765432"]]);

    standIn.failNext(1);
    const first = await dispatchDueNotifications(now);
    expect(first).toMatchObject({ sent: 0, failed: 1 });
    const retried = await db.notification.findUniqueOrThrow({ where: { id: row!.id } });
    expect(retried).toMatchObject({ status: "pending", attempts: 1 });

    const second = await dispatchDueNotifications(retried.sendAfter);
    expect(second).toMatchObject({ sent: 1, failed: 0 });
    const sent = await db.notification.findUniqueOrThrow({ where: { id: row!.id } });
    expect(sent).toMatchObject({ status: "sent", provider: "solapi" });
    expect(sent.providerId).toMatch(/^M4V/);

    const texts = standIn.messages().filter((m) => m.to === "01098765432");
    expect(texts).toHaveLength(2); // the failed attempt and the retry, recognisable as one message
    for (const text of texts) {
      expect(text).toMatchObject({
        from: "0212345678",
        customFields: { notificationId: row!.id, template: "waitlist_offer" },
      });
      expect(text.text).toContain("자리가 났습니다");
      expect(text.type).toBe(textBytes(text.text!) <= 90 ? "SMS" : "LMS");
    }
  });
});
