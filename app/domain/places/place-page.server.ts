// The loader behind a place's page (/places/:slug, and /youth-center for the Youth Job Center).
import { getUser } from "~/domain/residents/auth.server";
import { now } from "~/utils/clock.server";
import { canEditPlace, getPlacePage } from "./service.server";

export async function loadPlacePage(request: Request, slug: string | undefined) {
  const [place, user] = await Promise.all([
    slug ? getPlacePage(slug, now()) : null,
    getUser(request),
  ]);
  if (!place) throw new Response("Not found", { status: 404 });
  const { id, ...shown } = place;
  return {
    place: shown,
    // only staff of this place (and admins) see the way to its back office
    editHref: user && canEditPlace(user, id) ? `/staff/places/${id}` : null,
  };
}
export type PlacePageView = Awaited<ReturnType<typeof loadPlacePage>>["place"];
