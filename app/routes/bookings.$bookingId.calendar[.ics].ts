import type { LoaderFunctionArgs } from "@remix-run/node";
import { myBookingCalendar } from "~/domain/booking/reads.server";
import { requireMyBooking } from "~/routes-support/booking.server";
import { invariantResponse, notFound } from "~/utils/http.server";

/** The booking as an .ics file, in the resident's preferred language, times as UTC instants. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, booking } = await requireMyBooking(request, params.bookingId);
  const calendar = await myBookingCalendar(user.id, booking.id, user.preferredLanguage);
  invariantResponse(calendar, notFound);
  return new Response(calendar, {
    headers: {
      "Content-Type": "text/calendar; charset=utf-8",
      "Content-Disposition": `attachment; filename="booking-${booking.id}.ics"`,
      "Cache-Control": "private, no-store",
    },
  });
}
