import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { RefusalAlert } from "~/components/booking/refusal";
import { useTimeRange } from "~/components/booking/time-text";
import { withIsoDates } from "~/domain/booking/iso-dates";
import { cancelBooking } from "~/domain/booking/book.server";
import { seoulDate } from "~/domain/shared/seoul-time";
import { useRootData } from "~/utils/root-data";
import { refusedBooking, requireMyBooking } from "~/routes-support/booking.server";
import { now } from "~/utils/clock.server";
import { formatCalendarDate, formatDateTime } from "~/utils/format";
import { pageTitle } from "~/utils/meta";
import { clientIp, readFormData } from "~/utils/request.server";
import { Localized } from "~/components/localized";

export const handle = { i18n: ["booking"] };
export const meta: MetaFunction = (args) => pageTitle(args, "cancelBooking");

/** "Cancel this booking?" — a confirmation step, so one stray tap cancels nothing. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { booking } = await requireMyBooking(request, params.bookingId);
  if (!booking.live) throw redirect(`/bookings/${booking.id}`);
  return withIsoDates({ booking });
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { user, booking } = await requireMyBooking(request, params.bookingId);
  await readFormData(request);
  const outcome = await cancelBooking(user.id, booking.id, now(), clientIp(context));
  if (outcome.ok) return redirect(`/bookings/${booking.id}?cancelled=1`);
  return refusedBooking(outcome);
}

export default function CancelBooking() {
  const { t } = useTranslation("booking");
  const { booking } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const locale = useRootData()?.locale ?? "ko";
  const range = useTimeRange();
  const busy = navigation.state === "submitting";
  const { service } = booking.slot;
  return (
    <section className="page narrow booking" aria-labelledby="cancel-title">
      <h1 id="cancel-title">{t("cancel.title")}</h1>
      {actionData?.refusal ? <RefusalAlert refusal={actionData.refusal} /> : null}
      <p>
        <strong>
          <Localized of={service} field="name" />
        </strong>{" "}
        · <Localized of={service.place} field="name" />
        <br />
        {formatCalendarDate(seoulDate(new Date(booking.slot.startsAt)), locale, "full")}{" "}
        {range(booking.slot)}
      </p>
      {booking.changeable ? (
        <Form method="post" className="stack">
          <p>{t("cancel.question")}</p>
          <p className="hint">{t("cancel.waitlistNote")}</p>
          <p className="actions">
            <button type="submit" className="button danger" disabled={busy}>
              {busy ? t("cancel.cancelling") : t("cancel.confirm")}
            </button>
            <Link className="button" to={`/bookings/${booking.id}`}>
              {t("cancel.keep")}
            </Link>
          </p>
        </Form>
      ) : (
        <p className="notice">
          {t("manage.callToChange", {
            deadline: formatDateTime(booking.changeDeadline, locale),
            phone: service.place.phone ?? t("manage.phoneUnknown"),
          })}
        </p>
      )}
    </section>
  );
}
