// The directory's filters, as they live in the URL (shared links, plain GET forms, the GeoJSON API).
// Parsed on the server only: the list page's browser code never needs zod.
import { z } from "zod";
import { DISTRICT_CODES } from "~/domain/residents/districts";
import { CLOCK_TIME, isRealDate } from "~/domain/shared/validation";
import type { BBox, LatLng } from "./distance";
import {
  ALL_SUB_KINDS,
  kindOfSubKind,
  MAX_QUERY_LENGTH,
  OUTSIDE_SEOUL,
  PLACE_KINDS,
  SERVICE_KINDS,
  subKindsOf,
  type PlaceKind,
  type ServiceKind,
  type SubKind,
} from "./types";
import { pageField } from "~/domain/shared/page-parameter";

type OpenFilter = { mode: "now" } | { mode: "at"; date: string; time: string };

export type PlaceFilters = {
  kind?: PlaceKind;
  subKind?: SubKind;
  district?: string;
  service?: ServiceKind;
  q?: string;
  open?: OpenFilter;
  near?: LatLng;
  page: number;
};

/** A filter the page could not use: the URL parameter, the value sent, and why (an i18n key). */
export type FilterProblem = { param: string; value: string; message: string };

const number = z
  .string()
  .trim()
  .regex(/^[-+]?(\d+\.?\d*|\.\d+)$/)
  .transform(Number)
  .pipe(z.number().finite());

/** "lat,lng": two finite numbers, a real position on Earth. */
const coordinatePair = z.string().transform((value, ctx) => {
  const parts = value.split(",").map((part) => number.safeParse(part));
  const [lat, lng] = parts.map((part) => (part.success ? part.data : Number.NaN));
  if (parts.length !== 2 || !(Math.abs(lat!) <= 90) || !(Math.abs(lng!) <= 180)) {
    ctx.addIssue({ code: z.ZodIssueCode.custom, message: "places:filterErrors.near" });
    return z.NEVER;
  }
  return { lat: lat!, lng: lng! };
});

const FilterParams = z
  .object({
    kind: z.enum(PLACE_KINDS, { message: "places:filterErrors.kind" }).optional(),
    sub: z
      .enum(ALL_SUB_KINDS as [SubKind, ...SubKind[]], { message: "places:filterErrors.sub" })
      .optional(),
    district: z
      .enum([...DISTRICT_CODES, OUTSIDE_SEOUL], { message: "places:filterErrors.district" })
      .optional(),
    service: z.enum(SERVICE_KINDS, { message: "places:filterErrors.service" }).optional(),
    q: z.string().trim().max(MAX_QUERY_LENGTH, "places:filterErrors.q").optional(),
    open: z.enum(["now", "at"], { message: "places:filterErrors.open" }).optional(),
    date: z
      .string()
      .refine(
        (value) => isRealDate(value) && value >= "2000-01-01" && value <= "2099-12-31",
        "places:filterErrors.date",
      )
      .optional(),
    time: z.string().regex(CLOCK_TIME, "places:filterErrors.time").optional(),
    near: coordinatePair.optional(),
    page: pageField({ invalid: "places:filterErrors.page" }).optional(),
  })
  .superRefine((params, ctx) => {
    if (params.kind && params.sub && !subKindsOf(params.kind).includes(params.sub)) {
      ctx.addIssue({ code: "custom", path: ["sub"], message: "places:filterErrors.sub" });
    }
    if (params.open === "at") {
      if (!params.date) {
        ctx.addIssue({ code: "custom", path: ["date"], message: "places:filterErrors.date" });
      }
      if (!params.time) {
        ctx.addIssue({ code: "custom", path: ["time"], message: "places:filterErrors.time" });
      }
    }
  });

const PARAMS = ["kind", "sub", "district", "service", "q", "open", "date", "time", "near", "page"];

/** The URL's parameters, first value of each, without the empty ones a GET form sends. */
function present(params: URLSearchParams, names: readonly string[]): Record<string, string> {
  const values: Record<string, string> = {};
  for (const name of names) {
    const value = params.get(name);
    if (value !== null && value.trim() !== "") values[name] = value;
  }
  return values;
}

