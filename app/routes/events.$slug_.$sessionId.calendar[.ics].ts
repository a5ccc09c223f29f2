// GET /events/<slug>/<sessionId>/calendar.ics: a resident's own registration for a session as a
// calendar file, in their preferred language. Nobody else's: without a registration of theirs it
// is "not found", as a booking's file is.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { eventsCalendar } from "~/domain/events/ics";
import { myRegistrationEvent } from "~/domain/events/reads.server";
import { messageT } from "~/domain/notifications/render.server";
import { requireUser } from "~/utils/auth.server";
import { now } from "~/utils/clock.server";
import { invariantResponse, notFound } from "~/utils/http.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const language = user.preferredLanguage;
  const event = await myRegistrationEvent(
    user.id,
    params.slug ?? "",
    params.sessionId ?? "",
    language,
  );
  invariantResponse(event, notFound);
  const t = (await messageT(language)) as unknown as (key: string) => string;
  return new Response(eventsCalendar([event], { name: t("events:feed.mine"), stamp: now() }), {
    headers: {
      "Content-Type": "text/calendar; charset=utf-8",
      "Content-Disposition": `attachment; filename="event-${params.sessionId}.ics"`,
      "Cache-Control": "private, no-store",
    },
  });
}
