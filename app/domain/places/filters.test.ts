import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { filterSearchParams, parseBBox, parsePlaceFilters } from "./filters";

const parse = (query: string, kind?: "rest_shelter" | "job_cafe") =>
  parsePlaceFilters(new URLSearchParams(query), { kind });

describe("parsePlaceFilters", () => {
  it("reads every filter, ignoring the empty fields a GET form sends", () => {
    const result = parse(
      "kind=job_cafe&sub=university&district=mapo&service=counseling&q=%20홍대%20&open=at&date=2026-11-28&time=10:30&near=37.55,126.92&page=2&utm=x&sort=",
    );
    expect(result).toEqual({
      ok: true,
      filters: {
        kind: "job_cafe",
        subKind: "university",
        district: "mapo",
        service: "counseling",
        q: "홍대",
        open: { mode: "at", date: "2026-11-28", time: "10:30" },
        near: { lat: 37.55, lng: 126.92 },
        page: 2,
      },
    });
    expect(parse("kind=&sub=&district=&q=&open=&date=&time=&near=&page=")).toEqual({
      ok: true,
      filters: { page: 1 },
    });
  });

  it("takes the kind from a sub-kind, and from the directory page", () => {
    expect(parse("sub=courier")).toMatchObject({
      ok: true,
      filters: { kind: "rest_shelter", subKind: "courier" },
    });
    expect(parse("open=now&kind=job_cafe", "rest_shelter")).toMatchObject({
      ok: true,
      filters: { kind: "rest_shelter", open: { mode: "now" } },
    });
  });

  it("refuses unknown values, impossible times and coordinates that are not numbers", () => {
    const cases: Array<[string, string, string]> = [
      ["kind=castle", "kind", "places:filterErrors.kind"],
      ["district=gotham", "district", "places:filterErrors.district"],
      ["service=massage", "service", "places:filterErrors.service"],
      ["kind=job_cafe&sub=courier", "sub", "places:filterErrors.sub"],
      ["open=later", "open", "places:filterErrors.open"],
      ["open=at&date=2026-02-30&time=10:00", "date", "places:filterErrors.date"],
      ["open=at&date=2026-11-28&time=25:00", "time", "places:filterErrors.time"],
      ["open=at&date=2026-11-28&time=9:00", "time", "places:filterErrors.time"],
      ["open=at&time=10:00", "date", "places:filterErrors.date"],
      ["near=north,south", "near", "places:filterErrors.near"],
      ["near=37.5", "near", "places:filterErrors.near"],
      ["near=95,127", "near", "places:filterErrors.near"],
      ["near=37.5,127,1", "near", "places:filterErrors.near"],
      ["near=Infinity,127", "near", "places:filterErrors.near"],
      ["page=0", "page", "places:filterErrors.page"],
      ["page=-1", "page", "places:filterErrors.page"],
      ["page=two", "page", "places:filterErrors.page"],
      [`q=${"가".repeat(101)}`, "q", "places:filterErrors.q"],
    ];
    for (const [query, param, message] of cases) {
      const result = parse(query, param === "sub" || param === "kind" ? undefined : "rest_shelter");
      expect(result.ok, query).toBe(false);
      if (!result.ok) {
        expect(result.problems, query).toContainEqual(expect.objectContaining({ param, message }));
      }
    }
  });

  it("falls back to the unfiltered directory, keeping only the page's own kind", () => {
    expect(parse("district=gotham&open=now", "rest_shelter")).toEqual({
      ok: false,
      problems: [{ param: "district", value: "gotham", message: "places:filterErrors.district" }],
      filters: { kind: "rest_shelter", page: 1 },
    });
  });

  it("ignores a date and time that do not go with 'open at'", () => {
    expect(parse("date=nonsense&time=99:99")).toEqual({ ok: true, filters: { page: 1 } });
    expect(parse("open=now&date=2026-11-28&time=10:00")).toMatchObject({
      ok: true,
      filters: { open: { mode: "now" } },
    });
  });

  it("never throws, whatever the URL holds", () => {
    fc.assert(
      fc.property(
        fc.dictionary(
          fc.constantFrom(
            "kind",
            "sub",
            "district",
            "service",
            "q",
            "open",
            "date",
            "time",
            "near",
            "page",
          ),
          fc.string({ maxLength: 120 }),
        ),
        (fields) => {
          const result = parsePlaceFilters(new URLSearchParams(fields));
          expect(typeof result.ok).toBe("boolean");
        },
      ),
    );
  });

  it("round-trips through its own URL parameters", () => {
    const first = parse(
      "sub=media&district=mapo&q=상암&open=at&date=2026-12-01&time=09:30&near=37.5,126.9",
    );
    expect(first.ok).toBe(true);
    if (!first.ok) return;
    const again = parse(filterSearchParams(first.filters).toString());
    expect(again).toEqual(first);
    expect(
      filterSearchParams(
        { kind: "rest_shelter", page: 3 },
        { fixedKind: "rest_shelter" },
      ).toString(),
    ).toBe("");
  });
});

describe("parseBBox", () => {
  it("reads west,south,east,north and treats absence as everywhere", () => {
    expect(parseBBox(new URLSearchParams("bbox=126.9,37.5,127.1,37.6"))).toEqual({
      ok: true,
      bbox: [126.9, 37.5, 127.1, 37.6],
    });
    expect(parseBBox(new URLSearchParams(""))).toEqual({ ok: true, bbox: null });
  });

  it("refuses boxes that are not four ordered numbers", () => {
    for (const bbox of [
      "a,b,c,d",
      "126.9,37.5,127.1",
      "127.1,37.5,126.9,37.6",
      "0,0,0,0",
      "1,2,3,NaN",
    ]) {
      expect(parseBBox(new URLSearchParams({ bbox })).ok, bbox).toBe(false);
    }
  });
});
