// Validation of the back office's program, session, cancellation and attendance forms, shared by
// the browser (Conform) and the server. Messages are i18next keys, translated where shown. The
// eligibility fields are the one engine's (the same fieldset as postings and rounds).
import { z } from "zod";
import { checkAges, criteriaFields } from "~/domain/jobs/schema";
import { DISTRICT_CODES } from "~/domain/residents/districts";
import { seoulInstant } from "~/domain/shared/seoul-time";
import { CLOCK_TIME, isoDate, optionalText, requiredText } from "~/domain/shared/validation";
import {
  ATTENDANCE_MARKS,
  CONFIRM_HOURS_MAX,
  CONFIRM_HOURS_MIN,
  PROGRAM_FORMATS,
  PROGRAM_KINDS,
  PROGRAM_LANGUAGES,
  PROGRAM_STATUSES,
  SESSION_ALLOCATIONS,
} from "./types";

const MAX_SEATS = 10_000;

/** An online link: https only (a plain http or javascript: link is never shown to residents). */
const httpsUrl = z
  .string()
  .trim()
  .max(500, "validation:tooLong")
  .refine((value) => {
    try {
      return new URL(value).protocol === "https:";
    } catch {
      return false;
    }
  }, "events:staff.errors.httpsOnly");

export const ProgramSchema = z
  .object({
    ...criteriaFields,
    /** admins choose the host organisation; staff always use their own */
    organizationId: z.string().trim().max(40).optional(),
    kind: z.enum(PROGRAM_KINDS),
    titleKo: requiredText(120),
    titleEn: requiredText(120),
    descriptionKo: requiredText(5000),
    descriptionEn: requiredText(5000),
    placeId: z.string().trim().max(40).optional(),
    venueKo: optionalText(200),
    venueEn: optionalText(200),
    district: z.enum(DISTRICT_CODES).optional(),
    format: z.enum(PROGRAM_FORMATS),
    onlineUrl: httpsUrl.optional(),
    languages: z.array(z.enum(PROGRAM_LANGUAGES)).min(1, "events:staff.errors.languages"),
    accessibilityNotesKo: optionalText(1000),
    accessibilityNotesEn: optionalText(1000),
    status: z.enum(PROGRAM_STATUSES),
  })
  .superRefine((value, ctx) => {
    if (value.format !== "in_person" && !value.onlineUrl)
      ctx.addIssue({
        code: "custom",
        path: ["onlineUrl"],
        message: "events:staff.errors.onlineUrlRequired",
      });
    if (value.format !== "online" && !value.placeId && !value.venueKo)
      ctx.addIssue({ code: "custom", path: ["venueKo"], message: "events:staff.errors.venue" });
    checkAges(value, ctx);
  });
export type ProgramInput = z.infer<typeof ProgramSchema>;

const clockTime = z
  .string({ required_error: "validation:required" })
  .regex(CLOCK_TIME, "jobs:errors.time");

export const SessionSchema = z
  .object({
    startDate: isoDate,
    startTime: clockTime,
    endDate: isoDate,
    endTime: clockTime,
    capacity: z
      .number({ required_error: "validation:required", invalid_type_error: "jobs:errors.number" })
      .int("jobs:errors.number")
      .min(1, "events:staff.errors.capacity")
      .max(MAX_SEATS, "events:staff.errors.capacity"),
    opensDate: isoDate,
    opensTime: clockTime,
    closesDate: isoDate,
    closesTime: clockTime,
    allocation: z.enum(SESSION_ALLOCATIONS).default("first_come"),
    // a lottery's draw and how long its winners have to confirm; ignored for first come
    drawDate: isoDate.optional(),
    drawTime: clockTime.optional(),
    confirmHours: z
      .number({ invalid_type_error: "events:staff.errors.confirmHours" })
      .int("events:staff.errors.confirmHours")
      .min(CONFIRM_HOURS_MIN, "events:staff.errors.confirmHours")
      .max(CONFIRM_HOURS_MAX, "events:staff.errors.confirmHours")
      .optional(),
  })
  .superRefine((value, ctx) => {
    const startsAt = seoulInstant(value.startDate, value.startTime);
    const opensAt = seoulInstant(value.opensDate, value.opensTime);
    const closesAt = seoulInstant(value.closesDate, value.closesTime);
    if (seoulInstant(value.endDate, value.endTime) <= startsAt)
      ctx.addIssue({
        code: "custom",
        path: ["endDate"],
        message: "events:staff.errors.endAfterStart",
      });
    if (closesAt <= opensAt)
      ctx.addIssue({
        code: "custom",
        path: ["closesDate"],
        message: "jobs:errors.closesBeforeOpens",
      });
    else if (closesAt > startsAt)
      ctx.addIssue({
        code: "custom",
        path: ["closesDate"],
        message: "events:staff.errors.windowBeforeStart",
      });
    if (value.allocation === "lottery") checkLottery(value, ctx, { startsAt, closesAt });
  });
