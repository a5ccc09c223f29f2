import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { formatCount } from "./labels";

/** Previous / "page 2 of 5" / next, as links (they work without JavaScript). */
export function Pagination({
  page,
  pageCount,
  href,
}: {
  page: number;
  pageCount: number;
  href: (page: number) => string;
}) {
  const { t, i18n } = useTranslation("places");
  if (pageCount <= 1) return null;
  return (
    <nav aria-label={t("pagination.label")} className="pagination">
      {page > 1 ? (
        <Link to={href(page - 1)} rel="prev">
          {t("pagination.previous")}
        </Link>
      ) : null}
      <span aria-current="page">
        {t("pagination.status", {
          page: formatCount(page, i18n.language),
          total: formatCount(pageCount, i18n.language),
        })}
      </span>
      {page < pageCount ? (
        <Link to={href(page + 1)} rel="next">
          {t("pagination.next")}
        </Link>
      ) : null}
    </nav>
  );
}
