// The Seoul labor-rights hotline. It is NOT in the 2018 report: the number is the one given in
// the city's current public material, shown with that provenance (decision 0021's "public"
// source), never as a report fact or as checked by staff.
export const LABOR_HOTLINE = {
  display: "1661-2020",
  /** digits only, for a tel: link */
  dial: "16612020",
  source: "public",
} as const;
