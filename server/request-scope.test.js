// The request scope: a fresh one for every GET, none for anything else — even when the request
// comes to be handled inside another request's scope.
import { describe, expect, it } from "vitest";
import { requestScope } from "./request-scope.js";

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
  it("gives each GET and HEAD a fresh scope of its own", () => {
    const first = scopeSeenBy("GET");
    const second = scopeSeenBy("HEAD");
    expect(first).toBeInstanceOf(Map);
    expect(second).toBeInstanceOf(Map);
    expect(first).not.toBe(second);
  });

  it("runs any other request outside every scope, also when handled inside another's", () => {
    const others = new Map([["user", "someone else"]]);
    storage.run(others, () => {
      for (const method of ["POST", "PUT", "DELETE", "PATCH"])
        expect(scopeSeenBy(method)).toBeUndefined();
      expect(scopeSeenBy("GET")).not.toBe(others);
    });
  });
});
