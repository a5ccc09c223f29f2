import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { useTimeRange } from "~/components/booking/time-text";
import { Localized } from "~/components/localized";
import { RefusalAlert } from "~/components/booking/refusal";
import { Confirmation } from "~/components/ui/form";
import { drawSlot, slotDrawForStaff } from "~/domain/booking/lottery.server";
import { staffPlaceFilter } from "~/domain/booking/staff.server";
import { seoulDate } from "~/domain/shared/seoul-time";
import { requireBookingStaff, requireRecordId } from "~/routes-support/booking.server";
import { formatCalendarDate, formatDateTime } from "~/utils/format";
import { now } from "~/utils/clock.server";
import { invariantResponse, notFound, refused } from "~/utils/http.server";
import { pageTitle } from "~/utils/meta";
import { clientIp } from "~/utils/request.server";
import { useRootData } from "~/utils/root-data";
import { getLocale } from "~/utils/i18n.server";

export const handle = { i18n: ["booking"] };
export const meta: MetaFunction = (args) => pageTitle(args, "staffSlotDraw");

/** The slot's draw if this user is staff of its place (or an admin); else "not found". */
async function load(request: Request, slotIdParam: string | undefined) {
  const user = await requireBookingStaff(request);
  const slotId = requireRecordId(slotIdParam);
  const scope = staffPlaceFilter(user);
  const found = scope ? await slotDrawForStaff(scope, slotId) : null;
  invariantResponse(found, notFound);
  return { user, found };
}

/** A lottery slot's draw (decision 0031), for staff of its place: the record and the order. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { found } = await load(request, params.slotId);
  const current = now();
  return {
    ...found,
    // the draw time has come but the task has not run yet: staff may draw it now
    mayDrawNow:
      !found.draw &&
      new Date(found.slot.drawAt) <= current &&
      new Date(found.slot.startsAt) > current,
  };
}

/** "Draw now" (addendum to 0031): the same draw as the task, audited with the staff member. */
export async function action({ request, params, context }: ActionFunctionArgs) {
  const { user, found } = await load(request, params.slotId);
  const outcome = await drawSlot(found.slot.id, now(), { staffId: user.id, ip: clientIp(context) });
  if (outcome.ok) return redirect(`/staff/bookings/slots/${found.slot.id}/draw?drawn=1`);
  return refused(outcome, {
    params: { about: "draw", drawAt: formatDateTime(found.slot.drawAt, await getLocale(request)) },
  });
}

export default function StaffSlotDraw() {
  const { t } = useTranslation("booking");
  const { slot, draw, drawn, pending, mayDrawNow } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const refusal = actionData?.refusal ?? null;
  const [searchParams] = useSearchParams();
  const locale = useRootData()?.locale ?? "ko";
  const range = useTimeRange();
  return (
    <section className="page booking" aria-labelledby="draw-title">
      <p>
        <Link to="/staff/bookings">{t("staff.title")}</Link>
      </p>
      <p className="eyebrow">
        <Localized of={slot.service} field="name" />
      </p>
      <h1 id="draw-title">{t("lottery.staff.drawTitle")}</h1>
      <p>
        {formatCalendarDate(seoulDate(new Date(slot.startsAt)), locale, "full")} {range(slot)}
      </p>
      {searchParams.has("drawn") && !actionData ? (
        <Confirmation>{t("lottery.staff.drawnNow")}</Confirmation>
      ) : null}
      {refusal ? <RefusalAlert refusal={refusal} forStaff /> : null}
      {draw ? (
        <>
          <dl className="facts">
            <dt>{t("lottery.staff.drawnAt")}</dt>
            <dd>{formatDateTime(draw.drawnAt, locale)}</dd>
            <dt>{t("lottery.staff.seats")}</dt>
            <dd>{draw.seats}</dd>
            <dt>{t("lottery.staff.seed")}</dt>
            <dd>
              <code>{draw.seed}</code>
            </dd>
          </dl>
          <p className="hint">{t("lottery.staff.rerun")}</p>
          <div className="table-scroll">
            <table>
              <caption>{t("lottery.staff.order")}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("lottery.staff.position")}</th>
                  <th scope="col">{t("lottery.staff.name")}</th>
                  <th scope="col">{t("lottery.staff.tier")}</th>
                  <th scope="col">{t("lottery.staff.result")}</th>
                </tr>
              </thead>
              <tbody>
                {drawn.map((row) => (
                  <tr key={row.id}>
                    <td>{row.position}</td>
                    <td>{row.name || t("staff.deletedResident")}</td>
                    <td>{row.tier}</td>
                    <td>
                      {row.won ? t("lottery.staff.wonResult") : t("lottery.staff.waitResult")}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <details>
            <summary>{t("lottery.staff.applicants")}</summary>
            <p>
              <code>{draw.applicants}</code>
            </p>
          </details>
        </>
      ) : (
        <p className="notice">
          {t("lottery.staff.notDrawn", {
            count: pending,
            drawAt: formatDateTime(slot.drawAt, locale),
          })}
        </p>
      )}
      {mayDrawNow ? (
        <Form method="post">
          <button type="submit" className="button primary">
            {t("lottery.staff.drawNow")}
          </button>
        </Form>
      ) : null}
    </section>
  );
}
