import { describe, expect, it } from "vitest";
import { withIsoDates } from "./iso-dates";

describe("dates leaving loaders", () => {
  it("become ISO strings, however deeply nested", () => {
    const when = new Date("2026-11-26T01:00:00Z");
    expect(withIsoDates({ a: when, list: [{ b: when, n: 1, s: "x", nil: null }] })).toEqual({
      a: "2026-11-26T01:00:00.000Z",
      list: [{ b: "2026-11-26T01:00:00.000Z", n: 1, s: "x", nil: null }],
    });
  });
});
