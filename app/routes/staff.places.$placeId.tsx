import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, NavLink, Outlet, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { usePlaceLabels } from "~/components/places/labels";
import { requirePlaceEditor } from "~/routes-support/places.server";
import { getPlaceForEdit } from "~/domain/places/manage.server";
import { invariantResponse, notFound } from "~/utils/http.server";

export const handle = { i18n: ["places", "districts", "validation"] };

// The frame of a place's back-office pages. Each child route checks access itself too: loaders
// run in parallel, so none may rely on this one.
export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requirePlaceEditor(request, params.placeId);
  const place = await getPlaceForEdit(params.placeId!);
  invariantResponse(place, notFound);
  return {
    place: { id: place.id, slug: place.slug, nameKo: place.nameKo, nameEn: place.nameEn },
    admin: user.role === "admin",
  };
}

export default function StaffPlaceFrame() {
  const { t } = useTranslation("places");
  const labels = usePlaceLabels();
  const { place, admin } = useLoaderData<typeof loader>();
  const base = `/staff/places/${place.id}`;
  return (
    <section className="page narrow" aria-labelledby="staff-place-title">
      <p className="eyebrow">
        <Link to={admin ? "/staff/places" : "/staff"}>
          {admin ? t("staff.title") : t("staff.backOffice")}
        </Link>
      </p>
      <h1 id="staff-place-title">{labels.name(place)}</h1>
      <nav aria-label={t("staff.tabs")} className="tabs">
        <ul>
          <li>
            <NavLink to={base} end>
              {t("staff.details")}
            </NavLink>
          </li>
          <li>
            <NavLink to={`${base}/hours`}>{t("staff.hours")}</NavLink>
          </li>
          <li>
            <NavLink to={`${base}/closures`}>{t("staff.closures")}</NavLink>
          </li>
          <li>
            <NavLink to={`${base}/services`}>{t("staff.services")}</NavLink>
          </li>
          <li>
            <Link to={`/places/${place.slug}`}>{t("staff.publicPage")}</Link>
          </li>
        </ul>
      </nav>
      <Outlet />
    </section>
  );
}
