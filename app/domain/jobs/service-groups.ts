// "For me": the services a resident can book, grouped by kind, with the same service offered at
// many places (the job cafés' study rooms) as one entry, and nearest first when the resident's
// district is known. Each group shows a few entries; the directory filtered by kind has them all.
import { distanceKm, type LatLng } from "~/domain/places/distance";
import type { ServiceKind } from "~/domain/places/types";
import { findDistrict } from "~/domain/residents/districts";
import type { Bilingual } from "~/domain/shared/localized";

export type BookableService = {
  slug: string;
  kind: string;
  name: Bilingual;
  place: { slug: string; name: Bilingual; district: string; latitude: number; longitude: number };
};

type ServiceEntry = {
  name: Bilingual;
  /** how many places offer this service */
  placeCount: number;
  /** where to book it: the nearest place, or the first by name when the origin is unknown */
  first: { serviceSlug: string; place: Bilingual; district: string };
};

export type ServiceGroup = {
  kind: string;
  /** the entries shown, at most ENTRIES_PER_GROUP */
  entries: ServiceEntry[];
  entryCount: number;
  /** distinct places offering a service of this kind */
  placeCount: number;
  /** the place directory filtered by this kind (nearest first when the origin is known) */
  directoryHref: string;
};

const ENTRIES_PER_GROUP = 3;

/**
 * Groups in the order a job seeker looks for them: advice first, then preparation, then rooms.
 * A kind not listed comes last.
 */
const KIND_ORDER: readonly string[] = [
  "counseling",
  "labor_consultation",
  "mock_interview",
  "resume_clinic",
  "job_analysis",
  "mentoring",
  "photo",
  "suit_rental",
  "lecture",
  "study_room",
  "seminar_room",
  "multipurpose_hall",
  "space_rental",
] satisfies readonly ServiceKind[];

const kindRank = (kind: string) => {
  const index = KIND_ORDER.indexOf(kind);
  return index === -1 ? KIND_ORDER.length : index;
};

/** Where "nearest" is measured from: the resident's district office, when a Seoul district is known. */
export function residentOrigin(district: string | null): LatLng | null {
  const found = district ? findDistrict(district) : undefined;
  return found ? { lat: found.lat, lng: found.lng } : null;
}

export function directoryHref(kind: string, origin: LatLng | null): string {
  const params = new URLSearchParams({ service: kind });
  // a district office, not the resident's doorstep: nothing to blur
  if (origin) params.set("near", `${origin.lat},${origin.lng}`);
  return `/places?${params.toString()}`;
}

// Made once: `localeCompare(b, "ko")` looks the collator up on every call, three times slower
// (it showed in /for-me's profile, which sorts every bookable service on each request).
const korean = new Intl.Collator("ko");
const english = new Intl.Collator("en");
const byKoreanName = (a: Bilingual, b: Bilingual) =>
  korean.compare(a.ko, b.ko) || english.compare(a.en, b.en);

type Offer = BookableService & { distance: number | null };

/**
 * The services grouped by kind; within a group, services with the same name in both languages
 * are one entry. With an origin, entries and the place each one books at are nearest first;
 * without one, the most widely offered entries first, then by name.
 */
export function groupServices(
  services: readonly BookableService[],
  origin: LatLng | null,
  limit = ENTRIES_PER_GROUP,
): ServiceGroup[] {
  const byKind = new Map<string, Map<string, Offer[]>>();
  for (const service of services) {
    const distance = origin
      ? distanceKm(origin, { lat: service.place.latitude, lng: service.place.longitude })
      : null;
    const entries = byKind.get(service.kind) ?? new Map<string, Offer[]>();
    const key = `${service.name.ko}\u0000${service.name.en}`;
    entries.set(key, [...(entries.get(key) ?? []), { ...service, distance }]);
    byKind.set(service.kind, entries);
  }
  const closer = (a: Offer, b: Offer) =>
    (a.distance ?? 0) - (b.distance ?? 0) || byKoreanName(a.place.name, b.place.name);

  return [...byKind]
    .sort(([a], [b]) => kindRank(a) - kindRank(b) || a.localeCompare(b))
    .map(([kind, entryMap]) => {
      const entries = [...entryMap.values()].map((offers) => {
        const sorted = [...offers].sort(closer);
        return { offers: sorted, placeCount: new Set(sorted.map((o) => o.place.slug)).size };
      });
      entries.sort((a, b) =>
        origin
          ? closer(a.offers[0]!, b.offers[0]!) || byKoreanName(a.offers[0]!.name, b.offers[0]!.name)
          : b.placeCount - a.placeCount || byKoreanName(a.offers[0]!.name, b.offers[0]!.name),
      );
      const places = new Set(entries.flatMap((e) => e.offers.map((o) => o.place.slug)));
      return {
        kind,
        entries: entries.slice(0, limit).map(({ offers, placeCount }) => {
          const first = offers[0]!;
          return {
            name: first.name,
            placeCount,
            first: {
              serviceSlug: first.slug,
              place: first.place.name,
              district: first.place.district,
            },
          };
        }),
        entryCount: entries.length,
        placeCount: places.size,
        directoryHref: directoryHref(kind, origin),
      };
    });
}
