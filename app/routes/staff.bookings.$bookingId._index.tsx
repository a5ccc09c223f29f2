import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ConsultationFacts } from "~/components/booking/consultation-facts";
import { useTimeRange } from "~/components/booking/time-text";
import { withIsoDates } from "~/domain/booking/iso-dates";
import { staffDayHref } from "~/components/booking/staff-booking-summary";
import { canReadDescriptions, readDescriptionAsStaff } from "~/domain/booking/staff.server";
import { type BookingStatus } from "~/domain/booking/types";
import { seoulDate } from "~/domain/shared/seoul-time";
import { useRootData } from "~/utils/root-data";
import { requireStaffBooking } from "~/routes-support/booking.server";
import { formatCalendarDate } from "~/utils/format";
import { pageTitle } from "~/utils/meta";
import { clientIp } from "~/utils/request.server";
import { Confirmation } from "~/components/ui/form";
import { Localized } from "~/components/localized";

export const handle = { i18n: ["booking"] };
export const meta: MetaFunction = (args) => pageTitle(args, "staffBooking");

/**
 * A booking of the staff member's own place. The confidential description is sent only when
 * asked for (?show=description), and every such read is written to the audit log.
 */
export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const { user, booking, live } = await requireStaffBooking(request, params.bookingId);
  const mayRead = canReadDescriptions(user);
  const searchParams = new URL(request.url).searchParams;
  const show = mayRead && searchParams.get("show") === "description";
  const description =
    show && booking.hasDescription
      ? await readDescriptionAsStaff(user, booking.id, clientIp(context))
      : null;
  // just changed for the resident (the cancel and move pages come back here)
  const changed = searchParams.get("cancelled")
    ? "cancelled"
    : searchParams.get("moved")
      ? "moved"
      : null;
  return withIsoDates({
    booking,
    description: description ?? null,
    shown: show,
    mayRead,
    live,
    changed,
  });
}

export default function StaffBooking() {
  const { t } = useTranslation("booking");
  const { booking, description, shown, mayRead, live, changed } = useLoaderData<typeof loader>();
  const locale = useRootData()?.locale ?? "ko";
  const range = useTimeRange();
  const { service } = booking.slot;
  const name = booking.resident.deletedAt ? t("staff.deletedResident") : booking.resident.name;
  return (
    <section className="page narrow booking" aria-labelledby="staff-booking-title">
      <p className="eyebrow">{t("staff.bookingTitle")}</p>
      <h1 id="staff-booking-title">
        <Localized of={service} field="name" />
      </h1>
      {changed ? (
        <Confirmation>
          {t(changed === "cancelled" ? "staff.cancelledFor" : "staff.movedFor", { name })}
        </Confirmation>
      ) : null}
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
        <dd>
          <Localized of={service.place} field="name" />
        </dd>
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
      {live ? (
        <section aria-labelledby="staff-change-title" className="stack">
          <h2 id="staff-change-title">{t("staff.changeTitle")}</h2>
          <p>{t("staff.changeIntro")}</p>
          <p className="actions">
            <Link className="button" to={`/staff/bookings/${booking.id}/move`}>
              {t("staff.moveButton")}
            </Link>
            <Link className="button danger" to={`/staff/bookings/${booking.id}/cancel`}>
              {t("staff.cancelButton")}
            </Link>
          </p>
        </section>
      ) : null}
      <p>
        <Link to={staffDayHref(booking)}>{t("staff.back")}</Link>
      </p>
    </section>
  );
}
