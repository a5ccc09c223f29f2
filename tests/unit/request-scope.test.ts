// One look-up per page request: server/app.js runs every request in a request scope, in which the
// app's oncePerRequest() computes a value once, and every action in a scope of its own (an action
// may change what the loaders after it must see); code outside any request computes afresh.
import { describe, expect, it } from "vitest";
import { oncePerRequest } from "~/utils/request-scope.server";
import { requestScope, withActionsInScopesOfTheirOwn } from "../../server/request-scope.js";

/** Runs `work` as server/app.js would for a request of this method; returns what it returned. */
function asRequest<T>(method: string, work: () => T): Promise<T> {
  return new Promise((resolve) => {
    requestScope({ method }, {}, () => resolve(work()));
  });
}

function counter() {
  let calls = 0;
  return { compute: () => (calls += 1), calls: () => calls };
}

describe("oncePerRequest", () => {
  it("computes once per GET, even across awaits, and again for the next GET", async () => {
    const { compute, calls } = counter();
    const seen = await asRequest("GET", async () => {
      const first = oncePerRequest("user", compute);
      await new Promise((r) => setTimeout(r, 1));
      return [first, oncePerRequest("user", compute), oncePerRequest("locale", compute)];
    });
    expect(seen).toEqual([1, 1, 2]);
    expect(await asRequest("HEAD", () => oncePerRequest("user", compute))).toBe(3);
    expect(calls()).toBe(3);
  });

  it("keeps what an action works out from the loaders after it, which share theirs", async () => {
    const { compute, calls } = counter();
    const build = withActionsInScopesOfTheirOwn({
      entry: { module: {} },
      routes: {
        root: { id: "root", module: { loader: () => oncePerRequest("user", compute) } },
        "routes/form": {
          id: "routes/form",
          module: {
            loader: () => oncePerRequest("user", compute),
            action: () => [oncePerRequest("user", compute), oncePerRequest("user", compute)],
          },
        },
      },
    });
    const { root, "routes/form": form } = build.routes;
    const seen = await asRequest("POST", async () => {
      // as Remix runs a form sent without JavaScript: the action, then the page's loaders
      const acted = await form!.module.action!({});
      const loaded = await Promise.all([root!.module.loader(), form!.module.loader()]);
      return { acted, loaded };
    });
    expect(seen).toEqual({ acted: [1, 1], loaded: [2, 2] });
    // the build is otherwise the same
    expect(build.entry).toEqual({ module: {} });
    expect(build.routes.root!.module).not.toHaveProperty("action");
    expect(calls()).toBe(2);
  });

  it("keeps nothing outside any request", () => {
    const { compute, calls } = counter();
    oncePerRequest("user", compute);
    oncePerRequest("user", compute);
    expect(calls()).toBe(2);
  });
});
