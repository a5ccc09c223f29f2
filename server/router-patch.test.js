// patches/@remix-run+router+*.patch makes the server's copy of the router (its CommonJS build)
// flatten and rank a route tree once, compile each path once and remember a path's matches.
// Matching must give exactly what the unpatched build (the ES module browsers get) gives, on the
// first call and on repeats, and no caller may change what the next one gets.
// patches/@remix-run+react+*.patch and react-router-dom+*.patch build the render's route tree
// once per build instead of once per request (decision 0013).
import fs from "node:fs";
import { createRequire } from "node:module";
import { describe, expect, it } from "vitest";
import * as unpatched from "@remix-run/router/dist/router.js";

const require = createRequire(import.meta.url);
const patchedFile = require.resolve("@remix-run/router");
const patched = require(patchedFile);

/** A tree shaped like the portal's: a root, pathless layouts, index routes, params, a splat. */
function routeTree() {
  const route = (id, props = {}, children = []) => ({ id, ...props, children });
  return [
    route("root", { path: "" }, [
      route("routes/_index", { index: true }),
      route("routes/jobs", { path: "jobs" }, [
        route("routes/jobs._index", { index: true }),
        route("routes/jobs.$slug", { path: ":slug" }, [
          route("routes/jobs.$slug._index", { index: true }),
          route("routes/jobs.$slug.apply", { path: "apply" }),
        ]),
      ]),
      route("routes/_staff", {}, [
        route("routes/staff._index", { path: "staff", index: false }),
        route("routes/staff.bookings", { path: "staff/bookings" }),
      ]),
      route("routes/book.$service", { path: "book/:service/:day?" }),
      route("routes/Cafes", { path: "Cafes", caseSensitive: true }),
      route("routes/cafes", { path: "cafes" }),
      route("routes/$", { path: "*" }),
    ]),
  ];
}

const PATHS = [
  "/",
  "/jobs",
  "/jobs/",
  "/jobs/seoul-new-deal-1",
  "/jobs/seoul-new-deal-1/apply",
  "/jobs/%ED%95%9C%EA%B8%80",
  "/staff",
  "/staff/bookings",
  "/book/youth-center-counseling",
  "/book/youth-center-counseling/2026-12-01",
  "/Cafes",
  "/cafes",
  "/CAFES",
  "/no/such/page",
  "//double//slashes",
];

const patchedRemixRoutes = require("@remix-run/react/dist/routes.js");
const patchedReactRouterServer = require("react-router-dom/server.js");

const summary = (matches) =>
  matches?.map((m) => ({ id: m.route.id, params: m.params, pathname: m.pathname })) ?? null;

describe("the patched router (server)", () => {
  it("is the patched copy", () => {
    expect(fs.readFileSync(patchedFile, "utf8")).toContain("seoul-portal patch");
  });

  it("matches every path as the unpatched router does, on the first call and on repeats", () => {
    const routes = routeTree();
    const fresh = routeTree();
    for (let round = 0; round < 3; round += 1)
      for (const path of PATHS)
        expect(summary(patched.matchRoutes(routes, path)), `${path}, round ${round}`).toEqual(
          summary(unpatched.matchRoutes(fresh, path)),
        );
  });

  it("keeps route trees apart: a second tree is matched against its own routes", () => {
    patched.matchRoutes(routeTree(), "/jobs");
    const other = [{ id: "other-root", path: "", children: [{ id: "other", path: "jobs" }] }];
    expect(summary(patched.matchRoutes(other, "/jobs"))?.at(-1)?.id).toBe("other");
  });

  it("matches paths as the unpatched matchPath does, case and end included", () => {
    const patterns = [
      { path: "/cafes", caseSensitive: true, end: true },
      { path: "/cafes", caseSensitive: false, end: true },
      { path: "/jobs/:slug", caseSensitive: false, end: false },
      { path: "/jobs/:slug", caseSensitive: false, end: true },
    ];
    for (let round = 0; round < 2; round += 1)
      for (const pattern of patterns)
        for (const path of ["/cafes", "/Cafes", "/jobs/a", "/jobs/a/apply"])
          expect(patched.matchPath(pattern, path)).toEqual(unpatched.matchPath(pattern, path));
  });

  it("gives every caller its own matches: a changed match or param does not reach the next", () => {
    const routes = routeTree();
    const first = patched.matchRoutes(routes, "/jobs/seoul-new-deal-1/apply");
    // as the unpatched router gives them: one params object shared by the matches of a path
    expect(first[0].params).toBe(first.at(-1).params);
    first.at(-1).params.slug = "changed";
    first[1].pathname = "/changed";
    first.pop();
    const second = patched.matchRoutes(routes, "/jobs/seoul-new-deal-1/apply");
    expect(summary(second)).toEqual(
      summary(unpatched.matchRoutes(routeTree(), "/jobs/seoul-new-deal-1/apply")),
    );
    expect(second.at(-1).params.slug).toBe("seoul-new-deal-1");
  });
});

