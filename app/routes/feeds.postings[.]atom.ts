// GET /feeds/postings.atom: an Atom feed of newly published postings. Korean by default,
// English with ?lang=en; the same for everyone, so caches may keep it.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { Feed } from "feed";
import { siteOrigin } from "~/utils/site-url.server";
import { feedText, xmlSafe } from "~/domain/jobs/feed-text";
import { latestPublishedPostings } from "~/domain/jobs/postings.server";
import { messageT } from "~/domain/notifications/render.server";
import { formatDateTime, formatWon } from "~/utils/format";
import { localized } from "~/domain/shared/localized";
import { DEFAULT_LANGUAGE, isSupportedLanguage, LANGUAGE_PARAMETER } from "~/utils/i18n";

const ITEMS = 50;

export async function loader({ request }: LoaderFunctionArgs) {
  const asked = new URL(request.url).searchParams.get(LANGUAGE_PARAMETER);
  const language = isSupportedLanguage(asked) ? asked : DEFAULT_LANGUAGE;
  const t = (await messageT(language)) as unknown as (
    key: string,
    options?: Record<string, unknown>,
  ) => string;
  const origin = siteOrigin();
  const postings = await latestPublishedPostings(ITEMS);
  const feed = new Feed({
    id: `${origin}/jobs`,
    link: `${origin}/jobs`,
    title: t("jobs:feed.title"),
    description: t("jobs:feed.description"),
    language,
    updated: postings[0]?.publishedAt ?? new Date(0),
    generator: t("common:siteName"),
    feedLinks: {
      atom: `${origin}/feeds/postings.atom${language === DEFAULT_LANGUAGE ? "" : `?${LANGUAGE_PARAMETER}=${language}`}`,
    },
  });
  for (const posting of postings) {
    const url = `${origin}/jobs/${posting.slug}`;
    feed.addItem({
      id: url,
      link: url,
      title: feedText(localized(posting, language, "title")),
      date: posting.updatedAt,
      published: posting.publishedAt ?? undefined,
      description: feedText(
        t("jobs:feed.summary", {
          organization: localized(posting.organization, language, "name"),
          wage: formatWon(posting.hourlyWageKrw, language),
          closes: formatDateTime(posting.applicationClosesAt, language),
          interpolation: { escapeValue: false },
        }),
      ),
      content: feedText(localized(posting, language, "description")),
    });
  }
  return new Response(xmlSafe(feed.atom1()), {
    headers: {
      "Content-Type": "application/atom+xml; charset=utf-8",
      "Cache-Control": "public, max-age=300",
      "Access-Control-Allow-Origin": "*",
    },
  });
}
