// GET /events.ics: the agenda as a calendar to subscribe to, with the same filters as /events
// (kind, district, from, to, mode, q; "for me" needs a login, which a calendar app does not carry).
// Texts in `lang` (the link from /events sets it), else the request's language. Shares the open-data
// rate limit of GET /api/events; bad filters get 400 with a message per filter, in that language.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { parseEventFilters } from "~/domain/events/filters";
import { eventsCalendar } from "~/domain/events/ics";
import { feedSessions } from "~/domain/events/reads.server";
import { messageT } from "~/domain/notifications/render.server";
import { takeAttempt } from "~/domain/system/rate-limits.server";
import { now } from "~/utils/clock.server";
import { isSupportedLanguage } from "~/utils/i18n";
import { getLocale } from "~/utils/i18n.server";
import { clientIp } from "~/utils/request.server";

export async function loader({ request, context }: LoaderFunctionArgs) {
  const url = new URL(request.url);
  const asked = url.searchParams.get("lang");
  const language = isSupportedLanguage(asked) ? asked : await getLocale(request);
  const t = (await messageT(language)) as unknown as (
    key: string,
    options?: Record<string, unknown>,
  ) => string;
  const headers = new Headers({ "Access-Control-Allow-Origin": "*" });
  const text = (body: string, status: number) => {
    headers.set("Content-Type", "text/plain; charset=utf-8");
    return new Response(body, { status, headers });
  };
  const limit = await takeAttempt("events-api", clientIp(context));
  if (!limit.allowed) {
    headers.set("Retry-After", String(limit.retryAfterSeconds));
    return text(t("events:api.tooMany"), 429);
  }
  const parsed = parseEventFilters(url.searchParams);
  if (!parsed.ok) {
    const lines = parsed.problems.map((problem) => t(problem.message, { value: problem.value }));
    return text([t("events:api.badRequest"), ...lines].join("\n"), 400);
  }
  const sessions = await feedSessions(parsed.filters, now(), language);
  headers.set("Content-Type", "text/calendar; charset=utf-8");
  headers.set("Content-Disposition", 'inline; filename="seoul-events.ics"');
  headers.set("Cache-Control", "public, max-age=900");
  return new Response(eventsCalendar(sessions, { name: t("events:feed.name"), stamp: now() }), {
    headers,
  });
}
