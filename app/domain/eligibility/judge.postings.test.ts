// The engine against the report's rules for public jobs, with the boundary cases a posting meets:
// ages reckoned on a fixed reference date (birthday on that very day), leap-day birthdays, and
// the public-work conditions together.
import { describe, expect, it } from "vitest";
import { judge, NO_CRITERIA, type Criteria, type ProfileFacts } from "./judge";

const seeker: ProfileFacts = {
  birthDate: "1990-06-15",
  district: "gwanak",
  employmentStatus: "unemployed",
  registeredJobSeeker: true,
  hasRegularIncome: false,
  workerType: "none",
};
// 지역주도형 청년일자리: 18–39, here reckoned on 1 January of the programme year
const regionalYouth: Criteria = {
  ...NO_CRITERIA,
  minAge: 18,
  maxAge: 39,
  ageReferenceDate: "2027-01-01",
};
// 공공근로: 18+, Seoul resident, unemployed with no regular income, registered job seeker
const publicWork: Criteria = {
  ...NO_CRITERIA,
  minAge: 18,
  seoulResidentRequired: true,
  unemployedRequired: true,
  noRegularIncomeRequired: true,
  registeredJobSeekerRequired: true,
};
const codes = (criteria: Criteria, profile: ProfileFacts, on = "2026-11-25") =>
  judge(criteria, profile, on).reasons.map((r) => r.code);

describe("age on a posting's reference date", () => {
  it("is still 39 the day before the 40th birthday, and too old on the birthday itself", () => {
    expect(codes(regionalYouth, { ...seeker, birthDate: "1987-01-02" })).toEqual([]);
    expect(codes(regionalYouth, { ...seeker, birthDate: "1987-01-01" })).toEqual(["tooOld"]);
  });

  it("turns 18 on the reference date itself, whatever day the question is asked", () => {
    const born = { ...seeker, birthDate: "2009-01-01" };
    expect(codes(regionalYouth, born, "2026-11-25")).toEqual([]);
    expect(codes(regionalYouth, { ...born, birthDate: "2009-01-02" }, "2027-06-01")).toEqual([
      "tooYoung",
    ]);
  });

  it("counts a 29 February birthday on 1 March in common years", () => {
    const leap = { ...seeker, birthDate: "2008-02-29" };
    expect(codes(publicWork, leap, "2026-02-28")).toEqual(["tooYoung"]);
    expect(codes(publicWork, leap, "2026-03-01")).toEqual([]);
  });
});

describe("the public-work conditions", () => {
  it("accepts an unemployed Seoul resident without regular income who is registered", () => {
    expect(judge(publicWork, seeker, "2026-11-25").eligible).toBe(true);
  });

  it("names each condition a working, unregistered resident with an income misses", () => {
    expect(
      codes(publicWork, {
        ...seeker,
        employmentStatus: "self_employed",
        hasRegularIncome: true,
        registeredJobSeeker: false,
      }),
    ).toEqual(["notUnemployed", "hasRegularIncome", "notRegisteredJobSeeker"]);
  });

  it("does not count a resident outside Seoul, and asks those who did not say", () => {
    expect(codes(publicWork, { ...seeker, district: "outside" })).toEqual(["notSeoulResident"]);
    const verdict = judge(publicWork, { ...seeker, registeredJobSeeker: null }, "2026-11-25");
    expect(verdict.reasons.map((r) => r.code)).toEqual(["jobSeekerMissing"]);
    expect(verdict.onlyMissingFacts).toBe(true);
  });
});
