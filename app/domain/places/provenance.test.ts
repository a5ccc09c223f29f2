import { describe, expect, it } from "vitest";
import {
  factNote,
  isVerified,
  lastVerified,
  PLACE_FACTS,
  provenanceOf,
  unverifiedFacts,
} from "./provenance";

const row = (fact: string, source: string, extra: { reference?: string; at?: string } = {}) => ({
  fact,
  source,
  reference: extra.reference ?? null,
  verifiedAt: extra.at ? new Date(extra.at) : null,
});

describe("provenanceOf", () => {
  it("gives every fact a source; a fact without a row is assumed, or sample on a sample place", () => {
    const provenance = provenanceOf([row("hours", "report", { reference: "Ⅲ-2-③" })], false);
    expect(Object.keys(provenance)).toEqual([...PLACE_FACTS]);
    expect(provenance.hours).toEqual({ source: "report", reference: "Ⅲ-2-③", verifiedAt: null });
    expect(provenance.days).toEqual({ source: "assumed", reference: null, verifiedAt: null });
    expect(provenanceOf([], true).phone.source).toBe("sample");
  });

  it("never takes a staff row without a time, or an unknown source, for a verification", () => {
    const provenance = provenanceOf([row("days", "staff"), row("phone", "rumour")], false);
    expect(provenance.days.source).toBe("assumed");
    expect(provenance.phone.source).toBe("assumed");
    expect(isVerified(provenance.days)).toBe(false);
  });

  it("keeps a verification time only for staff, and a reference only for cited sources", () => {
    const provenance = provenanceOf(
      [
        row("address", "staff", { reference: "stale", at: "2026-11-30T01:00:00Z" }),
        row("capacity", "assumed", { reference: "x", at: "2026-11-30T01:00:00Z" }),
      ],
      false,
    );
    expect(provenance.address).toEqual({
      source: "staff",
      reference: null,
      verifiedAt: "2026-11-30T01:00:00.000Z",
    });
    expect(provenance.capacity).toEqual({ source: "assumed", reference: null, verifiedAt: null });
  });
});

describe("last verified and the to-do", () => {
  it("is the newest staff verification, and null when staff verified nothing", () => {
    const cited = provenanceOf([row("hours", "report", { reference: "s" })], false);
    expect(lastVerified(cited)).toBeNull();
    const provenance = provenanceOf(
      [
        row("hours", "staff", { at: "2026-11-01T00:00:00Z" }),
        row("days", "staff", { at: "2026-11-29T00:00:00Z" }),
      ],
      false,
    );
    expect(lastVerified(provenance)).toBe("2026-11-29T00:00:00.000Z");
    expect(unverifiedFacts(provenance)).toEqual(["address", "coordinates", "phone", "capacity"]);
  });
});

describe("factNote", () => {
  it("says nothing of a verified fact, cites a report, and warns about assumed and sample facts", () => {
    const provenance = provenanceOf(
      [
        row("hours", "staff", { at: "2026-11-01T00:00:00Z" }),
        row("address", "report", { reference: "Ⅲ-2-⑦" }),
        row("phone", "public", { reference: "서울 열린데이터광장, 2026-10" }),
      ],
      true,
    );
    expect(factNote(provenance.hours)).toBeNull();
    expect(factNote(provenance.address)).toEqual({
      kind: "cited",
      source: "report",
      reference: "Ⅲ-2-⑦",
    });
    expect(factNote(provenance.phone)).toMatchObject({ kind: "cited", source: "public" });
    expect(factNote(provenance.days)).toEqual({ kind: "sample" });
    expect(factNote(provenanceOf([], false).days)).toEqual({ kind: "unconfirmed" });
  });
});
