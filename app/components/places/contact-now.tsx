// "Contact now" (issue 17): how to reach a labor-rights center at this moment — its status from
// the hours engine, today's hours and its phone (or the 120 Dasan Call Center hint) — and, on
// /labor, the hotline and which center is open now or opens next.
import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { LABOR_HOTLINE } from "~/domain/labor/hotline";
import type { ContactNowView, StatusView, WeekDayView } from "~/domain/places/views";
import { Localized } from "~/components/localized";
import { useDayHours } from "./day-hours";
import { FactNote } from "./fact-note";
import { PlaceStatus, useStatusText } from "./status";

const dial = (phone: string) => `tel:${phone.replace(/[^\d+]/g, "")}`;

function PhoneOr120({ phone }: { phone: string | null }) {
  const { t } = useTranslation("places");
  return phone ? <a href={dial(phone)}>{phone}</a> : <>{t("place.phoneUnknown")}</>;
}

/** On a labor-rights center's own page, right under its name. */
export function ContactNowBox({
  place,
}: {
  place: { phone: string | null; status: StatusView; week: WeekDayView[] };
}) {
  const { t } = useTranslation("places");
  const hours = useDayHours();
  const today = place.week.find((day) => day.isToday);
  return (
    <section className="contact-now" aria-labelledby="contact-now-title">
      <h2 id="contact-now-title">{t("contactNow.title")}</h2>
      <PlaceStatus status={place.status} as="div" />
      <dl className="facts">
        <dt>{t("contactNow.today")}</dt>
        <dd>{today ? hours(today) : t("week.closed")}</dd>
        <dt>{t("place.phone")}</dt>
        <dd>
          <PhoneOr120 phone={place.phone} />
        </dd>
      </dl>
    </section>
  );
}

/** On /labor: the hotline, then the centers open now, or the first to open. */
export function LaborContactNow({ now }: { now: ContactNowView }) {
  const { t } = useTranslation("labor");
  const statusText = useStatusText();
  return (
    <section className="contact-now" aria-labelledby="labor-now-title">
      <h2 id="labor-now-title">{t("contactNow.title")}</h2>
      <p>
        {t("contactNow.hotline")}{" "}
        <a href={`tel:${LABOR_HOTLINE.dial}`} className="contact-now__hotline">
          {LABOR_HOTLINE.display}
        </a>
      </p>
      <FactNote
        fact="phone"
        provenance={{
          source: LABOR_HOTLINE.source,
          reference: t("contactNow.hotlineSource"),
          verifiedAt: null,
        }}
      />
      {now.open ? (
        <>
          <p>{t("contactNow.openNow", { count: now.places.length })}</p>
          <ul className="contact-now__list">
            {now.places.map((place) => (
              <li key={place.slug}>
                <Link to={`/places/${encodeURIComponent(place.slug)}`}>
                  <Localized of={place} field="name" />
                </Link>{" "}
                <span>{statusText(place.status).detail}</span>
                {" · "}
                <PhoneOr120 phone={place.phone} />
              </li>
            ))}
          </ul>
        </>
      ) : (
        <>
          <p className="place-status is-closed">
            <strong>{t("contactNow.noneOpen")}</strong>
          </p>
          {now.next ? (
            <p data-next-opening>
              {t("contactNow.nextOpens")}{" "}
              <Link to={`/places/${encodeURIComponent(now.next.slug)}`}>
                <Localized of={now.next} field="name" />
              </Link>
              {", "}
              {statusText(now.next.status).detail}
            </p>
          ) : (
            <p>{t("contactNow.noOpening")}</p>
          )}
        </>
      )}
    </section>
  );
}
