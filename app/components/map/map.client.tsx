// The Leaflet map of places. Client-only (Leaflet needs a browser) and loaded lazily through
// lazy-map.tsx, so no page pays for Leaflet before it shows a map. Markers are divIcons drawn by
// our own CSS (no image from elsewhere: the CSP allows only our origin and the tile server), each
// with an accessible name; close markers cluster. When tiles fail to load (no network, blocked
// tile server), markers, clusters and controls keep working and the map says so.
import L from "leaflet";
import { useEffect, useMemo, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import {
  MapContainer,
  Marker,
  Popup,
  TileLayer,
  useMap,
  useMapEvents,
  ZoomControl,
} from "react-leaflet";
import MarkerClusterGroup from "react-leaflet-cluster";
import type { PlaceKind } from "~/domain/places/types";
import { useRootData } from "~/utils/root-data";
import { localized } from "~/domain/shared/localized";
import { useLocale } from "~/utils/i18n";
import { Localized } from "~/components/localized";

export type MapPlace = {
  slug: string;
  kind: string;
  nameKo: string;
  nameEn: string;
  latitude: number;
  longitude: number;
  /** unknown (undefined) on pages that do not say */
  openNow?: boolean;
};

/** Where the map opens: around a point, or showing a whole area (west, south, east, north). */
export type MapView =
  | { center: { lat: number; lng: number }; zoom: number }
  | { bounds: [number, number, number, number] };

export type PlacesMapProps = {
  places: MapPlace[];
  view: MapView;
  /** what the map shows, for screen readers (the list beside it holds the same places) */
  label: string;
  selected?: string | null;
  onSelect?: (slug: string) => void;
  /** called with "west,south,east,north" whenever the view settles */
  onViewportChange?: (bbox: string) => void;
  cluster?: boolean;
  className?: string;
};

const ESCAPES: Record<string, string> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&#39;",
};
const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => ESCAPES[c]!);

function isActivation(event: L.LeafletEvent): boolean {
  const original = (event as L.LeafletKeyboardEvent).originalEvent;
  if (original.key !== "Enter" && original.key !== " ") return false;
  original.preventDefault();
  return true;
}

/** Clusters are focusable too: Enter or Space zooms into them, as a click does. */
function ClusterKeyboard({
  group,
}: {
  group: React.MutableRefObject<L.MarkerClusterGroup | null>;
}) {
  useEffect(() => {
    const cluster = group.current;
    if (!cluster) return;
    const onKey = (event: L.LeafletEvent) => {
      if (isActivation(event))
        (event as L.LeafletEvent & { layer: L.MarkerCluster }).layer.zoomToBounds();
    };
    cluster.on("clusterkeypress", onKey);
    return () => {
      cluster.off("clusterkeypress", onKey);
    };
  }, [group]);
  return null;
}

function viewport(map: L.Map): string {
  const bounds = map.getBounds();
  const clamp = (value: number, limit: number) => Math.max(-limit, Math.min(limit, value));
  return [
    clamp(bounds.getWest(), 180),
    clamp(bounds.getSouth(), 90),
    clamp(bounds.getEast(), 180),
    clamp(bounds.getNorth(), 90),
  ]
    .map((value) => value.toFixed(4))
    .join(",");
}

function ViewportReporter({ onChange }: { onChange: (bbox: string) => void }) {
  const map = useMapEvents({ moveend: () => onChange(viewport(map)) });
  useEffect(() => onChange(viewport(map)), [map, onChange]);
  return null;
}

/** Names the map for screen readers (react-leaflet passes no ARIA attributes through). */
function ContainerLabel({ label }: { label: string }) {
  const map = useMap();
  useEffect(() => {
    const container = map.getContainer();
    container.setAttribute("role", "region");
    container.setAttribute("aria-label", label);
  }, [map, label]);
  return null;
}

/** Keeps Leaflet's idea of the map's size right when the layout (or late CSS) changes it. */
function SizeWatcher() {
  const map = useMap();
  useEffect(() => {
    const observer = new ResizeObserver(() => map.invalidateSize());
    observer.observe(map.getContainer());
    return () => observer.disconnect();
  }, [map]);
  return null;
}

function Tiles({ onStateChange }: { onStateChange: (failed: boolean) => void }) {
  const env = useRootData()?.env;
  const loaded = useRef(0);
  if (!env) return null;
  return (
    <TileLayer
      url={env.MAP_TILE_URL}
      attribution={env.MAP_TILE_ATTRIBUTION}
      eventHandlers={{
        tileload: () => {
          loaded.current += 1;
          onStateChange(false);
        },
        tileerror: () => {
          if (loaded.current === 0) onStateChange(true);
        },
      }}
    />
  );
}

function SelectedMarker({
  selected,
  markers,
  cluster,
}: {
  selected: string | null | undefined;
  markers: React.MutableRefObject<Map<string, L.Marker>>;
  cluster: React.MutableRefObject<L.MarkerClusterGroup | null>;
}) {
  const map = useMap();
  useEffect(() => {
    const marker = selected ? markers.current.get(selected) : undefined;
    if (!marker) return;
    if (cluster.current?.hasLayer(marker)) {
      cluster.current.zoomToShowLayer(marker, () => marker.openPopup());
    } else {
      map.panTo(marker.getLatLng());
      marker.openPopup();
    }
  }, [selected, map, markers, cluster]);
  return null;
}

