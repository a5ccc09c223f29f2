import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { safeRedirect } from "./safe-redirect";

describe("safeRedirect", () => {
  it("keeps paths on this site, with their query and fragment", () => {
    expect(safeRedirect("/jobs?eligible=on#results")).toBe("/jobs?eligible=on#results");
    expect(safeRedirect("/book/youth-center-counseling/slot-1")).toBe(
      "/book/youth-center-counseling/slot-1",
    );
  });

  it.each([
    "//evil.example",
    "/\t/evil.example",
    "/%09/evil.example".replace("%09", "\t"),
    "/\\evil.example",
    "\\\\evil.example",
    "https://evil.example/",
    "http:/evil.example",
    "javascript:alert(1)",
    " /jobs",
    "/jobs\r\nSet-Cookie: x=1",
    "/jobs\n",
    "/\u0000",
    "jobs",
    "",
    "/" + "a".repeat(2001),
  ])("refuses %j", (to) => {
    expect(safeRedirect(to, "/account")).toBe("/account");
  });

  it("refuses what is not a string", () => {
    expect(safeRedirect(null)).toBe("/");
    expect(safeRedirect(undefined)).toBe("/");
    expect(safeRedirect(["/jobs"])).toBe("/");
  });

  it("percent-encodes Korean text so the Location header can be written", () => {
    expect(safeRedirect("/jobs?q=청년")).toBe("/jobs?q=%EC%B2%AD%EB%85%84");
  });

  it("normalises dot segments and never ends up on another host", () => {
    expect(safeRedirect("/a/../jobs")).toBe("/jobs");
    expect(safeRedirect("/.//evil.example", "/x")).toBe("/x");
  });

  it("never returns anything a browser would send to another host, whatever the input", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 40 }), (input) => {
        const result = safeRedirect(`/${input}`, "/fallback");
        expect(result.startsWith("/")).toBe(true);
        expect(result.startsWith("//")).toBe(false);
        // eslint-disable-next-line no-control-regex
        expect(/[\u0000-\u001f\u007f\\]/.test(result)).toBe(false);
        expect(new URL(result, "https://portal.example").host).toBe("portal.example");
      }),
    );
  });
});
