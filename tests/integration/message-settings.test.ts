// Where a resident's messages go and which they get: the account's settings page, the one-click
// unsubscribe link, and texts only to a verified phone.
import { describe, expect, it } from "vitest";
import {
  dispatchDueNotifications,
  enqueueNotification,
} from "~/domain/notifications/service.server";
import { action as settingsAction, loader as settingsLoader } from "~/routes/account.messages";
import {
  action as staffMessagesAction,
  loader as staffMessagesLoader,
} from "~/routes/staff.messages";
import {
  action as unsubscribeAction,
  loader as unsubscribeLoader,
} from "~/routes/unsubscribe.$token";
import { getDb } from "~/utils/db.server";
import { makePlace, makeStaffOf } from "#tests/factories/booking";
import { call, formRequest, getRequest } from "#tests/factories/http";
import { makeResident, sessionCookieFor } from "#tests/factories/residents";

const db = getDb();
const NOW = new Date("2026-11-25T01:00:00Z");

const settingsOf = (residentId: string) =>
  db.resident.findUniqueOrThrow({
    where: { id: residentId },
    select: { messageChannels: true, mutedTopics: true },
  });

async function reminderFor(residentId: string) {
  await enqueueNotification(
    {
      residentId,
      template: "booking_reminder",
      params: { service: "s", place: "p", when: "w", phone: "x", link: "http://localhost/b" },
      sendAfter: NOW,
      about: { ref: `booking:test-${residentId}` },
    },
    db,
  );
  return db.notification.findMany({
    where: { residentId, template: "booking_reminder" },
    select: { channel: true, toAddress: true },
  });
}

describe("message settings", () => {
  it("shows the resident's own choices and saves new ones", async () => {
    const resident = await makeResident();
    const cookie = await sessionCookieFor(resident.id);
    const page = await call(settingsLoader, getRequest("/account/messages", { cookie }));
    expect(page.data).toMatchObject({
      preferences: {
        channels: "email",
        wantedTopics: ["receipts", "reminders", "waitlist", "follows"],
        phoneVerified: false,
      },
    });
    const saved = await call(
      settingsAction,
      formRequest("/account/messages", { channels: "email", topics: ["waitlist"] }, { cookie }),
    );
    expect(saved.status).toBe(200);
    expect(await settingsOf(resident.id)).toEqual({
      messageChannels: "email",
      mutedTopics: "receipts,reminders,follows",
    });
    // a muted topic is not written at all
    expect(await reminderFor(resident.id)).toHaveLength(0);
  });

  it("refuses texts before the phone is verified, and bad input, saving nothing", async () => {
    const resident = await makeResident({ phone: "010-1234-5678" });
    const cookie = await sessionCookieFor(resident.id);
    const before = await settingsOf(resident.id);
    const texts = await call(
      settingsAction,
      formRequest("/account/messages", { channels: "sms", topics: [] }, { cookie }),
    );
    expect(texts.status).toBe(400);
    expect(JSON.stringify(texts.data)).toContain("account:messages.refusal.phoneRequired");
    for (const fields of [
      {},
      { channels: "fax" },
      { channels: "email", topics: ["marketing"] },
      { channels: "email", topics: Array.from({ length: 50 }, () => "reminders") },
    ]) {
      const bad = await call(
        settingsAction,
        formRequest("/account/messages", fields as Record<string, string>, { cookie }),
      );
      expect(bad.status).toBe(400);
    }
    expect(await settingsOf(resident.id)).toEqual(before);
    const anonymous = await call(
      settingsAction,
      formRequest("/account/messages", { channels: "email" }),
    );
    expect(anonymous.status).toBe(302);
  });

  it("sends texts only to a verified phone, and e-mail as well when both are chosen", async () => {
    const resident = await makeResident({ phone: "010-1234-5678" });
    // texts chosen but the phone not verified: nothing is lost, e-mail goes instead
    await db.resident.update({ where: { id: resident.id }, data: { messageChannels: "sms" } });
    expect(await reminderFor(resident.id)).toEqual([
      { channel: "email", toAddress: resident.email },
    ]);
    await db.notification.deleteMany({ where: { residentId: resident.id } });
    await db.resident.update({
      where: { id: resident.id },
      data: { phone: "01012345678", phoneVerifiedAt: NOW, messageChannels: "both" },
    });
    expect(await reminderFor(resident.id)).toEqual(
      expect.arrayContaining([
        { channel: "email", toAddress: resident.email },
        { channel: "sms", toAddress: "01012345678" },
      ]),
    );
  });
});