export default function PlacesMap({
  places,
  view,
  label,
  selected,
  onSelect,
  onViewportChange,
  cluster = true,
  className = "places-map",
}: PlacesMapProps) {
  const { t } = useTranslation("places");
  const locale = useLocale();
  const [tilesFailed, setTilesFailed] = useState(false);
  const markers = useRef(new Map<string, L.Marker>());
  const clusterGroup = useRef<L.MarkerClusterGroup | null>(null);

  const icons = useMemo(() => {
    const cache = new Map<string, L.DivIcon>();
    return (place: MapPlace, isSelected: boolean) => {
      const name = localized(place, locale, "name");
      const state =
        place.openNow === undefined ? "" : place.openNow ? t("map.openNow") : t("map.closedNow");
      const key = `${place.slug}|${isSelected}|${state}`;
      let icon = cache.get(key);
      if (!icon) {
        icon = L.divIcon({
          className: [
            "place-marker",
            `kind-${place.kind}`,
            place.openNow ? "is-open" : "",
            isSelected ? "is-selected" : "",
          ]
            .filter(Boolean)
            .join(" "),
          html: `<span class="place-marker__glyph" aria-hidden="true">${escapeHtml(
            t(`markerGlyph.${place.kind as PlaceKind}`),
          )}</span><span class="visually-hidden">${escapeHtml(
            state ? `${name} (${state})` : name,
          )}</span>`,
          iconSize: [34, 34],
          iconAnchor: [17, 17],
          popupAnchor: [0, -17],
        });
        cache.set(key, icon);
      }
      return icon;
    };
  }, [locale, t]);

  const content = places.map((place) => (
    <Marker
      key={place.slug}
      position={[place.latitude, place.longitude]}
      icon={icons(place, place.slug === selected)}
      title={localized(place, locale, "name")}
      ref={(marker) => {
        if (marker) markers.current.set(place.slug, marker);
        else markers.current.delete(place.slug);
      }}
      eventHandlers={{
        click: () => onSelect?.(place.slug),
        // Leaflet makes markers focusable buttons but does not act on Enter or Space itself
        keypress: (event) => {
          if (!isActivation(event)) return;
          const marker = event.target as L.Marker;
          onSelect?.(place.slug);
          marker.openPopup();
          // Choosing redraws the marker (its icon shows the choice), which drops the focus it
          // had: move it into the popup, to the place's link, once the redraw is done.
          requestAnimationFrame(() =>
            requestAnimationFrame(() =>
              marker.getPopup()?.getElement()?.querySelector<HTMLElement>("a")?.focus(),
            ),
          );
        },
      }}
    >
      <Popup>
        <p className="map-popup__name">
          <a href={`/places/${place.slug}`}>
            <Localized of={place} field="name" />
          </a>
        </p>
        <p className="map-popup__meta">
          {t(`kinds.${place.kind as PlaceKind}`)}
          {place.openNow === undefined
            ? null
            : ` · ${place.openNow ? t("map.openNow") : t("map.closedNow")}`}
        </p>
      </Popup>
    </Marker>
  ));

  return (
    <div className={`${className}${tilesFailed ? " tiles-failed" : ""}`}>
      <MapContainer
        {...("bounds" in view
          ? {
              bounds: [
                [view.bounds[1], view.bounds[0]],
                [view.bounds[3], view.bounds[2]],
              ] as L.LatLngBoundsExpression,
            }
          : { center: [view.center.lat, view.center.lng] as L.LatLngTuple, zoom: view.zoom })}
        scrollWheelZoom={false}
        zoomControl={false}
        className="places-map__canvas"
      >
        <ZoomControl
          position="topleft"
          zoomInTitle={t("map.zoomIn")}
          zoomOutTitle={t("map.zoomOut")}
        />
        <ContainerLabel label={label} />
        <Tiles onStateChange={setTilesFailed} />
        <SizeWatcher />
        {onViewportChange ? <ViewportReporter onChange={onViewportChange} /> : null}
        {cluster ? (
          <MarkerClusterGroup
            ref={clusterGroup}
            chunkedLoading
            showCoverageOnHover={false}
            maxClusterRadius={48}
            iconCreateFunction={(group: L.MarkerCluster) => {
              const count = group.getChildCount();
              return L.divIcon({
                className: "place-cluster",
                html: `<span aria-hidden="true">${count}</span><span class="visually-hidden">${escapeHtml(
                  t("map.cluster", { count }),
                )}</span>`,
                iconSize: [40, 40],
              });
            }}
          >
            {content}
          </MarkerClusterGroup>
        ) : (
          content
        )}
        <SelectedMarker selected={selected} markers={markers} cluster={clusterGroup} />
        {cluster ? <ClusterKeyboard group={clusterGroup} /> : null}
      </MapContainer>
      {tilesFailed ? (
        <p className="places-map__tiles-notice" role="status">
          {t("map.tilesUnavailable")}
        </p>
      ) : null}
    </div>
  );
}