export type ParsedFilters =
  | { ok: true; filters: PlaceFilters }
  | { ok: false; problems: FilterProblem[]; filters: PlaceFilters };

/**
 * The filters of a directory URL. A directory of one kind (/shelters) fixes `kind` and ignores
 * the parameter. Any value it cannot use gives problems and the unfiltered directory.
 */
export function parsePlaceFilters(
  params: URLSearchParams,
  options: { kind?: PlaceKind } = {},
): ParsedFilters {
  const raw = present(params, PARAMS);
  if (options.kind) raw.kind = options.kind;
  // The form always sends a day and a time; they mean something only with "open at".
  if (raw.open !== "at") {
    delete raw.date;
    delete raw.time;
  }
  const parsed = FilterParams.safeParse(raw);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => {
      const param = String(issue.path[0] ?? "");
      return { param, value: raw[param] ?? "", message: issue.message };
    });
    return {
      ok: false,
      problems: uniqueByParam(problems),
      filters: { kind: options.kind, page: 1 },
    };
  }
  const value = parsed.data;
  const q = value.q ? value.q : undefined;
  return {
    ok: true,
    filters: {
      kind: value.kind ?? (value.sub ? (kindOfSubKind(value.sub) ?? undefined) : undefined),
      subKind: value.sub,
      district: value.district,
      service: value.service,
      q,
      open:
        value.open === "now"
          ? { mode: "now" }
          : value.open === "at"
            ? { mode: "at", date: value.date!, time: value.time! }
            : undefined,
      near: value.near,
      page: value.page ?? 1,
    },
  };
}

function uniqueByParam(problems: FilterProblem[]): FilterProblem[] {
  const seen = new Set<string>();
  return problems.filter((problem) => !seen.has(problem.param) && seen.add(problem.param));
}

const BBoxParam = z.string().transform((value, ctx) => {
  const parts = value.split(",").map((part) => number.safeParse(part));
  const [west, south, east, north] = parts.map((part) => (part.success ? part.data : Number.NaN));
  const valid =
    parts.length === 4 &&
    west! >= -180 &&
    east! <= 180 &&
    south! >= -90 &&
    north! <= 90 &&
    west! < east! &&
    south! < north!;
  if (!valid) {
    ctx.addIssue({ code: z.ZodIssueCode.custom, message: "places:filterErrors.bbox" });
    return z.NEVER;
  }
  return [west!, south!, east!, north!] as BBox;
});

/** The map's viewport, `bbox=west,south,east,north` (RFC 7946 order); absent = everywhere. */
export function parseBBox(
  params: URLSearchParams,
): { ok: true; bbox: BBox | null } | { ok: false; problem: FilterProblem } {
  const value = params.get("bbox");
  if (value === null || value.trim() === "") return { ok: true, bbox: null };
  const parsed = BBoxParam.safeParse(value);
  return parsed.success
    ? { ok: true, bbox: parsed.data }
    : { ok: false, problem: { param: "bbox", value, message: "places:filterErrors.bbox" } };
}

/** The filters as URL parameters (without the page), in a stable order: links and API calls. */
export function filterSearchParams(
  filters: PlaceFilters,
  options: { fixedKind?: PlaceKind } = {},
): URLSearchParams {
  const params = new URLSearchParams();
  if (filters.kind && filters.kind !== options.fixedKind) params.set("kind", filters.kind);
  if (filters.subKind) params.set("sub", filters.subKind);
  if (filters.district) params.set("district", filters.district);
  if (filters.service) params.set("service", filters.service);
  if (filters.q) params.set("q", filters.q);
  if (filters.open) params.set("open", filters.open.mode);
  if (filters.open?.mode === "at") {
    params.set("date", filters.open.date);
    params.set("time", filters.open.time);
  }
  if (filters.near) params.set("near", `${filters.near.lat},${filters.near.lng}`);
  return params;
}
