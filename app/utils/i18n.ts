import { useTranslation } from "react-i18next";
// i18next settings shared by the server and the browser. Korean is the default language; English,
// Simplified Chinese and Vietnamese are complete site languages (decision 0024).
export const SUPPORTED_LANGUAGES = ["ko", "en", "zh", "vi"] as const;
export type SupportedLanguage = (typeof SUPPORTED_LANGUAGES)[number];
export const DEFAULT_LANGUAGE: SupportedLanguage = "ko";
/** The query parameter that shows a page in a language (`?lang=zh`): the hreflang alternates. */
export const LANGUAGE_PARAMETER = "lang";
export const NAMESPACES = [
  "common",
  "auth",
  "account",
  "validation",
  "errors",
  "districts",
  "eligibility",
  "notifications",
  "jobs",
  "places",
  "booking",
  "labor",
  "events",
] as const;

export const i18nConfig = {
  supportedLngs: [...SUPPORTED_LANGUAGES],
  fallbackLng: DEFAULT_LANGUAGE,
  defaultNS: "common",
  ns: ["common"],
  interpolation: { escapeValue: false },
  react: { useSuspense: false },
} as const;

export function isSupportedLanguage(value: unknown): value is SupportedLanguage {
  return typeof value === "string" && (SUPPORTED_LANGUAGES as readonly string[]).includes(value);
}

const INTL_LOCALES: Record<SupportedLanguage, string> = {
  ko: "ko-KR",
  en: "en-GB",
  zh: "zh-CN",
  vi: "vi-VN",
};

/** The Intl locale of a language, for dates, times and money (always in Asia/Seoul). */
export function intlLocale(language: string): string {
  return isSupportedLanguage(language) ? INTL_LOCALES[language] : INTL_LOCALES[DEFAULT_LANGUAGE];
}

/**
 * The language the page is shown in (for `localized()`, Intl and links). Here rather than in a
 * module of its own: this module is part of every page already, a separate one cost most pages a
 * chunk of their JavaScript budget.
 */
export function useLocale(): SupportedLanguage {
  const { i18n } = useTranslation();
  return isSupportedLanguage(i18n.language) ? i18n.language : DEFAULT_LANGUAGE;
}
