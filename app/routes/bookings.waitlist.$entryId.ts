import type { ActionFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { requireRecordId } from "~/domain/booking/guards.server";
import { leaveWaitlist } from "~/domain/booking/service.server";
import { requireUser } from "~/domain/residents/auth.server";
import { now } from "~/utils/clock.server";
import { readFormData } from "~/utils/request.server";

/** Nothing to show here: the waitlist lives on "My bookings". */
export async function loader() {
  return redirect("/bookings");
}

/** Leaves a waitlist (declining an offer hands the place on). Someone else's entry: 404. */
export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const entryId = requireRecordId(params.entryId);
  await readFormData(request);
  const outcome = await leaveWaitlist(user.id, entryId, now());
  if (!outcome.ok && outcome.refusal === "notFound")
    throw new Response("Not found", { status: 404 });
  return redirect("/bookings?left=1");
}
