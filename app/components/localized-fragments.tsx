// Stored or quoted text inside translated sentences (decision 0024). Apart from localized.tsx so
// that pages which only show stored names do not carry it in their JavaScript.
import { Fragment, type ReactNode } from "react";

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
