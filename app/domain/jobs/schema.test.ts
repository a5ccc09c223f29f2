import { parseWithZod } from "@conform-to/zod";
import { describe, expect, it } from "vitest";
import { postingSchema, rankedSites, RoundApplySchema, siteSchema } from "./schema";
import type { WageFloor } from "./wage-floors";

function form(values: Record<string, string>) {
  const data = new FormData();
  for (const [key, value] of Object.entries(values)) data.append(key, value);
  return data;
}

const valid = {
  titleKo: "공고",
  titleEn: "Posting",
  descriptionKo: "설명",
  descriptionEn: "About",
  kind: "new_deal",
  newDealCategory: "city",
  positions: "1",
  hourlyWageKrw: "12121",
  hoursPerDay: "8",
  daysPerWeek: "5",
  durationMonths: "23",
  startDate: "2027-01-04",
  endDate: "2028-11-30",
  opensDate: "2026-11-20",
  opensTime: "09:00",
  closesDate: "2027-01-03",
  closesTime: "23:59",
};
const floors: WageFloor[] = [
  { kind: "minimum", year: 2026, hourlyKrw: 10320, source: "고시" },
  { kind: "living", year: 2018, hourlyKrw: 9220, source: "보고서" },
  { kind: "living", year: 2026, hourlyKrw: 12121, source: "이슈 15" },
];
const schema = postingSchema({ floors });
const errorsOf = (values: Record<string, string>) => {
  const submission = parseWithZod(form({ ...valid, ...values }), { schema });
  return submission.status === "success" ? {} : (submission.reply().error ?? {});
};

describe("posting form rules", () => {
  it("accepts a New Deal posting at the living wage, 23 months, closing before the first day", () => {
    expect(errorsOf({})).toEqual({});
  });

  it("needs the window to close before work starts, and after it opens", () => {
    expect(errorsOf({ closesDate: "2027-01-04", closesTime: "00:01" }).closesDate).toEqual([
      "jobs:errors.windowAfterStart",
    ]);
    expect(errorsOf({ closesDate: "2026-11-20", closesTime: "09:00" }).closesDate).toEqual([
      "jobs:errors.closesBeforeOpens",
    ]);
    expect(errorsOf({ closesTime: "25:00" }).closesTime).toEqual(["jobs:errors.time"]);
  });

  it("holds every posting to the minimum wage of each year it covers, naming the year", () => {
    // work in 2027–2028: 2026's minimum wage, the latest recorded, stands in
    expect(errorsOf({ kind: "other_public", newDealCategory: "", hourlyWageKrw: "10319" })).toEqual(
      {
        hourlyWageKrw: [
          "jobs:errors.belowMinimumWageLatest?year=2027&floorKrw=10320&fromYear=2026",
        ],
      },
    );
    expect(
      errorsOf({
        kind: "regional_youth",
        newDealCategory: "",
        hourlyWageKrw: "10319",
        startDate: "2026-12-01",
        closesDate: "2026-11-30",
      }).hourlyWageKrw,
    ).toEqual(["jobs:errors.belowMinimumWage?year=2026&floorKrw=10320&fromYear=2026"]);
  });

  it("holds New Deal postings to the living wage, 23 months and a programme line", () => {
    expect(errorsOf({ hourlyWageKrw: "12120" }).hourlyWageKrw).toEqual([
      "jobs:errors.belowLivingWageLatest?year=2027&floorKrw=12121&fromYear=2026",
    ]);
    expect(errorsOf({ durationMonths: "24" }).durationMonths).toEqual([
      "jobs:errors.newDealDuration",
    ]);
    expect(errorsOf({ durationMonths: "" }).durationMonths).toEqual([
      "jobs:errors.newDealDuration",
    ]);
    expect(errorsOf({ newDealCategory: "" }).newDealCategory).toEqual(["validation:required"]);
    const regional = {
      kind: "regional_youth",
      newDealCategory: "",
      hourlyWageKrw: "10320",
      durationMonths: "",
    };
    expect(errorsOf(regional)).toEqual({});
    expect(errorsOf({ ...regional, newDealCategory: "city" }).newDealCategory).toEqual([
      "jobs:errors.categoryOnlyNewDeal",
    ]);
  });

  it("keeps public work to rounds, and checks places, hours and ages", () => {
    expect(errorsOf({ kind: "public_work" }).kind).toEqual(["validation:invalidChoice"]);
    expect(errorsOf({ positions: "0" }).positions).toEqual(["jobs:errors.positions"]);
    expect(errorsOf({ positions: "two" }).positions).toEqual(["jobs:errors.number"]);
    expect(errorsOf({ hoursPerDay: "7.25" }).hoursPerDay).toEqual(["jobs:errors.hoursPerDay"]);
    expect(errorsOf({ endDate: "2026-12-31" }).endDate).toEqual(["jobs:errors.endBeforeStart"]);
    expect(errorsOf({ minAge: "40", maxAge: "39" }).maxAge).toEqual(["jobs:errors.ageOrder"]);
  });

  it("gives a site only its own fields, its wage checked over its round's period", () => {
    const siteOf = (period: { startDate: string; endDate: string }) =>
      siteSchema({ floors, period, kind: "public_work" });
    const site = parseWithZod(form({ ...valid, kind: "public_work", hourlyWageKrw: "10320" }), {
      schema: siteOf({ startDate: "2027-03-02", endDate: "2027-06-30" }),
    });
    expect(site.status).toBe("success");
    const low = parseWithZod(form({ ...valid, hourlyWageKrw: "10000" }), {
      schema: siteOf({ startDate: "2026-03-02", endDate: "2026-06-30" }),
    });
    expect(low.reply().error?.hourlyWageKrw).toEqual([
      "jobs:errors.belowMinimumWage?year=2026&floorKrw=10320&fromYear=2026",
    ]);
  });
});

describe("round application form", () => {
  const base = { motivation: "일하고 싶습니다", contactConsent: "on", idempotencyKey: "key-12345" };

  it("takes up to three different sites, in order, gaps closed", () => {
    const submission = parseWithZod(form({ ...base, site1: "a", site3: "c" }), {
      schema: RoundApplySchema,
    });
    expect(submission.status).toBe("success");
    if (submission.status === "success") expect(rankedSites(submission.value)).toEqual(["a", "c"]);
  });

  it("needs a first choice and refuses the same site twice", () => {
    const missing = parseWithZod(form({ ...base, site2: "b" }), { schema: RoundApplySchema });
    expect(missing.reply().error?.site1).toEqual(["jobs:errors.firstSiteRequired"]);
    const twice = parseWithZod(form({ ...base, site1: "a", site2: "b", site3: "a" }), {
      schema: RoundApplySchema,
    });
    expect(twice.reply().error?.site3).toEqual(["jobs:errors.sitesDistinct"]);
  });
});
