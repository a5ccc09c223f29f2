// i18next settings shared by the server and the browser. Korean is the default language.
export const SUPPORTED_LANGUAGES = ["ko", "en"] as const;
export type SupportedLanguage = (typeof SUPPORTED_LANGUAGES)[number];
export const DEFAULT_LANGUAGE: SupportedLanguage = "ko";
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

/** The Intl locale of a language, for dates, times and money. */
export function intlLocale(language: string): string {
  return language === "en" ? "en-GB" : "ko-KR";
}
