// The notification outbox. A capability writes its messages with `enqueueNotification` inside the
// same transaction as the change they announce; `dispatchDueNotifications` (npm run jobs) sends
// what is due through the configured sender, with retries.
import type { Prisma } from "~/generated/prisma/client";
import { getDb } from "~/utils/db.server";
import { renderMessage } from "./render.server";
import { getSender, newMessageId, type MessageSender } from "./sender.server";

type OutboxWriter = {
  resident: Pick<Prisma.ResidentDelegate, "findFirst">;
  notification: Pick<Prisma.NotificationDelegate, "create" | "upsert">;
};

export type EnqueueInput = {
  residentId: string;
  /** key under notifications.<template> in locales/*\/notifications.json */
  template: string;
  params: Record<string, string | number>;
  /** when it may be sent: the app clock's now for "at once", later for a reminder */
  sendAfter: Date;
  /** makes enqueueing idempotent (a reminder is scheduled once per booking) */
  dedupeKey?: string;
  /** the resident's address and language, when the caller has just read them (saves a query) */
  to?: { email: string | null; language: string };
};

/**
 * Writes one message to the outbox in the resident's preferred language. Returns null when the
 * resident has no address any more (a deleted account).
 */
export async function enqueueNotification(input: EnqueueInput, db: OutboxWriter) {
  const resident = input.to
    ? { email: input.to.email, preferredLanguage: input.to.language }
    : await db.resident.findFirst({
        where: { id: input.residentId, deletedAt: null },
        select: { email: true, preferredLanguage: true },
      });
  if (!resident?.email) return null;
  const { subject, body } = await renderMessage(
    input.template,
    resident.preferredLanguage,
    input.params,
  );
  const data = {
    residentId: input.residentId,
    channel: "email",
    toAddress: resident.email,
    template: input.template,
    locale: resident.preferredLanguage,
    subject,
    body,
    sendAfter: input.sendAfter,
    dedupeKey: input.dedupeKey ?? null,
  };
  if (input.dedupeKey) {
    return db.notification.upsert({
      where: { dedupeKey: input.dedupeKey },
      create: data,
      update: {},
      select: { id: true },
    });
  }
  return db.notification.create({ data, select: { id: true } });
}

const MAX_ATTEMPTS = 5;
/**
 * A claimed message is being sent until then. A process that dies mid-send (killed, crashed)
 * leaves it "sending"; once the claim has run out, the next run takes it up again.
 */
export const SEND_CLAIM_MS = 5 * 60_000;

const sendable = (now: Date) => [
  { status: "pending", sendAfter: { lte: now } },
  { status: "sending", claimedUntil: { lt: now } },
];

/** Sends every pending message that is due; failures are retried later with a growing delay. */
export async function dispatchDueNotifications(
  now: Date,
  options: { limit?: number; sender?: MessageSender } = {},
) {
  const db = getDb();
  const sender = options.sender ?? getSender();
  const due = await db.notification.findMany({
    where: { OR: sendable(now) },
    orderBy: { sendAfter: "asc" },
    take: options.limit ?? 100,
    select: {
      id: true,
      channel: true,
      toAddress: true,
      subject: true,
      body: true,
      locale: true,
      template: true,
      attempts: true,
    },
  });
  let sent = 0;
  let failed = 0;
  for (const message of due) {
    // Claim the row first, so two job runners never send the same message twice.
    const claimed = await db.notification.updateMany({
      where: { id: message.id, OR: sendable(now) },
      data: {
        status: "sending",
        claimedUntil: new Date(now.getTime() + SEND_CLAIM_MS),
        attempts: { increment: 1 },
      },
    });
    if (claimed.count === 0) continue;
    try {
      await sender.send({
        id: message.id ?? newMessageId(),
        channel: message.channel === "sms" ? "sms" : "email",
        to: message.toAddress,
        subject: message.subject,
        body: message.body,
        locale: message.locale,
        template: message.template,
      });
      await db.notification.update({
        where: { id: message.id },
        data: { status: "sent", sentAt: now, lastError: null, claimedUntil: null },
      });
      sent += 1;
    } catch (error) {
      const attempts = message.attempts + 1;
      await db.notification.update({
        where: { id: message.id },
        data: {
          status: attempts >= MAX_ATTEMPTS ? "failed" : "pending",
          claimedUntil: null,
          lastError: String(error instanceof Error ? error.message : error).slice(0, 500),
          sendAfter: new Date(now.getTime() + 2 ** attempts * 60_000),
        },
      });
      failed += 1;
    }
  }
  return { sent, failed, considered: due.length };
}

/** Pending messages that a change makes pointless (e.g. the reminder of a cancelled booking). */
export async function cancelPendingNotifications(
  dedupeKeys: string[],
  db: Pick<Prisma.TransactionClient, "notification">,
) {
  if (dedupeKeys.length === 0) return;
  await db.notification.updateMany({
    where: { dedupeKey: { in: dedupeKeys }, status: "pending" },
    data: { status: "cancelled" },
  });
}
