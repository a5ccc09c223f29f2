import type { LoaderFunctionArgs } from "@remix-run/node";
import { z } from "zod";
import { recordId } from "~/domain/booking/schema";
import { sharedBookableService, getDayTimes } from "~/domain/booking/reads.server";
import { CHANNELS } from "~/domain/booking/types";
import { isoDate } from "~/domain/shared/validation";
import { now } from "~/utils/clock.server";

const QuerySchema = z.object({
  date: isoDate,
  channel: z.enum(CHANNELS).optional(),
  exclude: recordId.optional(),
});

/**
 * The times of one day with the places left, as JSON, for the live refresh of the time-choice
 * pages. Public (like the page itself) and never cached: it changes with every booking.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const service = await sharedBookableService(params.serviceSlug ?? "");
  if (!service) return Response.json({ error: "not_found" }, { status: 404 });
  const query = QuerySchema.safeParse(
    Object.fromEntries(new URL(request.url).searchParams.entries()),
  );
  if (!query.success) return Response.json({ error: "bad_request" }, { status: 400 });
  const times = await getDayTimes(service.id, query.data.date, now(), {
    channel: query.data.channel,
    excludeSlotId: query.data.exclude,
  });
  return Response.json({ times }, { headers: { "Cache-Control": "no-store" } });
}
