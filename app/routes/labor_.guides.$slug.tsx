// One rights guide: its text (Markdown rendered on the server), where each fact comes from and
// whether it has been reviewed, and what to do next. A language without the guide gets the
// English text, marked lang="en", with a note in the reader's language.
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { GUIDE_TOPICS, isGuideSlug } from "~/domain/labor/guides";
import { guideFor, guideLanguages } from "~/domain/labor/guides.server";
import { formatCalendarDate } from "~/utils/format";
import { invariantResponse, notFound } from "~/utils/http.server";
import { getLocale } from "~/utils/i18n.server";
import { withSiteName } from "~/utils/meta";
import { useLocale } from "~/utils/i18n";

export const handle = { i18n: ["labor"] };
export const meta: MetaFunction<typeof loader> = (args) =>
  withSiteName(args, args.data?.guide.title ?? "");

export async function loader({ request, params }: LoaderFunctionArgs) {
  const slug = params.slug;
  invariantResponse(isGuideSlug(slug), notFound);
  const asked = new URL(request.url).searchParams.get("lang");
  const found = guideFor(slug, asked, await getLocale(request));
  invariantResponse(found, notFound);
  return { ...found, languages: guideLanguages(slug) };
}

export default function GuidePage() {
  const { t } = useTranslation("labor");
  const { guide, wanted, fallback, languages } = useLoaderData<typeof loader>();
  const locale = useLocale();
  // the page's own words are in the site's language; mark them when the guide's differs
  const ui = guide.language !== locale ? locale : undefined;
  const topic = GUIDE_TOPICS[guide.slug];
  return (
    <article className="page narrow guide" lang={guide.language} aria-labelledby="guide-title">
      <p className="eyebrow" lang={ui}>
        <Link to="/labor/guides">{t("guides.title")}</Link>
      </p>
      <h1 id="guide-title">{guide.title}</h1>
      <p className="lead">{guide.summary}</p>
      {fallback ? (
        <p className="notice" lang={ui}>
          {t("guides.fallback", { language: t(`guides.languageNames.${wanted}`) })}
        </p>
      ) : null}
      <div className="guide__body" dangerouslySetInnerHTML={{ __html: guide.html }} />

      <section aria-labelledby="guide-sources" className="guide__sources">
        <h2 id="guide-sources" lang={ui}>
          {t("guides.sources.title")}
        </h2>
        <ul>
          {guide.facts.map((fact) => (
            <li key={fact.claim} data-source={fact.source}>
              <p>{fact.claim}</p>
              <p className="hint" lang={ui}>
                {t("guides.sources.cited", {
                  source: t(`guides.sources.kind.${fact.source}`),
                  reference: fact.reference,
                  date: fact.date,
                })}{" "}
                {fact.reviewed ? (
                  t("guides.sources.reviewed", {
                    date: formatCalendarDate(fact.reviewed, locale, "medium"),
                  })
                ) : (
                  <strong>{t("guides.sources.unreviewed")}</strong>
                )}
              </p>
            </li>
          ))}
        </ul>
        <p className="hint" lang={ui}>
          {t("guides.updated", { date: formatCalendarDate(guide.updated, locale, "medium") })}
        </p>
      </section>

      <section aria-labelledby="guide-next" className="guide__next" lang={ui}>
        <h2 id="guide-next">{t("guides.next.title")}</h2>
        <ul>
          <li>
            <Link to="/labor/calculators">{t("guides.next.calculators")}</Link>
          </li>
          <li>
            <Link to="/labor/ask">{t("guides.next.ask")}</Link>
          </li>
          <li>
            <Link to={`/labor?topic=${topic}`}>{t("guides.next.book")}</Link>
          </li>
        </ul>
      </section>

      {languages.length > 1 ? (
        <nav aria-labelledby="guide-languages" className="guide__languages" lang={ui}>
          <h2 id="guide-languages">{t("guides.otherLanguages")}</h2>
          <ul className="inline-list">
            {languages
              .filter((language) => language !== guide.language)
              .map((language) => (
                <li key={language}>
                  <Link
                    to={`/labor/guides/${guide.slug}?lang=${language}`}
                    lang={language}
                    hrefLang={language}
                  >
                    {t(`guides.languageNames.${language}`)}
                  </Link>
                </li>
              ))}
          </ul>
        </nav>
      ) : null}
    </article>
  );
}
