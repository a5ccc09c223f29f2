// The directory's map: fetches the places in view (with the page's filters) from /api/places
// through react-query, which, like Leaflet, arrives only with this lazily loaded module.
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useCallback, useState } from "react";
import { useTranslation } from "react-i18next";
import { QueryProvider } from "~/components/query-provider";
import type { PlaceFeatureCollection } from "~/domain/places/views";
import PlacesMap, { type MapView } from "./map.client";

export type DirectoryMapProps = {
  /** the page's filters as URL parameters (without page or bbox) */
  query: string;
  view: MapView;
  label: string;
  selected: string | null;
  onSelect: (slug: string) => void;
};

class ApiError extends Error {
  constructor(readonly status: number) {
    super(`GET /api/places answered ${status}`);
  }
}

async function fetchPlaces(query: string, bbox: string, signal: AbortSignal) {
  const params = new URLSearchParams(query);
  params.set("bbox", bbox);
  const response = await fetch(`/api/places?${params}`, {
    signal,
    headers: { Accept: "application/geo+json" },
  });
  if (!response.ok) throw new ApiError(response.status);
  return (await response.json()) as PlaceFeatureCollection;
}

function DirectoryMapWithData({ query, ...map }: DirectoryMapProps) {
  const { t } = useTranslation("places");
  const [bbox, setBbox] = useState<string | null>(null);
  const onViewportChange = useCallback((next: string) => setBbox(next), []);
  const result = useQuery({
    queryKey: ["places-geojson", query, bbox],
    queryFn: ({ signal }) => fetchPlaces(query, bbox!, signal),
    enabled: bbox !== null,
    placeholderData: keepPreviousData,
    retry: (count, error) => !(error instanceof ApiError && error.status === 429) && count < 1,
  });
  const places = (result.data?.features ?? []).map((feature) => ({
    slug: feature.properties.slug,
    kind: feature.properties.kind,
    nameKo: feature.properties.nameKo,
    nameEn: feature.properties.nameEn,
    latitude: feature.geometry.coordinates[1],
    longitude: feature.geometry.coordinates[0],
    openNow: feature.properties.openNow,
  }));
  const message = result.isError
    ? result.error instanceof ApiError && result.error.status === 429
      ? t("map.tooMany")
      : t("map.error")
    : result.isFetching && !result.data
      ? t("map.loading")
      : t("map.count", { count: places.length });
  return (
    <>
      <p className="places-map__status" role="status">
        {message}
      </p>
      <PlacesMap {...map} places={places} onViewportChange={onViewportChange} />
      <p className="places-map__legend">{t("map.legend")}</p>
    </>
  );
}

export default function DirectoryMap(props: DirectoryMapProps) {
  return (
    <QueryProvider>
      <DirectoryMapWithData {...props} />
    </QueryProvider>
  );
}
