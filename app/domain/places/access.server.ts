// Who may change places: staff their own place (Resident.staffPlaceId), admins every place.
import { forbidden, requireRole } from "~/domain/residents/auth.server";
import type { SessionUser } from "~/domain/residents/types";
import { canEditPlace } from "./service.server";

/** The logged-in staff member or admin who may edit this place; anyone else gets 403. */
export async function requirePlaceEditor(
  request: Request,
  placeId: string | undefined,
): Promise<SessionUser> {
  const user = await requireRole(request, ["staff", "admin"]);
  // Staff asking about another place learn nothing, not even whether it exists.
  if (!placeId || !canEditPlace(user, placeId)) throw forbidden();
  return user;
}

/** Creating places and importing lists is for admins. */
export function requirePlacesAdmin(request: Request): Promise<SessionUser> {
  return requireRole(request, ["admin"]);
}
