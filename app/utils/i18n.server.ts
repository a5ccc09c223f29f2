// Server-side i18n: translations are read from locales/<lng>/<ns>.json on disk (once; again on
// every request in development so edits show up), language detection follows the page's `?lang=`
// (the hreflang alternates), the switcher's cookie, then Accept-Language, then Korean.
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { createInstance, type i18n as I18n } from "i18next";
import Negotiator from "negotiator";
import type { EntryContext } from "@remix-run/node";
import { initReactI18next } from "react-i18next";
import { RemixI18Next } from "remix-i18next/server";
import { getEnv } from "./env.server";
import {
  i18nConfig,
  isSupportedLanguage,
  LANGUAGE_PARAMETER,
  NAMESPACES,
  SUPPORTED_LANGUAGES,
  DEFAULT_LANGUAGE,
  type SupportedLanguage,
} from "./i18n";
import { oncePerRequest } from "./request-scope.server";
import { languageCookie } from "./session.server";
import { ERROR_KINDS } from "./error-kind";

type Resources = Record<string, Record<string, Record<string, unknown>>>;

let cache: { resources: Resources; version: string } | undefined;

export function getLocaleResources() {
  if (cache && getEnv().appEnv !== "development") return cache;
  const localesDir = path.resolve("locales");
  const resources: Resources = {};
  const hash = crypto.createHash("sha256");
  for (const language of SUPPORTED_LANGUAGES) {
    resources[language] = {};
    for (const namespace of fs.readdirSync(path.join(localesDir, language)).sort()) {
      if (!namespace.endsWith(".json")) continue;
      const text = fs.readFileSync(path.join(localesDir, language, namespace), "utf8");
      hash.update(`${language}/${namespace}:${text}`);
      resources[language][namespace.replace(/\.json$/, "")] = JSON.parse(text);
    }
  }
  cache = { resources, version: hash.digest("hex").slice(0, 12) };
  return cache;
}

let instance: RemixI18Next | undefined;

export function getRemixI18n(): RemixI18Next {
  instance ??= new RemixI18Next({
    detection: {
      supportedLanguages: [...SUPPORTED_LANGUAGES],
      fallbackLanguage: DEFAULT_LANGUAGE,
      cookie: languageCookie,
      searchParamKey: LANGUAGE_PARAMETER,
      order: ["searchParams", "cookie", "custom"],
      findLocale: async (request) => negotiateLanguage(request.headers.get("accept-language")),
    },
    i18next: {
      ...i18nConfig,
      ns: [...NAMESPACES],
      resources: getLocaleResources().resources,
    },
  });
  return instance;
}

/**
 * The site language an Accept-Language header asks for: the first (by quality) whose primary
 * subtag is one of ours, so "zh-TW" finds zh and "vi-VN,en;q=0.8" finds vi (remix-i18next's own
 * matching tries exact regions first across the whole list, and would pick en there); Korean when
 * none is. negotiator (jshttp, as used by Express) parses the header.
 */
function negotiateLanguage(acceptLanguage: string | null): SupportedLanguage {
  if (!acceptLanguage) return DEFAULT_LANGUAGE;
  const asked = new Negotiator({ headers: { "accept-language": acceptLanguage } }).languages();
  for (const tag of asked) {
    const primary = tag.split("-")[0]!.toLowerCase();
    if (isSupportedLanguage(primary)) return primary;
  }
  return DEFAULT_LANGUAGE;
}

/** The language of this request (?lang= → switcher cookie → Accept-Language → Korean). */
export function getLocale(request: Request): Promise<string> {
  return oncePerRequest("locale", () => getRemixI18n().getLocale(request));
}

let base: { instance: I18n; version: string } | undefined;

/**
 * One initialised i18next instance for the whole process (re-created when the translations on
 * disk change in development). Requests get cheap clones or fixed `t`s of it instead of a new
 * instance each, which would re-process every translation on every request.
 */
export function getBaseI18n(): I18n {
  const { resources, version } = getLocaleResources();
  if (!base || base.version !== version) {
    const instance = createInstance();
    void instance.init({ ...i18nConfig, ns: [...NAMESPACES], resources, initImmediate: false });
    base = { instance, version };
  }
  return base.instance;
}

const routeNamespacesByBuild = new WeakMap<object, string[]>();

/**
 * The namespaces the routes declare (`handle.i18n`), for the render instance. remix-i18next reads
 * them from every route module of the build, not only the page's (Remix hands the entry all of
 * them), so the answer is the same for every request of one build: worked out once per build,
 * which its manifest stands for (a development rebuild brings a new one).
 */
