// Rights guides (issue 17 item 4): short plain-language pages kept as content, one Markdown file
// per guide and language under app/content/guides/<language>/<slug>.md, with front matter that
// names where each fact comes from. Pure: which guides and languages exist, what the front matter
// must hold, and which language a reader gets.
import { z } from "zod";
import type { LaborTopic } from "~/domain/booking/types";

export const GUIDE_SLUGS = [
  "part-time-workers",
  "mobile-platform-workers",
  "emotional-labor",
  "unpaid-wages",
  "workplace-harassment",
] as const;
export type GuideSlug = (typeof GUIDE_SLUGS)[number];

/** The languages guides are written in (more than the site's own two: zh and vi are coming). */
export const GUIDE_LANGUAGES = ["ko", "en", "zh", "vi"] as const;
export type GuideLanguage = (typeof GUIDE_LANGUAGES)[number];
/** What a reader gets when their language has no file for a guide. */
const GUIDE_FALLBACK: GuideLanguage = "en";

/**
 * Where a fact comes from: a law's article (law), the Ministry of Employment and Labor (ministry),
 * the Minimum Wage Commission (commission), the city's 2018 jobs and labor policy report (report).
 */
const GUIDE_SOURCES = ["law", "ministry", "commission", "report"] as const;

/** "2026-11-30", "2025-08" or "2018" (YAML reads a bare year as a number) */
const isoDate = z.preprocess(
  (value) => (typeof value === "number" ? String(value) : value),
  z.string().regex(/^\d{4}(-\d{2}(-\d{2})?)?$/),
);

export const GuideFrontMatter = z.object({
  title: z.string().min(1),
  summary: z.string().min(1),
  /** when the text was last written or changed */
  updated: isoDate,
  facts: z
    .array(
      z.object({
        claim: z.string().min(1),
        source: z.enum(GUIDE_SOURCES),
        /** the article, notice or section, as a reader would look it up */
        reference: z.string().min(1),
        /** the date of the source (when the article took effect, the notice, the report) */
        date: isoDate,
        /**
         * when a labor attorney or the center's staff checked the claim against the source; null:
         * not reviewed yet, and the page says so
         */
        reviewed: isoDate.nullable(),
      }),
    )
    .min(1),
});
export type GuideFrontMatter = z.infer<typeof GuideFrontMatter>;

export function isGuideSlug(value: string | undefined): value is GuideSlug {
  return (GUIDE_SLUGS as readonly (string | undefined)[]).includes(value);
}

function isGuideLanguage(value: string | null | undefined): value is GuideLanguage {
  return (GUIDE_LANGUAGES as readonly (string | null | undefined)[]).includes(value);
}

/**
 * The language a guide is shown in: the one asked for in the address (?lang=zh), else the site's;
 * when that language has no file, English (and the page says so, with lang="en").
 */
export function guideLanguage(
  asked: string | null,
  siteLocale: string,
  available: (language: GuideLanguage) => boolean,
): { language: GuideLanguage; wanted: GuideLanguage; fallback: boolean } {
  const wanted = isGuideLanguage(asked) ? asked : isGuideLanguage(siteLocale) ? siteLocale : "ko";
  if (available(wanted)) return { language: wanted, wanted, fallback: false };
  return { language: GUIDE_FALLBACK, wanted, fallback: true };
}

/** Splits a Markdown file into its YAML front matter (between the first two "---" lines) and body. */
export function splitFrontMatter(source: string): { yaml: string; body: string } | null {
  const match = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?([\s\S]*)$/.exec(source);
  return match ? { yaml: match[1]!, body: match[2]! } : null;
}

/** The consultation topic each guide leads to (the booking form's topic, LABOR_TOPICS). */
export const GUIDE_TOPICS: Record<GuideSlug, LaborTopic> = {
  "part-time-workers": "part_time",
  "mobile-platform-workers": "other",
  "emotional-labor": "harassment",
  "unpaid-wages": "unpaid_wages",
  "workplace-harassment": "harassment",
};
