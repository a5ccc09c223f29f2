import { describe, expect, it } from "vitest";
import {
  bookingTopicOf,
  calculatorSummary,
  displayCode,
  fillTimeVerdict,
  MAX_FORM_AGE_MS,
  MIN_FILL_MS,
  parseCaseCode,
  passphraseKey,
  retentionCutoffs,
  SUMMARY_MAX,
} from "./ask";

describe("case codes", () => {
  it("read back whatever the case and dashes, and refuse look-alikes and wrong lengths", () => {
    expect(parseCaseCode("q7k4-mp2x")).toBe("Q7K4MP2X");
    expect(parseCaseCode(" Q7K4 MP2X ")).toBe("Q7K4MP2X");
    expect(displayCode("Q7K4MP2X")).toBe("Q7K4-MP2X");
    expect(parseCaseCode("Q7K4-MP2O")).toBeNull(); // O is not in the alphabet
    expect(parseCaseCode("Q7K4-MP21")).toBeNull();
    expect(parseCaseCode("Q7K4-MP2")).toBeNull();
    expect(parseCaseCode("../../etc")).toBeNull();
  });

  it("hash passphrases the same however they are typed", () => {
    expect(passphraseKey("abcd-efgh-jkmn")).toBe(passphraseKey("ABCD EFGH JKMN"));
  });
});

describe("fill time", () => {
  it("refuses a form sent back faster than a person types, or left open for a day", () => {
    expect(fillTimeVerdict(0, MIN_FILL_MS - 1)).toBe("tooFast");
    expect(fillTimeVerdict(0, MIN_FILL_MS)).toBe("ok");
    expect(fillTimeVerdict(0, MAX_FORM_AGE_MS + 1)).toBe("expired");
    expect(fillTimeVerdict(10_000, 0)).toBe("tooFast"); // a stamp from the future
  });
});

describe("retention and carrying over", () => {
  it("keeps answered questions 30 days and unanswered ones 90", () => {
    const now = new Date("2026-11-25T00:00:00Z");
    const { answered, open } = retentionCutoffs(now);
    expect(answered.toISOString()).toBe("2026-10-26T00:00:00.000Z");
    expect(open.toISOString()).toBe("2026-08-27T00:00:00.000Z");
  });

  it("bounds a calculator summary and maps topics to the nearest consultation topic", () => {
    expect(calculatorSummary(["a", "b"])).toBe("a\nb");
    expect(calculatorSummary(["x".repeat(1000)])).toHaveLength(SUMMARY_MAX);
    expect(bookingTopicOf("severance")).toBe("unpaid_wages");
    expect(bookingTopicOf("weekly_rest")).toBe("working_hours");
    expect(bookingTopicOf("dismissal")).toBe("dismissal");
  });
});
