import { parseWithZod } from "@conform-to/zod";
import { describe, expect, it } from "vitest";
import { seoulInstant } from "~/domain/shared/seoul-time";
import { postingFormValues, roundFormValues } from "./form-values";
import { postingSchema, RoundSchema } from "./schema";

/** Form values as the browser would send them back unchanged. */
function asFormData(values: Record<string, unknown>) {
  const form = new FormData();
  for (const [key, value] of Object.entries(values)) {
    if (value === undefined) continue;
    for (const item of Array.isArray(value) ? value : [value]) form.append(key, String(item));
  }
  return form;
}

const posting = {
  titleKo: "공공데이터 매니저",
  titleEn: "Open-data manager",
  descriptionKo: "데이터 정비",
  descriptionEn: "Cleaning data",
  district: "jung",
  positions: 20,
  hourlyWageKrw: 12121,
  hoursPerDay: 7.5,
  daysPerWeek: 5,
  outdoor: true,
  kind: "new_deal",
  newDealCategory: "city",
  durationMonths: 23,
  startDate: "2027-01-04",
  endDate: "2028-11-30",
  applicationOpensAt: seoulInstant("2026-11-20", "09:00"),
  applicationClosesAt: seoulInstant("2026-12-04", "18:00"),
  eligibility: {
    minAge: 18,
    maxAge: 39,
    ageReferenceDate: "2027-01-01",
    minYearAge: null,
    seoulResidentRequired: true,
    unemployedRequired: true,
    noRegularIncomeRequired: false,
    registeredJobSeekerRequired: false,
    workerTypes: "",
    districts: "mapo,jung",
  },
};

describe("staff form values", () => {
  it("shows a saved posting so that saving it again changes nothing", () => {
    const submission = parseWithZod(asFormData(postingFormValues(posting)), {
      schema: postingSchema({
        floors: [{ kind: "living", year: 2026, hourlyKrw: 12121, source: "이슈 15" }],
      }),
    });
    expect(submission.status).toBe("success");
    if (submission.status !== "success") return;
    expect(submission.value).toMatchObject({
      titleKo: posting.titleKo,
      positions: 20,
      hoursPerDay: 7.5,
      outdoor: true,
      opensDate: "2026-11-20",
      opensTime: "09:00",
      closesTime: "18:00",
      minAge: 18,
      seoulResidentRequired: true,
      noRegularIncomeRequired: false,
      districts: ["mapo", "jung"],
    });
  });

  it("does the same for a round", () => {
    const round = {
      nameKo: "2027년 상반기 공공근로",
      nameEn: "Public work, first half of 2027",
      descriptionKo: "설명",
      descriptionEn: "About",
      year: 2027,
      roundNumber: 1,
      workStartDate: "2027-01-10",
      workEndDate: "2027-06-30",
      applicationOpensAt: seoulInstant("2026-11-20", "09:00"),
      applicationClosesAt: seoulInstant("2026-12-09", "18:00"),
      eligibility: null,
    };
    const submission = parseWithZod(asFormData(roundFormValues(round)), { schema: RoundSchema });
    expect(submission.status).toBe("success");
  });
});
