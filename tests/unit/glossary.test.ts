// locales/glossary.json: one agreed translation per labor-law and portal term. A message whose
// Korean text uses a term must use the agreed term in every other site language, without regard
// to case (English may also use one of the entry's `enVariants`; the glossary's `about` says what
// the other fields mean).
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { NAMESPACES, SUPPORTED_LANGUAGES } from "~/utils/i18n";

type Term = {
  ko: string;
  en: string;
  zh: string;
  vi: string;
  note?: string;
  /** other English wordings the site uses for the term */
  enVariants?: string[];
  /** languages that leave a generic word implicit where the context says it: not checked */
  mayOmitIn?: string[];
  /** per language, messages ("namespace:key") that say it another way on purpose */
  exceptions?: Partial<Record<string, string[]>>;
};
const LOCALES = path.resolve(import.meta.dirname, "../../locales");
const glossary = JSON.parse(fs.readFileSync(path.join(LOCALES, "glossary.json"), "utf8")) as {
  about: string;
  terms: Term[];
};
const PLURAL_SUFFIX = /_(zero|one|two|few|many|other)$/;

/** Every message of a namespace by key; plural forms ("_one", "_other") joined under one key. */
function messages(language: string, namespace: string): Map<string, string> {
  const file = path.join(LOCALES, language, `${namespace}.json`);
  const result = new Map<string, string>();
  const walk = (value: unknown, prefix: string) => {
    if (typeof value === "string") {
      const key = prefix.replace(PLURAL_SUFFIX, "");
      result.set(key, `${result.get(key) ?? ""}\n${value}`);
    } else if (value && typeof value === "object") {
      for (const [k, v] of Object.entries(value)) walk(v, prefix ? `${prefix}.${k}` : k);
    }
  };
  walk(JSON.parse(fs.readFileSync(file, "utf8")), "");
  return result;
}

const translations = SUPPORTED_LANGUAGES.filter((language) => language !== "ko");

/** Where a translation lacks the agreed term: "namespace:key (language)". */
function glossaryMisses(term: Term): string[] {
  const misses: string[] = [];
  for (const namespace of NAMESPACES) {
    const korean = messages("ko", namespace);
    const others = Object.fromEntries(translations.map((l) => [l, messages(l, namespace)]));
    for (const [key, text] of korean) {
      if (!text.includes(term.ko)) continue;
      for (const language of translations) {
        if (term.mayOmitIn?.includes(language)) continue;
        if (term.exceptions?.[language]?.includes(`${namespace}:${key}`)) continue;
        const translated = others[language]!.get(key) ?? "";
        // without regard to case: a term may begin a sentence ("Lương theo giờ")
        const wordings =
          language === "en" ? [term.en, ...(term.enVariants ?? [])] : [term[language]];
        const accepted = wordings.some((wording) =>
          translated.toLocaleLowerCase(language).includes(wording.toLocaleLowerCase(language)),
        );
        if (!accepted) misses.push(`${namespace}:${key} (${language})`);
      }
    }
  }
  return misses;
}

describe("glossary", () => {
  it("finds a message that does not use the agreed term (negative control)", () => {
    // every Korean message with 최저임금 says "minimum wage" in English; a made-up agreed term
    // that no English message uses must be reported for each of them
    const invented = { ...glossary.terms.find((t) => t.ko === "최저임금")!, en: "floor pay" };
    expect(glossaryMisses({ ...invented, enVariants: [], exceptions: {} })).toContain(
      "labor:calc.minimum.title (en)",
    );
  });

  it("gives every term in every site language", () => {
    for (const term of glossary.terms) {
      for (const language of SUPPORTED_LANGUAGES) expect(term[language], term.ko).toBeTruthy();
    }
  });

  for (const term of glossary.terms) {
    it(`${term.ko}: every message using it says "${term.en}" / ${term.zh} / ${term.vi}`, () => {
      expect(glossaryMisses(term)).toEqual([]);
    });
  }
});
