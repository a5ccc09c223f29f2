import { createInstance } from "i18next";
import fs from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { judge, NO_CRITERIA, requirements } from "./judge";
import { reasonFix, reasonMessage, requirementMessage } from "./messages";

const i18n = createInstance();
beforeAll(async () => {
  const resources: Record<string, Record<string, Record<string, string>>> = {};
  for (const lng of ["ko", "en"]) {
    resources[lng] = {};
    for (const ns of ["eligibility", "districts", "account"]) {
      resources[lng]![ns] = JSON.parse(
        fs.readFileSync(path.resolve("locales", lng, `${ns}.json`), "utf8"),
      );
    }
  }
  await i18n.init({
    resources,
    lng: "ko",
    fallbackLng: "ko",
    interpolation: { escapeValue: false },
  });
});

describe("eligibility messages", () => {
  it("says why not, with the limit and the date, in Korean and English", () => {
    const adult = { ...NO_CRITERIA, minAge: 18, ageReferenceDate: "2026-01-01" };
    const facts = {
      birthDate: "2010-01-01",
      district: null,
      employmentStatus: null,
      registeredJobSeeker: null,
      hasRegularIncome: null,
      workerType: null,
    };
    const verdict = judge(adult, facts, "2026-11-25");
    const reason = verdict.reasons[0]!;
    expect(reasonMessage(i18n.getFixedT("en"), reason, "en")).toBe(
      "You must be 18 or older on 1 January 2026.",
    );
    expect(reasonMessage(i18n.getFixedT("ko"), reason, "ko")).toBe(
      "2026년 1월 1일 기준 만 18세 이상이어야 합니다.",
    );
    // the date of birth is known: nothing in the profile to change
    expect(reasonFix(i18n.getFixedT("en"), reason)).toBeNull();
    const unknownAge = judge(adult, { ...facts, birthDate: null }, "2026-11-25");
    expect(reasonFix(i18n.getFixedT("en"), unknownAge.reasons[0]!)).toBe("Date of birth");
  });

  it("names districts and worker types in the person's language", () => {
    const verdict = judge(
      { ...NO_CRITERIA, districts: ["seongdong", "gwangjin"], workerTypes: ["designated_driver"] },
      {
        birthDate: null,
        district: "mapo",
        employmentStatus: null,
        registeredJobSeeker: null,
        hasRegularIncome: null,
        workerType: "courier",
      },
      "2026-11-25",
    );
    const en = verdict.reasons.map((r) => reasonMessage(i18n.getFixedT("en"), r, "en"));
    expect(en).toEqual([
      "Only for residents of Seongdong-gu or Gwangjin-gu.",
      "Only for: Designated driver.",
    ]);
    const ko = verdict.reasons.map((r) => reasonMessage(i18n.getFixedT("ko"), r, "ko"));
    expect(ko[0]).toBe("성동구 또는 광진구 주민만 이용할 수 있습니다.");
  });

  it("describes requirements", () => {
    const list = requirements({ ...NO_CRITERIA, minAge: 15, maxAge: 39 }).map((r) =>
      requirementMessage(i18n.getFixedT("ko"), r, "ko"),
    );
    expect(list).toEqual(["만 15~39세"]);
  });
});
