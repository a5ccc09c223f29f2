import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { storedLanguageFor } from "~/domain/shared/localized";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { usePlaceLabels } from "~/components/places/labels";
import { Pagination } from "~/components/ui/pagination";
import { searchTerms } from "~/domain/shared/korean-search";
import { MAX_QUERY_LENGTH } from "~/domain/places/types";
import { listPlacesForStaff } from "~/domain/places/manage.server";
import { requireRole } from "~/utils/auth.server";
import { formatDate } from "~/utils/format";
import { getLocale } from "~/utils/i18n.server";
import { pageTitle } from "~/utils/meta";
import { pageFromUrl } from "~/domain/shared/page-parameter";

export const handle = { i18n: ["places", "districts"] };
export const meta: MetaFunction = (args) => pageTitle(args, "staffPlaces");

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireRole(request, ["staff", "admin"]);
  const url = new URL(request.url);
  const q = (url.searchParams.get("q") ?? "").slice(0, MAX_QUERY_LENGTH);
  const page = pageFromUrl(url);
  const language = storedLanguageFor(await getLocale(request));
  const list = await listPlacesForStaff(user, { q, page, language });
  return {
    admin: user.role === "admin",
    hasPlace: user.role === "admin" || user.staffPlaceId !== null,
    q: searchTerms(q).length > 0 ? q : "",
    ...list,
  };
}

export default function StaffPlaces() {
  const { t, i18n } = useTranslation("places");
  const labels = usePlaceLabels();
  const { admin, hasPlace, q, places, total, page, pageCount } = useLoaderData<typeof loader>();
  const pageHref = (target: number) =>
    `/staff/places?${new URLSearchParams({ ...(q ? { q } : {}), page: String(target) })}`;
  return (
    <section className="page" aria-labelledby="staff-places-title">
      <p className="eyebrow">
        <Link to="/staff">{t("staff.backOffice")}</Link>
      </p>
      <h1 id="staff-places-title">{t("staff.title")}</h1>
      <p>{admin ? t("staff.adminIntro") : t("staff.staffIntro")}</p>
      {!hasPlace ? <p className="notice">{t("staff.noPlace")}</p> : null}
      {admin ? (
        <>
          <p className="actions">
            <Link className="button primary" to="/staff/places/new">
              {t("staff.new")}
            </Link>
            <Link className="button" to="/staff/places/import">
              {t("staff.import")}
            </Link>
          </p>
          <Form
            method="get"
            className="inline-search"
            role="search"
            aria-label={t("staff.searchLabel")}
          >
            <label htmlFor="staff-places-q">{t("filters.q")}</label>
            <input
              id="staff-places-q"
              type="search"
              name="q"
              defaultValue={q}
              maxLength={MAX_QUERY_LENGTH}
            />
            <button type="submit" className="button">
              {t("filters.submit")}
            </button>
          </Form>
          <p role="status">{t("results.count", { count: total, formatted: String(total) })}</p>
        </>
      ) : null}
      {places.length > 0 ? (
        <div className="table-scroll">
          <table className="data-table">
            <caption className="visually-hidden">{t("staff.title")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("staff.name")}</th>
                <th scope="col">{t("staff.kind")}</th>
                <th scope="col">{t("staff.district")}</th>
                <th scope="col">{t("staff.verified")}</th>
                <th scope="col">{t("staff.unverifiedCount")}</th>
              </tr>
            </thead>
            <tbody>
              {places.map((place) => (
                <tr key={place.id}>
                  <td>
                    <Link to={`/staff/places/${place.id}`}>{labels.name(place)}</Link>{" "}
                    <Link to={`/places/${place.slug}`} className="hint">
                      {t("staff.publicPage")}
                    </Link>
                  </td>
                  <td>{labels.kind(place.kind)}</td>
                  <td>{labels.district(place.district)}</td>
                  <td>
                    {place.lastVerifiedAt
                      ? formatDate(place.lastVerifiedAt, i18n.language, "medium")
                      : t("staff.notYetVerified")}
                  </td>
                  <td>{place.unverified}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      <Pagination page={page} pageCount={pageCount} href={pageHref} />
    </section>
  );
}
