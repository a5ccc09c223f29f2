import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { DEFAULT_LANGUAGE, isSupportedLanguage } from "~/utils/i18n";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { getSender, localMailbox } from "~/domain/notifications/sender.server";
import { requireRole } from "~/utils/auth.server";
import { getEnv } from "~/utils/env.server";
import { formatDateTime } from "~/utils/format";
import { invariantResponse, notFound } from "~/utils/http.server";
import { pageTitle } from "~/utils/meta";
import { useRootData } from "~/utils/root-data";

export const meta: MetaFunction = (args) => pageTitle(args, "mailbox");

/**
 * The development sender's mailbox. Messages hold residents' personal data, so only admins (the
 * developers' role on a shared machine) may read it, and the page does not exist in production or
 * when messages really leave the building (another sender is configured).
 */
export async function loader({ request }: LoaderFunctionArgs) {
  const mailbox = localMailbox();
  invariantResponse(getEnv().appEnv !== "production" && mailbox, notFound);
  await requireRole(request, ["admin"]);
  return { senderName: getSender().name, messages: await mailbox.list() };
}

export default function Mailbox() {
  const { t } = useTranslation();
  const { senderName, messages } = useLoaderData<typeof loader>();
  const locale = useRootData()?.locale ?? "ko";
  return (
    <section className="page" aria-labelledby="mailbox-title">
      <h1 id="mailbox-title">{t("mailbox.title")}</h1>
      <p>{t("mailbox.intro")}</p>
      <p className="hint">{t("mailbox.sender", { name: senderName })}</p>
      {messages.length === 0 ? <p>{t("mailbox.empty")}</p> : null}
      <ol className="stack plain-list">
        {messages.map((message) => (
          <li key={message.file} className="card">
            <h2 lang={message.locale}>{message.subject}</h2>
            <dl className="facts">
              <dt>{t("mailbox.to")}</dt>
              <dd>
                {message.to} ({t(`mailbox.channel.${message.channel === "sms" ? "sms" : "email"}`)})
              </dd>
              <dt>{t("mailbox.sentAt")}</dt>
              <dd>{formatDateTime(message.deliveredAt, locale)}</dd>
              <dt>{t("mailbox.language")}</dt>
              <dd>
                {t(
                  `language.name.${isSupportedLanguage(message.locale) ? message.locale : DEFAULT_LANGUAGE}`,
                )}
              </dd>
            </dl>
            <pre className="message-body" lang={message.locale}>
              {message.body}
            </pre>
          </li>
        ))}
      </ol>
    </section>
  );
}
