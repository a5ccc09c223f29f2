// Stored Ko/En text shown in a page (decision 0024): a Chinese or Vietnamese page shows a place's
// English name, so the fragment carries lang="en" and a screen reader reads it in an English voice
// instead of a Chinese one. The one way to show stored text in a page's content.
import { Fragment, type ReactNode } from "react";
import {
  localizedText,
  type Bilingual,
  type Fields,
  type LocalizedText,
} from "~/domain/shared/localized";
import { useLocale } from "~/utils/use-locale";

type LocalizedProps<F extends string> =
  { of: Bilingual; field?: never } | { of: Fields<F>; field: F };

/** `<Localized of={place} field="name" />`, `<Localized of={posting.title} />` */
export function Localized<F extends string>(props: LocalizedProps<F>) {
  const locale = useLocale();
  const shown = props.field
    ? localizedText(props.of as Fields<F>, locale, props.field)
    : localizedText(props.of as Bilingual, locale);
  return <InLanguage text={shown} pageLanguage={locale} />;
}

/** Text already picked by `localizedText`, marked when it is not in the page's language. */
export function InLanguage({ text, pageLanguage }: { text: LocalizedText; pageLanguage: string }) {
  if (!text.text) return null;
  return text.lang === pageLanguage ? <>{text.text}</> : <span lang={text.lang}>{text.text}</span>;
}

const HANGUL = /[\uAC00-\uD7A3\u3131-\u318E]/;

/**
 * Text of no set language (a source a report or staff wrote: "최저임금위원회 고시"): marked Korean
 * when it is written in Hangul, so a screen reader on an English, Chinese or Vietnamese page reads
 * it in a Korean voice.
 */
export function QuotedText({ text, pageLanguage }: { text: string; pageLanguage: string }) {
  return pageLanguage !== "ko" && HANGUL.test(text) ? <span lang="ko">{text}</span> : <>{text}</>;
}

// Private-use characters that a translation never contains, around a fragment's number.
const MARK = "\uE000";
const MARKED = new RegExp(`${MARK}(\\d+)${MARK}`);

/**
 * A translated sentence with elements inside, e.g. a stored name with its own `lang`:
 * `withFragments((fragment) => t("place.book", { service: fragment(<Localized … />) }))`.
 * The translation keeps its word order; each fragment takes its placeholder's place.
 */
export function withFragments(sentence: (fragment: (node: ReactNode) => string) => string) {
  const nodes: ReactNode[] = [];
  const text = sentence((node) => `${MARK}${nodes.push(node) - 1}${MARK}`);
  const parts = text.split(MARKED);
  return parts.map((part, index) => (
    // odd parts are the fragments' numbers (split keeps the captured group)
    <Fragment key={index}>{index % 2 === 1 ? nodes[Number(part)] : part}</Fragment>
  ));
}
