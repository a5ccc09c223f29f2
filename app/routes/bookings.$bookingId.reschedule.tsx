import { parseWithZod } from "@conform-to/zod";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ErrorSummary } from "~/components/ui/form";
import { RefusalAlert } from "~/components/booking/refusal";
import { DayList, LiveTimeList } from "~/components/booking/time-picker";
import { useTimeRange } from "~/components/booking/time-text";
import { withIsoDates } from "~/domain/booking/iso-dates";
import { RescheduleSchema } from "~/domain/booking/schema";
import { getAvailability } from "~/domain/booking/reads.server";
import { rescheduleBooking } from "~/domain/booking/book.server";
import { type Channel } from "~/domain/booking/types";
import { seoulDate } from "~/domain/shared/seoul-time";
import { isoDate } from "~/domain/shared/validation";
import { useRootData } from "~/utils/root-data";
import { refusedBooking, requireMyBooking } from "~/routes-support/booking.server";
import { now } from "~/utils/clock.server";
import { formatCalendarDate, formatDateTime } from "~/utils/format";
import { invalid } from "~/utils/http.server";
import { pageTitle } from "~/utils/meta";
import { clientIp, readFormData } from "~/utils/request.server";
import { Localized } from "~/components/localized";

export const handle = { i18n: ["booking", "eligibility", "districts", "account", "validation"] };
export const meta: MetaFunction = (args) => pageTitle(args, "rescheduleBooking");

/** Moving a booking: the times of the same service (and channel), as one form of buttons. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { booking } = await requireMyBooking(request, params.bookingId);
  if (!booking.live) throw redirect(`/bookings/${booking.id}`);
  const date = isoDate.safeParse(new URL(request.url).searchParams.get("date")).data;
  const channel = (booking.channel ?? undefined) as Channel | undefined;
  const availability = booking.changeable
    ? await getAvailability(booking.slot.service.id, now(), {
        date,
        channel,
        excludeSlotId: booking.slot.id,
      })
    : null;
  return withIsoDates({ booking, availability, idempotencyKey: crypto.randomUUID() });
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { user, booking } = await requireMyBooking(request, params.bookingId);
  const submission = parseWithZod(await readFormData(request), { schema: RescheduleSchema });
  if (submission.status !== "success") return invalid(submission);
  const outcome = await rescheduleBooking({
    residentId: user.id,
    bookingId: booking.id,
    slotId: submission.value.slotId,
    idempotencyKey: submission.value.idempotencyKey,
    now: now(),
    ip: clientIp(context),
  });
  if (outcome.ok) return redirect(`/bookings/${outcome.bookingId}?rescheduled=1`);
  return refusedBooking(outcome, submission);
}

export default function Reschedule() {
  const { t } = useTranslation("booking");
  const { booking, availability, idempotencyKey } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const locale = useRootData()?.locale ?? "ko";
  const range = useTimeRange();
  const busy = navigation.state === "submitting";
  const { service } = booking.slot;
  const base = `/bookings/${booking.id}/reschedule`;
  const query = new URLSearchParams({
    ...(booking.channel ? { channel: booking.channel } : {}),
    exclude: booking.slot.id,
  });
  return (
    <section className="page narrow booking" aria-labelledby="reschedule-title">
      <p className="eyebrow">
        <Localized of={service} field="name" />
      </p>
      <h1 id="reschedule-title">{t("reschedule.title")}</h1>
      {actionData?.refusal ? <RefusalAlert refusal={actionData.refusal} /> : null}
      {actionData?.result?.error ? (
        <ErrorSummary
          form={{
            id: "reschedule",
            errorId: "reschedule-errors",
            // the times are links and buttons, not fields: the messages are the page's own
            allErrors: { "": Object.values(actionData.result.error).flatMap((e) => e ?? []) },
          }}
        />
      ) : null}
      <p>
        <strong>{t("reschedule.current")}</strong>{" "}
        {formatCalendarDate(seoulDate(new Date(booking.slot.startsAt)), locale, "full")}{" "}
        {range(booking.slot)} · <Localized of={service.place} field="name" />
      </p>
      {!availability ? (
        <p className="notice">
          {t("manage.callToChange", {
            deadline: formatDateTime(booking.changeDeadline, locale),
            phone: service.place.phone ?? t("manage.phoneUnknown"),
          })}
        </p>
      ) : (
        <>
          <p>{t("reschedule.intro")}</p>
          <h2>{t("service.chooseDay")}</h2>
          {availability.days.length === 0 ? (
            <p className="notice">{t("service.noSlots")}</p>
          ) : (
            <DayList
              days={availability.days}
              selected={availability.date}
              hrefFor={(date) => `${base}?date=${date}`}
            />
          )}
          {availability.date ? (
            <Form method="post" className="stack" aria-busy={busy}>
              <h2>
                {t("picker.timesTitle", {
                  date: formatCalendarDate(availability.date, locale, "full"),
                })}
              </h2>
              <input type="hidden" name="idempotencyKey" value={idempotencyKey} />
              <LiveTimeList
                source={`/book/${service.slug}/availability?date=${availability.date}&${query}`}
                times={availability.times}
                action={(time) =>
                  time.state === "open" ? (
                    <button
                      type="submit"
                      name="slotId"
                      value={time.id}
                      className="button"
                      disabled={busy}
                      aria-label={t("picker.moveHereLabel", { time: range(time) })}
                    >
                      {busy ? t("reschedule.moving") : t("picker.moveHere")}
                    </button>
                  ) : null
                }
              />
            </Form>
          ) : null}
        </>
      )}
    </section>
  );
}
