// The instance pages are rendered with (getRenderI18n) keeps texts asked with plain values: it
// must answer exactly as a fresh i18next does, in every language, and work out anything that is
// not plain every time.
import { describe, expect, it, vi } from "vitest";
import { SUPPORTED_LANGUAGES } from "./i18n";
import { getBaseI18n, getRemixI18n, getRenderI18n, getRouteNamespaces } from "./i18n.server";

const NAMESPACES = ["common", "places", "account", "errors"] as const;

/** i18next's translator, which works each text out (not in its public types) */
type WithTranslator = { translator: { translate: (...args: unknown[]) => unknown } };

/** Calls a page makes: plain keys, interpolation, plurals, a missing key, a returned object. */
const CALLS: [string, Record<string, unknown>?][] = [
  ["places:status.open"],
  ["places:status.opens.today", { time: "09:00" }],
  ["places:status.opens.today", { time: "18:30" }],
  ["places:status.opens.weekday", { time: "09:00", day: "Monday" }],
  ["account:people.count", { count: 1 }],
  ["account:people.count", { count: 7 }],
  ["places:no.such.key"],
  ["places:status.opens.today", { time: "09:00", lngs: ["en", "ko"] }],
];

describe("the render instance's texts", () => {
  it("are those a fresh instance gives, in every language, and the same when asked again", () => {
    for (const language of SUPPORTED_LANGUAGES) {
      const fresh = getBaseI18n().getFixedT(language, NAMESPACES);
      const render = getRenderI18n(language, [...NAMESPACES]);
      const t = render.getFixedT(language, NAMESPACES);
      for (const [key, options] of CALLS) {
        const expected = fresh(key, options as never);
        expect(t(key, options as never), `${language} ${key}`).toEqual(expected);
        expect(t(key, options as never), `${language} ${key}, again`).toEqual(expected);
      }
      expect(t("places:status.opens.today", { time: "09:00" })).not.toBe(
        t("places:status.opens.today", { time: "10:00" }),
      );
    }
  });

  it("are worked out once for plain values, and every time for anything else", () => {
    const render = getRenderI18n("en", [...NAMESPACES]);
    const t = render.getFixedT("en", NAMESPACES);
    const translate = vi.spyOn((render as unknown as WithTranslator).translator, "translate");
    try {
      t("places:status.opens.tomorrow", { time: "07:15" });
      t("places:status.opens.tomorrow", { time: "07:15" });
      t("places:status.opens.tomorrow", { time: "07:15" });
      expect(translate).toHaveBeenCalledTimes(1);

      // an object among the values (a React element, a date): never kept
      const element = { type: "strong", props: {} };
      t("places:status.holiday", { name: element as never });
      t("places:status.holiday", { name: element as never });
      expect(translate).toHaveBeenCalledTimes(3);

      // a returned object is not a text: not kept (i18next translates each of its keys)
      const before = translate.mock.calls.length;
      const statuses = t("places:status", { returnObjects: true }) as unknown as Record<
        string,
        unknown
      >;
      expect(statuses.open).toBe("Open now");
      const once = translate.mock.calls.length - before;
      expect(once).toBeGreaterThan(0);
      t("places:status", { returnObjects: true });
      expect(translate.mock.calls.length - before).toBe(2 * once);
    } finally {
      translate.mockRestore();
    }
  });
});

describe("the routes' namespaces", () => {
  const modules = () => ({
    root: { default: () => null, handle: { i18n: ["common", "errors"] } },
    "routes/cafes": { default: () => null, handle: { i18n: "places" } },
    "routes/about": { default: () => null },
  });

  it("are remix-i18next's, worked out once per build", () => {
    const manifest = {};
    const first = getRouteNamespaces({ manifest, routeModules: modules() } as never);
    expect(first).toEqual(
      getRemixI18n().getRouteNamespaces({ manifest, routeModules: modules() } as never),
    );
    expect([...first].sort()).toEqual(["common", "errors", "places"]);
    // Remix hands over a new object of the same modules with every request
    expect(getRouteNamespaces({ manifest, routeModules: modules() } as never)).toBe(first);
  });

  it("are worked out again for another build", () => {
    const before = getRouteNamespaces({ manifest: {}, routeModules: modules() } as never);
    const rebuilt = {
      ...modules(),
      "routes/jobs": { default: () => null, handle: { i18n: ["jobs"] } },
    };
    const after = getRouteNamespaces({ manifest: {}, routeModules: rebuilt } as never);
    expect(after).not.toBe(before);
    expect(after).toContain("jobs");
  });
});
