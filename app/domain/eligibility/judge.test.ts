import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  criteriaFromRow,
  judge,
  NO_CRITERIA,
  requirements,
  type Criteria,
  type ProfileFacts,
} from "./judge";

const complete: ProfileFacts = {
  birthDate: "2000-03-15",
  district: "mapo",
  employmentStatus: "unemployed",
  registeredJobSeeker: true,
  hasRegularIncome: false,
  workerType: "courier",
};
const publicWork: Criteria = {
  ...NO_CRITERIA,
  minAge: 18,
  seoulResidentRequired: true,
  unemployedRequired: true,
  noRegularIncomeRequired: true,
  registeredJobSeekerRequired: true,
};
const youth: Criteria = { ...NO_CRITERIA, minAge: 15, maxAge: 39 };
const codes = (criteria: Criteria | null, profile: ProfileFacts, date = "2026-11-25") =>
  judge(criteria, profile, date).reasons.map((r) => r.code);

describe("age", () => {
  it("counts the birthday on the reference date itself", () => {
    const born = { ...complete, birthDate: "2008-01-01" };
    const adults: Criteria = { ...NO_CRITERIA, minAge: 18, ageReferenceDate: "2026-01-01" };
    expect(judge(adults, born, "2026-11-25").eligible).toBe(true);
    expect(codes(adults, { ...born, birthDate: "2008-01-02" })).toEqual(["tooYoung"]);
  });

  it("stops at the upper age on the day after the 40th birthday starts", () => {
    const resident = { ...complete, birthDate: "1986-11-25" };
    expect(codes(youth, resident, "2026-11-24")).toEqual([]);
    expect(codes(youth, resident, "2026-11-25")).toEqual(["tooOld"]);
  });

  it("uses the day of the question when the criteria fix no date", () => {
    const fifteenIn2027 = { ...complete, birthDate: "2012-02-01" };
    expect(codes(youth, fifteenIn2027, "2027-01-31")).toEqual(["tooYoung"]);
    expect(codes(youth, fifteenIn2027, "2027-02-01")).toEqual([]);
  });

  it("opens Job Wings from the year a person turns 18, whatever the birthday (high-school leavers)", () => {
    const jobWings: Criteria = { ...NO_CRITERIA, minYearAge: 18, maxAge: 34 };
    // born in December 2008: still 17 in March 2026, yet in the year of finishing school
    const leaver = { ...complete, birthDate: "2008-12-31" };
    expect(codes(jobWings, leaver, "2026-03-02")).toEqual([]);
    expect(judge(jobWings, { ...complete, birthDate: "2009-01-01" }, "2026-12-31").reasons).toEqual(
      [{ code: "tooYoungThisYear", field: "birthDate", minYearAge: 18, year: 2026 }],
    );
    expect(codes(jobWings, { ...complete, birthDate: "1991-11-24" }, "2026-11-25")).toEqual([
      "tooOld",
    ]);
    expect(codes(jobWings, { ...complete, birthDate: null })).toEqual(["birthDateMissing"]);
    expect(requirements(jobWings).map((r) => r.code)).toEqual(["maxAge", "minYearAge"]);
  });

  it("reports the age limit and the date it was judged on", () => {
    const verdict = judge(
      { ...NO_CRITERIA, minAge: 18, ageReferenceDate: "2026-01-01" },
      { ...complete, birthDate: "2010-05-05" },
      "2026-11-25",
    );
    expect(verdict.reasons).toEqual([
      { code: "tooYoung", field: "birthDate", minAge: 18, date: "2026-01-01" },
    ]);
  });

  it("asks for the birth date when it is missing", () => {
    expect(codes(youth, { ...complete, birthDate: null })).toEqual(["birthDateMissing"]);
  });

  it("never lets someone outside the range in, whatever the dates (property)", () => {
    const day = fc
      .date({ min: new Date("1950-01-01"), max: new Date("2040-12-31"), noInvalidDate: true })
      .map((d) => d.toISOString().slice(0, 10));
    fc.assert(
      fc.property(
        day,
        day,
        fc.integer({ min: 0, max: 80 }),
        fc.integer({ min: 0, max: 80 }),
        (birth, on, a, b) => {
          const [min, max] = [Math.min(a, b), Math.max(a, b)];
          const verdict = judge(
            { ...NO_CRITERIA, minAge: min, maxAge: max },
            { ...complete, birthDate: birth },
            on,
          );
          const [by, bm, bd] = birth.split("-").map(Number) as [number, number, number];
          const [oy, om, od] = on.split("-").map(Number) as [number, number, number];
          const age = oy - by - (om < bm || (om === bm && od < bd) ? 1 : 0);
          return verdict.eligible === (age >= min && age <= max);
        },
      ),
    );
  });
});

