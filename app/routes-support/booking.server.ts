// The HTTP side of booking: who may open which booking page (the routes' first step), and a
// refusal as the booking pages show it.
import type { Submission } from "@conform-to/react";
import { recordId } from "~/domain/booking/schema";
import { bookingRules } from "~/domain/booking/capacity.server";
import { canManageBookings, getStaffBooking } from "~/domain/booking/staff.server";
import { getMyBooking } from "~/domain/booking/reads.server";
import type { BookingFailure, RefusalAbout } from "~/domain/booking/types";
import { requireRole, requireUser } from "~/utils/auth.server";
import { now } from "~/utils/clock.server";
import {
  forbidden,
  invariantResponse,
  notFound,
  refused,
  type ReplyOptions,
} from "~/utils/http.server";

/**
 * One of the signed-in resident's own bookings; anyone else's is "not found" (never "forbidden",
 * which would say that it exists).
 */
export async function requireMyBooking(request: Request, bookingId: string | undefined) {
  const user = await requireUser(request);
  const id = recordId.safeParse(bookingId);
  const booking = id.success ? await getMyBooking(user.id, id.data, now()) : null;
  invariantResponse(booking, notFound);
  return { user, booking };
}

/** Staff bound to a place, or an admin; everyone else gets 403. */
export async function requireBookingStaff(request: Request) {
  const user = await requireRole(request, ["staff", "admin"]);
  invariantResponse(canManageBookings(user), forbidden);
  return user;
}

/**
 * A booking of the staff member's own place (an admin: any place); anyone else's is "not found".
 * `live`: it can still be moved or cancelled (confirmed, not started).
 */
export async function requireStaffBooking(request: Request, bookingId: string | undefined) {
  const user = await requireBookingStaff(request);
  const booking = await getStaffBooking(user, requireRecordId(bookingId));
  invariantResponse(booking, notFound);
  const live = booking.status === "confirmed" && booking.slot.startsAt > now();
  return { user, booking, live };
}

/** A record id from the URL, or "not found". */
export function requireRecordId(value: string | undefined): string {
  const id = recordId.safeParse(value);
  invariantResponse(id.success, notFound);
  return id.data;
}

/**
 * The answer to a refused booking request: the form again (when there was one) and the refusal
 * with the values its message needs (the rules, whom to call), with the status of its code.
 */
export function refusedBooking(
  failure: BookingFailure,
  submission?: Submission<unknown>,
  reply?: ReplyOptions,
  /** what was refused when not a booking: its own wording where it has one (RefusalAlert) */
  about?: RefusalAbout,
) {
  const rules = bookingRules();
  return refused(failure, {
    submission,
    reply,
    params: {
      ...(about ? { about } : {}),
      max: rules.maxPerKind,
      hours: rules.cutoffMinutes / 60,
      phone: failure.phone ?? "",
      limit: failure.limit ?? "",
    },
  });
}
