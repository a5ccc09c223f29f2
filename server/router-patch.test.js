// patches/@remix-run+router+*.patch makes the server's copy of the router (its CommonJS build)
// flatten and rank a route tree once and compile each path once. Matching must give exactly what
// the unpatched build (the ES module browsers get) gives, on the first call and on repeats.
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
});
