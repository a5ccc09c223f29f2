import { describe, expect, it } from "vitest";
import { INPUT_LIMITS, inputShapeProblem, queryShapeProblem } from "./bounded-input.js";

describe("bounded input", () => {
  it("accepts the site's own forms", () => {
    const hours = Array.from({ length: 21 }, (_, i) => [
      [`intervals[${i}].weekday`, "1"],
      [`intervals[${i}].opens`, "09:00"],
      [`intervals[${i}].closes`, "18:00"],
    ]).flat();
    expect(inputShapeProblem([["email", "a@b.c"], ["password", "x"], ...hours])).toBeNull();
    expect(queryShapeProblem("/jobs?q=청년&kind=new_deal&page=2")).toBeNull();
    expect(queryShapeProblem("/jobs")).toBeNull();
  });

  it.each([
    ["x[100000000]", 400],
    ["x[501]", 400],
    ["x[0000000000000001]", 400],
    ["a" + ".b".repeat(20_000), 400],
    ["a" + "[0]".repeat(10), 400],
    ["k".repeat(201), 400],
    ["na\u0000me", 400],
  ])("refuses the field name %#", (key, status) => {
    expect(inputShapeProblem([[key, "1"]])?.status).toBe(status);
  });

  it("refuses too many fields and overlong values", () => {
    const many = Array.from({ length: INPUT_LIMITS.fields + 1 }, (_, i) => [`f${i}`, "1"]);
    expect(inputShapeProblem(many)?.status).toBe(413);
    expect(inputShapeProblem([["q", "x".repeat(INPUT_LIMITS.valueLength + 1)]])?.status).toBe(413);
  });

  it("checks a query string, with the attacker's example", () => {
    expect(queryShapeProblem("/jobs?page=x&x%5B100000000%5D=1")?.status).toBe(400);
    expect(queryShapeProblem("/staff/people?q=a%00b")?.status).toBe(400);
    expect(queryShapeProblem("/jobs/a%00b")?.status).toBe(400);
    expect(queryShapeProblem("/jobs?q=%2500")).toBeNull();
    expect(queryShapeProblem(`/jobs?q=${"a".repeat(9000)}`)?.status).toBe(414);
  });

  it("answers in well under a second for the largest request the body limit lets in", () => {
    const key = "a" + ".b".repeat(400_000);
    const started = performance.now();
    expect(inputShapeProblem([[key, "1"]])?.status).toBe(400);
    expect(performance.now() - started).toBeLessThan(200);
  });
});
