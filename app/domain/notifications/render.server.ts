// Message texts in the resident's preferred language, from locales/<lng>/notifications.json.
import type { TFunction } from "i18next";
import { DEFAULT_LANGUAGE, isSupportedLanguage, NAMESPACES } from "~/utils/i18n";
import { getBaseI18n } from "~/utils/i18n.server";

/**
 * A translate function fixed to a language, for texts that leave the site (messages, .ics): the
 * process's one i18next instance, the same the pages use, so there is one set of settings.
 */
export async function messageT(language: string): Promise<TFunction> {
  const lng = isSupportedLanguage(language) ? language : DEFAULT_LANGUAGE;
  return getBaseI18n().getFixedT(lng, [...NAMESPACES]) as unknown as TFunction;
}

/**
 * The words of a message: for e-mail its subject and body, for a text the short `.sms` wording
 * (subject kept for an LMS title). Links in `params` are absolute (site-url.server.ts).
 */
export async function renderMessage(
  template: string,
  language: string,
  params: Record<string, string | number>,
  channel: "email" | "sms" = "email",
): Promise<{ subject: string; body: string }> {
  const t = (await messageT(language)) as unknown as (
    key: string,
    options?: Record<string, unknown>,
  ) => string;
  const subject = t(`notifications:${template}.subject`, params);
  return {
    subject,
    body: t(`notifications:${template}.${channel === "sms" ? "sms" : "body"}`, params),
  };
}
