// Registrations and attendance of the host's programs per week: a chart drawn on the server (no
// JavaScript needed, none shipped for it) and the same numbers as a table.
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { registrationFacts } from "~/domain/events/manage.server";
import { REPORT_WEEKS, reportStart, weeklyReport } from "~/domain/events/report";
import { seoulInstant } from "~/domain/shared/seoul-time";
import {
  registrationsChartSvg,
  SERIES,
  SERIES_COLOURS,
} from "~/routes-support/events-report.server";
import { requireEventsStaff } from "~/routes-support/events-staff.server";
import { now } from "~/utils/clock.server";
import { formatCalendarDate } from "~/utils/format";
import { getLocale } from "~/utils/i18n.server";
import { pageTitle } from "~/utils/meta";
import { useLocale } from "~/utils/i18n";

export const handle = { i18n: ["events"] };
export const meta: MetaFunction = (args) => pageTitle(args, "staffEventsReport");

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireEventsStaff(request);
  const current = now();
  const locale = await getLocale(request);
  const facts = await registrationFacts(user, seoulInstant(reportStart(current)));
  const rows = weeklyReport(facts, current);
  // the axis has room for "11. 23." / "11/23", not for the year
  const tickLabel = new Intl.DateTimeFormat(locale, {
    month: "numeric",
    day: "numeric",
    timeZone: "UTC",
  });
  return {
    isAdmin: user.role === "admin",
    rows,
    legend: SERIES.map((key) => ({ key, colour: SERIES_COLOURS[key] })),
    chart: registrationsChartSvg(rows, (week) => tickLabel.format(new Date(`${week}T12:00:00Z`))),
  };
}

export default function EventsReport() {
  const { t } = useTranslation("events");
  const { isAdmin, rows, legend, chart } = useLoaderData<typeof loader>();
  const locale = useLocale();
  return (
    <section className="page" aria-labelledby="events-report-title">
      <p>
        <Link to="/staff/events">{t("staff.list.title")}</Link>
      </p>
      <h1 id="events-report-title">{t("staff.report.title")}</h1>
      <p>{t(isAdmin ? "staff.report.introAll" : "staff.report.intro", { weeks: REPORT_WEEKS })}</p>
      <figure className="chart">
        {/* server-drawn SVG of the numbers below (routes-support/events-report.server.tsx) */}
        <div dangerouslySetInnerHTML={{ __html: chart }} />
        <figcaption>
          <ul className="chart-legend">
            {legend.map((item) => (
              <li key={item.key}>
                <span
                  className="chart-swatch"
                  style={{ backgroundColor: item.colour }}
                  aria-hidden="true"
                />
                {t(`staff.report.${item.key}`)}
              </li>
            ))}
          </ul>
          {t("staff.report.tableNote")}
        </figcaption>
      </figure>
      <div className="table-scroll">
        <table>
          <caption>{t("staff.report.tableCaption")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("staff.report.week")}</th>
              {SERIES_KEYS.map((key) => (
                <th scope="col" key={key}>
                  {t(`staff.report.${key}`)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.week}>
                <th scope="row">{formatCalendarDate(row.week, locale, "medium")}</th>
                {SERIES_KEYS.map((key) => (
                  <td key={key}>{row[key]}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

const SERIES_KEYS = ["registrations", "attended", "noShow"] as const;