export function getRouteNamespaces(context: Pick<EntryContext, "manifest" | "routeModules">) {
  let namespaces = routeNamespacesByBuild.get(context.manifest);
  if (!namespaces) {
    namespaces = getRemixI18n().getRouteNamespaces(context as EntryContext);
    routeNamespacesByBuild.set(context.manifest, namespaces);
  }
  return namespaces;
}

let renderInstances = { version: "", byKey: new Map<string, I18n>() };

/**
 * The i18next instance a page is rendered with: a clone of the process's instance in the page's
 * language, with the namespaces its routes declare. Rendering only reads from it (the language is
 * never changed on the server), so one clone per language and set of namespaces serves every
 * request instead of a new clone each (a clone builds its own translator and services).
 */
export function getRenderI18n(locale: string, namespaces: string[]): I18n {
  const base = getBaseI18n();
  const { version } = getLocaleResources();
  if (renderInstances.version !== version) renderInstances = { version, byKey: new Map() };
  const key = `${locale}|${namespaces.join(",")}`;
  let i18n = renderInstances.byKey.get(key);
  if (!i18n) {
    // routes × languages stay far below this; it only bounds the map against the unforeseen
    if (renderInstances.byKey.size >= 1_000) renderInstances.byKey.clear();
    i18n = base.cloneInstance({ lng: locale, initImmediate: false });
    i18n.use(initReactI18next);
    i18n.options.ns = namespaces;
    rememberTexts(i18n);
    renderInstances.byKey.set(key, i18n);
  }
  return i18n;
}

/** Texts kept per render instance; the map is emptied when it reaches this. */
const KEPT_TEXTS = 2_000;

/**
 * A page asks the same texts again and again (every card's "opens today at 09:00"), and i18next
 * works each out afresh: it looks the key up through its namespaces, interpolates, applies
 * plurals. For a given instance (one language, one version of the translations) a key with the
 * same plain values always gives the same text, so texts asked with plain values (strings,
 * numbers, booleans, lists of strings) are kept. Anything else (objects, React elements, a
 * returned object) is worked out every time.
 */
function rememberTexts(i18n: I18n) {
  const translate = i18n.t.bind(i18n) as unknown as (...args: unknown[]) => unknown;
  const texts = new Map<string, string>();
  const remembering = (...args: unknown[]) => {
    const id = args.length <= 2 ? plainCall(args[0], args[1]) : undefined;
    if (id === undefined) return translate(...args);
    const kept = texts.get(id);
    if (kept !== undefined) return kept;
    const text = translate(...args);
    if (typeof text === "string") {
      if (texts.size >= KEPT_TEXTS) texts.clear();
      texts.set(id, text);
    }
    return text;
  };
  i18n.t = remembering as unknown as I18n["t"];
}

function isPlainValue(value: unknown): boolean {
  const type = typeof value;
  return (
    value === null ||
    type === "string" ||
    type === "number" ||
    type === "boolean" ||
    type === "undefined" ||
    (Array.isArray(value) && value.every((item) => typeof item === "string"))
  );
}

/** The call as text when its key and every option are plain values, else undefined. */
function plainCall(key: unknown, options: unknown): string | undefined {
  if (!isPlainValue(key) || key === null || key === undefined) return undefined;
  if (options !== undefined) {
    if (options === null || typeof options !== "object" || Array.isArray(options)) return undefined;
    if (!Object.values(options).every(isPlainValue)) return undefined;
  }
  return JSON.stringify([key, options ?? null]);
}

/** A translate function for server-side texts (page titles, messages), in the request's language. */
export async function getServerT(request: Request) {
  const locale = await getLocale(request);
  return getBaseI18n().getFixedT(locale, [...NAMESPACES]);
}

let titlesByLanguage = { version: "", titles: new Map<string, Record<string, string>>() };

/**
 * Every page's title in a language (common:titles, and `error.<kind>` for the error pages), for
 * the root loader: worked out once per language and version of the translations rather than on
 * every request.
 */
export function pageTitles(locale: string): Record<string, string> {
  const { version } = getLocaleResources();
  if (titlesByLanguage.version !== version) titlesByLanguage = { version, titles: new Map() };
  let titles = titlesByLanguage.titles.get(locale);
  if (!titles) {
    const t = getBaseI18n().getFixedT(locale, ["common", "errors"]);
    titles = { ...(t("titles", { returnObjects: true }) as Record<string, string>) };
    for (const kind of ERROR_KINDS) titles[`error.${kind}`] = t(`errors:${kind}.title`);
    titlesByLanguage.titles.set(locale, titles);
  }
  return titles;
}
