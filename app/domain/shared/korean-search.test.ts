import { describe, expect, it } from "vitest";
import { buildSearchText, matchesSearch, searchTerms } from "./korean-search";

const seocho = buildSearchText(["서초쉼터", "Seocho shelter", "서초구 서초동", "Seocho-gu"]);
const hapjeong = buildSearchText(["합정쉼터", "Hapjeong shelter", "마포구 합정동"]);

describe("Korean search", () => {
  it("finds a place by initial consonants as typed on a phone", () => {
    expect(matchesSearch(seocho, "ㅅㅊ")).toBe(true);
    expect(matchesSearch(hapjeong, "ㅅㅊ")).toBe(false);
    expect(matchesSearch(hapjeong, "ㅎㅈ")).toBe(true);
  });

  it("finds partial words, including a syllable typed halfway", () => {
    expect(matchesSearch(seocho, "서초")).toBe(true);
    expect(matchesSearch(seocho, "쉼")).toBe(true);
    expect(matchesSearch(seocho, "서ㅊ")).toBe(true);
    expect(matchesSearch(hapjeong, "서초")).toBe(false);
  });

  it("matches English case-insensitively and needs every term", () => {
    expect(matchesSearch(seocho, "SEOCHO")).toBe(true);
    expect(matchesSearch(seocho, "seocho shelter")).toBe(true);
    expect(matchesSearch(seocho, "seocho hapjeong")).toBe(false);
  });

  it("drops control characters and bidirectional overrides (PostgreSQL refuses NUL in text)", () => {
    expect(searchTerms("서\u0000초\u202e")).toEqual(searchTerms("서초"));
    expect(searchTerms("\u0000\u0007")).toEqual([]);
    expect(matchesSearch(seocho, "seo\u0000cho")).toBe(true);
  });

  it("ignores empty queries and caps long ones", () => {
    expect(searchTerms("   ")).toEqual([]);
    expect(searchTerms(null)).toEqual([]);
    expect(searchTerms("a b c d e f g")).toHaveLength(5);
  });
});
