// Korean text search as Koreans type it, without a provider-specific full-text index:
// each searchable row keeps one `searchText` column holding
//   (1) the text lower-cased, (2) its jamo (so "서ㅊ", typed halfway through 초, still matches),
//   (3) its initial consonants with and without spaces (so "ㅅㅊ" finds 서초).
// A query is split into terms; each term, decomposed the same way, must occur (SQL LIKE / Prisma
// `contains`, which behave the same on SQLite and PostgreSQL). The jamo work is es-hangul's.
import { disassemble, getChoseong } from "es-hangul";
import { withoutUnsafeCharacters } from "./text";

const SEPARATOR = " | ";
const MAX_TERMS = 5;
const MAX_TERM_LENGTH = 40;

/** Also drops control characters (NUL above all: PostgreSQL refuses it in any text it compares). */
function normalise(text: string): string {
  return withoutUnsafeCharacters(text.normalize("NFC")).toLowerCase().replace(/\s+/g, " ").trim();
}

export function buildSearchText(parts: Array<string | null | undefined>): string {
  const text = normalise(parts.filter(Boolean).join(" "));
  const initials = getChoseong(text).replace(/\s+/g, " ").trim();
  return [text, disassemble(text), initials, initials.replace(/\s/g, "")].join(SEPARATOR);
}

/** The terms of a query, each as it must appear in `searchText`; empty when nothing to search. */
export function searchTerms(query: string | null | undefined): string[] {
  if (!query) return [];
  return normalise(query)
    .split(" ")
    .filter((term) => term.length > 0)
    .slice(0, MAX_TERMS)
    .map((term) => disassemble(term.slice(0, MAX_TERM_LENGTH)));
}

/** Pure check of one row, for tests and in-memory filtering. */
export function matchesSearch(searchText: string, query: string): boolean {
  return searchTerms(query).every((term) => searchText.includes(term));
}
