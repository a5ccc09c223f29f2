import { describe, expect, it } from "vitest";
import { pageWindow } from "./pagination";

describe("pagination links", () => {
  it("shows the first, the last and the pages around the current one", () => {
    expect(pageWindow(1, 1)).toEqual([1]);
    expect(pageWindow(5, 20)).toEqual([1, "gap", 3, 4, 5, 6, 7, "gap", 20]);
    expect(pageWindow(2, 4)).toEqual([1, 2, 3, 4]);
    expect(pageWindow(20, 20)).toEqual([1, "gap", 18, 19, 20]);
  });
});
