// When a registrant hears of their session: the day before, at 10:00 Seoul time (a working hour,
// outside the texts' quiet hours, early enough to cancel and free the seat for someone else).

import { addDays, seoulDate, seoulInstant } from "~/domain/shared/seoul-time";

const REMINDER_CLOCK = "10:00";

/** The moment a session's reminders are due. */
export function eventReminderAt(startsAt: Date): Date {
  return seoulInstant(addDays(seoulDate(startsAt), -1), REMINDER_CLOCK);
}

/**
 * Whether a registration's reminder is due at `now`: its moment has come, the session has not
 * begun, and the resident registered before that moment (someone who registers the day before,
 * after 10:00, has just seen the date: like a booking made late, no reminder).
 */
export function reminderDue(startsAt: Date, registeredAt: Date, now: Date): boolean {
  const at = eventReminderAt(startsAt);
  return at <= now && now < startsAt && registeredAt < at;
}
