// The HTTP side of places: who may open the back office, the loaders shared by several pages
// (the directories, a place's page), and the form errors of a refused save.
import { storedLanguageFor } from "~/domain/shared/localized";
import { data } from "@remix-run/node";
import { filterSearchParams, parsePlaceFilters, type FilterProblem } from "~/domain/places/filters";
import { getPlacePage, nextOpenings, searchPlaces } from "~/domain/places/directory.server";
import { canEditPlace, type SaveResult } from "~/domain/places/manage.server";
import type { PlaceKind } from "~/domain/places/types";
import type { FilterValues } from "~/domain/places/views";
import type { SessionUser } from "~/domain/residents/types";
import { seoulParts } from "~/domain/shared/seoul-time";
import { getUser, requireRole } from "~/utils/auth.server";
import { now } from "~/utils/clock.server";
import { forbidden, invariantResponse, notFound } from "~/utils/http.server";
import { getLocale } from "~/utils/i18n.server";
import { sharedRead } from "~/utils/public-reads.server";

// ───────────── who may change places ─────────────
// Staff their own place (Resident.staffPlaceId), admins every place.

/** The logged-in staff member or admin who may edit this place; anyone else gets 403. */
export async function requirePlaceEditor(
  request: Request,
  placeId: string | undefined,
): Promise<SessionUser> {
  const user = await requireRole(request, ["staff", "admin"]);
  // Staff asking about another place learn nothing, not even whether it exists.
  invariantResponse(placeId && canEditPlace(user, placeId), forbidden);
  return user;
}

/** Creating places and importing lists is for admins. */
export function requirePlacesAdmin(request: Request): Promise<SessionUser> {
  return requireRole(request, ["admin"]);
}

/** A refused save as errors next to the fields concerned. */
export function saveErrors(failure: Extract<SaveResult, { ok: false }>): Record<string, string[]> {
  return failure.code === "slugTaken"
    ? { slug: ["places:form.errors.slugTaken"] }
    : { operatorId: ["validation:invalidChoice"] };
}

// ───────────── directories ─────────────

/**
 * The loader behind every directory page (/places, /cafes, /shelters, /labor-centers): the URL's
 * filters, one page of places, and what the page needs to show the filters again.
 */
export async function loadDirectory(request: Request, fixedKind: PlaceKind | null) {
  const url = new URL(request.url);
  const parsed = parsePlaceFilters(url.searchParams, { kind: fixedKind ?? undefined });
  const language = storedLanguageFor(await getLocale(request));
  const current = now();
  const filters = parsed.filters;
  // A shelter is looked for when it is needed, at any hour: the ones open now come first.
  const openFirst = fixedKind === "rest_shelter";
  // the same list for everyone who asks alike (public-reads.server.ts)
  const result = await sharedRead(
    `places:${language}:${openFirst ? "open-first:" : ""}${filterSearchParams(filters)}&page=${filters.page}`,
    () => searchPlaces(filters, { now: current, language, openFirst }),
  );
  // an "open" search that found nothing says which places open next, rather than nothing
  const nextOpen =
    result.total === 0 && filters.open
      ? await sharedRead(`places-next:${language}:${filterSearchParams(filters)}`, () =>
          nextOpenings(filters, { now: current, language }),
        )
      : [];
  const clock = seoulParts(current);
  const values: FilterValues = {
    kind: fixedKind ? "" : (filters.kind ?? ""),
    sub: filters.subKind ?? "",
    district: filters.district ?? "",
    service: filters.service ?? "",
    q: filters.q ?? "",
    open: filters.open?.mode ?? "",
    // the "open at" inputs start at the present moment in Seoul
    date: filters.open?.mode === "at" ? filters.open.date : clock.date,
    time: filters.open?.mode === "at" ? filters.open.time : clock.time,
    near: filters.near ? `${filters.near.lat},${filters.near.lng}` : "",
  };
  const problems: FilterProblem[] = parsed.ok ? [] : parsed.problems;
  return data(
    {
      fixedKind,
      values,
      problems,
      result,
      nextOpen,
      /** the filters as URL parameters, without the page (nor the page's own kind): links */
      query: filterSearchParams(filters, { fixedKind: fixedKind ?? undefined }).toString(),
      /** the same for GET /api/places, which has no kind of its own */
      apiQuery: filterSearchParams(filters).toString(),
      near: filters.near ?? null,
      now: current.toISOString(),
    },
    // A link with a filter the page cannot use still gets the page (unfiltered, with a message).
    { status: parsed.ok ? 200 : 400 },
  );
}
export type DirectoryData = Awaited<ReturnType<typeof loadDirectory>>["data"];

// ───────────── a place's page ─────────────

/** The loader behind a place's page (/places/:slug, and /youth-center for the Youth Job Center). */
export async function loadPlacePage(request: Request, slug: string | undefined) {
  const [place, user] = await Promise.all([
    slug ? getPlacePage(slug, now()) : null,
    getUser(request),
  ]);
  invariantResponse(place, notFound);
  const { id, ...shown } = place;
  return {
    place: shown,
    // only staff of this place (and admins) see the way to its back office
    editHref: user && canEditPlace(user, id) ? `/staff/places/${id}` : null,
  };
}
export type PlacePageView = Awaited<ReturnType<typeof loadPlacePage>>["place"];
