// Staff move a booking to another free time of the same service for a resident who phones in:
// choose a day and a time (links: the choice is in the address), then confirm "Move to …?". The
// move itself is the resident's reschedule (same rules, same message, same calendar event).
import { parseWithZod } from "@conform-to/zod";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useEffect, useRef } from "react";
import { useTranslation } from "react-i18next";
import { RefusalAlert } from "~/components/booking/refusal";
import { StaffBookingSummary, staffDayHref } from "~/components/booking/staff-booking-summary";
import { DayList } from "~/components/booking/time-picker";
import { TimeList } from "~/components/booking/time-list";
import { useTimeRange } from "~/components/booking/time-text";
import { ErrorSummary } from "~/components/ui/form";
import { moveBookingBy } from "~/domain/booking/book.server";
import { withIsoDates } from "~/domain/booking/iso-dates";
import { getAvailability } from "~/domain/booking/reads.server";
import { recordId, RescheduleSchema } from "~/domain/booking/schema";
import type { Channel } from "~/domain/booking/types";
import { isoDate } from "~/domain/shared/validation";
import { refusedBooking, requireStaffBooking } from "~/routes-support/booking.server";
import { now } from "~/utils/clock.server";
import { formatCalendarDate } from "~/utils/format";
import { invalid } from "~/utils/http.server";
import { pageTitle } from "~/utils/meta";
import { clientIp, readFormData } from "~/utils/request.server";
import { useRootData } from "~/utils/root-data";

export const handle = { i18n: ["booking", "validation"] };
export const meta: MetaFunction = (args) => pageTitle(args, "staffMoveBooking");

/** The times of the booking's service (and channel) on a day, and the time chosen (`?to=`). */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { booking, live } = await requireStaffBooking(request, params.bookingId);
  if (!live) throw redirect(`/staff/bookings/${booking.id}`);
  const url = new URL(request.url);
  const date = isoDate.safeParse(url.searchParams.get("date")).data;
  const to = recordId.safeParse(url.searchParams.get("to")).data;
  const availability = await getAvailability(booking.slot.service.id, now(), {
    date,
    channel: (booking.channel ?? undefined) as Channel | undefined,
    excludeSlotId: booking.slot.id,
  });
  // a time chosen from this day's list and still open; anything else just shows the list
  const chosen = availability.times.find((time) => time.id === to && time.state === "open");
  return withIsoDates({
    booking,
    availability,
    chosen: chosen ?? null,
    idempotencyKey: crypto.randomUUID(),
  });
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { user, booking } = await requireStaffBooking(request, params.bookingId);
  const submission = parseWithZod(await readFormData(request), { schema: RescheduleSchema });
  if (submission.status !== "success") return invalid(submission);
  const outcome = await moveBookingBy(
    { staff: user },
    {
      bookingId: booking.id,
      slotId: submission.value.slotId,
      idempotencyKey: submission.value.idempotencyKey,
      now: now(),
      ip: clientIp(context),
    },
  );
  if (outcome.ok) return redirect(`/staff/bookings/${outcome.bookingId}?moved=1`);
  return refusedBooking(outcome, submission);
}

export default function StaffMoveBooking() {
  const { t } = useTranslation("booking");
  const { booking, availability, chosen, idempotencyKey } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const locale = useRootData()?.locale ?? "ko";
  const range = useTimeRange();
  const base = `/staff/bookings/${booking.id}/move`;
  const name = booking.resident.deletedAt ? t("staff.deletedResident") : booking.resident.name;
  return (
    <section className="page narrow booking" aria-labelledby="staff-move-title">
      <p className="eyebrow">{t("staff.onBehalf")}</p>
      <h1 id="staff-move-title">{t("staff.moveTitle", { name })}</h1>
      {actionData?.refusal ? <RefusalAlert refusal={actionData.refusal} forStaff /> : null}
      {actionData?.result?.error ? (
        <ErrorSummary
          form={{
            id: "staff-move",
            errorId: "staff-move-errors",
            // the times are links and buttons, not fields: the messages are the page's own
            allErrors: { "": Object.values(actionData.result.error).flatMap((e) => e ?? []) },
          }}
        />
      ) : null}
      <StaffBookingSummary booking={booking} />
      {chosen && availability.date ? (
        <MoveConfirmation
          key={chosen.id}
          when={`${formatCalendarDate(availability.date, locale, "full")} ${range(chosen)}`}
          name={name}
          slotId={chosen.id}
          idempotencyKey={idempotencyKey}
          backHref={`${base}?date=${availability.date}`}
        />
      ) : null}
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
        <>
          <h2>
            {t("picker.timesTitle", {
              date: formatCalendarDate(availability.date, locale, "full"),
            })}
          </h2>
          <TimeList
            times={availability.times}
            action={(time) =>
              time.state === "open" ? (
                <Link
                  className="button"
                  to={`${base}?date=${availability.date}&to=${time.id}`}
                  aria-label={t("picker.moveHereLabel", { time: range(time) })}
                  aria-current={chosen?.id === time.id ? "true" : undefined}
                >
                  {t("picker.moveHere")}
                </Link>
              ) : null
            }
          />
        </>
      ) : null}
      <p>
        <Link to={staffDayHref(booking)}>{t("staff.back")}</Link>
      </p>
    </section>
  );
}

/** "Move Kim's booking to Thu 3 Dec 10:00–10:40?" with Confirm / Choose another time. */
function MoveConfirmation({
  when,
  name,
  slotId,
  idempotencyKey,
  backHref,
}: {
  when: string;
  name: string;
  slotId: string;
  idempotencyKey: string;
  backHref: string;
}) {
  const { t } = useTranslation("booking");
  const navigation = useNavigation();
  const busy = navigation.state === "submitting";
  const heading = useRef<HTMLHeadingElement>(null);
  // the choice is a link (a query change): take the reader to the question it raises
  useEffect(() => heading.current?.focus(), []);
  return (
    <section className="card stack" aria-labelledby="staff-move-confirm">
      <h2 id="staff-move-confirm" ref={heading} tabIndex={-1}>
        {t("staff.moveQuestion", { when })}
      </h2>
      <ul>
        <li>{t("staff.moveTold", { name })}</li>
        <li>{t("staff.moveFreed")}</li>
      </ul>
      <Form method="post" className="actions">
        <input type="hidden" name="slotId" value={slotId} />
        <input type="hidden" name="idempotencyKey" value={idempotencyKey} />
        <button type="submit" className="button primary" disabled={busy}>
          {busy ? t("reschedule.moving") : t("staff.moveConfirm")}
        </button>
        <Link className="button" to={backHref}>
          {t("staff.chooseAnother")}
        </Link>
      </Form>
    </section>
  );
}
