import { describe, expect, it } from "vitest";
import { feedText, xmlSafe } from "./feed-text";

describe("feed text", () => {
  it("drops what XML cannot carry and keeps Korean, emoji and line breaks", () => {
    expect(xmlSafe("청년\u0000 일자리\u0001\u001f 🎉\n\t끝\ufffe")).toBe("청년 일자리 🎉\n\t끝");
    expect(xmlSafe("lone \ud800 surrogate")).toBe("lone  surrogate");
  });

  it("escapes markup so that it shows as typed, and cannot end a CDATA section", () => {
    expect(feedText('<b>공고</b> & "x" ]]>')).toBe(
      "&lt;b&gt;공고&lt;/b&gt; &amp; &quot;x&quot; ]]&gt;",
    );
  });
});
