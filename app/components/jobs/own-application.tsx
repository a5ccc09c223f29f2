// The resident's own application as a posting or round page mentions it. Kept apart from the
// application pages' status components, so that those pages do not load them.
import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { formatDateTime } from "~/utils/format";

/**
 * On a posting or round page, the resident's own application: applied (with its status), or
 * withdrawn — one application per posting or round, so a withdrawn one is not sent again.
 */
export function OwnApplicationNotice({
  application,
}: {
  application: { id: string; status: string; withdrawnAt: string | Date | null };
}) {
  const { t, i18n } = useTranslation("jobs");
  const withdrawn = application.status === "withdrawn";
  return (
    <p>
      {withdrawn
        ? t("posting.withdrewOn", {
            date: application.withdrawnAt
              ? formatDateTime(application.withdrawnAt, i18n.language)
              : "",
          })
        : t("posting.alreadyApplied")}{" "}
      <Link to={`/applications/${application.id}`}>{t("posting.seeApplication")}</Link>
    </p>
  );
}
