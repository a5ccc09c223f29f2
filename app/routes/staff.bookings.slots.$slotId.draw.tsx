import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { useTimeRange } from "~/components/booking/time-text";
import { Localized } from "~/components/localized";
import { slotDrawForStaff } from "~/domain/booking/lottery.server";
import { staffPlaceFilter } from "~/domain/booking/staff.server";
import { seoulDate } from "~/domain/shared/seoul-time";
import { requireBookingStaff, requireRecordId } from "~/routes-support/booking.server";
import { formatCalendarDate, formatDateTime } from "~/utils/format";
import { invariantResponse, notFound } from "~/utils/http.server";
import { pageTitle } from "~/utils/meta";
import { useRootData } from "~/utils/root-data";

export const handle = { i18n: ["booking"] };
export const meta: MetaFunction = (args) => pageTitle(args, "staffSlotDraw");

/** A lottery slot's draw (decision 0031), for staff of its place: the record and the order. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireBookingStaff(request);
  const slotId = requireRecordId(params.slotId);
  const scope = staffPlaceFilter(user);
  const found = scope ? await slotDrawForStaff(scope, slotId) : null;
  invariantResponse(found, notFound);
  return found;
}

export default function StaffSlotDraw() {
  const { t } = useTranslation("booking");
  const { slot, draw, drawn, pending } = useLoaderData<typeof loader>();
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
    </section>
  );
}
