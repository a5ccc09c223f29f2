// Text the site keeps in the database in two languages only, Korean and English (names,
// descriptions, addresses…), picked one way: `localizedText(item, locale)` for a `{ ko, en }`
// pair and `localizedText(item, locale, "name")` for an item's `nameKo`/`nameEn` fields.
// It returns the text and the language it is really in, so that a page can mark a fragment in
// another language than its own (`<Localized>`, app/components/localized.tsx) and a screen reader
// switches voice. Korean pages show Korean; English, Chinese and Vietnamese pages show English,
// the language of the stored translation most of those readers share (decision 0024). Either
// falls back to the other when it is empty, rather than showing nothing.
import { intlLocale, isSupportedLanguage } from "~/utils/i18n";

/** Text in both stored languages. */
export type Bilingual = { ko: string; en: string };
/** The languages stored text exists in. */
export type StoredLanguage = keyof Bilingual;
export type LocalizedText = { text: string; lang: StoredLanguage };

export type Fields<F extends string> = { [K in `${F}Ko` | `${F}En`]: string | null | undefined };

/** Which stored language a page language shows first: Korean for Korean, else English. */
export function storedLanguageFor(locale: string): StoredLanguage {
  return locale === "ko" || !isSupportedLanguage(locale) ? "ko" : "en";
}

export function localizedText(text: Bilingual, locale: string): LocalizedText;
export function localizedText<F extends string>(
  item: Fields<F>,
  locale: string,
  field: F,
): LocalizedText;
export function localizedText(
  item: Bilingual | Record<string, string | null | undefined>,
  locale: string,
  field?: string,
): LocalizedText {
  const record = item as Record<string, string | null | undefined>;
  const [ko, en] = field ? [record[`${field}Ko`], record[`${field}En`]] : [record.ko, record.en];
  const first = storedLanguageFor(locale);
  const [preferred, other] = first === "en" ? [en, ko] : [ko, en];
  if (preferred) return { text: preferred, lang: first };
  return { text: other ?? "", lang: first === "en" ? "ko" : "en" };
}

/**
 * The text alone, for places that cannot carry a `lang` attribute: attributes, page titles,
 * sorting, CSV, plain-text messages. In a page's content use `<Localized>` instead.
 */
export function localized(text: Bilingual, locale: string): string;
export function localized<F extends string>(item: Fields<F>, locale: string, field: F): string;
export function localized(
  item: Bilingual | Record<string, string | null | undefined>,
  locale: string,
  field?: string,
): string {
  return (localizedText as (i: typeof item, l: string, f?: string) => LocalizedText)(
    item,
    locale,
    field,
  ).text;
}

/**
 * Orders items by the name a page in `locale` shows (Korean on Korean pages, else English), with
 * the page language's collation: a Chinese or Vietnamese page lists English names, and sorting
 * them by their Korean names would look random to its reader.
 */
export function byDisplayedName(locale: string) {
  const collator = new Intl.Collator(intlLocale(locale));
  return (a: Fields<"name">, b: Fields<"name">) =>
    collator.compare(localized(a, locale, "name"), localized(b, locale, "name"));
}
