// "For me": first my next steps (upcoming bookings, applications awaiting a decision), then, from
// the one profile, the public work and postings I can apply for now, the services I can book
// (grouped by kind, the same service at many places as one entry, nearest first), and the
// nearest misses with what stands in the way. Each list is short; a link leads to the rest.
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { StatusBadge } from "~/components/jobs/application-status";
import { ReasonList } from "~/components/jobs/eligibility";
import { NextStepLine } from "~/components/jobs/next-step";
import { PostingCardItem } from "~/components/jobs/posting-card";
import { upcomingBookingsOf } from "~/domain/booking/reads.server";
import {
  catalogServiceNames,
  opportunitiesFor,
  opportunityCatalog,
  type Opportunity,
} from "~/domain/jobs/opportunities.server";
import type { ServiceGroup } from "~/domain/jobs/service-groups";
import { isDistrictCode } from "~/domain/residents/districts";
import { localized } from "~/domain/shared/localized";
import { requireUser } from "~/utils/auth.server";
import { now } from "~/utils/clock.server";
import { formatDate, formatDateTime, formatTime } from "~/utils/format";
import { pageTitle } from "~/utils/meta";
import { sharedRead } from "~/utils/public-reads.server";
import { useLocale } from "~/utils/i18n";
import { Localized } from "~/components/localized";

export const handle = { i18n: ["jobs", "eligibility", "districts", "account"] };
export const meta: MetaFunction = (args) => pageTitle(args, "forMe");

/** Upcoming bookings listed at the top; "My bookings" has the rest. */
const BOOKINGS_SHOWN = 3;

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
    placeCount: item.placeCount,
    reasons: item.reasons,
  };
}
type ItemView = ReturnType<typeof view>;

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const at = now();
  const catalog = await sharedRead("for-me:catalog", () => opportunityCatalog(at));
  const [found, upcoming] = await Promise.all([
    opportunitiesFor(user.id, at, catalog),
    upcomingBookingsOf(user.id, at, BOOKINGS_SHOWN, catalogServiceNames(catalog)),
  ]);
  return {
    profileHref: `/residents/${user.id}`,
    incomplete: Object.values(found.facts).some((value) => value === null),
    district: isDistrictCode(found.facts.district) ? found.facts.district : null,
    bookings: upcoming.bookings.map((booking) => ({
      id: booking.id,
      startsAt: booking.startsAt.toISOString(),
      endsAt: booking.endsAt.toISOString(),
      service: { ko: booking.service.nameKo, en: booking.service.nameEn },
      place: { ko: booking.service.place.nameKo, en: booking.service.place.nameEn },
    })),
    moreBookings: upcoming.more,
    applications: found.openApplications,
    moreApplications: found.moreOpenApplications,
    rounds: found.rounds.map(view),
    postings: found.postings,
    postingTotal: found.postingTotal,
    serviceGroups: found.serviceGroups,
    misses: found.misses.map(view),
  };
}

type Data = ReturnType<typeof useLoaderData<typeof loader>>;

