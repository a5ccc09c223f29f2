// The rights guides' content, read and rendered on the server only: the Markdown files are bundled
// into the server build (import.meta.glob), their YAML front matter checked against
// GuideFrontMatter, their body turned into HTML by `marked`. Neither library reaches the browser:
// pages receive HTML. The files are ours (reviewed in git), so their HTML is trusted.
import { marked } from "marked";
import { parse as parseYaml } from "yaml";
import {
  GUIDE_LANGUAGES,
  GUIDE_SLUGS,
  GuideFrontMatter,
  guideLanguage,
  splitFrontMatter,
  type GuideLanguage,
  type GuideSlug,
} from "./guides";

const FILES = import.meta.glob<string>("../../content/guides/*/*.md", {
  query: "?raw",
  import: "default",
  eager: true,
});

export type Guide = GuideFrontMatter & { slug: GuideSlug; language: GuideLanguage; html: string };

function fileOf(language: GuideLanguage, slug: GuideSlug): string | undefined {
  return FILES[`../../content/guides/${language}/${slug}.md`];
}

/** A guide in one language, or null when there is no such file; throws on a malformed file. */
export function readGuide(slug: GuideSlug, language: GuideLanguage): Guide | null {
  const source = fileOf(language, slug);
  if (source === undefined) return null;
  const parts = splitFrontMatter(source);
  if (!parts) throw new Error(`guide ${language}/${slug}: no front matter`);
  const front = GuideFrontMatter.parse(parseYaml(parts.yaml));
  const html = marked.parse(parts.body, { async: false, gfm: true });
  return { ...front, slug, language, html };
}

/** The guide for a reader: their language, or English when it has no file (`fallback`). */
export function guideFor(slug: GuideSlug, asked: string | null, siteLocale: string) {
  const choice = guideLanguage(
    asked,
    siteLocale,
    (language) => fileOf(language, slug) !== undefined,
  );
  const guide = readGuide(slug, choice.language);
  return guide ? { guide, ...choice } : null;
}

/** Every guide's title and summary in the reader's language (English where it has none). */
export function guideIndex(asked: string | null, siteLocale: string) {
  return GUIDE_SLUGS.flatMap((slug) => {
    const found = guideFor(slug, asked, siteLocale);
    return found
      ? [
          {
            slug,
            language: found.language,
            title: found.guide.title,
            summary: found.guide.summary,
          },
        ]
      : [];
  });
}

/** Which languages have a file for a guide (for the "also in" links). */
export function guideLanguages(slug: GuideSlug): GuideLanguage[] {
  return GUIDE_LANGUAGES.filter((language) => fileOf(language, slug) !== undefined);
}
