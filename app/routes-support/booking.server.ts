// Who may open which booking page: the routes' first step.
import { forbidden, requireRole, requireUser } from "~/domain/residents/auth.server";
import { now } from "~/utils/clock.server";
import { recordId } from "./schema";
import { canManageBookings, getMyBooking } from "./service.server";

const notFound = () => new Response("Not found", { status: 404 });

/**
 * One of the signed-in resident's own bookings; anyone else's is "not found" (never "forbidden",
 * which would say that it exists).
 */
export async function requireMyBooking(request: Request, bookingId: string | undefined) {
  const user = await requireUser(request);
  const id = recordId.safeParse(bookingId);
  const booking = id.success ? await getMyBooking(user.id, id.data, now()) : null;
  if (!booking) throw notFound();
  return { user, booking };
}

/** Staff bound to a place, or an admin; everyone else gets 403. */
export async function requireBookingStaff(request: Request) {
  const user = await requireRole(request, ["staff", "admin"]);
  if (!canManageBookings(user)) throw forbidden();
  return user;
}

/** A record id from the URL, or "not found". */
export function requireRecordId(value: string | undefined): string {
  const id = recordId.safeParse(value);
  if (!id.success) throw notFound();
  return id.data;
}
