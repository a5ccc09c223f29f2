// One look-up per page request: server/app.js runs every GET in a request scope, in which the
// app's oncePerRequest() computes a value once; POSTs (whose action may change what the loaders
// after it must see) and code outside any request compute afresh.
import { describe, expect, it } from "vitest";
import { oncePerRequest } from "~/utils/request-scope.server";
import { requestScope } from "../../server/request-scope.js";

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

  it("keeps nothing for a POST, nor outside any request", async () => {
    const { compute, calls } = counter();
    await asRequest("POST", () => {
      oncePerRequest("user", compute);
      oncePerRequest("user", compute);
    });
    oncePerRequest("user", compute);
    oncePerRequest("user", compute);
    expect(calls()).toBe(4);
  });
});
