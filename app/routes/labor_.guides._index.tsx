// The rights guides' index: each guide's title and summary in the reader's language (English
// where that language has none yet, marked with lang="en").
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { guideIndex } from "~/domain/labor/guides.server";
import { getLocale } from "~/utils/i18n.server";
import { pageTitle } from "~/utils/meta";
import { useLocale } from "~/utils/i18n";

export const handle = { i18n: ["labor"] };
export const meta: MetaFunction = (args) => pageTitle(args, "laborGuides");

export async function loader({ request }: LoaderFunctionArgs) {
  const asked = new URL(request.url).searchParams.get("lang");
  return { guides: guideIndex(asked, await getLocale(request)), asked };
}

export default function GuidesIndex() {
  const { t } = useTranslation("labor");
  const { guides, asked } = useLoaderData<typeof loader>();
  const locale = useLocale();
  const query = asked ? `?lang=${encodeURIComponent(asked)}` : "";
  return (
    <section className="page narrow guides" aria-labelledby="guides-title">
      <h1 id="guides-title">{t("guides.title")}</h1>
      <p className="lead">{t("guides.intro")}</p>
      <ul className="guide-list">
        {guides.map((guide) => (
          <li key={guide.slug} lang={guide.language !== locale ? guide.language : undefined}>
            <h2>
              <Link to={`/labor/guides/${guide.slug}${query}`}>{guide.title}</Link>
            </h2>
            <p>{guide.summary}</p>
          </li>
        ))}
      </ul>
      <p>
        <Link to="/labor/calculators">{t("guides.next.calculators")}</Link>
      </p>
    </section>
  );
}
