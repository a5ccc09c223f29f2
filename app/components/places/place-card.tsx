import { Link } from "@remix-run/react";
import { useEffect, useRef } from "react";
import { useTranslation } from "react-i18next";
import type { PlaceListItem } from "~/domain/places/views";
import { usePlaceLabels } from "./labels";
import { PlaceStatus } from "./status";
import { InLanguage } from "~/components/localized";

export function PlaceCard({
  place,
  selected,
  onShowOnMap,
  searched = false,
}: {
  place: PlaceListItem;
  selected: boolean;
  /** the status is at the time an "open at" search asked about */
  searched?: boolean;
  /** present while the map is shown */
  onShowOnMap?: (slug: string) => void;
}) {
  const { t, i18n } = useTranslation("places");
  const labels = usePlaceLabels();
  const ref = useRef<HTMLLIElement>(null);
  useEffect(() => {
    // a marker chosen on the map brings its list entry into view
    if (selected) ref.current?.scrollIntoView({ block: "nearest" });
  }, [selected]);
  const titleId = `place-${place.slug}-name`;
  return (
    <li
      ref={ref}
      id={`place-${place.slug}`}
      className={`place-card${selected ? " is-selected" : ""}`}
      aria-labelledby={titleId}
    >
      <h3 id={titleId}>
        <Link to={`/places/${place.slug}`}>
          <InLanguage text={place.name} pageLanguage={i18n.language} />
        </Link>
      </h3>
      <p className="place-card__meta">
        <span className={`kind-badge kind-${place.kind}`}>{labels.kind(place.kind)}</span>
        {place.subKind ? <span>{labels.subKind(place.subKind)}</span> : null}
        <span>{labels.district(place.district)}</span>
        {place.distanceKm !== null ? (
          <span className="place-card__distance">{labels.distance(place.distanceKm)}</span>
        ) : null}
      </p>
      <PlaceStatus status={place.status} searched={searched} />
      <p className="place-card__address">
        <InLanguage text={place.address} pageLanguage={i18n.language} />
      </p>
      {place.phone || onShowOnMap || place.isSampleData ? (
        <p className="place-card__actions">
          {place.phone ? (
            <a href={`tel:${place.phone.replace(/[^\d+]/g, "")}`}>
              {t("card.call", { phone: place.phone })}
            </a>
          ) : null}
          {onShowOnMap ? (
            <button
              type="button"
              className="link-button"
              aria-pressed={selected}
              onClick={() => onShowOnMap(place.slug)}
            >
              {t("card.showOnMap")}
            </button>
          ) : null}
          {place.isSampleData ? <span className="sample-badge">{t("sampleData")}</span> : null}
        </p>
      ) : null}
    </li>
  );
}
