// Calendar files of programs and events: the subscribable feed (/events.ics, the agenda's filters)
// and one resident's registration. Built with the `ics` library, as a booking's file is
// (app/domain/booking/ics.ts): instants in UTC ("…Z"), which every calendar shows in its own zone,
// so a 19:00 Seoul session is 19:00 in Seoul wherever it is opened.
import { createEvents, type EventAttributes } from "ics";

/** A feed lists at most this many sessions, and a description at most this many characters. */
export const FEED_SESSION_LIMIT = 500;
const DESCRIPTION_LIMIT = 600;

export type CalendarSession = {
  /** stable across downloads, so that a calendar updates the event it has instead of adding one */
  uid: string;
  startsAt: Date;
  endsAt: Date;
  title: string;
  description: string;
  location: string;
  url: string;
  cancelled: boolean;
  /** the session's revision: raised each time it is moved (times, place or link) */
  sequence: number;
};

function clip(text: string, limit: number) {
  return text.length <= limit ? text : `${text.slice(0, limit - 1)}…`;
}

/** The uid of a session in the public feed. */
export const sessionUid = (sessionId: string) => `event-session-${sessionId}@seoul-portal`;
/** The uid of a resident's registration (a new registration after cancelling is a new event). */
export const registrationUid = (registrationId: string) =>
  `event-registration-${registrationId}@seoul-portal`;

export function eventsCalendar(
  sessions: CalendarSession[],
  options: { name: string; stamp: Date },
): string {
  const events: EventAttributes[] = sessions.slice(0, FEED_SESSION_LIMIT).map((session) => ({
    uid: session.uid,
    // Each move raises the session's revision, and a cancellation comes after the last of them:
    // the newer version wins over the one a calendar already holds (RFC 5545 SEQUENCE).
    sequence: session.sequence + (session.cancelled ? 1 : 0),
    timestamp: options.stamp.getTime(),
    start: session.startsAt.getTime(),
    startInputType: "utc",
    startOutputType: "utc",
    end: session.endsAt.getTime(),
    endInputType: "utc",
    endOutputType: "utc",
    title: clip(session.title, 200),
    description: clip(session.description, DESCRIPTION_LIMIT),
    ...(session.location ? { location: clip(session.location, 300) } : {}),
    url: session.url,
    status: session.cancelled ? "CANCELLED" : "CONFIRMED",
    busyStatus: "BUSY",
  }));
  const { error, value } = createEvents(events, {
    productId: "seoul-portal/events",
    method: "PUBLISH",
    calName: options.name,
  });
  if (error || !value) throw error ?? new Error("could not build the calendar file");
  return value;
}
