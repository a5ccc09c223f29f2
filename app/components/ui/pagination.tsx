import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { pageWindow } from "~/domain/shared/pagination";

/** Page links for every list: plain links, so they work without JavaScript and keep the filters. */
export function Pagination({
  page,
  pageCount,
  href,
  label,
}: {
  page: number;
  pageCount: number;
  href: (page: number) => string;
  /** what is paged, when a page has more than one list ("Pages of past bookings") */
  label?: string;
}) {
  const { t } = useTranslation();
  if (pageCount <= 1) return null;
  return (
    <nav className="pagination" aria-label={label ?? t("pagination.label")}>
      <ul>
        {page > 1 ? (
          <li>
            <Link to={href(page - 1)} rel="prev">
              {t("pagination.previous")}
            </Link>
          </li>
        ) : null}
        {pageWindow(page, pageCount).map((item, index) =>
          item === "gap" ? (
            <li key={`gap-${index}`} aria-hidden="true">
              …
            </li>
          ) : (
            <li key={item}>
              {item === page ? (
                <span aria-current="page">{t("pagination.page", { page: item })}</span>
              ) : (
                <Link to={href(item)} aria-label={t("pagination.goTo", { page: item })}>
                  {item}
                </Link>
              )}
            </li>
          ),
        )}
        {page < pageCount ? (
          <li>
            <Link to={href(page + 1)} rel="next">
              {t("pagination.next")}
            </Link>
          </li>
        ) : null}
      </ul>
    </nav>
  );
}
