// The notification outbox. A capability writes its messages with `enqueueNotification` inside the
// same transaction as the change they announce; `dispatchDueNotifications` (npm run jobs) sends
// what is due through the configured sender, with retries.
import type { Prisma } from "~/generated/prisma/client";
import { getDb } from "~/utils/db.server";
import { renderMessage } from "./render.server";
import { getSender, newMessageId, type MessageSender } from "./sender.server";
import {
  channelsFor,
  isOptionalTopic,
  MAX_ATTEMPTS,
  retryDelayMs,
  textSendTime,
  topicOf,
  type Channel,
  type Topic,
} from "./catalog";
import { unsubscribeUrl } from "./unsubscribe.server";

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
  /** overrides the template's topic: a booking change made by staff is `required` */
  topic?: Topic;
  /** what it is about and whose desk hears of a failure (booking:<id>, the booking's place) */
  about?: { ref?: string; placeId?: string | null; organizationId?: string | null };
  /** pointless after then (a waitlist offer's hold): such a text is not held for quiet hours */
  expiresAt?: Date;
  /**
   * Account messages (codes, reset links): exactly this address on this channel, whatever the
   * resident's choices, and never held for quiet hours.
   */
  direct?: { channel: Channel; address: string };
};

/** The resident's fields that decide where their messages go. */
const recipientSelect = {
  email: true,
  preferredLanguage: true,
  phone: true,
  phoneVerifiedAt: true,
  messageChannels: true,
  mutedTopics: true,
} as const satisfies Prisma.ResidentSelect;

/**
 * Writes a message to the outbox, once per channel the resident chose (catalog.ts `channelsFor`),
 * in their preferred language: e-mail gets the subject and body, a text the short `.sms` wording.
 * Returns the first row written, or null when nothing goes out (a deleted account, a muted topic).
 */
export async function enqueueNotification(input: EnqueueInput, db: OutboxWriter) {
  const resident = await db.resident.findFirst({
    where: { id: input.residentId, deletedAt: null },
    select: recipientSelect,
  });
  if (!resident) return null;
  const topic = input.topic ?? topicOf(input.template);
  const language = resident.preferredLanguage;
  const targets: { channel: Channel; address: string }[] = input.direct
    ? [input.direct]
    : channelsFor(resident, topic).map((channel) => ({
        channel,
        address: channel === "sms" ? resident.phone! : resident.email!,
      }));
  let first: { id: string } | null = null;
  for (const target of targets) {
    const text = await renderMessage(input.template, language, input.params, target.channel);
    const data = {
      residentId: input.residentId,
      channel: target.channel,
      toAddress: target.address,
      template: input.template,
      locale: language,
      subject: text.subject,
      body: text.body,
      topic,
      subjectRef: input.about?.ref ?? null,
      placeId: input.about?.placeId ?? null,
      organizationId: input.about?.organizationId ?? null,
      expiresAt: input.expiresAt ?? null,
      sendAfter:
        target.channel === "sms" && !input.direct
          ? textSendTime(input.sendAfter, topic, input.expiresAt)
          : input.sendAfter,
      // One key per channel: the e-mail and the text of one reminder are scheduled once each.
      dedupeKey: input.dedupeKey
        ? target.channel === "email"
          ? input.dedupeKey
          : `${input.dedupeKey}:${target.channel}`
        : null,
    };
    const row = data.dedupeKey
      ? await db.notification.upsert({
          where: { dedupeKey: data.dedupeKey },
          create: data,
          // an update that changes nothing leaves a message already scheduled as it is; unlike
          // `{}`, it lets Prisma send one INSERT … ON CONFLICT instead of a read, an insert
          // and a read again
          update: { dedupeKey: data.dedupeKey },
          select: { id: true },
        })
      : await db.notification.create({ data, select: { id: true } });
    first ??= row;
  }
  return first;
}

