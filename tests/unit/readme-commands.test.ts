// The commands the README (and docs/) tell people to type exist: every `npm run <name>` and
// `npm start|test|…` in code is a script of package.json, and a flag passed to a script after `--`
// is one its program reads. The files the decision records name exist.
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { serverNodeOptions } from "../setup/paths";

const ROOT = path.resolve(__dirname, "../..");
const scripts: Record<string, string> = JSON.parse(
  fs.readFileSync(path.join(ROOT, "package.json"), "utf8"),
).scripts;

/** npm's own commands that run a script of the same name. */
const RUNS_A_SCRIPT = new Set(["start", "test", "stop", "restart"]);
/** npm's own commands that run no script of ours. */
const NPM_BUILTINS = new Set(["install", "ci", "run"]);

const DOCUMENTS = [
  "README.md",
  ...fs.readdirSync(path.join(ROOT, "docs")).map((name) => `docs/${name}`),
  ...fs.readdirSync(path.join(ROOT, "docs/decisions")).map((name) => `docs/decisions/${name}`),
].filter((file) => file.endsWith(".md"));

/** Code spans and code blocks: where a document tells what to type. */
function codeIn(markdown: string): string[] {
  const blocks = [...markdown.matchAll(/^```[^\n]*\n([\s\S]*?)^```/gm)].map((m) => m[1]!);
  const prose = markdown.replace(/^```[^\n]*\n[\s\S]*?^```/gm, "");
  return [...blocks, ...[...prose.matchAll(/`([^`\n]+)`/g)].map((m) => m[1]!)];
}

type Command = { file: string; text: string; script: string | null; flags: string[] };

function commandsIn(file: string): Command[] {
  const markdown = fs.readFileSync(path.join(ROOT, file), "utf8");
  const commands: Command[] = [];
  for (const code of codeIn(markdown)) {
    for (const match of code.matchAll(
      /\bnpm\s+(run\s+)?([a-z][\w:-]*)((?:\s+--\s+(?:--?[\w-]+\s*)+)?)/g,
    )) {
      const [text, run, name, rest] = [match[0], match[1], match[2]!, match[3] ?? ""];
      const flags = rest
        .replace(/^\s*--\s+/, "")
        .split(/\s+/)
        .filter(Boolean);
      if (run || RUNS_A_SCRIPT.has(name)) commands.push({ file, text, script: name, flags });
      else commands.push({ file, text, script: NPM_BUILTINS.has(name) ? null : name, flags });
    }
  }
  // "Other commands": `npm run test:unit`, `test:integration`, `test:e2e` — the bare names of a
  // row that starts with `npm run` are scripts too
  for (const row of markdown.split("\n").filter((line) => /^\| `npm run /.test(line))) {
    const firstCell = row.split("|")[1]!;
    for (const match of firstCell.matchAll(/`([a-z][\w:-]*)`/g))
      commands.push({ file, text: match[1]!, script: match[1]!, flags: [] });
  }
  return commands;
}

const commands = DOCUMENTS.flatMap(commandsIn);

describe("commands in the README and docs", () => {
  it("finds the commands (the scan itself works)", () => {
    const texts = commands.map((c) => c.text);
    expect(texts).toEqual(expect.arrayContaining(["npm test", "npm run dev", "test:integration"]));
  });

  it("names only scripts that package.json has", () => {
    const missing = commands
      .filter((c) => c.script !== null && !(c.script in scripts))
      .map((c) => `${c.file}: ${c.text}`);
    expect(missing).toEqual([]);
  });

  it("passes only flags that the script's program reads", () => {
    const unread = commands
      .filter((c) => c.flags.length > 0)
      .flatMap((c) => {
        const program = scripts[c.script!]?.match(/[\w./-]+\.(?:ts|js)\b/)?.[0];
        const source = program ? fs.readFileSync(path.join(ROOT, program), "utf8") : "";
        return c.flags
          .filter((flag) => !source.includes(`"${flag}"`))
          .map((f) => `${c.text}: ${f}`);
      });
    expect(unread).toEqual([]);
  });
});

describe("files the decision records name", () => {
  // a path with a directory and an extension, e.g. `app/utils/db.server.ts`, `server/cluster.js`
  const PATH =
    /`((?:\.\/)?(?:app|server|scripts|prisma|tests|docs|public|locales)\/[\w./$[\]-]+)`/g;

  it.each(fs.readdirSync(path.join(ROOT, "docs/decisions")).filter((f) => f.endsWith(".md")))(
    "%s",
    (name) => {
      const text = fs.readFileSync(path.join(ROOT, "docs/decisions", name), "utf8");
      const named = [...text.matchAll(PATH)].map((m) => m[1]!.replace(/[.,:;]+$/, ""));
      const missing = named.filter((file) => !fs.existsSync(path.join(ROOT, file)));
      expect(missing).toEqual([]);
    },
  );
});

describe("the scripts that start the server", () => {
  it("start it with the same Node options (README: Operating the server)", () => {
    const options = serverNodeOptions();
    expect(options).toContain("--max-semi-space-size=32");
    for (const name of ["start", "serve", "dev"])
      expect(scripts[name], name).toContain(`node ${options.join(" ")} server.js`);
  });
});
