// Text the site keeps in both its languages, picked one way: `localized(item, locale)` for a
// `{ ko, en }` pair and `localized(item, locale, "name")` for an item's `nameKo`/`nameEn` fields.
// Korean is the source language, so a missing English text shows the Korean one rather than
// nothing (and the other way round).

/** Text in both site languages. */
export type Bilingual = { ko: string; en: string };

type Fields<F extends string> = { [K in `${F}Ko` | `${F}En`]: string | null | undefined };

export function localized(text: Bilingual, locale: string): string;
export function localized<F extends string>(item: Fields<F>, locale: string, field: F): string;
export function localized(
  item: Bilingual | Record<string, string | null | undefined>,
  locale: string,
  field?: string,
): string {
  const record = item as Record<string, string | null | undefined>;
  const [ko, en] = field ? [record[`${field}Ko`], record[`${field}En`]] : [record.ko, record.en];
  return (locale === "en" ? en || ko : ko || en) ?? "";
}