describe("residency and district", () => {
  it("requires a Seoul district, and tells apart 'outside Seoul' from 'not answered'", () => {
    const seoulOnly: Criteria = { ...NO_CRITERIA, seoulResidentRequired: true };
    expect(codes(seoulOnly, complete)).toEqual([]);
    expect(codes(seoulOnly, { ...complete, district: "outside" })).toEqual(["notSeoulResident"]);
    expect(codes(seoulOnly, { ...complete, district: null })).toEqual(["districtMissing"]);
  });

  it("limits to the listed districts", () => {
    const guOnly: Criteria = { ...NO_CRITERIA, districts: ["seongdong", "gwangjin"] };
    expect(codes(guOnly, { ...complete, district: "gwangjin" })).toEqual([]);
    expect(judge(guOnly, complete, "2026-11-25").reasons).toEqual([
      { code: "districtNotAccepted", field: "district", districts: ["seongdong", "gwangjin"] },
    ]);
  });
});

describe("employment, income, job-seeker registration, worker type", () => {
  it("checks each condition on its own", () => {
    expect(
      codes(
        { ...NO_CRITERIA, unemployedRequired: true },
        { ...complete, employmentStatus: "employed" },
      ),
    ).toEqual(["notUnemployed"]);
    expect(
      codes(
        { ...NO_CRITERIA, unemployedRequired: true },
        { ...complete, employmentStatus: "student" },
      ),
    ).toEqual(["notUnemployed"]);
    expect(
      codes(
        { ...NO_CRITERIA, noRegularIncomeRequired: true },
        { ...complete, hasRegularIncome: true },
      ),
    ).toEqual(["hasRegularIncome"]);
    expect(
      codes(
        { ...NO_CRITERIA, registeredJobSeekerRequired: true },
        { ...complete, registeredJobSeeker: false },
      ),
    ).toEqual(["notRegisteredJobSeeker"]);
    expect(codes({ ...NO_CRITERIA, workerTypes: ["designated_driver"] }, complete)).toEqual([
      "workerTypeNotAccepted",
    ]);
    expect(codes({ ...NO_CRITERIA, workerTypes: ["courier", "platform"] }, complete)).toEqual([]);
  });

  it("asks for each missing fact instead of guessing", () => {
    const empty: ProfileFacts = {
      birthDate: null,
      district: null,
      employmentStatus: null,
      registeredJobSeeker: null,
      hasRegularIncome: null,
      workerType: null,
    };
    const verdict = judge({ ...publicWork, workerTypes: ["courier"] }, empty, "2026-11-25");
    expect(verdict.reasons.map((r) => r.code)).toEqual([
      "birthDateMissing",
      "districtMissing",
      "employmentStatusMissing",
      "regularIncomeMissing",
      "jobSeekerMissing",
      "workerTypeMissing",
    ]);
    expect(verdict.onlyMissingFacts).toBe(true);
  });
});

describe("combinations", () => {
  it("accepts a complete, matching profile for public work", () => {
    expect(judge(publicWork, complete, "2026-11-25")).toEqual({
      eligible: true,
      reasons: [],
      onlyMissingFacts: false,
    });
  });

  it("returns every unmet condition, not just the first", () => {
    const verdict = judge(
      publicWork,
      {
        ...complete,
        birthDate: "2010-01-01",
        district: "outside",
        employmentStatus: "employed",
        hasRegularIncome: true,
        registeredJobSeeker: false,
      },
      "2026-11-25",
    );
    expect(verdict.reasons.map((r) => r.code)).toEqual([
      "tooYoung",
      "notSeoulResident",
      "notUnemployed",
      "hasRegularIncome",
      "notRegisteredJobSeeker",
    ]);
    expect(verdict.onlyMissingFacts).toBe(false);
  });

  it("treats no criteria as open to everyone", () => {
    const nobody: ProfileFacts = {
      birthDate: null,
      district: null,
      employmentStatus: null,
      registeredJobSeeker: null,
      hasRegularIncome: null,
      workerType: null,
    };
    expect(judge(null, nobody, "2026-11-25").eligible).toBe(true);
  });
});

describe("requirements and stored rows", () => {
  it("lists what criteria ask in a fixed order", () => {
    expect(requirements({ ...publicWork, maxAge: 39 }).map((r) => r.code)).toEqual([
      "ageRange",
      "seoulResident",
      "unemployed",
      "noRegularIncome",
      "registeredJobSeeker",
    ]);
  });

  it("reads comma-separated lists from the database row", () => {
    const criteria = criteriaFromRow({
      ...NO_CRITERIA,
      workerTypes: "courier, platform",
      districts: "",
    });
    expect(criteria?.workerTypes).toEqual(["courier", "platform"]);
    expect(criteria?.districts).toEqual([]);
  });
});
