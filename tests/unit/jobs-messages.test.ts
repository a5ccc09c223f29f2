// Validation messages of the jobs forms are i18next keys written as strings in zod schemas and
// server replies, which the type checker cannot see: every one must exist in both languages.
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const ROOT = path.resolve(import.meta.dirname, "../..");
const SOURCES = [
  "app/domain/jobs/schema.ts",
  "app/routes-support/jobs-applicants.server.ts",
  "app/routes/applications.$applicationId.tsx",
  "app/routes/staff.postings.new.tsx",
  "app/routes/staff.postings.$postingId._index.tsx",
  "app/routes/staff.rounds.new.tsx",
  "app/routes/staff.rounds.$roundId._index.tsx",
];

function lookup(language: string, key: string): unknown {
  const [namespace, rest] = key.split(":") as [string, string];
  const file = path.join(ROOT, "locales", language, `${namespace}.json`);
  return rest
    .split(".")
    .reduce<unknown>(
      (node, part) =>
        node && typeof node === "object" ? (node as Record<string, unknown>)[part] : undefined,
      JSON.parse(fs.readFileSync(file, "utf8")),
    );
}

describe("jobs validation messages", () => {
  const keys = new Set(
    SOURCES.flatMap((file) => [
      ...fs.readFileSync(path.join(ROOT, file), "utf8").matchAll(/"((?:jobs|validation):[\w.]+)"/g),
    ]).map((match) => match[1]!),
  );

  it("finds the keys it checks", () => {
    expect(keys.size).toBeGreaterThan(20);
  });

  for (const key of keys) {
    it(`${key} exists in Korean and English`, () => {
      expect(typeof lookup("ko", key), key).toBe("string");
      expect(typeof lookup("en", key), key).toBe("string");
    });
  }
});
