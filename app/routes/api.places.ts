// GET /api/places: every place matching the directory's filters as GeoJSON (RFC 7946), for the
// map and as open data (README: "Open data"). Cacheable (ETag, Cache-Control), rate-limited per
// client in the database; bad parameters get 400 with a message per parameter.
import crypto from "node:crypto";
import type { LoaderFunctionArgs } from "@remix-run/node";
import {
  filterSearchParams,
  parseBBox,
  parsePlaceFilters,
  type FilterProblem,
} from "~/domain/places/filters";
import { placeFeatures } from "~/domain/places/directory.server";
import { featureCollection, type PlaceFeature } from "~/domain/places/views";
import { takeAttempt } from "~/domain/system/rate-limits.server";
import { now } from "~/utils/clock.server";
import { getServerT } from "~/utils/i18n.server";
import { sharedRead } from "~/utils/public-reads.server";
import { clientIp } from "~/utils/request.server";

/** Does If-None-Match name this ETag (weak comparison, RFC 9110 §13.1.2)? */
function matches(ifNoneMatch: string | null, etag: string): boolean {
  if (!ifNoneMatch) return false;
  if (ifNoneMatch.trim() === "*") return true;
  const bare = (tag: string) => tag.trim().replace(/^W\//, "");
  return ifNoneMatch.split(",").some((tag) => bare(tag) === bare(etag));
}

/** About what a feature holds in memory: its JSON, which its strings dominate, twice over. */
function approximateBytes(features: PlaceFeature[]): number {
  return features.reduce((bytes, feature) => bytes + 2 * JSON.stringify(feature).length, 0);
}

export async function loader({ request, context }: LoaderFunctionArgs) {
  const current = now();
  const limit = await takeAttempt("places-api", clientIp(context));
  // open data: any site may read it (no cookies are involved)
  const headers = new Headers({ "Access-Control-Allow-Origin": "*" });
  if (limit.limit > 0) {
    headers.set("RateLimit-Limit", String(limit.limit));
    headers.set("RateLimit-Remaining", String(limit.remaining));
    headers.set(
      "RateLimit-Reset",
      String(Math.max(0, Math.ceil((limit.resetAt.getTime() - Date.now()) / 1000))),
    );
  }
  const t = await getServerT(request);
  if (!limit.allowed) {
    headers.set("Retry-After", String(limit.retryAfterSeconds));
    headers.set("Content-Type", "application/problem+json; charset=utf-8");
    return new Response(JSON.stringify({ status: 429, title: t("places:api.tooMany") }), {
      status: 429,
      headers,
    });
  }

  const params = new URL(request.url).searchParams;
  const filters = parsePlaceFilters(params);
  const bbox = parseBBox(params);
  const problems: FilterProblem[] = [
    ...(filters.ok ? [] : filters.problems),
    ...(bbox.ok ? [] : [bbox.problem]),
  ];
  if (!filters.ok || !bbox.ok) {
    headers.set("Content-Type", "application/problem+json; charset=utf-8");
    return new Response(
      JSON.stringify({
        status: 400,
        title: t("places:api.badRequest"),
        problems: problems.map((problem) => ({
          param: problem.param,
          value: problem.value,
          message: t(problem.message as "places:filterErrors.kind", { value: problem.value }),
        })),
      }),
      { status: 400, headers },
    );
  }

  // Every place matching the filters, read once per sharing window for everyone who asks alike
  // (public-reads.server.ts), as the directories' lists are; each request then cuts out its
  // viewport and orders by its `near`, so a map being moved around is not a read per move.
  const { near, ...shared } = filters.filters;
  const features = await sharedRead(
    `places-api:${filterSearchParams(shared)}`,
    () => placeFeatures(shared, { now: current }),
    { bytes: approximateBytes },
  );
  const body = JSON.stringify(featureCollection(features, { bbox: bbox.bbox, near }));
  const etag = `W/"${crypto.createHash("sha256").update(body).digest("base64url").slice(0, 32)}"`;
  headers.set("ETag", etag);
  // "open now" changes with the clock: a minute is as stale as the answer may get
  headers.set("Cache-Control", "public, max-age=60");
  if (matches(request.headers.get("If-None-Match"), etag)) {
    return new Response(null, { status: 304, headers });
  }
  headers.set("Content-Type", "application/geo+json; charset=utf-8");
  return new Response(body, { status: 200, headers });
}
