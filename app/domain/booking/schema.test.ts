import { describe, expect, it } from "vitest";
import { BlockSchema, LaborBookSchema, LaborChoiceSchema, TemplateSchema } from "./schema";
import { LABOR_NOTE_MAX } from "./types";

const key = "d13c03a3-a8ef-4b3a-8388-076aac05ffdc";
const errors = (result: {
  success: boolean;
  error?: { issues: { path: (string | number)[]; message: string }[] };
}) => Object.fromEntries((result.error?.issues ?? []).map((i) => [i.path.join("."), i.message]));

describe("labor consultation form", () => {
  const valid = {
    idempotencyKey: key,
    topic: "unpaid_wages",
    channel: "phone",
    description: "임금을 받지 못했습니다.",
    consent: "on",
  };
  it("accepts a complete request", () => {
    expect(LaborBookSchema.safeParse(valid).success).toBe(true);
  });
  it("requires consent, a description of at most 2,000 characters, a known topic and channel", () => {
    const result = LaborBookSchema.safeParse({
      ...valid,
      consent: undefined,
      description: "가".repeat(2001),
      topic: "taxes",
      channel: "fax",
    });
    expect(errors(result)).toMatchObject({
      consent: "booking:errors.consentRequired",
      description: "booking:errors.descriptionTooLong",
      topic: "validation:invalidChoice",
      channel: "validation:invalidChoice",
    });
    expect(LaborBookSchema.safeParse({ ...valid, description: "가".repeat(2000) }).success).toBe(
      true,
    );
    expect(errors(LaborBookSchema.safeParse({ ...valid, description: "   " }))).toMatchObject({
      description: "booking:errors.descriptionRequired",
    });
  });
  it("refuses a missing or malformed form token", () => {
    expect(errors(LaborBookSchema.safeParse({ ...valid, idempotencyKey: "x" }))).toMatchObject({
      idempotencyKey: "booking:errors.formExpired",
    });
  });
});

describe("labor finder", () => {
  it("keeps what is valid in the URL and drops the rest", () => {
    expect(
      LaborChoiceSchema.parse({
        center: "seoul-labor-rights-center",
        topic: "nope",
        channel: "phone",
        date: "2026-02-30",
      }),
    ).toEqual({
      center: "seoul-labor-rights-center",
      topic: undefined,
      channel: "phone",
      date: undefined,
      note: undefined,
    });
  });

  it("carries a note (a calculator's result) to the description, cut at LABOR_NOTE_MAX", () => {
    expect(LaborChoiceSchema.parse({ note: "  주휴수당: 41,280원\n  " }).note).toBe(
      "주휴수당: 41,280원",
    );
    expect(LaborChoiceSchema.parse({ note: "가".repeat(5000) }).note).toHaveLength(LABOR_NOTE_MAX);
    expect(LaborChoiceSchema.parse({ note: "   " }).note).toBeUndefined();
  });
});

describe("staff forms", () => {
  const template = {
    weekday: "4",
    startTime: "10:00",
    endTime: "13:00",
    slotMinutes: "60",
    capacity: "3",
    horizonDays: "28",
    validFrom: "2026-11-25",
  };
  it("turns typed numbers into numbers", () => {
    expect(TemplateSchema.parse(template)).toMatchObject({
      weekday: 4,
      slotMinutes: 60,
      capacity: 3,
      channels: [],
    });
  });
  it("explains each impossible template", () => {
    expect(
      errors(
        TemplateSchema.safeParse({
          ...template,
          endTime: "10:30",
          capacity: "0",
          slotMinutes: "abc",
          validUntil: "2026-11-01",
        }),
      ),
    ).toMatchObject({
      capacity: "booking:errors.capacityRange",
      slotMinutes: "booking:errors.slotMinutesRange",
    });
    expect(errors(TemplateSchema.safeParse({ ...template, endTime: "10:30" }))).toEqual({
      endTime: "booking:errors.noSlotFits",
    });
    expect(errors(TemplateSchema.safeParse({ ...template, validUntil: "2026-11-01" }))).toEqual({
      validUntil: "booking:errors.validUntilBeforeFrom",
    });
    expect(errors(TemplateSchema.safeParse({ ...template, startTime: "25:00" }))).toMatchObject({
      startTime: "booking:errors.time",
    });
  });
  it("knows each block request by its intent", () => {
    expect(BlockSchema.safeParse({ intent: "block-day", date: "2026-11-26" }).success).toBe(true);
    expect(BlockSchema.safeParse({ intent: "block-everything" }).success).toBe(false);
  });
});
