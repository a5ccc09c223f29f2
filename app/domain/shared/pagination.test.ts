import { describe, expect, it } from "vitest";
import { pageFromUrl, pageField } from "./page-parameter";
import { MAX_PAGE, pageCount, pageWindow, paginate } from "./pagination";

describe("pagination links", () => {
  it("shows the first, the last and the pages around the current one", () => {
    expect(pageWindow(1, 1)).toEqual([1]);
    expect(pageWindow(5, 20)).toEqual([1, "gap", 3, 4, 5, 6, 7, "gap", 20]);
    expect(pageWindow(2, 4)).toEqual([1, 2, 3, 4]);
    expect(pageWindow(20, 20)).toEqual([1, "gap", 18, 19, 20]);
  });
});

describe("paginate and pageCount", () => {
  it("skips the rows of the pages before", () => {
    expect(paginate(1, 20)).toEqual({ skip: 0, take: 20 });
    expect(paginate(3, 20)).toEqual({ skip: 40, take: 20 });
  });

  it("counts an empty list as one page and never more than MAX_PAGE", () => {
    expect(pageCount(0, 20)).toBe(1);
    expect(pageCount(20, 20)).toBe(1);
    expect(pageCount(21, 20)).toBe(2);
    expect(pageCount(1_000_000, 20)).toBe(MAX_PAGE);
  });
});

describe("the page parameter", () => {
  it.each([
    ["/x", 1],
    ["/x?page=", 1],
    ["/x?page=4", 4],
    ["/x?page=0", 1],
    ["/x?page=-2", 1],
    ["/x?page=two", 1],
    ["/x?page=2.5", 1],
    [`/x?page=${MAX_PAGE}`, MAX_PAGE],
    [`/x?page=${MAX_PAGE + 1}`, 1],
    ["/x?page=1e309", 1],
  ])("a list without a filter form shows %s as page %i", (url, page) => {
    expect(pageFromUrl(url)).toBe(page);
  });

  it("a filter form reports a bad page with its own messages", () => {
    const field = pageField({ invalid: "bad", tooHigh: "narrow" });
    expect(field.parse("7")).toBe(7);
    for (const value of ["0", "x", "1.5", ""]) {
      expect(field.safeParse(value).error?.issues[0]?.message).toBe("bad");
    }
    expect(field.safeParse(String(MAX_PAGE + 1)).error?.issues[0]?.message).toBe("narrow");
  });
});
