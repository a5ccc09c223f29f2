import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";

/** The programs section of the back-office home (/staff). */
export function EventsBackOfficeSection() {
  const { t } = useTranslation("events");
  return (
    <section aria-labelledby="bo-events-title" className="card">
      <h2 id="bo-events-title">{t("staff.sectionTitle")}</h2>
      <p>{t("staff.sectionIntro")}</p>
      <ul>
        <li>
          <Link to="/staff/events">{t("staff.sectionLink")}</Link>
        </li>
        <li>
          <Link to="/staff/events/report">{t("staff.list.report")}</Link>
        </li>
      </ul>
    </section>
  );
}
