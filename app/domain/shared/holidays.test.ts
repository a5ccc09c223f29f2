import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { SUPPORTED_LANGUAGES, type SupportedLanguage } from "~/utils/i18n";
import {
  HOLIDAY_IDS,
  isPublicHoliday,
  publicHoliday,
  publicHolidays,
  type HolidayId,
} from "./holidays";

// Seollal and Chuseok spans published by the Korea Astronomy and Space Science Institute (KASI).
const KASI = {
  2018: {
    seollal: ["2018-02-15", "2018-02-16", "2018-02-17"],
    chuseok: ["2018-09-23", "2018-09-24", "2018-09-25"],
  },
  2023: {
    seollal: ["2023-01-21", "2023-01-22", "2023-01-23"],
    chuseok: ["2023-09-28", "2023-09-29", "2023-09-30"],
  },
  2024: {
    seollal: ["2024-02-09", "2024-02-10", "2024-02-11"],
    chuseok: ["2024-09-16", "2024-09-17", "2024-09-18"],
  },
  2025: {
    seollal: ["2025-01-28", "2025-01-29", "2025-01-30"],
    chuseok: ["2025-10-05", "2025-10-06", "2025-10-07"],
  },
  2026: {
    seollal: ["2026-02-16", "2026-02-17", "2026-02-18"],
    chuseok: ["2026-09-24", "2026-09-25", "2026-09-26"],
  },
} as const;

describe("Korean public holidays", () => {
  for (const [year, spans] of Object.entries(KASI)) {
    it(`has the three-day Seollal and Chuseok of ${year}, and not the days around them`, () => {
      for (const date of [...spans.seollal, ...spans.chuseok])
        expect(isPublicHoliday(date), date).toBe(true);
      const beforeSeollal = new Date(`${spans.seollal[0]}T00:00:00Z`);
      beforeSeollal.setUTCDate(beforeSeollal.getUTCDate() - 1);
      expect(isPublicHoliday(beforeSeollal.toISOString().slice(0, 10))).toBe(false);
    });
  }

  it("adds the substitute day when the Seollal span holds a Sunday", () => {
    // 2023: 21–23 Jan with Sunday the 22nd → Tuesday 24 Jan; 2024: 9–11 Feb with Sunday the 11th → Monday 12 Feb
    expect(publicHoliday("2023-01-24")?.substitute).toBe(true);
    expect(publicHoliday("2024-02-12")?.substitute).toBe(true);
    expect(isPublicHoliday("2026-02-19")).toBe(false);
  });

  it("keeps the library's solar holidays and Chuseok substitutes", () => {
    expect(publicHoliday("2026-05-05")?.nameKo).toBe("어린이날");
    expect(publicHoliday("2025-10-08")?.substitute).toBe(true);
    expect(publicHoliday("2018-09-26")?.substitute).toBe(true);
    expect(isPublicHoliday("2026-11-25")).toBe(false);
    expect(publicHoliday("2026-12-25")?.nameEn).toBe("Christmas Day");
  });

  it("lists a year in order", () => {
    const dates = publicHolidays(2026).map((h) => h.date);
    expect(dates).toEqual([...dates].sort());
    expect(dates[0]).toBe("2026-01-01");
  });
});

describe("holiday names in every site language", () => {
  type HolidayTable = { names: Record<string, string>; substitute: string };
  const tables = Object.fromEntries(
    SUPPORTED_LANGUAGES.map((language) => [
      language,
      (
        JSON.parse(
          fs.readFileSync(
            path.resolve(import.meta.dirname, `../../../locales/${language}/common.json`),
            "utf8",
          ),
        ) as { holidays: HolidayTable }
      ).holidays,
    ]),
  ) as Record<SupportedLanguage, HolidayTable>;
  const yielded = [2025, 2026, 2027].flatMap((year) => publicHolidays(year));

  it("knows every holiday the library yields for 2025–2027", () => {
    expect(yielded.length).toBeGreaterThan(40);
    expect(yielded.filter((h) => h.id === null)).toEqual([]);
  });

  it("names each of them in every site language, and the substitute day too", () => {
    for (const language of SUPPORTED_LANGUAGES) {
      const table = tables[language];
      expect(Object.keys(table.names).sort(), language).toEqual([...HOLIDAY_IDS].sort());
      expect(table.substitute, language).toContain("{{name}}");
      for (const holiday of yielded)
        expect(table.names[holiday.id!]?.trim(), `${language} ${holiday.date}`).toBeTruthy();
    }
  });

  it("names them in Korean and English exactly as the library does", () => {
    const named = (language: "ko" | "en", id: HolidayId, substitute: boolean) => {
      const name = tables[language].names[id]!;
      return substitute ? tables[language].substitute.replace("{{name}}", name) : name;
    };
    for (const holiday of yielded) {
      expect(named("ko", holiday.id!, holiday.substitute), holiday.date).toBe(holiday.nameKo);
      expect(named("en", holiday.id!, holiday.substitute), holiday.date).toBe(holiday.nameEn);
    }
  });

  it("gives Seollal and its substitute day their id (2027: Sunday 7 Feb → Tuesday 9 Feb)", () => {
    expect(publicHoliday("2027-02-07")).toMatchObject({ id: "seollal", substitute: false });
    expect(publicHoliday("2027-02-09")).toMatchObject({ id: "seollal", substitute: true });
    expect(publicHoliday("2026-09-25")?.id).toBe("chuseok");
  });
});
