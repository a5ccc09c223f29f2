// Every site language must be complete (ko, en, zh, vi): a key or a placeholder that one language
// has and Korean has not, or the other way round, fails here.
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { NAMESPACES, SUPPORTED_LANGUAGES } from "~/utils/i18n";

const LOCALES = path.resolve(import.meta.dirname, "../../locales");
const PLURAL_SUFFIX = /_(zero|one|two|few|many|other)$/;

function flatten(value: unknown, prefix = ""): string[] {
  if (typeof value === "string") return [prefix.replace(PLURAL_SUFFIX, "")];
  if (value && typeof value === "object") {
    return Object.entries(value).flatMap(([key, child]) =>
      flatten(child, prefix ? `${prefix}.${key}` : key),
    );
  }
  throw new Error(`${prefix}: translations must be strings or objects`);
}

function keysOf(language: string, namespace: string): string[] {
  const file = path.join(LOCALES, language, `${namespace}.json`);
  return [...new Set(flatten(JSON.parse(fs.readFileSync(file, "utf8"))))].sort();
}

function interpolations(language: string, namespace: string): Record<string, string[]> {
  const file = path.join(LOCALES, language, `${namespace}.json`);
  const result: Record<string, string[]> = {};
  const walk = (value: unknown, prefix: string) => {
    if (typeof value === "string") {
      const key = prefix.replace(PLURAL_SUFFIX, "");
      const names = [...value.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]!);
      result[key] = [...new Set([...(result[key] ?? []), ...names])].sort();
    } else if (value && typeof value === "object") {
      for (const [k, v] of Object.entries(value)) walk(v, prefix ? `${prefix}.${k}` : k);
    }
  };
  walk(JSON.parse(fs.readFileSync(file, "utf8")), "");
  return result;
}

describe("locales", () => {
  it("has exactly the declared namespaces in every language", () => {
    for (const language of SUPPORTED_LANGUAGES) {
      const files = fs
        .readdirSync(path.join(LOCALES, language))
        .map((f) => f.replace(/\.json$/, ""))
        .sort();
      expect(files).toEqual([...NAMESPACES].sort());
    }
  });

  // Korean is the reference; every other site language has exactly its keys and placeholders.
  const translations = SUPPORTED_LANGUAGES.filter((language) => language !== "ko");
  for (const namespace of NAMESPACES) {
    for (const language of translations) {
      it(`${namespace}: Korean and ${language} have the same keys`, () => {
        const ko = keysOf("ko", namespace);
        const other = keysOf(language, namespace);
        expect({
          onlyInKorean: ko.filter((k) => !other.includes(k)),
          [`onlyIn_${language}`]: other.filter((k) => !ko.includes(k)),
        }).toEqual({ onlyInKorean: [], [`onlyIn_${language}`]: [] });
      });

      it(`${namespace}: Korean and ${language} use the same {{placeholders}}`, () => {
        expect(interpolations(language, namespace)).toEqual(interpolations("ko", namespace));
      });
    }

    it(`${namespace}: no text is empty in any language`, () => {
      for (const language of SUPPORTED_LANGUAGES) {
        const raw = fs.readFileSync(path.join(LOCALES, language, `${namespace}.json`), "utf8");
        expect(raw).not.toMatch(/:\s*""/);
      }
    });
  }
});
