// Korean and English must be complete: a key in one language and not the other fails here.
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

  for (const namespace of NAMESPACES) {
    it(`${namespace}: Korean and English have the same keys`, () => {
      const ko = keysOf("ko", namespace);
      const en = keysOf("en", namespace);
      expect({
        onlyInKorean: ko.filter((k) => !en.includes(k)),
        onlyInEnglish: en.filter((k) => !ko.includes(k)),
      }).toEqual({
        onlyInKorean: [],
        onlyInEnglish: [],
      });
    });

    it(`${namespace}: both languages use the same {{placeholders}} and no text is empty`, () => {
      expect(interpolations("en", namespace)).toEqual(interpolations("ko", namespace));
      for (const language of SUPPORTED_LANGUAGES) {
        const raw = fs.readFileSync(path.join(LOCALES, language, `${namespace}.json`), "utf8");
        expect(raw).not.toMatch(/:\s*""/);
      }
    });
  }
});
