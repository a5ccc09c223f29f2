// Places & maps: where each fact of a place comes from (decision 0021). Pure: the kinds of facts
// and of sources, what counts as verified, what a page says about a fact, and "last verified".

/** The facts of a place that carry a source. `capacity` is the floor area (m²). */
export const PLACE_FACTS = [
  "address",
  "coordinates",
  "days",
  "hours",
  "phone",
  "capacity",
] as const;
export type PlaceFactKind = (typeof PLACE_FACTS)[number];

/**
 * report: the 2018 work report (reference = its section); public: another public source
 * (reference = title and date); staff: confirmed by the place's staff or an administrator (who,
 * when); assumed: our guess; sample: invented sample data.
 */
export const FACT_SOURCES = ["report", "public", "staff", "assumed", "sample"] as const;
export type FactSource = (typeof FACT_SOURCES)[number];

export type FactProvenance = {
  source: FactSource;
  reference: string | null;
  /** ISO instant, only for staff verifications */
  verifiedAt: string | null;
};
export type Provenance = Record<PlaceFactKind, FactProvenance>;

type FactRow = {
  fact: string;
  source: string;
  reference: string | null;
  verifiedAt: Date | null;
};

export function isPlaceFact(value: string): value is PlaceFactKind {
  return (PLACE_FACTS as readonly string[]).includes(value);
}

function isSource(value: string): value is FactSource {
  return (FACT_SOURCES as readonly string[]).includes(value);
}

/** The source a fact has when nothing better is known. */
export function defaultSource(isSampleData: boolean): FactSource {
  return isSampleData ? "sample" : "assumed";
}

/**
 * Every fact of a place with its source. A fact without a row (or with a source we do not know)
 * is assumed — never verified; a staff row without a time is not a verification either.
 */
export function provenanceOf(rows: FactRow[], isSampleData: boolean): Provenance {
  const byFact = new Map(rows.map((row) => [row.fact, row]));
  return Object.fromEntries(
    PLACE_FACTS.map((fact): [PlaceFactKind, FactProvenance] => {
      const row = byFact.get(fact);
      if (!row || !isSource(row.source) || (row.source === "staff" && !row.verifiedAt))
        return [fact, { source: defaultSource(isSampleData), reference: null, verifiedAt: null }];
      return [
        fact,
        {
          source: row.source,
          reference: row.source === "report" || row.source === "public" ? row.reference : null,
          verifiedAt: row.source === "staff" ? row.verifiedAt!.toISOString() : null,
        },
      ];
    }),
  ) as Provenance;
}

/** Verified means confirmed by staff, with a time. A report or a public source is cited, not verified. */
export function isVerified(fact: FactProvenance): boolean {
  return fact.source === "staff" && fact.verifiedAt !== null;
}

/** The facts not verified by staff, in the order of PLACE_FACTS. */
export function unverifiedFacts(provenance: Provenance): PlaceFactKind[] {
  return PLACE_FACTS.filter((fact) => !isVerified(provenance[fact]));
}

/** The newest staff verification of any fact (ISO), or null: only this may be shown as "last verified". */
export function lastVerified(provenance: Provenance): string | null {
  const times = PLACE_FACTS.map((fact) => provenance[fact].verifiedAt).filter(
    (time): time is string => time !== null,
  );
  return times.length === 0 ? null : times.reduce((a, b) => (a > b ? a : b));
}

/**
 * What a page says beside a fact: nothing when staff confirmed it; the source when it is cited
 * (still "not confirmed since"); "not confirmed — call before you go" when assumed; "sample" when
 * invented.
 */
export type FactNote =
  | { kind: "cited"; source: "report" | "public"; reference: string | null }
  | { kind: "unconfirmed" }
  | { kind: "sample" };

export function factNote(fact: FactProvenance): FactNote | null {
  switch (fact.source) {
    case "staff":
      return isVerified(fact) ? null : { kind: "unconfirmed" };
    case "report":
    case "public":
      return { kind: "cited", source: fact.source, reference: fact.reference };
    case "sample":
      return { kind: "sample" };
    case "assumed":
      return { kind: "unconfirmed" };
  }
}
