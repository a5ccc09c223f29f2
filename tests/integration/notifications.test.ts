// The outbox: messages in the resident's language, sent once, retried when the sender fails.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import {
  cancelPendingNotifications,
  dispatchDueNotifications,
  enqueueNotification,
} from "~/domain/notifications/service.server";
import {
  LocalMailboxSender,
  setSender,
  type MessageSender,
  type OutgoingMessage,
} from "~/domain/notifications/sender.server";
import { loader as mailboxLoader } from "~/routes/dev.mailbox";
import { setTestNow } from "~/utils/clock.server";
import { getDb } from "~/utils/db.server";
import { getEnv, resetEnvCache } from "~/utils/env.server";
import { call, getRequest } from "#tests/factories/http";
import { makeResident, sessionCookieFor } from "#tests/factories/residents";

const db = getDb();
afterEach(() => setSender(undefined));

describe("notification outbox", () => {
  it("welcomes a new resident in the language they signed up in, with a link that confirms the address", async () => {
    const resident = await makeResident({ name: "Jae" });
    // the welcome is the e-mail confirmation (issue 14): one message, to the address signed up with
    const [welcome, ...others] = await db.notification.findMany({
      where: { residentId: resident.id },
    });
    expect(others).toEqual([]);
    expect(welcome).toMatchObject({
      template: "email_verification",
      topic: "account",
      channel: "email",
      locale: "ko",
      status: "pending",
      toAddress: resident.email,
    });
    expect(welcome!.subject).toContain("환영합니다");
    expect(welcome!.body).toMatch(/\/verify-email\/[A-Za-z0-9_-]{43}/);
  });

  it("renders each message in the resident's preferred language", async () => {
    const resident = await makeResident({ name: "Mina", preferredLanguage: "en" });
    const row = await enqueueNotification(
      {
        residentId: resident.id,
        template: "welcome",
        params: { name: "Mina" },
        sendAfter: new Date(),
      },
      db,
    );
    const message = await db.notification.findUniqueOrThrow({ where: { id: row!.id } });
    expect(message.locale).toBe("en");
    expect(message.subject).toBe("Welcome to the Seoul Jobs & Labor Rights Portal, Mina");
  });

  it("sends what is due through the local mailbox once, and keeps future messages for later", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "mailbox-"));
    const mailbox = new LocalMailboxSender(dir);
    setSender(mailbox);
    // the welcome message is written at the app clock's now, so it is due at `now`
    const now = new Date("2026-11-25T03:00:00Z");
    setTestNow(now);
    const resident = await makeResident({ name: "Due" }).finally(() => setTestNow(null));
    const later = await enqueueNotification(
      {
        residentId: resident.id,
        template: "welcome",
        params: { name: "Later" },
        sendAfter: new Date(now.getTime() + 3_600_000),
      },
      db,
    );

    const first = await dispatchDueNotifications(now);
    expect(first.sent).toBeGreaterThanOrEqual(1);
    const again = await dispatchDueNotifications(now);
    expect(again.sent).toBe(0);
    const delivered = (await mailbox.list()).filter((m) => m.to === resident.email);
    expect(delivered).toHaveLength(1);
    expect(delivered[0]!.subject).toContain("Due");
    expect((await db.notification.findUniqueOrThrow({ where: { id: later!.id } })).status).toBe(
      "pending",
    );
  });

  it("retries a failing sender later, and gives up after five attempts", async () => {
    const failing: MessageSender = {
      name: "down",
      send: async (_m: OutgoingMessage) => Promise.reject(new Error("gateway down")),
    };
    setSender(failing);
    const resident = await makeResident();
    await db.notification.deleteMany({ where: { residentId: resident.id } });
    const row = await enqueueNotification(
      {
        residentId: resident.id,
        template: "welcome",
        params: { name: "x" },
        sendAfter: new Date("2026-01-01T00:00:00Z"),
      },
      db,
    );
    let now = new Date("2026-01-01T00:00:00Z");
    for (let attempt = 1; attempt <= 5; attempt += 1) {
      await dispatchDueNotifications(now);
      const state = await db.notification.findUniqueOrThrow({ where: { id: row!.id } });
      expect(state.attempts).toBe(attempt);
      expect(state.lastError).toBe("gateway down");
      now = new Date(state.sendAfter.getTime() + 1);
    }
    expect((await db.notification.findUniqueOrThrow({ where: { id: row!.id } })).status).toBe(
      "failed",
    );
  });

  it("schedules a deduplicated message once and can cancel it", async () => {
    const resident = await makeResident();
    const input = {
      residentId: resident.id,
      template: "welcome",
      params: { name: "x" },
      dedupeKey: `test:${resident.id}`,
      sendAfter: new Date(),
    };
    const a = await enqueueNotification(input, db);
    const b = await enqueueNotification(input, db);
    expect(a!.id).toBe(b!.id);
    await cancelPendingNotifications([`test:${resident.id}`], db);
    expect((await db.notification.findUniqueOrThrow({ where: { id: a!.id } })).status).toBe(
      "cancelled",
    );
  });

  it("has no development mailbox in production, nor when messages really leave", async () => {
    const admin = await makeResident();
    await db.resident.update({ where: { id: admin.id }, data: { role: "admin" } });
    const cookie = await sessionCookieFor(admin.id);
    const open = () => call(mailboxLoader, getRequest("/dev/mailbox", { cookie }));
    expect((await open()).status).toBe(200);

    // a gateway in place of the local mailbox: the page is gone, even for an admin
    const gateway: MessageSender = { name: "sms-gateway", send: async () => undefined };
    setSender(gateway);
    expect((await open()).status).toBe(404);
    setSender(undefined);

    const saved = { ...process.env };
    try {
      for (const environment of [
        { APP_ENV: "production" },
        { APP_ENV: undefined, NODE_ENV: "production" },
      ]) {
        Object.assign(process.env, { SESSION_SECRETS: "a-secret-of-this-test-only" });
        for (const [name, value] of Object.entries(environment)) {
          if (value === undefined) delete process.env[name];
          else process.env[name] = value;
        }
        resetEnvCache();
        expect(getEnv().appEnv).toBe("production");
        expect((await open()).status, JSON.stringify(environment)).toBe(404);
      }
    } finally {
      for (const name of ["APP_ENV", "NODE_ENV", "SESSION_SECRETS"]) {
        if (saved[name] === undefined) delete process.env[name];
        else process.env[name] = saved[name];
      }
      resetEnvCache();
    }
    expect((await open()).status).toBe(200);
  });

  it("lets only admins open the development mailbox", async () => {
    const resident = await makeResident();
    const cookie = await sessionCookieFor(resident.id);
    expect((await call(mailboxLoader, getRequest("/dev/mailbox", { cookie }))).status).toBe(403);
    await db.resident.update({ where: { id: resident.id }, data: { role: "admin" } });
    expect((await call(mailboxLoader, getRequest("/dev/mailbox", { cookie }))).status).toBe(200);
  });
});
