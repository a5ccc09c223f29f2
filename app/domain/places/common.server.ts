// Places & maps: what the directory, the back office and the import share — the selects of a
// place's details and hours, its search text, and the order of names.
import type { StoredLanguage } from "~/domain/shared/localized";
import { findDistrict } from "~/domain/residents/districts";
import { buildSearchText } from "~/domain/shared/korean-search";
import type { Prisma } from "~/generated/prisma/client";
import type { PlaceHours } from "./hours";

/** The stored language a list is named and ordered in (Chinese and Vietnamese pages: English). */
export type Language = StoredLanguage;
type HoursRow = {
  closedOnPublicHolidays: boolean;
  openingHours: { weekday: number; opens: string; closes: string }[];
  closures: { startDate: string; endDate: string; reasonKo?: string; reasonEn?: string }[];
};

export function hoursOf(row: HoursRow): PlaceHours {
  return {
    weekly: row.openingHours,
    closures: row.closures,
    closedOnPublicHolidays: row.closedOnPublicHolidays,
  };
}

/** Names, address and district in both languages, decomposed for Korean search. */
export function placeSearchText(place: {
  nameKo: string;
  nameEn: string;
  addressKo: string;
  addressEn: string;
  district: string;
}): string {
  const district = findDistrict(place.district);
  return buildSearchText([
    place.nameKo,
    place.nameEn,
    place.addressKo,
    place.addressEn,
    ...(district ? [district.ko, `${district.code}-gu`] : []),
  ]);
}

export const nameOrder = (language: Language) => [
  language === "en" ? { nameEn: "asc" as const } : { nameKo: "asc" as const },
  { id: "asc" as const },
];

/** A place's facts as provenanceOf() reads them (decision 0021). */
export const FACT_ROWS = {
  select: { fact: true, source: true, reference: true, verifiedAt: true },
} satisfies Prisma.Place$factsArgs;

/** The fields a place's page and its edit form both show. */
export const PLACE_DETAILS = {
  id: true,
  slug: true,
  kind: true,
  subKind: true,
  nameKo: true,
  nameEn: true,
  addressKo: true,
  addressEn: true,
  district: true,
  latitude: true,
  longitude: true,
  coordinatesApproximate: true,
  phone: true,
  email: true,
  website: true,
  areaSquareMeters: true,
  descriptionKo: true,
  descriptionEn: true,
  amenities: true,
  accessibilityNotesKo: true,
  accessibilityNotesEn: true,
  closedOnPublicHolidays: true,
  isSampleData: true,
  facts: FACT_ROWS,
} satisfies Prisma.PlaceSelect;

export const WEEK_ORDERED_HOURS = {
  orderBy: [{ weekday: "asc" }, { opens: "asc" }],
  select: { weekday: true, opens: true, closes: true },
} satisfies Prisma.Place$openingHoursArgs;

/** Who changes a place, from where, and when (for the audit log). */
export type Actor = { actorId: string; ip: string | null; now: Date };
