// Where outgoing messages go. The outbox only ever talks to `MessageSender`. The configured one
// routes by channel: e-mail over SMTP when SMTP_URL is set, texts through the gateway SMS_PROVIDER
// names; whatever is not configured lands in the local mailbox that admins and developers read at
// /dev/mailbox (the embedded default: nothing leaves the machine).
import crypto from "node:crypto";
import fs from "node:fs/promises";
import path from "node:path";
import { getEnv } from "~/utils/env.server";
import { SmtpSender } from "./smtp.server";
import { createTextGateway } from "./text-gateway.server";

export type OutgoingMessage = {
  id: string;
  channel: "email" | "sms";
  to: string;
  subject: string;
  body: string;
  locale: string;
  template: string;
  /** `required`, `account` or an optional topic (catalog.ts) */
  topic?: string;
  /** optional messages: the one-click link that turns their topic off (List-Unsubscribe) */
  unsubscribeUrl?: string;
};

/** Who delivered a message, and their id for it (for support questions to the provider). */
export type DeliveryReceipt = { provider: string; providerId?: string };

export interface MessageSender {
  readonly name: string;
  /** Resolves once the provider accepted the message; rejects when it did not. */
  send(message: OutgoingMessage): Promise<DeliveryReceipt | void>;
}

export type MailboxEntry = OutgoingMessage & { deliveredAt: string; file: string };

export class LocalMailboxSender implements MessageSender {
  readonly name = "local-mailbox";
  constructor(private readonly directory: string) {}

  async send(message: OutgoingMessage): Promise<DeliveryReceipt> {
    await fs.mkdir(this.directory, { recursive: true });
    const deliveredAt = new Date().toISOString();
    const file = `${deliveredAt.replace(/[:.]/g, "-")}-${message.id}.json`;
    await fs.writeFile(
      path.join(this.directory, file),
      JSON.stringify({ ...message, deliveredAt }, null, 2),
      { mode: 0o600 },
    );
    return { provider: this.name, providerId: file };
  }

  async list(limit = 200): Promise<MailboxEntry[]> {
    let files: string[];
    try {
      files = (await fs.readdir(this.directory)).filter((f) => f.endsWith(".json"));
    } catch {
      return [];
    }
    const newest = files.sort().reverse().slice(0, limit);
    return Promise.all(
      newest.map(async (file) => ({
        ...(JSON.parse(
          await fs.readFile(path.join(this.directory, file), "utf8"),
        ) as OutgoingMessage & { deliveredAt: string }),
        file,
      })),
    );
  }
}

/** E-mail to one sender, texts to another. */
class ChannelRouter implements MessageSender {
  readonly name: string;
  constructor(
    readonly email: MessageSender,
    readonly sms: MessageSender,
  ) {
    this.name = email === sms ? email.name : `${email.name}+${sms.name}`;
  }

  send(message: OutgoingMessage) {
    return (message.channel === "sms" ? this.sms : this.email).send(message);
  }
}

let sender: MessageSender | undefined;

export function getSender(): MessageSender {
  if (!sender) {
    const env = getEnv();
    const mailbox = new LocalMailboxSender(path.resolve(env.MAILBOX_DIR));
    const email = env.SMTP_URL ? new SmtpSender(env.SMTP_URL, env.MAIL_FROM) : mailbox;
    sender = new ChannelRouter(email, createTextGateway(env) ?? mailbox);
  }
  return sender;
}

/** The local mailbox, when some channel still writes to it (the /dev/mailbox page). */
export function localMailbox(): LocalMailboxSender | null {
  const current = getSender();
  if (current instanceof LocalMailboxSender) return current;
  if (current instanceof ChannelRouter) {
    for (const channel of [current.email, current.sms]) {
      if (channel instanceof LocalMailboxSender) return channel;
    }
  }
  return null;
}

/** Tests and deployments replace the sender (e.g. with a gateway client). */
export function setSender(replacement: MessageSender | undefined) {
  sender = replacement;
}

export function newMessageId() {
  return crypto.randomUUID();
}
