import { getDb } from "~/utils/db.server";
import { makeResident, sessionCookieFor } from "./residents";

/** A staff member of `placeId` (or an admin), logged in. */
export async function makeStaff(placeId: string | null, role: "staff" | "admin" = "staff") {
  const resident = await makeResident();
  await getDb().resident.update({
    where: { id: resident.id },
    data: { role, staffPlaceId: placeId },
  });
  return { id: resident.id, cookie: await sessionCookieFor(resident.id) };
}

export const makeAdmin = () => makeStaff(null, "admin");

/** A multipart form POST, as a browser sends a form with a file. */
export function multipartRequest(
  path: string,
  fields: Record<string, string | File>,
  options: { cookie?: string } = {},
): Request {
  const body = new FormData();
  for (const [key, value] of Object.entries(fields)) body.append(key, value);
  return new Request(`http://localhost${path}`, {
    method: "POST",
    body,
    headers: options.cookie ? { Cookie: options.cookie } : {},
  });
}
