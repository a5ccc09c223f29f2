// Every rights guide exists in every language, with the front matter the pages need: a title, a
// summary, and each fact with its source, reference and date (reviewed or explicitly not).
import { describe, expect, it } from "vitest";
import { GUIDE_LANGUAGES, GUIDE_SLUGS, guideLanguage } from "./guides";
import { guideFor, guideIndex, guideLanguages, readGuide } from "./guides.server";

describe("the guides' content", () => {
  for (const language of GUIDE_LANGUAGES) {
    for (const slug of GUIDE_SLUGS) {
      it(`${language}/${slug}: front matter, sources and a body`, () => {
        const guide = readGuide(slug, language);
        expect(guide, `app/content/guides/${language}/${slug}.md`).not.toBeNull();
        expect(guide!.title.length).toBeGreaterThan(2);
        expect(guide!.summary.length).toBeGreaterThan(10);
        expect(guide!.facts.length).toBeGreaterThan(0);
        for (const fact of guide!.facts) {
          expect(fact.reference.length).toBeGreaterThan(3);
          // a review is a date or an explicit null, never left out
          expect(fact).toHaveProperty("reviewed");
        }
        // the page's h1 is the title: the body starts at h2, and says something
        expect(guide!.html).not.toMatch(/<h1/);
        expect(guide!.html).toMatch(/<h2/);
      });
    }
  }

  it("tells the same facts, from the same sources, in every language", () => {
    for (const slug of GUIDE_SLUGS) {
      const sources = (language: (typeof GUIDE_LANGUAGES)[number]) =>
        readGuide(slug, language)!.facts.map((fact) => [fact.source, fact.date, fact.reviewed]);
      for (const language of GUIDE_LANGUAGES) expect(sources(language)).toEqual(sources("en"));
    }
  });

  it("lists every guide, in the reader's language", () => {
    expect(guideIndex(null, "ko").map((guide) => guide.slug)).toEqual([...GUIDE_SLUGS]);
    expect(guideIndex(null, "en").every((guide) => guide.language === "en")).toBe(true);
    expect(guideIndex("zh", "ko").every((guide) => guide.language === "zh")).toBe(true);
    expect(guideLanguages("unpaid-wages")).toEqual([...GUIDE_LANGUAGES]);
    expect(guideFor("unpaid-wages", "vi", "ko")?.guide.language).toBe("vi");
  });
});

describe("guideLanguage", () => {
  const only =
    (...present: string[]) =>
    (language: string) =>
      present.includes(language);
  it("takes ?lang= first, then the site's language", () => {
    expect(guideLanguage("vi", "ko", only("ko", "vi"))).toEqual({
      language: "vi",
      wanted: "vi",
      fallback: false,
    });
    expect(guideLanguage(null, "en", only("ko", "en")).language).toBe("en");
    // an unknown ?lang= is ignored
    expect(guideLanguage("fr", "ko", only("ko", "en")).language).toBe("ko");
  });
  it("falls back to English when the language has no file", () => {
    expect(guideLanguage("zh", "ko", only("ko", "en"))).toEqual({
      language: "en",
      wanted: "zh",
      fallback: true,
    });
  });
});