export default function ForMePage() {
  const { t } = useTranslation(["jobs", "districts"]);
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

      <NextSteps data={data} />

      {data.rounds.length > 0 ? (
        <section aria-labelledby="for-me-rounds">
          <h2 id="for-me-rounds">{t("forMe.rounds")}</h2>
          <ul className="plain-list stack">
            {data.rounds.map((item) => (
              <li key={item.href} className="card">
                <ItemHeading item={item} />
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      <section aria-labelledby="for-me-postings">
        <h2 id="for-me-postings">{t("forMe.postings")}</h2>
        {data.postings.length === 0 ? <p>{t("forMe.none")}</p> : null}
        <ul className="plain-list stack">
          {data.postings.map((posting) => (
            <PostingCardItem key={posting.slug} posting={posting} />
          ))}
        </ul>
        {data.postingTotal > data.postings.length ? (
          <p>
            <Link to="/jobs?window=open&eligible=on">
              {t("forMe.postingsMore", { count: data.postingTotal })}
            </Link>
          </p>
        ) : null}
      </section>

      <section aria-labelledby="for-me-services">
        <h2 id="for-me-services">{t("forMe.services")}</h2>
        <p className="hint">
          {data.district
            ? t("forMe.servicesNearest", { district: t(`districts:${data.district}`) })
            : t("forMe.servicesNoDistrict")}
        </p>
        {data.serviceGroups.length === 0 ? <p>{t("forMe.none")}</p> : null}
        {data.serviceGroups.map((group) => (
          <ServiceGroupSection
            key={group.kind}
            group={group}
            nearestFirst={data.district !== null}
          />
        ))}
      </section>

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

/** My upcoming bookings and my applications awaiting a decision, each with an empty state. */
function NextSteps({ data }: { data: Data }) {
  const { t } = useTranslation("jobs");
  const locale = useLocale();
  return (
    <section aria-labelledby="for-me-next-steps" className="next-steps card">
      <h2 id="for-me-next-steps">{t("forMe.nextSteps")}</h2>

      <h3 id="for-me-bookings">{t("forMe.myBookings")}</h3>
      {data.bookings.length === 0 ? (
        <p>{t("forMe.noBookings")}</p>
      ) : (
        <ul className="plain-list next-steps__list" aria-labelledby="for-me-bookings">
          {data.bookings.map((booking) => (
            <li key={booking.id}>
              <Link to={`/bookings/${booking.id}`}>
                <Localized of={booking.service} />
              </Link>
              <br />
              <span>
                {t("forMe.bookingWhen", {
                  date: formatDate(booking.startsAt, locale, "full"),
                  start: formatTime(booking.startsAt, locale),
                  end: formatTime(booking.endsAt, locale),
                })}
              </span>
              <br />
              <span className="hint">
                <Localized of={booking.place} />
              </span>
            </li>
          ))}
        </ul>
      )}
      <p>
        <Link to="/bookings">
          {data.moreBookings ? t("forMe.moreBookings") : t("forMe.allBookings")}
        </Link>
      </p>

      <h3 id="for-me-applications">{t("forMe.myApplications")}</h3>
      {data.applications.length === 0 ? (
        <p>{t("forMe.noApplications")}</p>
      ) : (
        <ul className="plain-list next-steps__list" aria-labelledby="for-me-applications">
          {data.applications.map((application) => (
            <li key={application.id}>
              <Link to={`/applications/${application.id}`}>
                <Localized of={application.title} />
              </Link>{" "}
              <StatusBadge status={application.status} />
              <br />
              <span className="hint">
                <NextStepLine step={application.step} />
              </span>
            </li>
          ))}
        </ul>
      )}
      <p>
        <Link to="/applications">{t("forMe.allApplications")}</Link>
      </p>
    </section>
  );
}

/** One kind of service: a few entries, each standing for every place offering the same service. */
function ServiceGroupSection({
  group,
  nearestFirst,
}: {
  group: ServiceGroup;
  nearestFirst: boolean;
}) {
  const { t } = useTranslation(["jobs", "districts", "account"]);
  const locale = useLocale();
  const heading = t(`jobs:forMe.groups.${group.kind as "counseling"}`, {
    defaultValue: t("jobs:forMe.groups.other"),
  });
  const districtName = (code: string) =>
    isDistrictCode(code) ? t(`districts:${code}`) : t("account:fields.districtOutside");
  const headingId = `for-me-group-${group.kind}`;
  return (
    <section aria-labelledby={headingId} className="service-group">
      <h3 id={headingId}>{heading}</h3>
      <ul className="plain-list service-group__list">
        {group.entries.map((entry) => {
          const where = {
            place: localized(entry.first.place, locale),
            district: districtName(entry.first.district),
          };
          return (
            <li key={entry.first.serviceSlug}>
              <Link to={`/book/${entry.first.serviceSlug}`}>
                <Localized of={entry.name} />
              </Link>
              <br />
              <span className="hint">
                {entry.placeCount === 1
                  ? t("jobs:forMe.onePlace", where)
                  : nearestFirst
                    ? t("jobs:forMe.nearestOf", { count: entry.placeCount, ...where })
                    : t("jobs:forMe.manyPlaces", { count: entry.placeCount, ...where })}
              </span>
            </li>
          );
        })}
      </ul>
      {group.placeCount > 1 || group.entryCount > group.entries.length ? (
        <p>
          <Link to={group.directoryHref}>
            {t("jobs:forMe.showAll", { count: group.placeCount, service: heading })}
          </Link>
        </p>
      ) : null}
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
        {type} ·{" "}
        {item.placeCount > 1
          ? t("forMe.atPlaces", { count: item.placeCount })
          : localized(item.organization, locale)}
      </p>
      <h3>
        <Link to={item.href}>
          <Localized of={item.title} />
        </Link>
      </h3>
      {item.closesAt ? (
        <p className="hint">{t("forMe.closes", { date: formatDateTime(item.closesAt, locale) })}</p>
      ) : null}
    </>
  );
}
