// The .ics calendar file of a booking. Instants are written in UTC ("…Z"), which every calendar
// converts to the reader's zone, so a 19:00 Seoul consultation is 19:00 in Seoul wherever the
// file is opened; texts are in the resident's language.
import { createEvent } from "ics";

export type CalendarEvent = {
  uid: string;
  /** raised by every change of the event (RFC 5545 SEQUENCE): a move, a cancellation */
  sequence: number;
  startsAt: Date;
  endsAt: Date;
  title: string;
  location: string;
  description: string;
  url: string;
  cancelled: boolean;
};

export function bookingCalendar(event: CalendarEvent): string {
  const { error, value } = createEvent({
    uid: event.uid,
    sequence: event.sequence,
    productId: "seoul-portal/booking",
    start: event.startsAt.getTime(),
    startInputType: "utc",
    startOutputType: "utc",
    end: event.endsAt.getTime(),
    endInputType: "utc",
    endOutputType: "utc",
    title: event.title,
    location: event.location,
    description: event.description,
    url: event.url,
    status: event.cancelled ? "CANCELLED" : "CONFIRMED",
    busyStatus: "BUSY",
  });
  if (error || !value) throw error ?? new Error("could not build the calendar file");
  return value;
}
