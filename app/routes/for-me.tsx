// "For me": from the one profile, every service the resident can book and every posting and
// public-work round they can apply for now, and the nearest misses with what stands in the way.
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ReasonList } from "~/components/jobs/eligibility";
import {
  opportunitiesFor,
  opportunityCatalog,
  type Opportunity,
} from "~/domain/jobs/opportunities.server";
import { requireUser } from "~/utils/auth.server";
import { now } from "~/utils/clock.server";
import { formatDateTime } from "~/utils/format";
import { pageTitle } from "~/utils/meta";
import { sharedRead } from "~/utils/public-reads.server";
import { localized } from "~/domain/shared/localized";
import { useLocale } from "~/utils/use-locale";

export const handle = { i18n: ["jobs", "eligibility", "districts", "account"] };
export const meta: MetaFunction = (args) => pageTitle(args, "forMe");

function view(item: Opportunity) {
  return {
    type: item.type,
    href:
      item.type === "service"
        ? `/book/${item.slug}`
        : item.type === "round"
          ? `/rounds/${item.slug}`
          : `/jobs/${item.slug}`,
    title: item.title,
    organization: item.organization,
    closesAt: item.closesAt?.toISOString() ?? null,
    reasons: item.reasons,
  };
}
type ItemView = ReturnType<typeof view>;

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const at = now();
  const catalog = await sharedRead("for-me:catalog", () => opportunityCatalog(at));
  const found = await opportunitiesFor(user.id, at, catalog);
  return {
    profileHref: `/residents/${user.id}`,
    incomplete: Object.values(found.facts).some((value) => value === null),
    rounds: found.rounds.map(view),
    postings: found.postings.map(view),
    postingTotal: found.postingTotal,
    services: found.services.map(view),
    misses: found.misses.map(view),
  };
}

export default function ForMePage() {
  const { t } = useTranslation("jobs");
  const data = useLoaderData<typeof loader>();
  return (
    <section className="page for-me" aria-labelledby="for-me-title">
      <h1 id="for-me-title">{t("forMe.title")}</h1>
      <p>{t("forMe.intro")}</p>
      {data.incomplete ? (
        <p className="notice">
          {t("forMe.incomplete")} <Link to={data.profileHref}>{t("forMe.editProfile")}</Link>
        </p>
      ) : null}

      <ItemSection id="for-me-rounds" title={t("forMe.rounds")} items={data.rounds} />
      <ItemSection id="for-me-postings" title={t("forMe.postings")} items={data.postings}>
        {data.postingTotal > data.postings.length ? (
          <p>
            <Link to="/jobs?window=open&eligible=on">
              {t("forMe.postingsMore", { count: data.postingTotal })}
            </Link>
          </p>
        ) : null}
      </ItemSection>
      <ItemSection id="for-me-services" title={t("forMe.services")} items={data.services} />

      <section aria-labelledby="for-me-misses" className="misses">
        <h2 id="for-me-misses">{t("forMe.misses")}</h2>
        <p>{t("forMe.missesIntro")}</p>
        {data.misses.length === 0 ? <p>{t("forMe.none")}</p> : null}
        <ul className="plain-list stack">
          {data.misses.map((item) => (
            <li key={`${item.type}-${item.href}`} className="card">
              <ItemHeading item={item} />
              <ReasonList reasons={item.reasons} />
              <p>
                <Link to={data.profileHref}>{t("forMe.editProfile")}</Link>
              </p>
            </li>
          ))}
        </ul>
      </section>
    </section>
  );
}

function ItemSection({
  id,
  title,
  items,
  children,
}: {
  id: string;
  title: string;
  items: ItemView[];
  children?: React.ReactNode;
}) {
  const { t } = useTranslation("jobs");
  return (
    <section aria-labelledby={id}>
      <h2 id={id}>{title}</h2>
      {items.length === 0 ? <p>{t("forMe.none")}</p> : null}
      <ul className="plain-list stack">
        {items.map((item) => (
          <li key={item.href} className="card">
            <ItemHeading item={item} />
            <p>
              <Link to={item.href} className="button">
                {item.type === "service" ? t("forMe.book") : t("forMe.apply")}
              </Link>
            </p>
          </li>
        ))}
      </ul>
      {children}
    </section>
  );
}

function ItemHeading({ item }: { item: ItemView }) {
  const { t } = useTranslation("jobs");
  const locale = useLocale();
  const type =
    item.type === "service"
      ? t("forMe.typeService")
      : item.type === "round"
        ? t("forMe.typeRound")
        : t("forMe.typePosting");
  return (
    <>
      <p className="eyebrow">
        {type} · {localized(item.organization, locale)}
      </p>
      <h3>
        <Link to={item.href}>{localized(item.title, locale)}</Link>
      </h3>
      {item.closesAt ? (
        <p className="hint">{t("forMe.closes", { date: formatDateTime(item.closesAt, locale) })}</p>
      ) : null}
    </>
  );
}
