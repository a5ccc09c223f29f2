// Decision 0011: app/domain never touches HTTP. ESLint enforces it; this test keeps the rules
// themselves in force (a config change that dropped one would otherwise go unnoticed).
import path from "node:path";
import { ESLint } from "eslint";
import { describe, expect, it } from "vitest";

const ROOT = path.resolve(import.meta.dirname, "../..");
const eslint = new ESLint({ cwd: ROOT });

async function problems(code: string, file = "app/domain/booking/example.server.ts") {
  const [result] = await eslint.lintText(code, { filePath: path.join(ROOT, file) });
  return result!.messages
    .filter((m) => /no-restricted-(imports|globals|syntax)/.test(m.ruleId ?? ""))
    .map((m) => `${m.line}:${m.ruleId}`);
}

// (the first lint loads the config and its plugins: seconds on a busy machine)
describe("the domain/web boundary", { timeout: 60_000 }, () => {
  it("refuses HTTP in a capability module", async () => {
    const code = [
      'import { redirect } from "@remix-run/node";',
      'import { notFound } from "~/utils/http.server";',
      'import { requireUser } from "../../utils/auth.server";',
      'import { getLocale } from "~/utils/i18n.server";',
      "export async function a(request: Request): Promise<Response> {",
      '  if (!request) throw new Response("Not found", { status: 404 });',
      '  return redirect("/");',
      "}",
      "export const b = [notFound, requireUser, getLocale, globalThis.Headers];",
      "export type C = typeof Response;",
    ].join("\n");
    expect(await problems(code)).toEqual([
      "1:no-restricted-imports",
      "2:no-restricted-imports",
      "3:no-restricted-imports",
      "4:no-restricted-imports",
      "5:no-restricted-syntax",
      "5:no-restricted-syntax",
      "6:no-restricted-globals",
      "9:no-restricted-syntax",
      "10:no-restricted-syntax",
    ]);
  });

  it("lets the web layer and plain domain code be", async () => {
    const web =
      'import { redirect } from "@remix-run/node";\nexport const r = (q: Request) => [q, redirect, new Response()];';
    expect(await problems(web, "app/routes-support/example.server.ts")).toEqual([]);
    const domain = [
      'import type { Outcome } from "~/domain/shared/outcome";',
      'import { getLocaleResources } from "~/utils/i18n.server";',
      'export const f = (id: string): Outcome => (id ? { ok: true } : { ok: false, code: "notFound" });',
      "export const g = getLocaleResources;",
    ].join("\n");
    expect(await problems(domain)).toEqual([]);
  });
});
