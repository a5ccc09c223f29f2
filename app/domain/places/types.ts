// Coded values of places, shared by the server and the browser. Plain constants (no zod), so the
// directory pages can use them without shipping the validation library to the browser.

export const PLACE_KINDS = [
  "youth_center",
  "job_cafe",
  "rest_shelter",
  "labor_center",
  "job_center",
  "training_institute",
  "university_job_center",
  "memorial",
  "suit_rental",
] as const;
export type PlaceKind = (typeof PLACE_KINDS)[number];

/** The sub-kinds each kind has (a sub-kind belongs to exactly one kind). */
export const SUB_KINDS = {
  job_cafe: ["private", "university", "public"],
  rest_shelter: ["designated_driver", "courier", "mobile", "media"],
  labor_center: ["city", "emotional_labor", "district", "ombudsman"],
  // the report's size classes: large centers also serve the district's young people
  university_job_center: ["large", "small"],
} as const satisfies Partial<Record<PlaceKind, readonly string[]>>;
export type SubKind = (typeof SUB_KINDS)[keyof typeof SUB_KINDS][number];
export const ALL_SUB_KINDS = Object.values(SUB_KINDS).flat() as SubKind[];

export function subKindsOf(kind: string | null | undefined): readonly SubKind[] {
  return kind && kind in SUB_KINDS ? SUB_KINDS[kind as keyof typeof SUB_KINDS] : [];
}

/** The kind a sub-kind belongs to. */
export function kindOfSubKind(subKind: string): PlaceKind | null {
  for (const [kind, subs] of Object.entries(SUB_KINDS)) {
    if ((subs as readonly string[]).includes(subKind)) return kind as PlaceKind;
  }
  return null;
}

export const SERVICE_KINDS = [
  "counseling",
  "mentoring",
  "mock_interview",
  "resume_clinic",
  "job_analysis",
  "photo",
  "study_room",
  "seminar_room",
  "multipurpose_hall",
  "lecture",
  "labor_consultation",
  "suit_rental",
  "space_rental",
] as const;
export type ServiceKind = (typeof SERVICE_KINDS)[number];

/** Services worth filtering by on each directory (shelters offer rest, not services). */
export const DIRECTORY_SERVICES: Partial<Record<PlaceKind, readonly ServiceKind[]>> = {
  job_cafe: ["counseling", "mentoring", "lecture", "photo", "study_room"],
  labor_center: ["labor_consultation"],
};

export const AMENITIES = [
  "wifi",
  "charging",
  "lockers",
  "water",
  "rest_area",
  "showers",
  "beds",
  "study_rooms",
  "printer",
  "parking",
  "accessible_toilet",
] as const;
export type Amenity = (typeof AMENITIES)[number];

/** The directories with their own entry page; every other kind is listed under /places. */
export const DIRECTORY_PAGES = {
  job_cafe: "/cafes",
  rest_shelter: "/shelters",
  labor_center: "/labor-centers",
} as const satisfies Partial<Record<PlaceKind, string>>;

/** "district" codes are the 25 자치구 plus this one for sites beyond Seoul. */
export const OUTSIDE_SEOUL = "outside";

export const PAGE_SIZE = 20;

/** The longest text search the directory accepts. */
export const MAX_QUERY_LENGTH = 100;

/** Two rows a day in the hours form (a lunch break is the commonest reason for a second). */
export const SLOTS_PER_DAY = 2;
