// What the places pages receive from their loaders: plain, serialisable data (instants as ISO
// strings), built from the pure rules by the service.
import type { HolidayId } from "~/domain/shared/holidays";
import type { LocalizedText } from "~/domain/shared/localized";
import { inBBox, sortByDistance, type BBox, type LatLng } from "./distance";
import type { DaySchedule, PlaceStatus } from "./hours";
import type { Provenance } from "./provenance";

export type StatusView =
  | { open: true; closesAt: string | null; closesInDays: number }
  | {
      open: false;
      reason: "holiday" | "closure" | null;
      /** the key of the holiday's name in every site language; Ko/En stay for plain text */
      holidayId: HolidayId | null;
      holidaySubstitute: boolean;
      holidayKo: string | null;
      holidayEn: string | null;
      closureKo: string | null;
      closureEn: string | null;
      opensAt: string | null;
      opensInDays: number;
    };

export function statusView(status: PlaceStatus): StatusView {
  if (status.open) {
    return {
      open: true,
      closesAt: status.closesAt?.toISOString() ?? null,
      closesInDays: status.closesInDays,
    };
  }
  return {
    open: false,
    reason: status.reason,
    holidayId: status.holiday?.id ?? null,
    holidaySubstitute: status.holiday?.substitute ?? false,
    holidayKo: status.holiday?.nameKo ?? null,
    holidayEn: status.holiday?.nameEn ?? null,
    closureKo: status.closure?.reasonKo || null,
    closureEn: status.closure?.reasonEn || null,
    opensAt: status.opensAt?.toISOString() ?? null,
    opensInDays: status.opensInDays,
  };
}

/** A directory's filters as its form shows them (strings, empty when not set). */
export type FilterValues = {
  kind: string;
  sub: string;
  district: string;
  service: string;
  q: string;
  open: "" | "now" | "at";
  date: string;
  time: string;
  near: string;
};

export type PlaceListItem = {
  slug: string;
  kind: string;
  subKind: string | null;
  /** in the page's stored language, with the language it is in (`<InLanguage>`, decision 0024) */
  name: LocalizedText;
  address: LocalizedText;
  district: string;
  latitude: number;
  longitude: number;
  phone: string | null;
  isSampleData: boolean;
  status: StatusView;
  /** only when the list is sorted by distance from a position */
  distanceKm: number | null;
};

export type PlaceSearchResult = {
  items: PlaceListItem[];
  total: number;
  page: number;
  pageCount: number;
  /**
   * The instant the items' status is for, when a search asked about another time than now
   * ("open at Monday 10:30"): each status then says what the place does at that time.
   */
  statusAt: string | null;
  /** how many of the places are open now, listed first ("open first"), else null */
  openFirst: number | null;
};

/** A labor-rights center as "contact now" names it, with its status in words-ready form. */
export type ContactPlace = {
  slug: string;
  nameKo: string;
  nameEn: string;
  phone: string | null;
  status: StatusView;
};
export type ContactNowView =
  { open: true; places: ContactPlace[] } | { open: false; next: ContactPlace | null };

/** A place that will open soon, for an "open" search that found nothing. */
export type NextOpening = { slug: string; name: LocalizedText; opensAt: string };

export type WeekDayView = Omit<DaySchedule, "holiday" | "closure"> & {
  holidayId: HolidayId | null;
  holidaySubstitute: boolean;
  holidayKo: string | null;
  holidayEn: string | null;
  closureKo: string | null;
  closureEn: string | null;
};

export function weekDayView(day: DaySchedule): WeekDayView {
  const { holiday, closure, ...rest } = day;
  return {
    ...rest,
    holidayId: holiday?.id ?? null,
    holidaySubstitute: holiday?.substitute ?? false,
    holidayKo: holiday?.nameKo ?? null,
    holidayEn: holiday?.nameEn ?? null,
    closureKo: closure?.reasonKo || null,
    closureEn: closure?.reasonEn || null,
  };
}

/** GET /api/places: RFC 7946 GeoJSON, positions as [longitude, latitude]. */
export type PlaceFeature = {
  type: "Feature";
  id: string;
  geometry: { type: "Point"; coordinates: [number, number] };
  properties: {
    slug: string;
    url: string;
    kind: string;
    subKind: string | null;
    nameKo: string;
    nameEn: string;
    addressKo: string;
    addressEn: string;
    district: string;
    phone: string | null;
    openNow: boolean;
    coordinatesApproximate: boolean;
    isSampleData: boolean;
    /** per fact: report (with section), public (title, date), staff (when), assumed or sample */
    provenance: Provenance;
    /** the newest staff verification, or null when staff confirmed nothing */
    lastVerifiedAt: string | null;
    distanceKm?: number;
  };
};
export type PlaceFeatureCollection = { type: "FeatureCollection"; features: PlaceFeature[] };

/**
 * The features inside the map's viewport (`bbox`, edges included), ordered by distance from `near`
 * (each with its `distanceKm`) or left in their order.
 */
export function featureCollection(
  features: readonly PlaceFeature[],
  options: { bbox: BBox | null; near: LatLng | undefined },
): PlaceFeatureCollection {
  const position = (feature: PlaceFeature) => ({
    lng: feature.geometry.coordinates[0],
    lat: feature.geometry.coordinates[1],
  });
  const { bbox, near } = options;
  const inside = bbox ? features.filter((feature) => inBBox(position(feature), bbox)) : features;
  if (!near) return { type: "FeatureCollection", features: [...inside] };
  const byDistance = sortByDistance(
    inside.map((feature) => ({ feature, ...position(feature) })),
    near,
  );
  return {
    type: "FeatureCollection",
    features: byDistance.map(({ feature, distanceKm }) => ({
      ...feature,
      properties: { ...feature.properties, distanceKm: Math.round(distanceKm * 1000) / 1000 },
    })),
  };
}
