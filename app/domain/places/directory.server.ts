// The loader behind every directory page (/places, /cafes, /shelters, /labor-centers): the URL's
// filters, one page of places, and what the page needs to show the filters again.
import { data } from "@remix-run/node";
import { seoulParts } from "~/domain/shared/seoul-time";
import { now } from "~/utils/clock.server";
import { getLocale } from "~/utils/i18n.server";
import { filterSearchParams, parsePlaceFilters, type FilterProblem } from "./filters";
import { searchPlaces } from "./service.server";
import type { PlaceKind } from "./types";
import type { FilterValues } from "./views";

export async function loadDirectory(request: Request, fixedKind: PlaceKind | null) {
  const url = new URL(request.url);
  const parsed = parsePlaceFilters(url.searchParams, { kind: fixedKind ?? undefined });
  const language = (await getLocale(request)) === "en" ? "en" : "ko";
  const current = now();
  const filters = parsed.filters;
  const result = await searchPlaces(filters, { now: current, language });
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
