import { describe, expect, it } from "vitest";
import { eventFilterSearchParams, parseEventFilters } from "./filters";

const parse = (query: string) => parseEventFilters(new URLSearchParams(query));

describe("parseEventFilters", () => {
  it("reads every filter, leaving out the empty ones a GET form sends", () => {
    expect(
      parse(
        "kind=mentoring&district=mapo&from=2026-11-30&to=2026-12-06&mode=in_person&q=스터디&page=2&x=",
      ),
    ).toEqual({
      ok: true,
      filters: {
        kind: "mentoring",
        district: "mapo",
        from: "2026-11-30",
        to: "2026-12-06",
        mode: "in_person",
        q: "스터디",
        page: 2,
      },
    });
    expect(parse("kind=&district=&q=")).toEqual({ ok: true, filters: { page: 1 } });
  });

  it("names each bad value, with the unfiltered first page", () => {
    const parsed = parse("kind=party&district=atlantis&from=2026-02-30&mode=teleport&page=0");
    expect(parsed.ok).toBe(false);
    expect(parsed.filters).toEqual({ page: 1 });
    if (parsed.ok) return;
    expect(parsed.problems.map((p) => [p.param, p.message])).toEqual([
      ["kind", "events:filterErrors.kind"],
      ["district", "events:filterErrors.district"],
      ["from", "events:filterErrors.from"],
      ["mode", "events:filterErrors.mode"],
      ["page", "events:filterErrors.page"],
    ]);
    expect(parsed.problems[0]!.value).toBe("party");
  });

  it("refuses a range that ends before it starts, and an overlong search", () => {
    const range = parse("from=2026-12-06&to=2026-11-30");
    expect(range.ok ? [] : range.problems.map((p) => p.message)).toEqual([
      "events:filterErrors.range",
    ]);
    const long = parse(`q=${"가".repeat(101)}`);
    expect(long.ok ? [] : long.problems.map((p) => p.param)).toEqual(["q"]);
  });
});

describe("eventFilterSearchParams", () => {
  it("writes the filters back without the page, in a stable order", () => {
    expect(
      eventFilterSearchParams({ q: "특강", kind: "lecture", page: 3, mode: "online" }).toString(),
    ).toBe("kind=lecture&mode=online&q=%ED%8A%B9%EA%B0%95");
  });
});
