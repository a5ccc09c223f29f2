import { describe, expect, it } from "vitest";
import { newSlug } from "./slug";

describe("newSlug", () => {
  it("keeps the English words, drops the rest and adds a suffix", () => {
    expect(newSlug("Data Analyst (Mapo) — 2026!")).toMatch(/^data-analyst-mapo-2026-[0-9a-f]{6}$/);
    expect(newSlug("상담", "service")).toMatch(/^service-[0-9a-f]{6}$/);
    expect(newSlug("x".repeat(59) + " y")).toMatch(/^x{59}-[0-9a-f]{6}$/);
    expect(newSlug("Same")).not.toBe(newSlug("Same"));
  });
});
