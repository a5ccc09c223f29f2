// Validation of the back-office forms for places, shared by the browser (Conform) and the server.
// Messages are i18next keys.
import { z } from "zod";
import { DISTRICT_CODES } from "~/domain/residents/districts";
import { isoDate, optionalText, requiredText } from "~/domain/shared/validation";
import { coordinatesProblem } from "./distance";
import { findOverlap } from "./intervals";
import { isWellFormedInterval } from "./hours-text";
import { AMENITIES, OUTSIDE_SEOUL, PLACE_KINDS, SERVICE_KINDS, subKindsOf } from "./types";
import { SLOTS_PER_DAY } from "./types";
import { PLACE_FACTS } from "./provenance";

const checkbox = z
  .string()
  .optional()
  .transform((value) => value === "on" || value === "true");

const coordinate = z.number({
  required_error: "validation:required",
  invalid_type_error: "places:form.errors.coordinate",
});

const PHONE = /^(?=(?:\D*\d){3})[0-9+()\-\s]{3,20}$/;

const detailsFields = z.object({
  nameKo: requiredText(100),
  nameEn: requiredText(100),
  addressKo: requiredText(200),
  addressEn: requiredText(200),
  district: z.enum([...DISTRICT_CODES, OUTSIDE_SEOUL], {
    required_error: "validation:required",
    message: "validation:invalidChoice",
  }),
  latitude: coordinate,
  longitude: coordinate,
  coordinatesApproximate: checkbox,
  phone: z.string().trim().regex(PHONE, "validation:phone").optional(),
  email: z.string().trim().max(254, "validation:tooLong").email("validation:email").optional(),
  website: z
    .string()
    .trim()
    .max(300, "validation:tooLong")
    .regex(/^https?:\/\/[^\s/$.?#].[^\s]*$/i, "places:form.errors.website")
    .optional(),
  areaSquareMeters: z
    .number({ invalid_type_error: "places:form.errors.area" })
    .int("places:form.errors.area")
    .min(1, "places:form.errors.area")
    .max(100_000, "places:form.errors.area")
    .optional(),
  descriptionKo: optionalText(2000),
  descriptionEn: optionalText(2000),
  accessibilityNotesKo: optionalText(1000),
  accessibilityNotesEn: optionalText(1000),
  amenities: z.array(z.enum(AMENITIES)).default([]),
  /** "I checked this information today": moves the place's last-verified date to now */
  verified: checkbox,
});

/** What only admins set: what the place is and who runs it. */
const identityFields = {
  kind: z.enum(PLACE_KINDS, {
    required_error: "validation:required",
    message: "validation:invalidChoice",
  }),
  subKind: z.string().optional(),
  operatorId: z.string().max(40).optional(),
};

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

function checkCoordinates(
  value: { district: string; latitude: number; longitude: number },
  ctx: z.RefinementCtx,
) {
  const problem = coordinatesProblem(value.district, { lat: value.latitude, lng: value.longitude });
  if (problem) {
    ctx.addIssue({ code: "custom", path: ["latitude"], message: `places:form.errors.${problem}` });
  }
}

function checkSubKind(value: { kind: string; subKind?: string }, ctx: z.RefinementCtx) {
  if (value.subKind && !(subKindsOf(value.kind) as readonly string[]).includes(value.subKind)) {
    ctx.addIssue({ code: "custom", path: ["subKind"], message: "places:form.errors.subKind" });
  }
}

/** What staff of a place may change about it. */
export const PlaceDetailsSchema = detailsFields.superRefine(checkCoordinates);

/** Admins also say what the place is and who runs it. */
export const AdminPlaceSchema = detailsFields.extend(identityFields).superRefine((value, ctx) => {
  checkCoordinates(value, ctx);
  checkSubKind(value, ctx);
});

/** A new place also gets its address on the site, for good (/places/<slug>). */
export const NewPlaceSchema = detailsFields
  .extend(identityFields)
  .extend({
    slug: z
      .string({ required_error: "validation:required" })
      .trim()
      .max(60, "validation:tooLong")
      .regex(SLUG, "places:form.errors.slug"),
  })
  .superRefine((value, ctx) => {
    checkCoordinates(value, ctx);
    checkSubKind(value, ctx);
  });

export type PlaceDetailsInput = z.infer<typeof PlaceDetailsSchema>;
export type NewPlaceInput = z.infer<typeof NewPlaceSchema>;

/** A yearly limit of bookings per resident: at most one a day. */
const MAX_YEARLY_LIMIT = 366;

/**
 * A service a place offers (what the directory's service filter and the place page show). Whether
 * residents can book it, and when, is set in the booking timetables.
 */
export const ServiceSchema = z
  .object({
    kind: z.enum(SERVICE_KINDS),
    nameKo: requiredText(100),
    nameEn: requiredText(100),
    descriptionKo: optionalText(1000),
    descriptionEn: optionalText(1000),
    durationMinutes: z
      .number({ invalid_type_error: "places:serviceForm.errors.duration" })
      .int("places:serviceForm.errors.duration")
      .min(10, "places:serviceForm.errors.duration")
      .max(480, "places:serviceForm.errors.duration")
      .optional(),
    bookable: checkbox,
    active: checkbox,
    /** decision 0031: first come, or a lottery drawn `drawLeadHours` before each slot */
    allocation: z.enum(["first_come", "lottery"]).default("first_come"),
    drawLeadHours: z
      .number({ invalid_type_error: "booking:lottery.staff.leadHoursRange" })
      .int("booking:lottery.staff.leadHoursRange")
      .min(1, "booking:lottery.staff.leadHoursRange")
      .max(168, "booking:lottery.staff.leadHoursRange")
      .default(24),
    // decision 0026: bookings per resident per Seoul calendar year; empty = no limit
    yearlyLimitPerResident: z
      .number({ invalid_type_error: "places:serviceForm.errors.yearlyLimit" })
      .int("places:serviceForm.errors.yearlyLimit")
      .min(1, "places:serviceForm.errors.yearlyLimit")
      .max(MAX_YEARLY_LIMIT, "places:serviceForm.errors.yearlyLimit")
      .optional(),
  })
  .refine((input) => !input.bookable || input.durationMinutes !== undefined, {
    path: ["durationMinutes"],
    message: "places:serviceForm.errors.durationForBooking",
  });
export type ServiceInput = z.infer<typeof ServiceSchema>;

/** A week of opening hours: up to SLOTS_PER_DAY rows a day in the hours form. */
export const HoursSchema = z
  .object({
    closedOnPublicHolidays: checkbox,
    intervals: z
      .array(
        z.object({
          weekday: z.number().int().min(1).max(7),
          opens: z.string().optional(),
          closes: z.string().optional(),
        }),
      )
      .max(7 * SLOTS_PER_DAY)
      .default([]),
  })
  .superRefine((value, ctx) => {
    value.intervals.forEach((row, index) => {
      if (!row.opens && !row.closes) return;
      if (!row.opens || !row.closes) {
        ctx.addIssue({
          code: "custom",
          path: ["intervals", index, row.opens ? "closes" : "opens"],
          message: "places:hoursForm.errors.both",
        });
      } else if (!isWellFormedInterval(row.opens, row.closes)) {
        ctx.addIssue({
          code: "custom",
          path: ["intervals", index, "closes"],
          message: "places:hoursForm.errors.sameTime",
        });
      }
    });
    const filled = value.intervals
      .map((row, index) => ({ row, index }))
      .filter(({ row }) => row.opens && row.closes && isWellFormedInterval(row.opens, row.closes));
    const overlap = findOverlap(
      filled.map(({ row }) => ({ weekday: row.weekday, opens: row.opens!, closes: row.closes! })),
    );
    if (overlap) {
      ctx.addIssue({
        code: "custom",
        path: ["intervals", filled[overlap[1]]!.index, "opens"],
        message: "places:hoursForm.errors.overlap",
      });
    }
  })
  .transform((value) => ({
    closedOnPublicHolidays: value.closedOnPublicHolidays,
    weekly: value.intervals
      .filter((row) => row.opens && row.closes)
      .map((row) => ({ weekday: row.weekday, opens: row.opens!, closes: row.closes! })),
  }));
export type HoursInput = z.infer<typeof HoursSchema>;

const MAX_CLOSURE_DAYS = 366;

export const ClosureSchema = z
  .object({
    startDate: isoDate,
    endDate: isoDate,
    reasonKo: optionalText(200),
    reasonEn: optionalText(200),
  })
  .superRefine((value, ctx) => {
    if (value.endDate < value.startDate) {
      ctx.addIssue({
        code: "custom",
        path: ["endDate"],
        message: "places:closures.errors.endBeforeStart",
      });
    } else if (
      (Date.parse(value.endDate) - Date.parse(value.startDate)) / 86_400_000 >=
      MAX_CLOSURE_DAYS
    ) {
      ctx.addIssue({
        code: "custom",
        path: ["endDate"],
        message: "places:closures.errors.tooLong",
      });
    }
  });
export type ClosureInput = z.infer<typeof ClosureSchema>;

export const ImportSchema = z
  .object({
    intent: z.enum(["check", "import"]),
    kind: z.enum(PLACE_KINDS, {
      required_error: "validation:required",
      message: "validation:invalidChoice",
    }),
    subKind: z.string().optional(),
    file: z
      .instanceof(File, { message: "places:import.errors.file" })
      .refine((file) => file.size > 0, "places:import.errors.file"),
  })
  .superRefine(checkSubKind);

/** "Confirm as correct" on the staff's to-do of unconfirmed facts. */
export const VerifyFactSchema = z.object({
  placeId: z.string({ required_error: "validation:required" }).min(1),
  fact: z.enum(PLACE_FACTS, { errorMap: () => ({ message: "validation:invalidChoice" }) }),
});
