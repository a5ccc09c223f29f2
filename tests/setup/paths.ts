import fs from "node:fs";
import path from "node:path";

export const ROOT = path.resolve(import.meta.dirname, "../..");
export const TMP = path.join(ROOT, "tests/.tmp");
export const TEMPLATE_DB = path.join(TMP, "template.db");

/**
 * The Node options `npm run serve` starts the server with (package.json), so that tests and
 * benchmarks run it as operators do.
 */
export function serverNodeOptions(): string[] {
  const scripts = JSON.parse(fs.readFileSync(path.join(ROOT, "package.json"), "utf8")).scripts;
  const [, options = ""] = /\bnode ((?:--\S+ )*)server\.js/.exec(scripts.serve as string) ?? [];
  return options.split(" ").filter(Boolean);
}
