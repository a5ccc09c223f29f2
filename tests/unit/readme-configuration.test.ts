// The README's configuration table is the operator's contract: every variable the code reads is
// listed there, and nothing listed there is gone from the code.
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { ENVIRONMENT_VARIABLES } from "~/utils/env.server";

const ROOT = path.resolve(__dirname, "../..");
// The operating system's, or the test tools' (README "Run it" describes those), not the site's.
const NOT_FOR_OPERATORS = new Set(["TZ", "PATH", "CHECKPOINT_DISABLE", "POSTGRESQL_BIN_DIR"]);
const testOnly = (name: string) => name.startsWith("TEST_") || NOT_FOR_OPERATORS.has(name);

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === "generated" ? [] : sourceFiles(full);
    return /\.(ts|tsx|js)$/.test(entry.name) && !/\.test\.(ts|tsx|js)$/.test(entry.name)
      ? [full]
      : [];
  });
}

/** Variables read straight from process.env outside env.server.ts (the server, scripts, Prisma). */
function variablesReadDirectly(): string[] {
  const files = [
    ...["app", "server", "prisma", "scripts"].flatMap((d) => sourceFiles(path.join(ROOT, d))),
    path.join(ROOT, "server.js"),
    path.join(ROOT, "prisma.config.ts"),
  ];
  const names = new Set<string>();
  for (const file of files)
    for (const match of fs.readFileSync(file, "utf8").matchAll(/process\.env\.([A-Z][A-Z0-9_]+)/g))
      names.add(match[1]!);
  return [...names];
}

function documentedVariables(): string[] {
  const readme = fs.readFileSync(path.join(ROOT, "README.md"), "utf8");
  const section = readme.split(/^## Configuration$/m)[1]!.split(/^## /m)[0]!;
  const names = new Set<string>();
  for (const row of section.split("\n").filter((line) => line.startsWith("| `"))) {
    const firstCell = row.split("|")[1]!;
    for (const match of firstCell.matchAll(/`([A-Z][A-Z0-9_]+)`/g)) names.add(match[1]!);
  }
  return [...names];
}

describe("README configuration table", () => {
  const documented = documentedVariables();
  const read = [...new Set([...ENVIRONMENT_VARIABLES, ...variablesReadDirectly()])].filter(
    (name) => !testOnly(name),
  );

  it("lists every variable the code reads", () => {
    expect(read.filter((name) => !documented.includes(name))).toEqual([]);
  });

  it("lists only variables the code reads", () => {
    expect(documented.filter((name) => !read.includes(name))).toEqual([]);
  });
});
