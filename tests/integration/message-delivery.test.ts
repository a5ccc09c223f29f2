// Messages that reach people: e-mail through a real SMTP server (smtp-server, started here), the
// outbox's retries with backoff, the dead letter on the desk's list, and a sending process killed
// in the middle of a send — the message is neither lost nor sent twice.
import { spawn } from "node:child_process";
import path from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { bookSlot } from "~/domain/booking/book.server";
import { deliveriesAbout } from "~/domain/notifications/delivery.server";
import {
  countFailedDeliveries,
  failureScope,
  settleFailedDelivery,
} from "~/domain/notifications/failures.server";
import { saveMessagePreferences } from "~/domain/notifications/preferences.server";
import {
  dispatchDueNotifications,
  enqueueNotification,
  SEND_CLAIM_MS,
} from "~/domain/notifications/service.server";
import { setSender } from "~/domain/notifications/sender.server";
import { readUnsubscribeToken } from "~/domain/notifications/unsubscribe.server";
import { getDb } from "~/utils/db.server";
import { resetEnvCache } from "~/utils/env.server";
import { KEY, makePlace, makeService, makeSlot, makeStaffOf } from "#tests/factories/booking";
import { call, getRequest } from "#tests/factories/http";
import { makeResident, sessionCookieFor } from "#tests/factories/residents";
import { loader as bookingPage } from "~/routes/bookings.$bookingId._index";
import { startTestSmtpServer, type TestSmtpServer } from "#tests/support/smtp-server";
import type { Language } from "~/domain/residents/types";
import { getBaseI18n } from "~/utils/i18n.server";
import { formatDateTime } from "~/utils/format";

const db = getDb();
const NOW = new Date("2026-11-25T01:00:00Z"); // Wednesday 10:00 in Seoul
const minutes = (n: number) => new Date(NOW.getTime() + n * 60_000);

let smtp: TestSmtpServer;
beforeAll(async () => {
  smtp = await startTestSmtpServer();
});
afterAll(() => smtp.close());

/** The app's sender as configured: SMTP_URL set, texts still in the local mailbox. */
function useSmtp(url = smtp.url) {
  process.env.SMTP_URL = url;
  process.env.MAIL_FROM = "Seoul Jobs <no-reply@portal.seoul.test>";
  resetEnvCache();
  setSender(undefined);
}
afterEach(() => {
  delete process.env.SMTP_URL;
  delete process.env.MAIL_FROM;
  resetEnvCache();
  setSender(undefined);
});

/** A resident with a confirmed booking at a fresh place; its messages are in the outbox. */
async function bookedResident(language: Language = "en") {
  const place = await makePlace();
  const service = await makeService(place.id);
  const slot = await makeSlot(service.id, "2026-11-27", "14:00");
  const resident = await makeResident({ name: "Mina", preferredLanguage: language });
  // only the booking's messages matter here
  await db.notification.deleteMany({ where: { residentId: resident.id } });
  const outcome = await bookSlot({
    residentId: resident.id,
    serviceSlug: service.slug,
    slotId: slot.id,
    idempotencyKey: KEY(),
    now: NOW,
    ip: null,
  });
  if (!outcome.ok) throw new Error(`booking refused: ${outcome.code}`);
  return { resident, place, bookingId: outcome.bookingId };
}

const mailTo = (address: string) =>
  smtp.received.filter((mail) => mail.to && JSON.stringify(mail.to).includes(address));