/**
 * A message to someone without an account (a question asked at /labor/ask): one address, one
 * channel, in the language they used. Always `required` (it says only that something awaits them)
 * and sent at once; written in the same transaction as the change it announces.
 */
export async function enqueueToAddress(
  input: {
    channel: Channel;
    address: string;
    language: string;
    template: string;
    params: Record<string, string | number>;
    sendAfter: Date;
    about?: { ref?: string; placeId?: string | null };
  },
  db: Pick<OutboxWriter, "notification">,
) {
  const text = await renderMessage(input.template, input.language, input.params, input.channel);
  return db.notification.create({
    data: {
      residentId: null,
      channel: input.channel,
      toAddress: input.address,
      template: input.template,
      locale: input.language,
      subject: text.subject,
      body: text.body,
      topic: "required",
      subjectRef: input.about?.ref ?? null,
      placeId: input.about?.placeId ?? null,
      sendAfter: input.sendAfter,
    },
    select: { id: true },
  });
}

/**
 * A claimed message is being sent until then. A process that dies mid-send (killed, crashed)
 * leaves it "sending"; once the claim has run out, the next run takes it up again.
 */
export const SEND_CLAIM_MS = 5 * 60_000;

const sendable = (now: Date) => [
  { status: "pending", sendAfter: { lte: now } },
  { status: "sending", claimedUntil: { lt: now } },
];

/**
 * Sends every message that is due. Each is first claimed (status "sending", attempts + 1, a lease
 * of SEND_CLAIM_MS) by one conditional update, so two runners never send the same message; a
 * failure puts it back with a growing delay (catalog.ts `retryDelayMs`) and after MAX_ATTEMPTS it
 * is dead-lettered ("failed"), which its desk sees on /staff/messages.
 */
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
      residentId: true,
      channel: true,
      toAddress: true,
      subject: true,
      body: true,
      locale: true,
      template: true,
      topic: true,
      attempts: true,
    },
  });
  let sent = 0;
  let failed = 0;
  for (const message of due) {
    const claimed = await db.notification.updateMany({
      where: { id: message.id, OR: sendable(now) },
      data: {
        status: "sending",
        claimedUntil: new Date(now.getTime() + SEND_CLAIM_MS),
        attempts: { increment: 1 },
      },
    });
    if (claimed.count === 0) continue;
    const attempts = message.attempts + 1;
    try {
      const receipt = await sender.send({
        id: message.id ?? newMessageId(),
        channel: message.channel === "sms" ? "sms" : "email",
        to: message.toAddress,
        subject: message.subject,
        body: message.body,
        locale: message.locale,
        template: message.template,
        topic: message.topic,
        unsubscribeUrl:
          message.channel === "email" && message.residentId && isOptionalTopic(message.topic)
            ? unsubscribeUrl(message.residentId, message.topic)
            : undefined,
      });
      await db.notification.update({
        where: { id: message.id },
        data: {
          status: "sent",
          sentAt: now,
          lastError: null,
          claimedUntil: null,
          // A code or a reset link is not kept once it has left: the row stays as the record.
          ...(message.topic === "account" ? { body: "" } : {}),
          provider: receipt?.provider ?? sender.name,
          providerId: receipt?.providerId?.slice(0, 200) ?? null,
        },
      });
      sent += 1;
    } catch (error) {
      await db.notification.update({
        where: { id: message.id },
        data: {
          status: attempts >= MAX_ATTEMPTS ? "failed" : "pending",
          claimedUntil: null,
          lastError: String(error instanceof Error ? error.message : error).slice(0, 500),
          sendAfter: new Date(now.getTime() + retryDelayMs(attempts)),
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
  // Each key names the e-mail; its text twin has the same key with ":sms".
  const keys = dedupeKeys.flatMap((key) => [key, `${key}:sms`]);
  await db.notification.updateMany({
    where: { dedupeKey: { in: keys }, status: "pending" },
    data: { status: "cancelled" },
  });
}
