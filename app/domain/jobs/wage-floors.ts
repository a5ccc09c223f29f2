// Dated wage floors (pure): which statutory minimum wage (최저임금) and Seoul living wage
// (서울시 생활임금) apply to a posting's work period, and whether an hourly wage falls below them.
// The figures live in the database (WageFloor, kept by administrators at /staff/wages).
//
// - Each calendar year the work period touches has the floor recorded for that year.
// - A year after the last recorded one takes the latest recorded floor, flagged `latestKnown`
//   (next year's minimum wage is not announced until August; it is never lower in practice, and
//   the page says which year's figure it is).
// - A year before the first recorded one, or a gap between recorded years, is unknown: nothing
//   is checked for it, and the page says the floor of that year is not recorded.
// Every posting pays at least the minimum wage; New Deal postings also the living wage.

export const WAGE_FLOOR_KINDS = ["minimum", "living"] as const;
export type WageFloorKind = (typeof WAGE_FLOOR_KINDS)[number];

export type WageFloor = {
  kind: WageFloorKind | string;
  year: number;
  hourlyKrw: number;
  source: string;
};

/** Work from `startDate` to `endDate` ("YYYY-MM-DD", both included). */
export type WorkPeriod = { startDate: string; endDate: string };

/** The floor of one year of a work period. */
export type AppliedFloor =
  | {
      year: number;
      kind: WageFloorKind;
      known: true;
      hourlyKrw: number;
      source: string;
      /** the year whose figure this is: `year`, or the latest recorded year before it */
      fromYear: number;
      /** a later year than any recorded: the latest recorded figure stands in */
      latestKnown: boolean;
    }
  | { year: number; kind: WageFloorKind; known: false };

type KnownFloor = Extract<AppliedFloor, { known: true }>;

/** A wage below a floor: which year, which floor, how much. */
export type FloorViolation = {
  year: number;
  kind: WageFloorKind;
  floorKrw: number;
  fromYear: number;
  latestKnown: boolean;
  source: string;
};

/** The calendar years a work period touches, in order (none when it ends before it starts). */
export function workYears(period: WorkPeriod): number[] {
  const first = Number(period.startDate.slice(0, 4));
  const last = Number(period.endDate.slice(0, 4));
  if (!Number.isInteger(first) || !Number.isInteger(last)) return [];
  const years: number[] = [];
  for (let year = first; year <= last; year += 1) years.push(year);
  return years;
}

/** The floors of `kind` that apply to each year of the period. */
export function floorsFor(
  floors: readonly WageFloor[],
  period: WorkPeriod,
  kind: WageFloorKind,
): AppliedFloor[] {
  const ofKind = floors.filter((f) => f.kind === kind).sort((a, b) => a.year - b.year);
  const latest = ofKind.at(-1);
  return workYears(period).map((year): AppliedFloor => {
    const exact = ofKind.find((f) => f.year === year);
    if (exact)
      return {
        year,
        kind,
        known: true,
        hourlyKrw: exact.hourlyKrw,
        source: exact.source,
        fromYear: year,
        latestKnown: false,
      };
    if (latest && year > latest.year)
      return {
        year,
        kind,
        known: true,
        hourlyKrw: latest.hourlyKrw,
        source: latest.source,
        fromYear: latest.year,
        latestKnown: true,
      };
    return { year, kind, known: false };
  });
}

/** The kinds of floor a posting of this kind must meet. */
function floorKindsFor(postingKind: string): WageFloorKind[] {
  return postingKind === "new_deal" ? ["minimum", "living"] : ["minimum"];
}

/**
 * The first floor an hourly wage falls below over the period, or null: every minimum wage first
 * (year by year), then — for New Deal — every known living wage.
 */
export function belowFloor(
  hourlyWageKrw: number,
  period: WorkPeriod,
  postingKind: string,
  floors: readonly WageFloor[],
): FloorViolation | null {
  for (const kind of floorKindsFor(postingKind)) {
    for (const floor of floorsFor(floors, period, kind)) {
      if (floor.known && hourlyWageKrw < floor.hourlyKrw)
        return {
          year: floor.year,
          kind,
          floorKrw: floor.hourlyKrw,
          fromYear: floor.fromYear,
          latestKnown: floor.latestKnown,
          source: floor.source,
        };
    }
  }
  return null;
}

/** What a posting's page says about one kind of floor over its work period. */
export type FloorSummary = {
  kind: WageFloorKind;
  /** the highest floor of the period (the one that binds), or null when no year is recorded */
  binding: KnownFloor | null;
  /** years whose figure is the latest recorded one standing in */
  latestKnownYears: number[];
  /** years with no figure recorded */
  unknownYears: number[];
};

/** The floors a posting of this kind must meet over its period, for its page. */
export function floorSummaries(
  floors: readonly WageFloor[],
  period: WorkPeriod,
  postingKind: string,
): FloorSummary[] {
  return floorKindsFor(postingKind).map((kind) => {
    const applied = floorsFor(floors, period, kind);
    const known = applied.filter((f): f is KnownFloor => f.known);
    const binding = known.reduce<KnownFloor | null>(
      (best, f) => (!best || f.hourlyKrw >= best.hourlyKrw ? f : best),
      null,
    );
    return {
      kind,
      binding,
      latestKnownYears: known.filter((f) => f.latestKnown).map((f) => f.year),
      unknownYears: applied.filter((f) => !f.known).map((f) => f.year),
    };
  });
}

/** The latest recorded floor of each kind (the forms' hint), or null when none is recorded. */
export function latestFloors(
  floors: readonly WageFloor[],
): Record<WageFloorKind, { year: number; hourlyKrw: number } | null> {
  const latest = (kind: WageFloorKind) => {
    const found = floors.filter((f) => f.kind === kind).sort((a, b) => b.year - a.year)[0];
    return found ? { year: found.year, hourlyKrw: found.hourlyKrw } : null;
  };
  return { minimum: latest("minimum"), living: latest("living") };
}
