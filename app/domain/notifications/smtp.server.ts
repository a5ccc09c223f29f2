// E-mail over SMTP (nodemailer): SMTP_URL, e.g. smtp://user:pass@mail.example:587 (STARTTLS when
// the server offers it) or smtps://…:465, and MAIL_FROM. Every message has a plain-text part and
// an HTML part in the resident's language, a Message-ID made from the outbox row (so a message sent
// again after a crash is recognisably the same one), and optional ones carry List-Unsubscribe.
import nodemailer, { type Transporter } from "nodemailer";
import type { DeliveryReceipt, MessageSender, OutgoingMessage } from "./sender.server";

export class SmtpSender implements MessageSender {
  readonly name = "smtp";
  private readonly transport: Transporter;
  private readonly fromDomain: string;

  constructor(
    url: string,
    private readonly from: string,
  ) {
    const server = new URL(url);
    const implicitTls = server.protocol === "smtps:";
    this.transport = nodemailer.createTransport({
      host: server.hostname,
      port: Number(server.port) || (implicitTls ? 465 : 587),
      // smtps: TLS from the first byte; smtp: STARTTLS whenever the server offers it.
      secure: implicitTls,
      auth: server.username
        ? {
            user: decodeURIComponent(server.username),
            pass: decodeURIComponent(server.password),
          }
        : undefined,
      // Bounded waits: an unreachable server fails the attempt, the outbox retries later.
      connectionTimeout: 10_000,
      greetingTimeout: 10_000,
      socketTimeout: 30_000,
    });
    this.fromDomain = /@([^>\s]+)>?\s*$/.exec(from)?.[1] ?? "localhost";
  }

  async send(message: OutgoingMessage): Promise<DeliveryReceipt> {
    const info = await this.transport.sendMail({
      from: this.from,
      to: message.to,
      subject: message.subject,
      text: message.body,
      html: htmlOf(message.body, message.locale, message.subject),
      messageId: `<${message.id}@${this.fromDomain}>`,
      headers: {
        "Content-Language": message.locale,
        // RFC 8058 one-click: a mail client may POST to the link; no page to visit first.
        ...(message.unsubscribeUrl
          ? { "List-Unsubscribe-Post": "List-Unsubscribe=One-Click" }
          : {}),
      },
      ...(message.unsubscribeUrl
        ? { list: { unsubscribe: { url: message.unsubscribeUrl, comment: "Unsubscribe" } } }
        : {}),
    });
    return { provider: this.name, providerId: info.messageId };
  }
}

const escapeHtml = (text: string) =>
  text.replace(
    /[&<>"']/g,
    (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!,
  );

/**
 * The HTML part: the plain text, paragraph by paragraph, with its web addresses as links. No
 * images, no tracking: it reads the same in any mail client and in a screen reader.
 */
function htmlOf(body: string, language: string, title: string): string {
  const paragraphs = body
    .split(/\n{2,}/)
    .map((paragraph) => {
      const linked = escapeHtml(paragraph).replace(
        /https?:\/\/[^\s<>"']+/g,
        (url) => `<a href="${url}">${url}</a>`,
      );
      return `<p>${linked.replace(/\n/g, "<br>\n")}</p>`;
    })
    .join("\n");
  return `<!doctype html>
<html lang="${escapeHtml(language)}">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width"><title>${escapeHtml(title)}</title></head>
<body style="font-family: sans-serif; font-size: 16px; line-height: 1.6; max-width: 40em;">
${paragraphs}
</body>
</html>`;
}
