// The lazy doors to the maps: React.lazy + Suspense with a placeholder of the map's own height
// (nothing jumps when it arrives), and Leaflet's stylesheet linked only while a map is shown.
import leafletCss from "leaflet/dist/leaflet.css?url";
import { lazy, Suspense, type ReactNode } from "react";
import { useTranslation } from "react-i18next";
import type { DirectoryMapProps } from "./directory-map.client";
import type { PlacesMapProps } from "./map.client";

const DirectoryMap = lazy(() => import("./directory-map.client"));
const PlacesMap = lazy(() => import("./map.client"));

function MapFrame({
  id,
  className,
  children,
}: {
  id?: string;
  className: string;
  children: ReactNode;
}) {
  const { t } = useTranslation("places");
  return (
    <div id={id} className={`map-frame ${className}`}>
      <link rel="stylesheet" href={leafletCss} />
      <Suspense
        fallback={
          <p className="map-frame__placeholder" role="status">
            {t("map.loading")}
          </p>
        }
      >
        {children}
      </Suspense>
    </div>
  );
}

export function LazyDirectoryMap({ id, ...props }: DirectoryMapProps & { id: string }) {
  return (
    <MapFrame id={id} className="map-frame--directory">
      <DirectoryMap {...props} />
    </MapFrame>
  );
}

export function LazyPlaceMap(props: PlacesMapProps) {
  return (
    <MapFrame className="map-frame--place">
      <PlacesMap {...props} />
    </MapFrame>
  );
}
