// Validation of every booking form, shared by the browser (Conform) and the server. Messages are
// i18next keys, translated where they are shown.
import { z } from "zod";
import {
  checkboxChecked,
  CLOCK_TIME,
  isoDate,
  optionalText,
  phoneNumber,
} from "~/domain/shared/validation";
import { minutesOfClock } from "~/domain/shared/seoul-time";
import {
  CHANNELS,
  DESCRIPTION_MAX,
  LABOR_NOTE_MAX,
  LABOR_TOPICS,
  STAFF_CANCEL_REASONS,
} from "./types";

/** Record ids as they appear in URLs and forms; anything else is simply "not found". */
export const recordId = z
  .string({ required_error: "validation:required" })
  .trim()
  .min(1, "validation:required")
  .max(64, "validation:invalid")
  .regex(/^[A-Za-z0-9_-]+$/, "validation:invalid");

/** The random token rendered with each booking form: a resent form makes one booking. */
const idempotencyKey = z
  .string({ required_error: "booking:errors.formExpired" })
  .regex(/^[A-Za-z0-9_-]{16,64}$/, "booking:errors.formExpired");

export const BookSchema = z.object({ idempotencyKey });

/** A labor-rights consultation also needs its topic, channel, description and consent. */
export const LaborBookSchema = BookSchema.extend({
  topic: z.enum(LABOR_TOPICS, { required_error: "booking:errors.topicRequired" }),
  channel: z.enum(CHANNELS, { required_error: "booking:errors.channelRequired" }),
  description: z
    .string({ required_error: "booking:errors.descriptionRequired" })
    .trim()
    .min(1, "booking:errors.descriptionRequired")
    .max(DESCRIPTION_MAX, "booking:errors.descriptionTooLong"),
  consent: checkboxChecked("booking:errors.consentRequired"),
  /** asked for on the form when the profile has no number: the counselor calls it */
  phone: phoneNumber.optional(),
});
export type LaborBookInput = z.infer<typeof LaborBookSchema>;

export const RescheduleSchema = z.object({ slotId: recordId, idempotencyKey });

/** The labor-consultation finder (/labor): what is chosen so far, all optional, kept in the URL. */
export const LaborChoiceSchema = z.object({
  center: z
    .string()
    .regex(/^[a-z0-9-]{1,80}$/)
    .optional()
    .catch(undefined),
  topic: z.enum(LABOR_TOPICS).optional().catch(undefined),
  channel: z.enum(CHANNELS).optional().catch(undefined),
  date: isoDate.optional().catch(undefined),
  /** the start of the description, carried from another page (a calculator's result), bounded */
  note: z
    .string()
    // (a form sends line breaks as CRLF: one kind of line break, so the note stays the same)
    .transform((text) => text.replace(/\r\n?/g, "\n").trim().slice(0, LABOR_NOTE_MAX) || undefined)
    .optional()
    .catch(undefined),
});

// ───────────── staff ─────────────

/** A whole number typed into a form field, within [min, max]. */
const wholeNumber = (min: number, max: number, message: string) =>
  z
    .string({ required_error: "validation:required" })
    .trim()
    .regex(/^\d{1,4}$/, message)
    .transform(Number)
    .pipe(z.number().min(min, message).max(max, message));

export const TemplateSchema = z
  .object({
    weekday: z.enum(["1", "2", "3", "4", "5", "6", "7"]).transform(Number),
    startTime: z
      .string({ required_error: "validation:required" })
      .regex(CLOCK_TIME, "booking:errors.time"),
    endTime: z
      .string({ required_error: "validation:required" })
      .regex(CLOCK_TIME, "booking:errors.time"),
    slotMinutes: wholeNumber(10, 480, "booking:errors.slotMinutesRange"),
    capacity: wholeNumber(1, 200, "booking:errors.capacityRange"),
    horizonDays: wholeNumber(1, 90, "booking:errors.horizonRange"),
    validFrom: isoDate,
    validUntil: isoDate.optional(),
    channels: z.array(z.enum(CHANNELS)).optional().default([]),
  })
  .refine(
    (t) =>
      !CLOCK_TIME.test(t.startTime) ||
      !CLOCK_TIME.test(t.endTime) ||
      minutesOfClock(t.endTime) - minutesOfClock(t.startTime) >= t.slotMinutes,
    { path: ["endTime"], message: "booking:errors.noSlotFits" },
  )
  .refine((t) => !t.validUntil || t.validUntil >= t.validFrom, {
    path: ["validUntil"],
    message: "booking:errors.validUntilBeforeFrom",
  });
export type TemplateInput = z.infer<typeof TemplateSchema>;

export const BlockSchema = z.discriminatedUnion("intent", [
  z.object({
    intent: z.literal("block-slot"),
    slotId: recordId,
    reason: optionalText(200),
  }),
  z.object({ intent: z.literal("unblock-slot"), slotId: recordId }),
  z.object({
    intent: z.literal("block-day"),
    date: isoDate,
    reason: optionalText(200),
  }),
]);

export const AttendanceSchema = z.object({
  intent: z.literal("attendance"),
  bookingId: recordId,
  status: z.enum(["attended", "no_show"]),
});

/**
 * The staff day view's address. `service`, `date` and `view` are the original parameters (a
 * service that is not one's own, or none, shows every service of one's place); `group`, `booked`
 * and `name` were added for the day across services. Anything malformed falls back to the default.
 */
export const StaffViewSchema = z.object({
  service: recordId.optional().catch(undefined),
  date: isoDate.optional().catch(undefined),
  view: z.enum(["day", "week"]).catch("day"),
  group: z.enum(["time", "service"]).catch("time"),
  booked: z.literal("1").optional().catch(undefined),
  name: z.string().trim().max(50).optional().catch(undefined),
});

/** Staff cancelling a booking for a resident: why (a code; the resident is told as usual). */
export const StaffCancelSchema = z.object({
  reason: z.enum(STAFF_CANCEL_REASONS, {
    required_error: "booking:errors.reasonRequired",
    invalid_type_error: "booking:errors.reasonRequired",
  }),
});
