import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ConsultationFacts } from "~/components/booking/consultation-facts";
import { useTimeRange } from "~/components/booking/time-text";
import { withIsoDates } from "~/domain/booking/iso-dates";
import {
  canReadDescriptions,
  getStaffBooking,
  readDescriptionAsStaff,
} from "~/domain/booking/staff.server";
import { type BookingStatus } from "~/domain/booking/types";
import { seoulDate } from "~/domain/shared/seoul-time";
import { useRootData } from "~/utils/root-data";
import { requireBookingStaff, requireRecordId } from "~/routes-support/booking.server";
import { formatCalendarDate } from "~/utils/format";
import { invariantResponse, notFound } from "~/utils/http.server";
import { pageTitle } from "~/utils/meta";
import { clientIp } from "~/utils/request.server";
import { localized } from "~/domain/shared/localized";

export const handle = { i18n: ["booking"] };
export const meta: MetaFunction = (args) => pageTitle(args, "staffBooking");

/**
 * A booking of the staff member's own place. The confidential description is sent only when
 * asked for (?show=description), and every such read is written to the audit log.
 */
export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const user = await requireBookingStaff(request);
  const id = requireRecordId(params.bookingId);
  const booking = await getStaffBooking(user, id);
  invariantResponse(booking, notFound);
  const mayRead = canReadDescriptions(user);
  const show = mayRead && new URL(request.url).searchParams.get("show") === "description";
  const description =
    show && booking.hasDescription
      ? await readDescriptionAsStaff(user, id, clientIp(context))
      : null;
  return withIsoDates({ booking, description: description ?? null, shown: show, mayRead });
}

export default function StaffBooking() {
  const { t } = useTranslation("booking");
  const { booking, description, shown, mayRead } = useLoaderData<typeof loader>();
  const locale = useRootData()?.locale ?? "ko";
  const range = useTimeRange();
  const { service } = booking.slot;
  const name = booking.resident.deletedAt ? t("staff.deletedResident") : booking.resident.name;
  return (
    <section className="page narrow booking" aria-labelledby="staff-booking-title">
      <p className="eyebrow">{t("staff.bookingTitle")}</p>
      <h1 id="staff-booking-title">{localized(service, locale, "name")}</h1>
      <dl className="facts">
        <dt>{t("detail.reference")}</dt>
        <dd className="reference">{booking.reference}</dd>
        <dt>{t("staff.resident")}</dt>
        <dd>{name}</dd>
        <dt>{t("staff.email")}</dt>
        <dd>{booking.resident.email ?? t("staff.none")}</dd>
        <dt>{t("staff.phone")}</dt>
        <dd>{booking.resident.phone ?? t("staff.none")}</dd>
        <dt>{t("slot.when")}</dt>
        <dd>
          {formatCalendarDate(seoulDate(new Date(booking.slot.startsAt)), locale, "full")}{" "}
          {range(booking.slot)}
        </dd>
        <dt>{t("slot.where")}</dt>
        <dd>{localized(service.place, locale, "name")}</dd>
        <dt>{t("detail.status")}</dt>
        <dd>{t(`status.${booking.status as BookingStatus}`)}</dd>
        <ConsultationFacts
          channel={booking.channel}
          topic={booking.topic}
          consent={booking.consent}
        />
      </dl>
      {booking.topic ? (
        <section aria-labelledby="description-title" className="stack">
          <h2 id="description-title">{t("staff.descriptionTitle")}</h2>
          {!booking.hasDescription ? (
            <p>{t("staff.noDescription")}</p>
          ) : !mayRead ? (
            <p>{t("staff.descriptionCenterOnly")}</p>
          ) : shown ? (
            <>
              <p className="message-body">{description ?? t("detail.descriptionUnavailable")}</p>
              <p role="status" className="hint">
                {t("staff.recorded")}
              </p>
            </>
          ) : (
            <Form method="get">
              <p>{t("staff.descriptionNotice")}</p>
              <input type="hidden" name="show" value="description" />
              <button type="submit" className="button">
                {t("staff.showDescription")}
              </button>
            </Form>
          )}
        </section>
      ) : null}
      <p>
        <Link
          to={`/staff/bookings?service=${service.id}&date=${seoulDate(new Date(booking.slot.startsAt))}`}
        >
          {t("staff.back")}
        </Link>
      </p>
    </section>
  );
}
