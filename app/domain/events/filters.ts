// The agenda's filters, as they live in the URL (/events, /events.ics and GET /api/events): kind,
// district, a date range in Seoul days, online or in person, a Korean search, "for me", the view
// (agenda or month, and which month) and the page. Parsed on the server only, like the places
// directory's (app/domain/places/filters.ts).
import { z } from "zod";
import { DISTRICT_CODES } from "~/domain/residents/districts";
import { pageField } from "~/domain/shared/page-parameter";
import { isRealDate } from "~/domain/shared/validation";
import {
  ATTENDANCE_MODES,
  MAX_QUERY_LENGTH,
  PROGRAM_KINDS,
  type AttendanceMode,
  type ProgramKind,
} from "./types";

const EVENT_VIEWS = ["agenda", "month"] as const;
type EventView = (typeof EVENT_VIEWS)[number];

export type EventFilters = {
  kind?: ProgramKind;
  district?: string;
  /** first Seoul day shown, "YYYY-MM-DD" */
  from?: string;
  /** last Seoul day shown (inclusive) */
  to?: string;
  mode?: AttendanceMode;
  q?: string;
  /** only programs the logged-in resident may register for (the eligibility engine decides) */
  forMe?: boolean;
  view: EventView;
  /** the month the month view shows, "YYYY-MM" (default: the start day's, else this month) */
  month?: string;
  page: number;
};

/** A filter the page could not use: the URL parameter, the value sent, and why (an i18n key). */
type EventFilterProblem = { param: string; value: string; message: string };

const day = (message: string) =>
  z
    .string()
    .refine(
      (value) => isRealDate(value) && value >= "2000-01-01" && value <= "2099-12-31",
      message,
    );

const FilterParams = z
  .object({
    kind: z.enum(PROGRAM_KINDS, { message: "events:filterErrors.kind" }).optional(),
    district: z.enum(DISTRICT_CODES, { message: "events:filterErrors.district" }).optional(),
    from: day("events:filterErrors.from").optional(),
    to: day("events:filterErrors.to").optional(),
    mode: z.enum(ATTENDANCE_MODES, { message: "events:filterErrors.mode" }).optional(),
    q: z.string().trim().max(MAX_QUERY_LENGTH, "events:filterErrors.q").optional(),
    forMe: z.enum(["1"], { message: "events:filterErrors.forMe" }).optional(),
    view: z.enum(EVENT_VIEWS, { message: "events:filterErrors.view" }).optional(),
    month: z
      .string()
      .refine(
        (value) =>
          /^\d{4}-\d{2}$/.test(value) &&
          isRealDate(`${value}-01`) &&
          value >= "2000-01" &&
          value <= "2099-12",
        "events:filterErrors.month",
      )
      .optional(),
    page: pageField({ invalid: "events:filterErrors.page" }).optional(),
  })
  .superRefine((params, ctx) => {
    if (params.from && params.to && params.to < params.from) {
      ctx.addIssue({ code: "custom", path: ["to"], message: "events:filterErrors.range" });
    }
  });

const PARAMS = [
  "kind",
  "district",
  "from",
  "to",
  "mode",
  "q",
  "forMe",
  "view",
  "month",
  "page",
] as const;

export type ParsedEventFilters =
  | { ok: true; filters: EventFilters }
  | { ok: false; problems: EventFilterProblem[]; filters: EventFilters };

/** The filters of an agenda URL; any value it cannot use gives problems and the unfiltered list. */
export function parseEventFilters(params: URLSearchParams): ParsedEventFilters {
  const raw: Record<string, string> = {};
  for (const name of PARAMS) {
    const value = params.get(name);
    if (value !== null && value.trim() !== "") raw[name] = value;
  }
  const parsed = FilterParams.safeParse(raw);
  if (!parsed.success) {
    const seen = new Set<string>();
    const problems = parsed.error.issues
      .map((issue) => {
        const param = String(issue.path[0] ?? "");
        return { param, value: raw[param] ?? "", message: issue.message };
      })
      .filter((problem) => !seen.has(problem.param) && seen.add(problem.param));
    return { ok: false, problems, filters: { view: "agenda", page: 1 } };
  }
  const { page, q, forMe, view, ...rest } = parsed.data;
  return {
    ok: true,
    filters: {
      ...rest,
      q: q ? q : undefined,
      forMe: forMe === "1" ? true : undefined,
      view: view ?? "agenda",
      page: page ?? 1,
    },
  };
}

/**
 * The filters as URL parameters (without the view and the page), in a stable order: links, the
 * API and the calendar feed. `forMe` only where a login is at hand (not the API, not the feed).
 */
export function eventFilterSearchParams(
  filters: EventFilters,
  options: { forMe?: boolean } = {},
): URLSearchParams {
  const params = new URLSearchParams();
  for (const name of ["kind", "district", "from", "to", "mode", "q"] as const) {
    const value = filters[name];
    if (value) params.set(name, value);
  }
  if (options.forMe !== false && filters.forMe) params.set("forMe", "1");
  return params;
}

/** The month a month view shows: the one asked for, else the start day's, else today's. */
export function monthShown(filters: EventFilters, today: string): string {
  return filters.month ?? (filters.from ?? today).slice(0, 7);
}

/** The first day of the month before or after `month` ("YYYY-MM"), as "YYYY-MM". */
export function shiftMonth(month: string, by: number): string {
  const [year, number] = month.split("-").map(Number);
  const index = year! * 12 + (number! - 1) + by;
  return `${String(Math.floor(index / 12)).padStart(4, "0")}-${String((index % 12) + 1).padStart(2, "0")}`;
}
