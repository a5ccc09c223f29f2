import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";

/** The jobs section of the back-office home (/staff). */
export function JobsBackOfficeSection() {
  const { t } = useTranslation("jobs");
  return (
    <section aria-labelledby="bo-jobs-title" className="card">
      <h2 id="bo-jobs-title">{t("staff.sectionTitle")}</h2>
      <p>{t("staff.sectionIntro")}</p>
      <ul>
        <li>
          <Link to="/staff/postings">{t("staff.postings")}</Link>
        </li>
        <li>
          <Link to="/staff/rounds">{t("staff.rounds")}</Link>
        </li>
      </ul>
    </section>
  );
}
