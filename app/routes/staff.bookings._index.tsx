import { parseWithZod } from "@conform-to/zod";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { StaffDayPage } from "~/components/booking/staff-day";
import { withIsoDates } from "~/domain/booking/iso-dates";
import { AttendanceSchema, BlockSchema, StaffViewSchema } from "~/domain/booking/schema";
import {
  blockDay,
  blockSlot,
  listManagedServices,
  markAttendance,
  staffAgenda,
  unblockSlot,
} from "~/domain/booking/staff.server";
import { pageFromUrl } from "~/domain/shared/page-parameter";
import { addDays, isoWeekday, seoulDate } from "~/domain/shared/seoul-time";
import {
  refusedBooking,
  requireBookingStaff,
  requireRecordId,
} from "~/routes-support/booking.server";
import { now } from "~/utils/clock.server";
import { invalid } from "~/utils/http.server";
import { pageTitle } from "~/utils/meta";
import { clientIp, readFormData, singleField } from "~/utils/request.server";

export const handle = { i18n: ["booking", "validation"] };
export const meta: MetaFunction = (args) => pageTitle(args, "staffBookings");

/**
 * A day (or a week) of the staff member's place across all its services, grouped by time or by
 * service, or narrowed to one service; with its bookings, paged.
 */
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireBookingStaff(request);
  const url = new URL(request.url);
  const view = StaffViewSchema.parse(Object.fromEntries(url.searchParams.entries()));
  const current = now();
  const services = await listManagedServices(user);
  // a service that is not one's own (or none) shows every service of one's place
  const serviceId = services.some((s) => s.id === view.service) ? view.service! : null;
  const date = view.date ?? seoulDate(current);
  const week = view.view === "week";
  const from = week ? addDays(date, 1 - isoWeekday(date)) : date;
  const page = pageFromUrl(url);
  const schedule = await staffAgenda(user, {
    serviceId,
    from,
    days: week ? 7 : 1,
    group: view.group,
    bookedOnly: view.booked === "1",
    name: view.name || null,
    page,
  });
  return withIsoDates({
    services,
    serviceId,
    date,
    from,
    view: view.view,
    group: view.group,
    booked: view.booked === "1",
    name: view.name ?? "",
    page,
    schedule,
    now: current,
  });
}

/** What a staff change did: the page says so, with how many bookings and slots it touched. */
function done(
  key: "marked" | "slotBlocked" | "slotUnblocked" | "dayBlocked",
  count: number,
  slots: number,
) {
  return { result: null, refusal: null, done: { key, count, slots } };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requireBookingStaff(request);
  const formData = await readFormData(request);
  const current = now();
  const ip = clientIp(context);
  if (singleField(formData, "intent") === "attendance") {
    const submission = parseWithZod(formData, { schema: AttendanceSchema });
    if (submission.status !== "success") return invalid(submission);
    const { bookingId, status } = submission.value;
    const outcome = await markAttendance(user, bookingId, status, current, ip);
    if (!outcome.ok) return refusedBooking(outcome);
    return done("marked", 1, 0);
  }
  const submission = parseWithZod(formData, { schema: BlockSchema });
  if (submission.status !== "success") return invalid(submission);
  const value = submission.value;
  if (value.intent === "block-slot") {
    const outcome = await blockSlot(user, value.slotId, value.reason ?? null, current, ip);
    if (!outcome.ok) return refusedBooking(outcome);
    return done("slotBlocked", outcome.cancelled, 1);
  }
  if (value.intent === "unblock-slot") {
    const outcome = await unblockSlot(user, value.slotId, current, ip);
    if (!outcome.ok) return refusedBooking(outcome);
    return done("slotUnblocked", outcome.offers, 1);
  }
  const serviceId = requireRecordId(singleField(formData, "service") ?? "");
  const outcome = await blockDay(user, serviceId, value.date, value.reason ?? null, current, ip);
  if (!outcome.ok) return refusedBooking(outcome);
  return done("dayBlocked", outcome.cancelled, outcome.slots);
}

export default function StaffBookings() {
  return <StaffDayPage />;
}
