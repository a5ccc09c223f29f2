// Distances and areas on the map, pure. Coordinates are WGS 84 degrees.

export type LatLng = { lat: number; lng: number };
/** RFC 7946 order: west, south, east, north. */
export type BBox = [west: number, south: number, east: number, north: number];

const EARTH_RADIUS_KM = 6371.0088;
const toRadians = (degrees: number) => (degrees * Math.PI) / 180;

/** Great-circle distance in kilometres (haversine). */
export function distanceKm(a: LatLng, b: LatLng): number {
  const dLat = toRadians(b.lat - a.lat);
  const dLng = toRadians(b.lng - a.lng);
  const h =
    Math.sin(dLat / 2) ** 2 +
    Math.cos(toRadians(a.lat)) * Math.cos(toRadians(b.lat)) * Math.sin(dLng / 2) ** 2;
  return 2 * EARTH_RADIUS_KM * Math.atan2(Math.sqrt(h), Math.sqrt(Math.max(0, 1 - h)));
}

/** Items sorted by distance from `origin`, nearest first, each with its distance (stable). */
export function sortByDistance<T extends LatLng>(
  items: readonly T[],
  origin: LatLng,
): Array<T & { distanceKm: number }> {
  return items
    .map((item) => ({ ...item, distanceKm: distanceKm(origin, item) }))
    .sort((a, b) => a.distanceKm - b.distanceKm);
}

/**
 * Seoul's area with a margin of about a kilometre (the city spans 37.43–37.70 N, 126.76–127.18 E).
 * Places with a Seoul district must lie inside it; sites beyond Seoul are marked "outside".
 */
export const SEOUL_AREA: BBox = [126.75, 37.42, 127.2, 37.72];

export function inBBox(point: LatLng, [west, south, east, north]: BBox): boolean {
  return point.lat >= south && point.lat <= north && point.lng >= west && point.lng <= east;
}

export function isInSeoulArea(point: LatLng): boolean {
  return inBBox(point, SEOUL_AREA);
}

/** Rounds a position to about 100 m, so a shared "near me" link does not give away a doorstep. */
export function roundPosition(point: LatLng): LatLng {
  return { lat: Math.round(point.lat * 1000) / 1000, lng: Math.round(point.lng * 1000) / 1000 };
}

/**
 * What is wrong with a place's coordinates, if anything: places in a Seoul district must lie in
 * Seoul's area; a site beyond Seoul ("outside") only needs a real position. Swapped latitude and
 * longitude, the commonest slip in facility lists, gets its own answer.
 */
export function coordinatesProblem(
  district: string,
  point: LatLng,
): null | "invalid" | "swapped" | "notInSeoul" {
  if (!Number.isFinite(point.lat) || !Number.isFinite(point.lng)) return "invalid";
  if (Math.abs(point.lat) > 90 || Math.abs(point.lng) > 180) {
    return isInSeoulArea({ lat: point.lng, lng: point.lat }) ? "swapped" : "invalid";
  }
  if (district === "outside" || isInSeoulArea(point)) return null;
  return isInSeoulArea({ lat: point.lng, lng: point.lat }) ? "swapped" : "notInSeoul";
}