describe("e-mail over SMTP", () => {
  it("delivers the booking confirmation in the resident's language, with text and HTML parts and a link that names the booking", async () => {
    useSmtp();
    const { resident, bookingId } = await bookedResident("en");
    const result = await dispatchDueNotifications(NOW);
    expect(result.failed).toBe(0);

    const [mail, ...more] = mailTo(resident.email);
    expect(more).toHaveLength(0);
    expect(mail!.subject).toMatch(/^\[Confirmed\] Mock interview/);
    expect(mail!.from?.text).toBe('"Seoul Jobs" <no-reply@portal.seoul.test>');
    const link = `http://localhost:3000/bookings/${bookingId}`;
    expect(mail!.text).toContain(link);
    expect(mail!.html).toContain(`<a href="${link}">`);
    expect(mail!.html).toContain('<html lang="en">');
    expect(mail!.headers.get("content-language")).toBe("en");
    // a receipt is optional: it carries a one-click way out that names this resident and topic
    const line = (key: string) => mail!.headerLines.find((header) => header.key === key)?.line;
    const unsubscribe = line("list-unsubscribe") ?? "";
    const token = /\/unsubscribe\/([\w.-]+)/.exec(unsubscribe)?.[1];
    expect(readUnsubscribeToken(token!)).toEqual({ residentId: resident.id, topic: "receipts" });
    expect(line("list-unsubscribe-post")).toBe("List-Unsubscribe-Post: List-Unsubscribe=One-Click");

    const row = await db.notification.findFirstOrThrow({
      where: { residentId: resident.id, template: "booking_confirmed" },
    });
    expect(row).toMatchObject({ status: "sent", provider: "smtp", attempts: 1 });
    expect(mail!.messageId).toBe(`<${row.id}@portal.seoul.test>`);
    // the booking page says so
    expect(await deliveriesAbout(resident.id, `booking:${bookingId}`, NOW)).toContainEqual(
      expect.objectContaining({ channel: "email", state: "sent", to: resident.email }),
    );

    // the link opens the booking for its resident, and for no one else
    const linkPath = new URL(link).pathname;
    const opened = await call(
      bookingPage,
      getRequest(linkPath, { cookie: await sessionCookieFor(resident.id) }),
      { bookingId },
    );
    expect(opened.status).toBe(200);
    expect(opened.data).toMatchObject({ booking: { id: bookingId, status: "confirmed" } });
    const stranger = await makeResident({ name: "Stranger" });
    const refused = await call(
      bookingPage,
      getRequest(linkPath, { cookie: await sessionCookieFor(stranger.id) }),
      { bookingId },
    );
    expect(refused.status).toBe(404);
  });

  it("writes to a Vietnamese-speaking resident in Vietnamese: text, dates, <html lang> and Content-Language", async () => {
    useSmtp();
    const { resident } = await bookedResident("vi");
    expect((await dispatchDueNotifications(NOW)).failed).toBe(0);
    const [mail] = mailTo(resident.email);
    const vi = getBaseI18n().getFixedT("vi", "notifications");
    const en = getBaseI18n().getFixedT("en", "notifications");
    // the subject is the Vietnamese template, not the English or Korean one
    const prefix = (t: typeof vi) => t("booking_confirmed.subject").split("{{")[0]!;
    expect(prefix(vi)).not.toBe(prefix(en));
    expect(mail!.subject!.startsWith(prefix(vi))).toBe(true);
    // the service's stored name has no Vietnamese: its English one (decision 0024)
    expect(mail!.subject).toContain("Mock interview");
    // the time as Vietnamese write it, in Seoul time
    const slot = await db.booking.findFirstOrThrow({
      where: { residentId: resident.id },
      select: { slot: { select: { startsAt: true } } },
    });
    expect(mail!.text).toContain(formatDateTime(slot.slot.startsAt, "vi"));
    expect(mail!.html).toContain('<html lang="vi">');
    expect(mail!.headers.get("content-language")).toBe("vi");
  });

  it("sends required messages without a way to unsubscribe, and leaves out muted topics", async () => {
    useSmtp();
    const { resident } = await bookedResident("ko");
    // turn every optional topic off: the confirmation already written stays, the reminder too
    // (both were written before), but new optional messages are not written at all
    await saveMessagePreferences(resident.id, { channels: "email", topics: [] }, { ip: null });
    const second = await bookedResidentFor(resident.id);
    expect(
      await db.notification.count({
        where: { residentId: resident.id, subjectRef: `booking:${second}` },
      }),
    ).toBe(0);
    await db.notification.create({
      data: {
        residentId: resident.id,
        channel: "email",
        toAddress: resident.email,
        template: "slot_blocked",
        topic: "required",
        locale: "ko",
        subject: "[예약 취소 안내] 필수",
        body: "센터 사정으로 취소되었습니다.",
        sendAfter: NOW,
      },
    });
    await dispatchDueNotifications(NOW);
    const required = mailTo(resident.email).find(
      (mail) => mail.subject === "[예약 취소 안내] 필수",
    );
    expect(required).toBeDefined();
    expect(required!.headerLines.map((header) => header.key)).not.toContain("list-unsubscribe");
  });

  it("delivers once, on the third attempt, a message whose first two sends are refused", async () => {
    useSmtp();
    const { resident } = await bookedResident("en");
    await db.notification.deleteMany({
      where: { residentId: resident.id, template: { not: "booking_confirmed" } },
    });
    const before = mailTo(resident.email).length;
    smtp.refuseNext(2);

    expect(await dispatchDueNotifications(NOW)).toMatchObject({ sent: 0, failed: 1 });
    const afterFirst = await db.notification.findFirstOrThrow({
      where: { residentId: resident.id },
    });
    expect(afterFirst).toMatchObject({ status: "pending", attempts: 1 });
    expect(afterFirst.lastError).toMatch(/451/);
    expect(afterFirst.sendAfter).toEqual(minutes(2)); // backoff: 2, then 4 minutes

    // not due yet: nothing is tried before the backoff ends
    expect(await dispatchDueNotifications(minutes(1))).toMatchObject({ considered: 0 });
    expect(await dispatchDueNotifications(minutes(2))).toMatchObject({ sent: 0, failed: 1 });
    const afterSecond = await db.notification.findFirstOrThrow({
      where: { residentId: resident.id },
    });
    expect(afterSecond.sendAfter).toEqual(minutes(2 + 4));
    expect(await dispatchDueNotifications(minutes(6))).toMatchObject({ sent: 1, failed: 0 });
    expect(await dispatchDueNotifications(minutes(60))).toMatchObject({ considered: 0 });

    expect(mailTo(resident.email).length - before).toBe(1);
    expect(
      await db.notification.findFirstOrThrow({ where: { residentId: resident.id } }),
    ).toMatchObject({ status: "sent", attempts: 3 });
  });

  it("keeps the booking when the SMTP server cannot be reached, retries, and puts the dead letter on the center's desk", async () => {
    // a port nobody listens on
    useSmtp("smtp://127.0.0.1:9");
    const { resident, place, bookingId } = await bookedResident("en");
    await db.notification.deleteMany({
      where: { residentId: resident.id, template: { not: "booking_confirmed" } },
    });
    expect(await db.booking.count({ where: { id: bookingId, status: "confirmed" } })).toBe(1);

    let at = NOW;
    for (let attempt = 1; attempt <= 5; attempt += 1) {
      expect(await dispatchDueNotifications(at)).toMatchObject({ failed: 1 });
      const row = await db.notification.findFirstOrThrow({ where: { residentId: resident.id } });
      expect(row.attempts).toBe(attempt);
      at = row.sendAfter;
    }
    const dead = await db.notification.findFirstOrThrow({ where: { residentId: resident.id } });
    expect(dead).toMatchObject({ status: "failed", placeId: place.id });
    expect(await dispatchDueNotifications(minutes(24 * 60))).toMatchObject({ considered: 0 });
    expect(await deliveriesAbout(resident.id, `booking:${bookingId}`, NOW)).toContainEqual(
      expect.objectContaining({ state: "failed" }),
    );

    // the center's staff see it, staff of another place do not
    const desk = await makeResident({ name: "Desk" });
    await makeStaffOf(desk.id, place.id);
    const deskUser = await sessionUserOf(desk.id);
    expect(await countFailedDeliveries(failureScope(deskUser)!)).toBe(1);
    const otherPlace = await makePlace();
    const stranger = await makeResident({ name: "Stranger" });
    await makeStaffOf(stranger.id, otherPlace.id);
    const strangerUser = await sessionUserOf(stranger.id);
    expect(await countFailedDeliveries(failureScope(strangerUser)!)).toBe(0);
    expect(
      await settleFailedDelivery(strangerUser, dead.id, "retry", { now: at, ip: null }),
    ).toEqual({ ok: false, code: "notFound" });

    // once the server is back, "send again" delivers it
    useSmtp();
    expect(await settleFailedDelivery(deskUser, dead.id, "retry", { now: at, ip: null })).toEqual({
      ok: true,
    });
    expect(await dispatchDueNotifications(at)).toMatchObject({ sent: 1 });
    expect(mailTo(resident.email)).toHaveLength(1);
    expect(await countFailedDeliveries(failureScope(deskUser)!)).toBe(0);
  });
});

