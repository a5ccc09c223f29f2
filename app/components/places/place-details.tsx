// A place's page: what it is, whether it is open (in words), this week's hours, how to reach it,
// what it offers (with links to book), and when its information was last checked.
import { Link } from "@remix-run/react";
import { useEffect, useState, type ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { LazyPlaceMap } from "~/components/map/lazy-map";
import type { PlacePageView } from "~/routes-support/places.server";
import { DIRECTORY_PAGES, type Amenity } from "~/domain/places/types";
import type { WeekDayView } from "~/domain/places/views";
import { formatCalendarDate, formatDate, formatWeekday } from "~/utils/format";
import { usePlaceLabels } from "./labels";
import { FactNote } from "./fact-note";
import { ContactNowBox } from "./contact-now";
import { useDayHours } from "./day-hours";
import { PlaceStatus } from "./status";
import { localized } from "~/domain/shared/localized";
import { Localized } from "~/components/localized";
import { withFragments } from "~/components/localized-fragments";

function WeekTable({
  week,
  closedOnPublicHolidays,
}: {
  week: WeekDayView[];
  closedOnPublicHolidays: boolean;
}) {
  const { t, i18n } = useTranslation("places");
  const language = i18n.language;
  const hours = useDayHours();
  return (
    <>
      <table className="week-table">
        <caption>{t("week.caption")}</caption>
        <thead>
          <tr>
            <th scope="col">{t("week.day")}</th>
            <th scope="col">{t("week.hours")}</th>
          </tr>
        </thead>
        <tbody>
          {week.map((day) => (
            <tr
              key={day.date}
              className={day.isToday ? "is-today" : undefined}
              aria-current={day.isToday ? "date" : undefined}
            >
              <th scope="row">
                {formatWeekday(day.weekday, language)}{" "}
                <span className="week-table__date">
                  {formatCalendarDate(day.date, language, "medium")}
                </span>
                {day.isToday ? <span className="today-badge">{t("week.today")}</span> : null}
              </th>
              <td>
                {hours(day)}
                {day.intervals.some((interval) => interval.now) ? (
                  <span className="now-badge">{t("week.runningNow")}</span>
                ) : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="hint">
        {closedOnPublicHolidays ? t("week.holidaysClosed") : t("week.holidaysOpen")}
      </p>
    </>
  );
}

function Section({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section aria-labelledby={id} className="place-section">
      <h2 id={id}>{title}</h2>
      {children}
    </section>
  );
}

export function PlaceDetails({
  place,
  editHref,
  intro,
}: {
  place: PlacePageView;
  /** the back-office page, for staff who may edit this place */
  editHref: string | null;
  intro?: string;
}) {
  const { t, i18n } = useTranslation("places");
  const labels = usePlaceLabels();
  const language = i18n.language;
  const [hydrated, setHydrated] = useState(false);
  useEffect(() => setHydrated(true), []);
  const name = labels.name(place);
  const description = localized(place, language, "description");
  const accessibility = localized(place, language, "accessibilityNotes");
  const bookable = place.services.filter((service) => service.bookable);

  return (
    <article className="page place-page" aria-labelledby="place-title">
      <p className="eyebrow">
        {place.kind in DIRECTORY_PAGES ? (
          <Link to={DIRECTORY_PAGES[place.kind as keyof typeof DIRECTORY_PAGES]}>
            {labels.kind(place.kind)}
          </Link>
        ) : (
          labels.kind(place.kind)
        )}
        {place.subKind ? ` · ${labels.subKind(place.subKind)}` : ""}
      </p>
      <h1 id="place-title">{name}</h1>
      {intro ? <p className="lead">{intro}</p> : null}
      {place.kind === "labor_center" ? (
        <ContactNowBox place={place} />
      ) : (
        <PlaceStatus status={place.status} as="div" />
      )}
      {place.isSampleData ? <p className="notice">{t("place.sampleData")}</p> : null}
      {bookable.length > 0 || place.kind === "labor_center" ? (
        <p className="actions">
          {place.kind === "labor_center" ? (
            <>
              <Link
                className="button primary"
                to={`/labor?center=${encodeURIComponent(place.slug)}`}
              >
                {t("place.bookConsultation")}
              </Link>{" "}
              <Link className="button" to={`/labor/ask?center=${encodeURIComponent(place.slug)}`}>
                {t("place.askQuestion")}
              </Link>
            </>
          ) : (
            <a className="button primary" href="#place-services-title">
              {t("place.seeBookable", { count: bookable.length })}
            </a>
          )}
        </p>
      ) : null}

      <div className="place-page__columns">
        <div>
          <Section id="place-hours-title" title={t("place.hours")}>
            <WeekTable week={place.week} closedOnPublicHolidays={place.closedOnPublicHolidays} />
            <FactNote fact="days" provenance={place.provenance.days} />
            <FactNote fact="hours" provenance={place.provenance.hours} />
            {place.upcomingClosures.length > 0 ? (
              <>
                <h3>{t("place.upcomingClosures")}</h3>
                <ul>
                  {place.upcomingClosures.map((closure) => (
                    <li key={`${closure.startDate}-${closure.endDate}`}>
                      {t("place.closureRange", {
                        start: formatCalendarDate(closure.startDate, language, "medium"),
                        end: formatCalendarDate(closure.endDate, language, "medium"),
                      })}
                      {localized(closure, language, "reason")
                        ? ` (${localized(closure, language, "reason")})`
                        : ""}
                    </li>
                  ))}
                </ul>
              </>
            ) : null}
          </Section>

          <Section id="place-services-title" title={t("place.services")}>
            {place.services.length === 0 ? (
              <p>{t("place.noServices")}</p>
            ) : (
              <ul className="service-list">
                {place.services.map((service) => (
                  <li key={service.slug}>
                    <h3>
                      <Localized of={service} field="name" />
                    </h3>
                    <p className="hint">
                      {labels.service(service.kind)}
                      {service.durationMinutes
                        ? ` · ${t("place.duration", { minutes: service.durationMinutes })}`
                        : ""}
                    </p>
                    {localized(service, language, "description") ? (
                      <p>
                        <Localized of={service} field="description" />
                      </p>
                    ) : null}
                    {service.bookable ? (
                      <Link className="button" to={`/book/${encodeURIComponent(service.slug)}`}>
                        {withFragments((fragment) =>
                          t("place.book", {
                            service: fragment(<Localized of={service} field="name" />),
                          }),
                        )}
                      </Link>
                    ) : (
                      <p className="hint">{t("place.notBookable")}</p>
                    )}
                  </li>
                ))}
              </ul>
            )}
          </Section>

          {description ? (
            <Section id="place-about-title" title={t("place.about")}>
              <p>{description}</p>
            </Section>
          ) : null}
        </div>

        <div>
          <Section id="place-contact-title" title={t("place.contact")}>
            <dl className="facts">
              <dt>{t("place.address")}</dt>
              <dd>
                {labels.address(place)}
                <FactNote fact="address" provenance={place.provenance.address} />
              </dd>
              <dt>{t("place.district")}</dt>
              <dd>{labels.district(place.district)}</dd>
              <dt>{t("place.phone")}</dt>
              <dd>
                {place.phone ? (
                  <a href={`tel:${place.phone.replace(/[^\d+]/g, "")}`}>{place.phone}</a>
                ) : (
                  t("place.phoneUnknown")
                )}
                {place.phone ? <FactNote fact="phone" provenance={place.provenance.phone} /> : null}
              </dd>
              {place.email ? (
                <>
                  <dt>{t("place.email")}</dt>
                  <dd>
                    <a href={`mailto:${place.email}`}>{place.email}</a>
                  </dd>
                </>
              ) : null}
              {place.website ? (
                <>
                  <dt>{t("place.website")}</dt>
                  <dd>
                    <a href={place.website} rel="noopener noreferrer">
                      {place.website}
                    </a>
                  </dd>
                </>
              ) : null}
              {place.operator ? (
                <>
                  <dt>{t("place.operator")}</dt>
                  <dd>
                    <Localized of={place.operator} field="name" />
                  </dd>
                </>
              ) : null}
              {place.areaSquareMeters ? (
                <>
                  <dt>{t("place.area")}</dt>
                  <dd>
                    {t("place.squareMeters", { value: place.areaSquareMeters })}
                    <FactNote fact="capacity" provenance={place.provenance.capacity} />
                  </dd>
                </>
              ) : null}
            </dl>
          </Section>

          {place.amenities.length > 0 || accessibility ? (
            <Section id="place-access-title" title={t("place.amenitiesTitle")}>
              {place.amenities.length > 0 ? (
                <ul className="amenity-list">
                  {place.amenities.map((amenity) => (
                    <li key={amenity}>
                      {t(`amenities.${amenity as Amenity}`, { defaultValue: amenity })}
                    </li>
                  ))}
                </ul>
              ) : null}
              {accessibility ? (
                <p>
                  <strong>{t("place.accessibility")}</strong> {accessibility}
                </p>
              ) : null}
            </Section>
          ) : null}

          <Section id="place-map-title" title={t("place.map")}>
            {hydrated ? (
              <LazyPlaceMap
                places={[{ ...place, openNow: place.status.open }]}
                view={{ center: { lat: place.latitude, lng: place.longitude }, zoom: 15 }}
                cluster={false}
                label={t("map.placeLabel", { name })}
                className="places-map places-map--small"
              />
            ) : null}
            <p className="hint">
              {place.coordinatesApproximate ? t("place.approximate") : t("place.exact")}
            </p>
            <FactNote fact="coordinates" provenance={place.provenance.coordinates} />
            <p>
              <a
                href={`https://map.kakao.com/link/to/${encodeURIComponent(name)},${place.latitude},${place.longitude}`}
                rel="noopener noreferrer"
              >
                {t("place.directions")}
              </a>
            </p>
          </Section>
        </div>
      </div>

      <p className="hint place-page__verified">
        {place.lastVerifiedAt
          ? t("place.lastVerified", { date: formatDate(place.lastVerifiedAt, language) })
          : t("place.notVerified")}
      </p>
      {editHref ? (
        <p>
          <Link to={editHref}>{t("place.edit")}</Link>
        </p>
      ) : null}
    </article>
  );
}
