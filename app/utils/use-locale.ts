import { useTranslation } from "react-i18next";
import { DEFAULT_LANGUAGE, isSupportedLanguage, type SupportedLanguage } from "./i18n";

/** The language the page is shown in (for `localized()`, Intl and links). */
export function useLocale(): SupportedLanguage {
  const { i18n } = useTranslation();
  return isSupportedLanguage(i18n.language) ? i18n.language : DEFAULT_LANGUAGE;
}