describe("account messages", () => {
  it("go to exactly the given address and keep no code in the database once sent", async () => {
    useSmtp();
    const resident = await makeResident({ name: "Code" });
    await enqueueNotification(
      {
        residentId: resident.id,
        template: "phone_code",
        params: { code: "493817", minutes: 10 },
        sendAfter: NOW,
        direct: { channel: "email", address: "elsewhere@example.test" },
      },
      db,
    );
    await dispatchDueNotifications(NOW);
    const [mail] = mailTo("elsewhere@example.test");
    expect(mail!.text).toContain("493817");
    const row = await db.notification.findFirstOrThrow({
      where: { residentId: resident.id, template: "phone_code" },
    });
    expect(row).toMatchObject({ status: "sent", body: "", topic: "account" });
  });
});

describe("a sending process killed mid-send", () => {
  it("leaves the message to be sent by the next run once its lease ends: delivered once, not lost", async () => {
    const { resident } = await bookedResident("en");
    await db.notification.deleteMany({
      where: { residentId: resident.id, template: { not: "booking_confirmed" } },
    });
    const before = mailTo(resident.email).length;
    const hung = smtp.hangOnNext();
    const child = spawn(
      process.execPath,
      [path.resolve("node_modules/tsx/dist/cli.mjs"), "tests/support/dispatch-once.ts"],
      {
        env: {
          ...process.env,
          SMTP_URL: smtp.url,
          MAIL_FROM: "Seoul Jobs <no-reply@portal.seoul.test>",
          DISPATCH_AT: NOW.toISOString(),
        },
        stdio: "ignore",
      },
    );
    const exited = new Promise((resolve) => child.on("exit", resolve));
    await hung; // the child is inside the send: the server has the message, not yet accepted
    child.kill("SIGKILL");
    await exited;

    const claimed = await db.notification.findFirstOrThrow({ where: { residentId: resident.id } });
    expect(claimed).toMatchObject({ status: "sending", attempts: 1 });
    useSmtp();
    // negative control: while the dead process's lease runs, no one else sends it
    expect(await dispatchDueNotifications(minutes(1))).toMatchObject({ considered: 0 });
    expect(mailTo(resident.email).length - before).toBe(0);
    // after the lease, the next run sends it, once
    const afterLease = new Date(NOW.getTime() + SEND_CLAIM_MS + 1);
    expect(await dispatchDueNotifications(afterLease)).toMatchObject({ sent: 1 });
    expect(await dispatchDueNotifications(minutes(60))).toMatchObject({ considered: 0 });
    expect(mailTo(resident.email).length - before).toBe(1);
    expect(
      await db.notification.findFirstOrThrow({ where: { residentId: resident.id } }),
    ).toMatchObject({ status: "sent", attempts: 2 });
  }, 60_000);
});

async function sessionUserOf(residentId: string) {
  const row = await db.resident.findUniqueOrThrow({
    where: { id: residentId },
    select: {
      id: true,
      email: true,
      name: true,
      role: true,
      staffPlaceId: true,
      staffOrganizationId: true,
      preferredLanguage: true,
    },
  });
  return { ...row, email: row.email ?? "" } as Parameters<typeof settleFailedDelivery>[0];
}

/** Books another slot for an existing resident; returns the booking id. */
async function bookedResidentFor(residentId: string) {
  const place = await makePlace();
  const service = await makeService(place.id);
  const slot = await makeSlot(service.id, "2026-11-27", "15:00");
  const outcome = await bookSlot({
    residentId,
    serviceSlug: service.slug,
    slotId: slot.id,
    idempotencyKey: KEY(),
    now: NOW,
    ip: null,
  });
  if (!outcome.ok) throw new Error(`booking refused: ${outcome.code}`);
  return outcome.bookingId;
}