describe("the render's route tree (server)", () => {
  const manifest = {
    root: { id: "root", path: "", hasLoader: true },
    "routes/_index": { id: "routes/_index", parentId: "root", index: true, hasLoader: false },
    "routes/jobs.$slug": {
      id: "routes/jobs.$slug",
      parentId: "root",
      path: "jobs/:slug",
      hasLoader: true,
    },
  };
  const modules = {
    root: { default: () => null },
    "routes/_index": { default: () => null, handle: { i18n: ["home"] } },
    "routes/jobs.$slug": { default: () => null },
  };
  const future = {};

  it("is built once per build, though the server runtime hands over a new modules object per request", () => {
    expect(fs.readFileSync(require.resolve("@remix-run/react/dist/routes.js"), "utf8")).toContain(
      "seoul-portal patch",
    );
    const first = patchedRemixRoutes.createServerRoutes(manifest, { ...modules }, future, false);
    const again = patchedRemixRoutes.createServerRoutes(manifest, { ...modules }, future, false);
    expect(again).toBe(first);
    expect(first[0].children.map((r) => [r.id, r.path, r.index, r.handle])).toEqual([
      ["routes/_index", undefined, true, { i18n: ["home"] }],
      ["routes/jobs.$slug", "jobs/:slug", undefined, undefined],
    ]);
  });

  it("is built anew when a module or the manifest changes (a development rebuild)", () => {
    const first = patchedRemixRoutes.createServerRoutes(manifest, { ...modules }, future, false);
    const changedModule = { ...modules, "routes/_index": { default: () => null } };
    const rebuilt = patchedRemixRoutes.createServerRoutes(manifest, changedModule, future, false);
    expect(rebuilt).not.toBe(first);
    expect(rebuilt[0].children[0].handle).toBeUndefined();
    const newManifest = { ...manifest };
    expect(
      patchedRemixRoutes.createServerRoutes(newManifest, changedModule, future, false),
    ).not.toBe(rebuilt);
  });

  it("converts a tree to data routes once, and every request's router shows its own matches", () => {
    expect(fs.readFileSync(require.resolve("react-router-dom/server.js"), "utf8")).toContain(
      "seoul-portal patch",
    );
    const routes = patchedRemixRoutes.createServerRoutes(manifest, { ...modules }, future, false);
    const context = (slug) => ({
      basename: "/",
      location: { pathname: `/jobs/${slug}`, search: "", hash: "" },
      matches: patched.matchRoutes(routes, `/jobs/${slug}`),
      loaderData: {},
      actionData: null,
      errors: null,
    });
    const one = patchedReactRouterServer.createStaticRouter(routes, context("a"));
    const two = patchedReactRouterServer.createStaticRouter(routes, context("b"));
    expect(two.routes).toBe(one.routes);
    expect(one.state.matches.at(-1).params).toEqual({ slug: "a" });
    expect(two.state.matches.at(-1).params).toEqual({ slug: "b" });
    expect(two.state.matches.at(-1).route).toBe(one.routes[0].children[1]);
  });
});
