import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  coordinatesProblem,
  distanceKm,
  inBBox,
  isInSeoulArea,
  roundPosition,
  sortByDistance,
  SEOUL_AREA,
} from "./distance";

const CITY_HALL = { lat: 37.5665, lng: 126.978 };
const GANGNAM_STATION = { lat: 37.4979, lng: 127.0276 };
const GUNPO = { lat: 37.3617, lng: 126.9352 };

const point = fc.record({
  lat: fc.double({ min: -89, max: 89, noNaN: true }),
  lng: fc.double({ min: -180, max: 180, noNaN: true }),
});

describe("distanceKm", () => {
  it("measures known distances", () => {
    expect(distanceKm(CITY_HALL, GANGNAM_STATION)).toBeCloseTo(8.8, 1);
    // one degree of latitude is about 111.2 km everywhere
    expect(distanceKm({ lat: 37, lng: 127 }, { lat: 38, lng: 127 })).toBeCloseTo(111.2, 1);
  });

  it("is zero to itself, symmetric, never negative and obeys the triangle inequality", () => {
    fc.assert(
      fc.property(point, point, point, (a, b, c) => {
        expect(distanceKm(a, a)).toBe(0);
        // to the metre, even for nearly antipodal points
        expect(Math.abs(distanceKm(a, b) - distanceKm(b, a))).toBeLessThan(0.001);
        expect(distanceKm(a, b)).toBeGreaterThanOrEqual(0);
        expect(distanceKm(a, c)).toBeLessThanOrEqual(distanceKm(a, b) + distanceKm(b, c) + 0.001);
        // never more than half the Earth's circumference
        expect(distanceKm(a, b)).toBeLessThanOrEqual(20_016);
      }),
    );
  });
});

describe("sortByDistance", () => {
  it("puts the nearest first and shows each distance", () => {
    const sorted = sortByDistance(
      [
        { id: "gunpo", ...GUNPO },
        { id: "gangnam", ...GANGNAM_STATION },
        { id: "hall", ...CITY_HALL },
      ],
      { lat: 37.5663, lng: 126.9779 },
    );
    expect(sorted.map((item) => item.id)).toEqual(["hall", "gangnam", "gunpo"]);
    expect(sorted[0]!.distanceKm).toBeLessThan(0.05);
  });

  it("returns every item once, in non-decreasing distance", () => {
    fc.assert(
      fc.property(fc.array(point, { maxLength: 30 }), point, (items, origin) => {
        const sorted = sortByDistance(items, origin);
        expect(sorted).toHaveLength(items.length);
        for (let i = 1; i < sorted.length; i += 1) {
          expect(sorted[i]!.distanceKm).toBeGreaterThanOrEqual(sorted[i - 1]!.distanceKm);
        }
      }),
    );
  });
});

describe("Seoul's area", () => {
  it("holds City Hall and Gangnam, not Gunpo", () => {
    expect(isInSeoulArea(CITY_HALL)).toBe(true);
    expect(isInSeoulArea(GANGNAM_STATION)).toBe(true);
    expect(isInSeoulArea(GUNPO)).toBe(false);
  });

  it("includes its own edges", () => {
    const [west, south, east, north] = SEOUL_AREA;
    expect(inBBox({ lat: south, lng: west }, SEOUL_AREA)).toBe(true);
    expect(inBBox({ lat: north, lng: east }, SEOUL_AREA)).toBe(true);
    expect(inBBox({ lat: north + 0.001, lng: east }, SEOUL_AREA)).toBe(false);
  });
});

describe("roundPosition", () => {
  it("moves a position by at most about 100 m", () => {
    fc.assert(
      fc.property(
        fc.record({
          lat: fc.double({ min: 37.4, max: 37.7, noNaN: true }),
          lng: fc.double({ min: 126.7, max: 127.2, noNaN: true }),
        }),
        (p) => {
          expect(distanceKm(p, roundPosition(p))).toBeLessThan(0.1);
        },
      ),
    );
  });
});

describe("coordinatesProblem", () => {
  it("wants Seoul's districts in Seoul, and lets explicitly outside sites be anywhere real", () => {
    expect(coordinatesProblem("jung", CITY_HALL)).toBeNull();
    expect(coordinatesProblem("jung", GUNPO)).toBe("notInSeoul");
    expect(coordinatesProblem("outside", GUNPO)).toBeNull();
    expect(coordinatesProblem("jung", { lat: 126.978, lng: 37.5665 })).toBe("swapped");
    expect(coordinatesProblem("outside", { lat: 126.978, lng: 37.5665 })).toBe("swapped");
    expect(coordinatesProblem("outside", { lat: Number.NaN, lng: 127 })).toBe("invalid");
    expect(coordinatesProblem("outside", { lat: 95, lng: 10 })).toBe("invalid");
  });
});
