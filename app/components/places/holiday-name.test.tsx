// A holiday's name on a place's week and status, in each site language: Chinese and Vietnamese
// pages name it in their own language (not in the library's English, marked lang="en"); a
// holiday the table does not know falls back to the stored Korean/English name, marked.
import fs from "node:fs";
import path from "node:path";
import { createInstance } from "i18next";
import { renderToStaticMarkup } from "react-dom/server";
import { I18nextProvider } from "react-i18next";
import { describe, expect, it } from "vitest";
import { weekDayView, type WeekDayView } from "~/domain/places/views";
import { publicHoliday } from "~/domain/shared/holidays";
import { SUPPORTED_LANGUAGES } from "~/utils/i18n";
import { useDayHours } from "./day-hours";

const LOCALES = path.resolve(import.meta.dirname, "../../../locales");
const read = (language: string, namespace: string) =>
  JSON.parse(fs.readFileSync(path.join(LOCALES, language, `${namespace}.json`), "utf8"));

async function i18n(language: string) {
  const instance = createInstance();
  await instance.init({
    lng: language,
    fallbackLng: "ko",
    ns: ["common", "places"],
    defaultNS: "common",
    resources: Object.fromEntries(
      SUPPORTED_LANGUAGES.map((l) => [l, { common: read(l, "common"), places: read(l, "places") }]),
    ),
    interpolation: { escapeValue: false },
  });
  return instance;
}

function Day({ day }: { day: WeekDayView }) {
  return <>{useDayHours()(day)}</>;
}

async function render(language: string, day: WeekDayView) {
  return renderToStaticMarkup(
    <I18nextProvider i18n={await i18n(language)}>
      <Day day={day} />
    </I18nextProvider>,
  );
}

const closedOn = (date: string): WeekDayView =>
  weekDayView({
    date,
    weekday: 1,
    isToday: false,
    intervals: [],
    closedFor: "holiday",
    holiday: publicHoliday(date),
    closure: null,
  });

describe("holiday names on a place's week", () => {
  it("names Chuseok in the page's own language", async () => {
    const chuseok = closedOn("2026-09-25");
    expect(await render("zh", chuseok)).toBe("关闭（公休日：中秋节）");
    expect(await render("vi", chuseok)).toBe("Đóng cửa (ngày lễ: Tết Trung thu (Chuseok))");
    expect(await render("ko", chuseok)).toBe("휴무 (공휴일: 추석)");
    expect(await render("en", chuseok)).toBe("Closed (public holiday: Korean Thanksgiving)");
  });

  it("says a substitute day is one", async () => {
    // 2027: Seollal's span holds a Sunday, so Tuesday 9 February is its substitute day
    const substitute = closedOn("2027-02-09");
    expect(await render("zh", substitute)).toBe("关闭（公休日：春节（替代公休日））");
    expect(await render("vi", substitute)).toContain("Tết Nguyên đán (Seollal) (ngày nghỉ bù)");
    expect(await render("en", substitute)).toContain("Korean New Year (substitute day)");
  });

  it("falls back to the stored English name, marked, for a holiday the table does not know", async () => {
    const unknown = { ...closedOn("2026-09-25"), holidayId: null };
    expect(await render("zh", unknown)).toBe(
      '关闭（公休日：<span lang="en">Korean Thanksgiving</span>）',
    );
  });
});