export type SessionInput = z.infer<typeof SessionSchema>;

/**
 * A lottery needs its draw time, after registration closes and before the session starts, and a
 * confirmation time that ends before the start (winners who could not confirm in time would hold
 * seats nobody uses).
 */
function checkLottery(
  value: { drawDate?: string; drawTime?: string; confirmHours?: number },
  ctx: z.RefinementCtx,
  { startsAt, closesAt }: { startsAt: Date; closesAt: Date },
) {
  if (value.confirmHours === undefined)
    ctx.addIssue({
      code: "custom",
      path: ["confirmHours"],
      message: "events:staff.errors.confirmHours",
    });
  if (!value.drawDate || !value.drawTime) {
    ctx.addIssue({
      code: "custom",
      path: [value.drawDate ? "drawTime" : "drawDate"],
      message: "events:staff.errors.drawRequired",
    });
    return;
  }
  const drawAt = seoulInstant(value.drawDate, value.drawTime);
  if (drawAt < closesAt)
    ctx.addIssue({
      code: "custom",
      path: ["drawDate"],
      message: "events:staff.errors.drawAfterWindow",
    });
  else if (drawAt >= startsAt)
    ctx.addIssue({
      code: "custom",
      path: ["drawDate"],
      message: "events:staff.errors.drawBeforeStart",
    });
  else if (
    value.confirmHours !== undefined &&
    Number.isInteger(value.confirmHours) &&
    value.confirmHours <= CONFIRM_HOURS_MAX &&
    drawAt.getTime() + value.confirmHours * 3_600_000 > startsAt.getTime()
  )
    ctx.addIssue({
      code: "custom",
      path: ["confirmHours"],
      message: "events:staff.errors.confirmBeforeStart",
    });
}

/** The session's instants from the form's Seoul dates and times. */
export function sessionInstants(input: SessionInput) {
  return {
    startsAt: seoulInstant(input.startDate, input.startTime),
    endsAt: seoulInstant(input.endDate, input.endTime),
    registrationOpensAt: seoulInstant(input.opensDate, input.opensTime),
    registrationClosesAt: seoulInstant(input.closesDate, input.closesTime),
  };
}

/** How the session's seats are given: a lottery's draw time and confirmation hours, or none. */
export function sessionAllocation(input: SessionInput) {
  return input.allocation === "lottery" && input.drawDate && input.drawTime
    ? {
        allocation: "lottery" as const,
        drawAt: seoulInstant(input.drawDate, input.drawTime),
        confirmHours: input.confirmHours ?? 48,
      }
    : { allocation: "first_come" as const, drawAt: null, confirmHours: 48 };
}

const confirmed = z
  .string()
  .optional()
  .refine((v) => v === "on", "events:staff.errors.confirmCancel");

/** Calling a session off: a ticked confirmation, nothing else. */
export const CancelSessionSchema = z.object({
  intent: z.literal("cancelSession"),
  confirm: confirmed,
});

/** Calling a whole program off: the same. */
export const CancelProgramSchema = z.object({
  intent: z.literal("cancelProgram"),
  confirm: confirmed,
});

/**
 * The attendance sheet: one choice per registration (`mark.<registrationId>`), "unknown" for not
 * recorded yet.
 */
export const AttendanceSchema = z.object({
  mark: z
    .record(z.string().regex(/^[A-Za-z0-9_-]{1,40}$/), z.enum([...ATTENDANCE_MARKS, "unknown"]))
    // bounded: one sheet is one session's registrants, never thousands of rows in one transaction
    .refine((marks) => Object.keys(marks).length <= 2000, "validation:tooLong")
    .default({}),
});
