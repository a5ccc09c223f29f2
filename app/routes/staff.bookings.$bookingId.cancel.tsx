// Staff cancel a booking for a resident who phones in: this page is the confirmation step — what
// will be cancelled, why (a reason is required), who is told — with Cancel / Keep it.
import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { RefusalAlert } from "~/components/booking/refusal";
import { StaffBookingSummary, staffDayHref } from "~/components/booking/staff-booking-summary";
import { ErrorSummary, RadioGroup, useFormConstraint } from "~/components/ui/form";
import { cancelBookingBy } from "~/domain/booking/book.server";
import { withIsoDates } from "~/domain/booking/iso-dates";
import { StaffCancelSchema } from "~/domain/booking/schema";
import { STAFF_CANCEL_REASONS } from "~/domain/booking/types";
import { refusedBooking, requireStaffBooking } from "~/routes-support/booking.server";
import { now } from "~/utils/clock.server";
import { formConstraint } from "~/utils/form-constraint.server";
import { invalid } from "~/utils/http.server";
import { pageTitle } from "~/utils/meta";
import { clientIp, readFormData } from "~/utils/request.server";

export const handle = { i18n: ["booking", "validation"] };
export const meta: MetaFunction = (args) => pageTitle(args, "staffCancelBooking");

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { booking, live } = await requireStaffBooking(request, params.bookingId);
  if (!live) throw redirect(`/staff/bookings/${booking.id}`);
  return withIsoDates({ booking, constraint: formConstraint(StaffCancelSchema) });
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { user, booking } = await requireStaffBooking(request, params.bookingId);
  const submission = parseWithZod(await readFormData(request), { schema: StaffCancelSchema });
  if (submission.status !== "success") return invalid(submission);
  const outcome = await cancelBookingBy({ staff: user }, booking.id, {
    now: now(),
    ip: clientIp(context),
    reason: submission.value.reason,
  });
  if (outcome.ok) return redirect(`/staff/bookings/${booking.id}?cancelled=1`);
  return refusedBooking(outcome, submission);
}

export default function StaffCancelBooking() {
  const { t } = useTranslation("booking");
  const { booking } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const busy = navigation.state === "submitting";
  const [form, fields] = useForm<{ reason: string }>({
    id: "staff-cancel",
    lastResult: actionData?.result,
    constraint: useFormConstraint(),
  });
  const name = booking.resident.deletedAt ? t("staff.deletedResident") : booking.resident.name;
  return (
    <section className="page narrow booking" aria-labelledby="staff-cancel-title">
      <p className="eyebrow">{t("staff.onBehalf")}</p>
      <h1 id="staff-cancel-title">{t("staff.cancelTitle", { name })}</h1>
      {actionData?.refusal ? <RefusalAlert refusal={actionData.refusal} forStaff /> : null}
      <StaffBookingSummary booking={booking} />
      <Form method="post" {...getFormProps(form)} className="stack">
        <ErrorSummary form={form} />
        <RadioGroup
          field={fields.reason}
          legend={t("staff.cancelReason")}
          options={STAFF_CANCEL_REASONS.map((reason) => ({
            value: reason,
            label: t(`staff.cancelReasons.${reason}`),
          }))}
        />
        <ul>
          <li>{t("staff.cancelTold", { name })}</li>
          <li>{t("staff.cancelWaitlist")}</li>
        </ul>
        <p className="actions">
          <button type="submit" className="button danger" disabled={busy}>
            {busy ? t("cancel.cancelling") : t("staff.cancelConfirm")}
          </button>
          <Link className="button" to={staffDayHref(booking)}>
            {t("staff.keep")}
          </Link>
        </p>
      </Form>
    </section>
  );
}
