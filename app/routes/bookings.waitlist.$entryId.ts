import type { ActionFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { leaveWaitlist } from "~/domain/booking/waitlist.server";
import { requireRecordId } from "~/routes-support/booking.server";
import { requireUser } from "~/utils/auth.server";
import { now } from "~/utils/clock.server";
import { notFound } from "~/utils/http.server";
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
  if (!outcome.ok && outcome.code === "notFound") throw notFound();
  return redirect("/bookings?left=1");
}
