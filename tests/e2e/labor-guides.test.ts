// The rights guides over HTTP against the production build: the index and every guide answer 200
// with one h1 and the "what to do next" links, in Korean, English, Chinese and Vietnamese (?lang=),
// with the article's lang; an unknown guide is a 404. (Rendering only: the content itself is
// checked by app/domain/labor/guides.server.test.ts.)
import { describe, expect, it } from "vitest";
import { GUIDE_SLUGS, GUIDE_TOPICS } from "~/domain/labor/guides";
import { baseUrl } from "./support";

async function page(path: string, language = "ko-KR") {
  const response = await fetch(new URL(path, baseUrl()), {
    headers: { "Accept-Language": language },
  });
  return { status: response.status, html: await response.text() };
}

const count = (html: string, pattern: RegExp) => html.match(pattern)?.length ?? 0;

describe("rights guides", () => {
  it("the index links every guide, and /labor links the index", async () => {
    const { status, html } = await page("/labor/guides");
    expect(status).toBe(200);
    expect(count(html, /<h1[ >]/g)).toBe(1);
    for (const slug of GUIDE_SLUGS) expect(html).toContain(`href="/labor/guides/${slug}"`);
    expect((await page("/labor")).html).toContain('href="/labor/guides"');
  });

  for (const slug of GUIDE_SLUGS) {
    it(`${slug}: 200, one h1, sources, and what to do next`, async () => {
      for (const [query, accept, lang] of [
        ["", "ko-KR", "ko"],
        ["", "en-US", "en"],
        ["?lang=zh", "ko-KR", "zh"],
        ["?lang=vi", "en-US", "vi"],
      ] as const) {
        const { status, html } = await page(`/labor/guides/${slug}${query}`, accept);
        expect(status, `${slug}${query} ${accept}`).toBe(200);
        expect(count(html, /<h1[ >]/g)).toBe(1);
        expect(html).toMatch(new RegExp(`<article[^>]*lang="${lang}"`));
        expect(html).toContain('href="/labor/calculators"');
        expect(html).toContain('href="/labor/ask"');
        expect(html).toContain(`href="/labor?topic=${GUIDE_TOPICS[slug]}"`);
        expect(html).toContain('id="guide-sources"');
      }
    });
  }

  it("an unknown guide is not found", async () => {
    expect((await page("/labor/guides/no-such-guide")).status).toBe(404);
  });
});
