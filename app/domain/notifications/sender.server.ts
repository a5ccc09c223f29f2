// Where outgoing messages go. The portal only ever talks to `MessageSender`; the built-in
// LocalMailboxSender writes each message as a file that admins and developers read at
// /dev/mailbox, and an e-mail or SMS gateway plugs in behind the same interface.
import crypto from "node:crypto";
import fs from "node:fs/promises";
import path from "node:path";
import { getEnv } from "~/utils/env.server";

export type OutgoingMessage = {
  id: string;
  channel: "email" | "sms";
  to: string;
  subject: string;
  body: string;
  locale: string;
  template: string;
};

export interface MessageSender {
  readonly name: string;
  send(message: OutgoingMessage): Promise<void>;
}

export type MailboxEntry = OutgoingMessage & { deliveredAt: string; file: string };

export class LocalMailboxSender implements MessageSender {
  readonly name = "local-mailbox";
  constructor(private readonly directory: string) {}

  async send(message: OutgoingMessage): Promise<void> {
    await fs.mkdir(this.directory, { recursive: true });
    const deliveredAt = new Date().toISOString();
    const file = `${deliveredAt.replace(/[:.]/g, "-")}-${message.id}.json`;
    await fs.writeFile(
      path.join(this.directory, file),
      JSON.stringify({ ...message, deliveredAt }, null, 2),
      {
        mode: 0o600,
      },
    );
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

let sender: MessageSender | undefined;

export function getSender(): MessageSender {
  sender ??= new LocalMailboxSender(path.resolve(getEnv().MAILBOX_DIR));
  return sender;
}

/** Tests and deployments replace the sender (e.g. with a gateway client). */
export function setSender(replacement: MessageSender | undefined) {
  sender = replacement;
}

export function newMessageId() {
  return crypto.randomUUID();
}
