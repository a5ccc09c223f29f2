import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ConsultationFacts } from "~/components/booking/consultation-facts";
import { useTimeRange } from "~/components/booking/time-text";
import { requireMyBooking } from "~/routes-support/booking.server";
import { withIsoDates } from "~/domain/booking/iso-dates";
import { type BookingStatus } from "~/domain/booking/types";
import { seoulDate } from "~/domain/shared/seoul-time";
import { useRootData } from "~/utils/root-data";
import { formatCalendarDate, formatDateTime } from "~/utils/format";
import { pageTitle } from "~/utils/meta";
import { Deliveries } from "~/components/ui/deliveries";
import { Confirmation } from "~/components/ui/form";
import { deliveriesAbout } from "~/domain/notifications/delivery.server";
import { now } from "~/utils/clock.server";
import { Localized } from "~/components/localized";

export const handle = { i18n: ["booking"] };
export const meta: MetaFunction = (args) => pageTitle(args, "booking");

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, booking } = await requireMyBooking(request, params.bookingId);
  const deliveries = await deliveriesAbout(user.id, `booking:${booking.id}`, now());
  return { ...withIsoDates({ booking }), deliveries };
}

export default function BookingPage() {
  const { t } = useTranslation("booking");
  const { booking, deliveries } = useLoaderData<typeof loader>();
  const [searchParams] = useSearchParams();
  const locale = useRootData()?.locale ?? "ko";
  const range = useTimeRange();
  const { service } = booking.slot;
  const place = service.place;
  const status: BookingStatus | "rescheduled" = booking.rescheduledTo
    ? "rescheduled"
    : (booking.status as BookingStatus);
  const notice = ["confirmed", "rescheduled", "cancelled"].find((key) => searchParams.has(key)) as
    "confirmed" | "rescheduled" | "cancelled" | undefined;
  return (
    <section className="page narrow booking" aria-labelledby="booking-title">
      <p className="eyebrow">{t("detail.title")}</p>
      <h1 id="booking-title">
        <Localized of={service} field="name" />
      </h1>
      {notice ? <Confirmation>{t(`detail.${notice}`)}</Confirmation> : null}
      <dl className="facts">
        <dt>{t("detail.reference")}</dt>
        <dd>
          <span className="reference">{booking.reference}</span>{" "}
          <span className="hint">{t("detail.referenceHint")}</span>
        </dd>
        <dt>{t("detail.status")}</dt>
        <dd className={`status status--${status}`}>{t(`status.${status}`)}</dd>
        <dt>{t("slot.when")}</dt>
        <dd>
          {formatCalendarDate(seoulDate(new Date(booking.slot.startsAt)), locale, "full")}{" "}
          {range(booking.slot)}
        </dd>
        <dt>{t("slot.where")}</dt>
        <dd>
          <Localized of={place} field="name" />
        </dd>
        <dt>{t("detail.address")}</dt>
        <dd>
          <Localized of={place} field="address" />
        </dd>
        <ConsultationFacts
          channel={booking.channel}
          topic={booking.topic}
          consent={booking.consent}
        />
      </dl>
      {booking.topic ? (
        <section aria-labelledby="description-title">
          <h2 id="description-title">{t("detail.description")}</h2>
          <p className="message-body">
            {booking.description ?? t("detail.descriptionUnavailable")}
          </p>
        </section>
      ) : null}

      {booking.rescheduledTo ? (
        <p className="notice">
          {t("detail.movedTo")}{" "}
          <Link to={`/bookings/${booking.rescheduledTo.id}`}>{t("detail.seeNew")}</Link>
        </p>
      ) : null}
      {booking.rescheduledFromId ? <p className="hint">{t("detail.movedFrom")}</p> : null}

      {booking.live ? (
        <div className="stack">
          <p>
            <a href={`/bookings/${booking.id}/calendar.ics`} download>
              {t("detail.calendar")}
            </a>
          </p>
          {booking.changeable ? (
            <>
              <p>
                {t("detail.changeUntil", {
                  deadline: formatDateTime(booking.changeDeadline, locale),
                })}
              </p>
              <p className="actions">
                <Link className="button" to={`/bookings/${booking.id}/reschedule`}>
                  {t("detail.reschedule")}
                </Link>
                <Link className="button danger" to={`/bookings/${booking.id}/cancel`}>
                  {t("detail.cancel")}
                </Link>
              </p>
            </>
          ) : (
            <p className="notice">
              {t("manage.callToChange", {
                deadline: formatDateTime(booking.changeDeadline, locale),
                phone: place.phone ?? t("manage.phoneUnknown"),
              })}
            </p>
          )}
        </div>
      ) : null}
      <Deliveries deliveries={deliveries} />
      <p>
        <Link to="/bookings">{t("detail.back")}</Link>
      </p>
    </section>
  );
}
