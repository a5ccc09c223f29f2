import { describe, expect, it } from "vitest";
import { eventFilterSearchParams, monthShown, parseEventFilters, shiftMonth } from "./filters";

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
        view: "agenda",
        page: 2,
      },
    });
    expect(parse("kind=&district=&q=")).toEqual({
      ok: true,
      filters: { view: "agenda", page: 1 },
    });
    expect(parse("view=month&month=2026-12&forMe=1")).toEqual({
      ok: true,
      filters: { view: "month", month: "2026-12", forMe: true, page: 1 },
    });
  });

  it("names each bad value, with the unfiltered first page", () => {
    const parsed = parse("kind=party&district=atlantis&from=2026-02-30&mode=teleport&page=0");
    expect(parsed.ok).toBe(false);
    expect(parsed.filters).toEqual({ view: "agenda", page: 1 });
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

  it("refuses an unknown view, a month that is not one, and a 'for me' that is not 1", () => {
    const bad = parse("view=week&month=2026-13&forMe=yes");
    expect(bad.ok ? [] : bad.problems.map((p) => p.message)).toEqual([
      "events:filterErrors.forMe",
      "events:filterErrors.view",
      "events:filterErrors.month",
    ]);
    for (const month of ["2026-1", "1999-12", "2026-12-01", "december"]) {
      expect(parse(`month=${month}`).ok).toBe(false);
    }
  });
});

describe("eventFilterSearchParams", () => {
  it("writes the filters back without the page, in a stable order", () => {
    expect(
      eventFilterSearchParams({
        q: "특강",
        kind: "lecture",
        page: 3,
        mode: "online",
        view: "month",
        month: "2026-12",
      }).toString(),
    ).toBe("kind=lecture&mode=online&q=%ED%8A%B9%EA%B0%95");
  });

  it("keeps 'for me' only where a login is at hand", () => {
    const filters = { district: "mapo", forMe: true, view: "agenda" as const, page: 1 };
    expect(eventFilterSearchParams(filters).toString()).toBe("district=mapo&forMe=1");
    expect(eventFilterSearchParams(filters, { forMe: false }).toString()).toBe("district=mapo");
  });
});

describe("months", () => {
  it("moves across years", () => {
    expect(shiftMonth("2026-12", 1)).toBe("2027-01");
    expect(shiftMonth("2026-01", -1)).toBe("2025-12");
    expect(shiftMonth("2026-11", 0)).toBe("2026-11");
  });

  it("shows the month asked for, else the start day's, else today's", () => {
    const base = { view: "month" as const, page: 1 };
    expect(monthShown({ ...base, month: "2027-02", from: "2026-12-01" }, "2026-11-25")).toBe(
      "2027-02",
    );
    expect(monthShown({ ...base, from: "2026-12-05" }, "2026-11-25")).toBe("2026-12");
    expect(monthShown(base, "2026-11-25")).toBe("2026-11");
  });
});
