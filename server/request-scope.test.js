// The request scope: a fresh one for every request, whatever its method, even when the request
// comes to be handled inside another request's scope; and each action in a fresh one of its own.
import { describe, expect, it } from "vitest";
import { requestScope, withActionsInScopesOfTheirOwn } from "./request-scope.js";

const storage = globalThis[Symbol.for("seoul-portal.request-scope")];

/** Runs the middleware for `method` and returns the scope its `next` saw. */
function scopeSeenBy(method) {
  let seen = "not called";
  requestScope({ method }, {}, () => {
    seen = storage.getStore();
  });
  return seen;
}

describe("requestScope", () => {
  it("gives every request a fresh scope of its own, also when handled inside another's", () => {
    const others = new Map([["user", "someone else"]]);
    storage.run(others, () => {
      const seen = ["GET", "HEAD", "POST", "PUT", "DELETE", "PATCH"].map(scopeSeenBy);
      for (const scope of seen) {
        expect(scope).toBeInstanceOf(Map);
        expect(scope).not.toBe(others);
        expect(scope.size).toBe(0);
      }
      expect(new Set(seen).size).toBe(seen.length);
    });
  });

  it("runs each action in a fresh scope inside the request's, and leaves loaders in the request's", async () => {
    const build = withActionsInScopesOfTheirOwn({
      routes: {
        form: {
          id: "form",
          module: {
            action: async () => storage.getStore(),
            loader: async () => storage.getStore(),
          },
        },
      },
    });
    const request = new Map();
    const [action, loader] = await storage.run(request, async () => [
      await build.routes.form.module.action({}),
      await build.routes.form.module.loader({}),
    ]);
    expect(action).toBeInstanceOf(Map);
    expect(action).not.toBe(request);
    expect(loader).toBe(request);
  });
});