describe("one-click unsubscribe", () => {
  it("changes nothing when opened, turns the topic off when posted, and refuses forged links", async () => {
    const resident = await makeResident();
    await reminderFor(resident.id);
    const mail = await db.notification.findFirstOrThrow({
      where: { residentId: resident.id, template: "booking_reminder" },
    });
    const seen: string[] = [];
    await dispatchDueNotifications(NOW, {
      sender: {
        name: "capture",
        send: async (message) => {
          if (message.id === mail.id) seen.push(message.unsubscribeUrl ?? "");
        },
      },
    });
    const path = new URL(seen[0]!).pathname;
    const token = path.split("/").pop()!;

    const opened = await call(unsubscribeLoader, getRequest(path), { token });
    expect(opened.data).toEqual({ topic: "reminders" });
    expect((await settingsOf(resident.id)).mutedTopics).toBe("");

    // a mail client's one-click POST: no cookie, RFC 8058 body
    const posted = await call(
      unsubscribeAction,
      formRequest(path, { "List-Unsubscribe": "One-Click" }),
      { token },
    );
    expect(posted.data).toEqual({ done: true });
    expect((await settingsOf(resident.id)).mutedTopics).toBe("reminders");

    for (const forged of [
      token.replace("reminders", "receipts"),
      `${resident.id}.reminders.AAAA`,
      "garbage",
      `${token}x`,
    ]) {
      const refused = await call(unsubscribeAction, formRequest(`/unsubscribe/${forged}`, {}), {
        token: forged,
      });
      expect(refused.status).toBe(404);
    }
    expect((await settingsOf(resident.id)).mutedTopics).toBe("reminders");
  });
});

describe("undelivered messages on the desk", () => {
  it("are shown to the place's staff only, and residents are refused", async () => {
    const place = await makePlace();
    const resident = await makeResident();
    const failed = await db.notification.create({
      data: {
        residentId: resident.id,
        channel: "email",
        toAddress: resident.email,
        template: "booking_confirmed",
        locale: "ko",
        subject: "확정",
        body: "b",
        status: "failed",
        attempts: 5,
        lastError: "connect ECONNREFUSED",
        placeId: place.id,
        subjectRef: "booking:x",
      },
    });
    const staff = await makeResident({ name: "Desk" });
    await makeStaffOf(staff.id, place.id);
    const staffCookie = await sessionCookieFor(staff.id);
    const list = await call(
      staffMessagesLoader,
      getRequest("/staff/messages", { cookie: staffCookie }),
    );
    expect(list.data).toMatchObject({ total: 1, rows: [{ id: failed.id, attempts: 5 }] });

    const residentCookie = await sessionCookieFor(resident.id);
    const refused = await call(
      staffMessagesLoader,
      getRequest("/staff/messages", { cookie: residentCookie }),
    );
    expect(refused.status).toBe(403);
    const forgedPost = await call(
      staffMessagesAction,
      formRequest(
        "/staff/messages",
        { notificationId: failed.id, decision: "retry" },
        { cookie: residentCookie },
      ),
    );
    expect(forgedPost.status).toBe(403);
    const bad = await call(
      staffMessagesAction,
      formRequest(
        "/staff/messages",
        { notificationId: failed.id, decision: "delete" },
        { cookie: staffCookie },
      ),
    );
    expect(bad.status).toBe(400);
    expect((await db.notification.findUniqueOrThrow({ where: { id: failed.id } })).status).toBe(
      "failed",
    );

    const handled = await call(
      staffMessagesAction,
      formRequest(
        "/staff/messages",
        { notificationId: failed.id, decision: "handled" },
        { cookie: staffCookie },
      ),
    );
    expect(handled.location).toBe("/staff/messages?done=handled");
    expect((await db.notification.findUniqueOrThrow({ where: { id: failed.id } })).status).toBe(
      "handled",
    );
    const again = await call(
      staffMessagesAction,
      formRequest(
        "/staff/messages",
        { notificationId: failed.id, decision: "retry" },
        { cookie: staffCookie },
      ),
    );
    expect(again.status).toBe(404);
    expect(
      await db.auditEvent.count({
        where: { action: "notification.handled", subjectId: failed.id },
      }),
    ).toBe(1);
  });
});
