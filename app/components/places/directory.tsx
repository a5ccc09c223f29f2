// One directory for every kind of place (/places, /cafes, /shelters, /labor-centers): the
// server-rendered list and its filters first; with JavaScript, "near me" and the map on demand.
import { Link, NavLink, useLocation, useNavigate } from "@remix-run/react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { LazyDirectoryMap } from "~/components/map/lazy-map";
import { roundPosition, SEOUL_AREA } from "~/domain/places/distance";
import type { DirectoryData } from "~/routes-support/places.server";
import { findDistrict } from "~/domain/residents/districts";
import { DISTRICT_SELECT_ID, FilterForm } from "./filter-form";
import { Pagination } from "~/components/ui/pagination";
import { PlaceCard } from "./place-card";
import { useHydrated } from "~/utils/use-hydrated";
import { formatDateTime, formatNumber } from "~/utils/format";
import { InLanguage } from "~/components/localized";
import { withFragments } from "~/components/localized-fragments";

const DIRECTORIES = [
  { to: "/cafes", key: "cafes" },
  { to: "/shelters", key: "shelters" },
  { to: "/labor-centers", key: "laborCenters" },
  { to: "/youth-center", key: "youthCenter" },
  { to: "/places", key: "all" },
] as const;

function DirectoryNav() {
  const { t } = useTranslation("places");
  return (
    <nav aria-label={t("directoryNav.label")} className="directory-nav">
      <ul>
        {DIRECTORIES.map((directory) => (
          <li key={directory.to}>
            <NavLink to={directory.to} end>
              {t(`directoryNav.${directory.key}`)}
            </NavLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}

/** "Near me": the browser's position when allowed; when refused, the district filter instead. */
function NearMe() {
  const { t } = useTranslation("places");
  const location = useLocation();
  const navigate = useNavigate();
  const [state, setState] = useState<"idle" | "locating" | "refused">("idle");
  const refuse = () => {
    setState("refused");
    document.getElementById(DISTRICT_SELECT_ID)?.focus();
  };
  const locate = () => {
    if (!("geolocation" in navigator)) return refuse();
    setState("locating");
    navigator.geolocation.getCurrentPosition(
      (position) => {
        const { lat, lng } = roundPosition({
          lat: position.coords.latitude,
          lng: position.coords.longitude,
        });
        const params = new URLSearchParams(location.search);
        params.set("near", `${lat},${lng}`);
        params.delete("page");
        setState("idle");
        navigate(`${location.pathname}?${params}`);
      },
      refuse,
      { timeout: 10_000, maximumAge: 300_000 },
    );
  };
  return (
    <>
      <button
        type="button"
        className="chip"
        onClick={locate}
        disabled={state === "locating"}
        aria-describedby="near-me-hint"
      >
        {state === "locating" ? t("near.locating") : t("near.button")}
      </button>
      <span id="near-me-hint" className="near-me__hint">
        {t("near.hint")}
      </span>
      <span role="status" className={state === "refused" ? "notice" : "visually-hidden"}>
        {state === "refused" ? t("near.refused") : ""}
      </span>
    </>
  );
}

export function PlaceDirectory({
  data,
  title,
  intro,
}: {
  data: DirectoryData;
  title: string;
  intro: string;
}) {
  const { t, i18n } = useTranslation("places");
  const location = useLocation();
  const hydrated = useHydrated();
  const [mapShown, setMapShown] = useState(false);
  const [selected, setSelected] = useState<string | null>(null);
  const { result, values, problems, query, apiQuery, near, fixedKind, nextOpen } = data;
  const district = values.district ? findDistrict(values.district) : undefined;
  // near me: around the position; a district: around its office; otherwise all of Seoul
  const mapView = near
    ? { center: near, zoom: 14 }
    : district
      ? { center: { lat: district.lat, lng: district.lng }, zoom: 13 }
      : { bounds: SEOUL_AREA };
  const withoutNear = new URLSearchParams(query);
  withoutNear.delete("near");
  const pageHref = (target: number) => {
    const params = new URLSearchParams(query);
    if (target > 1) params.set("page", String(target));
    return `${location.pathname}${params.toString() ? `?${params}` : ""}`;
  };
  const stopNearHref = `${location.pathname}${withoutNear.toString() ? `?${withoutNear}` : ""}`;
  const withoutOpen = new URLSearchParams(query);
  for (const param of ["open", "date", "time"]) withoutOpen.delete(param);
  const showAllHref = `${location.pathname}${withoutOpen.toString() ? `?${withoutOpen}` : ""}`;
  const openNow = new URLSearchParams(withoutOpen);
  openNow.set("open", "now");
  const openNowHref = `${location.pathname}?${openNow}`;

  return (
    <section className="page directory" aria-labelledby="directory-title">
      <h1 id="directory-title">{title}</h1>
      <p className="lead">{intro}</p>
      <DirectoryNav />
      {problems.length > 0 ? (
        <div role="alert" className="form-errors">
          <p>{t("filterErrors.intro")}</p>
          <ul>
            {problems.map((problem) => (
              <li key={problem.param}>
                {t(problem.message as "filterErrors.kind", { value: problem.value })}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      <div className="directory__layout">
        <div className="directory__results">
          <h2 id="results-title">{t("results.title")}</h2>
          {/* the few things a resident in a hurry does, in one row above the list */}
          <div className="directory__quick">
            {values.open === "now" ? (
              <Link to={showAllHref} className="chip">
                {t("results.showAll")}
              </Link>
            ) : (
              <Link to={openNowHref} className="chip">
                {t("results.openNowOnly")}
              </Link>
            )}
            {hydrated ? <NearMe /> : null}
            {hydrated ? (
              <button
                type="button"
                className="chip"
                aria-expanded={mapShown}
                aria-controls={mapShown ? "directory-map" : undefined}
                onClick={() => setMapShown((shown) => !shown)}
              >
                {mapShown ? t("map.hide") : t("map.show")}
              </button>
            ) : null}
            <a href="#place-filters" className="chip directory__to-filters">
              {t("results.toFilters")}
            </a>
          </div>
          <p role="status" className="directory__count">
            {t("results.count", {
              count: result.total,
              formatted: formatNumber(result.total, i18n.language),
            })}
            {near ? (
              <>
                {" "}
                {t("results.byDistance")}{" "}
                <Link to={stopNearHref}>{t("results.stopByDistance")}</Link>
              </>
            ) : null}
            {result.statusAt ? (
              <>
                {" "}
                {t("results.statusAt", { when: formatDateTime(result.statusAt, i18n.language) })}
              </>
            ) : null}
            {result.openFirst ? <> {t("results.openFirst", { count: result.openFirst })}</> : null}
          </p>
          {mapShown ? (
            <LazyDirectoryMap
              id="directory-map"
              query={apiQuery}
              view={mapView}
              label={t("map.label", { title })}
              selected={selected}
              onSelect={setSelected}
            />
          ) : null}
          {result.items.length > 0 ? (
            <ol className="place-list" aria-labelledby="results-title">
              {result.items.map((place) => (
                <PlaceCard
                  key={place.slug}
                  place={place}
                  selected={place.slug === selected}
                  onShowOnMap={mapShown ? setSelected : undefined}
                  searched={result.statusAt !== null}
                />
              ))}
            </ol>
          ) : values.open ? (
            <div className="notice">
              <p>{t(values.open === "now" ? "results.noneOpenNow" : "results.noneOpen")}</p>
              {nextOpen.length > 0 ? (
                <>
                  <p>{t("results.nextOpen")}</p>
                  <ul>
                    {nextOpen.map((place) => (
                      <li key={place.slug}>
                        <Link to={`/places/${place.slug}`}>
                          {withFragments((fragment) =>
                            t("results.nextOpenItem", {
                              name: fragment(
                                <InLanguage text={place.name} pageLanguage={i18n.language} />,
                              ),
                              when: formatDateTime(place.opensAt, i18n.language),
                            }),
                          )}
                        </Link>
                      </li>
                    ))}
                  </ul>
                </>
              ) : null}
              <p>
                <Link to={showAllHref}>{t("results.showAll")}</Link>
              </p>
            </div>
          ) : (
            <p className="notice">{t("results.none")}</p>
          )}
          <Pagination page={result.page} pageCount={result.pageCount} href={pageHref} />
          {fixedKind === "labor_center" ? (
            <p>
              <Link to="/labor">{t("laborBooking")}</Link>
            </p>
          ) : null}
          {fixedKind === "labor_center" ? (
            <p>
              <Link to="/labor/ask">{t("laborAsk")}</Link>
            </p>
          ) : null}
        </div>
        {/* After the results in the page (a phone shows the list first); beside them on a wide
            screen. */}
        <div className="directory__filters" id="place-filters">
          <FilterForm key={`${location.pathname}?${query}`} values={values} fixedKind={fixedKind} />
        </div>
      </div>
    </section>
  );
}
