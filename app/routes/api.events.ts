// GET /api/events: the agenda's sessions as JSON, with the same filters as /events (open data).
// Rate-limited per client in the database; bad parameters get 400 with a message per parameter.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { eventFilterSearchParams, parseEventFilters } from "~/domain/events/filters";
import { listSessions } from "~/domain/events/reads.server";
import { takeAttempt } from "~/domain/system/rate-limits.server";
import { now } from "~/utils/clock.server";
import { getServerT } from "~/utils/i18n.server";
import { clientIp } from "~/utils/request.server";
import { siteOrigin } from "~/utils/site-url.server";

function json(body: unknown, status: number, headers: Headers, type = "application/json") {
  headers.set("Content-Type", `${type}; charset=utf-8`);
  return new Response(JSON.stringify(body), { status, headers });
}

export async function loader({ request, context }: LoaderFunctionArgs) {
  // open data: any site may read it (no cookies are involved)
  const headers = new Headers({ "Access-Control-Allow-Origin": "*" });
  const t = await getServerT(request);
  const limit = await takeAttempt("events-api", clientIp(context));
  if (!limit.allowed) {
    headers.set("Retry-After", String(limit.retryAfterSeconds));
    return json(
      { status: 429, title: t("events:api.tooMany") },
      429,
      headers,
      "application/problem+json",
    );
  }
  const parsed = parseEventFilters(new URL(request.url).searchParams);
  if (!parsed.ok) {
    return json(
      {
        status: 400,
        title: t("events:api.badRequest"),
        problems: parsed.problems.map((problem) => ({
          param: problem.param,
          value: problem.value,
          message: t(problem.message as "events:filterErrors.kind", { value: problem.value }),
        })),
      },
      400,
      headers,
      "application/problem+json",
    );
  }
  const { filters } = parsed;
  const result = await listSessions(filters, now());
  const origin = siteOrigin();
  // "for me" needs a login, which the open-data API does not take: it is not carried on
  const query = eventFilterSearchParams(filters, { forMe: false });
  const pageLink = (page: number) => {
    const params = new URLSearchParams(query);
    if (page > 1) params.set("page", String(page));
    return `${origin}/api/events${params.toString() ? `?${params}` : ""}`;
  };
  headers.set("Cache-Control", "public, max-age=60");
  return json(
    {
      total: result.total,
      page: result.page,
      pageCount: result.pageCount,
      next: result.page < result.pageCount ? pageLink(result.page + 1) : null,
      sessions: result.sessions.map(({ program, ...session }) => ({
        id: session.id,
        startsAt: session.startsAt.toISOString(),
        endsAt: session.endsAt.toISOString(),
        capacity: session.capacity,
        seatsLeft: session.seatsLeft,
        status: session.status,
        registration: {
          state: session.state,
          opensAt: session.registrationOpensAt.toISOString(),
          closesAt: session.registrationClosesAt.toISOString(),
        },
        program: {
          slug: program.slug,
          url: `${origin}/events/${program.slug}`,
          kind: program.kind,
          title: { ko: program.titleKo, en: program.titleEn },
          organization: { ko: program.organization.nameKo, en: program.organization.nameEn },
          venue: program.place
            ? { ko: program.place.nameKo, en: program.place.nameEn }
            : program.venueKo
              ? { ko: program.venueKo, en: program.venueEn }
              : null,
          district: program.district,
          format: program.format,
          isSampleData: program.isSampleData,
        },
      })),
    },
    200,
    headers,
  );
}
