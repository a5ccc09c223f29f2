// Page titles in the person's language. `meta` cannot call i18next, so the root loader hands the
// titles of the current language down (a small object) and routes pick theirs by key.
import type { MetaArgs, MetaDescriptor } from "@remix-run/node";

type RootData = { titles?: Record<string, string> } | undefined;

function titles(args: Pick<MetaArgs, "matches">): Record<string, string> {
  const root = args.matches.find((match) => match.id === "root")?.data as RootData;
  return root?.titles ?? {};
}

/** `<title>` of a page from its key in locales/<lng>/common.json → titles. */
export function pageTitle(args: Pick<MetaArgs, "matches">, key: string): MetaDescriptor[] {
  const all = titles(args);
  return withSiteName(args, all[key] ?? "");
}

/** `<title>` from text the route already has (a place's or a posting's name). */
export function withSiteName(args: Pick<MetaArgs, "matches">, text: string): MetaDescriptor[] {
  const site = titles(args).site ?? "";
  return [{ title: text ? `${text} | ${site}` : site }];
}
