// The lottery's counted staff texts read right in every language: English says "1 application"
// and "2 applications" (i18next plural rules), Korean, Chinese and Vietnamese have one form.
import fs from "node:fs";
import path from "node:path";
import { createInstance } from "i18next";
import { describe, expect, it } from "vitest";

const LOCALES = path.resolve(import.meta.dirname, "../../locales");

async function tFor(language: string) {
  const booking = JSON.parse(fs.readFileSync(path.join(LOCALES, language, "booking.json"), "utf8"));
  const i18n = createInstance();
  await i18n.init({
    lng: language,
    resources: { [language]: { booking } },
    defaultNS: "booking",
    interpolation: { escapeValue: false },
  });
  return i18n.t.bind(i18n) as (key: string, options?: Record<string, unknown>) => string;
}

describe("counted lottery texts for staff", () => {
  it("English: one application, two applications", async () => {
    const t = await tFor("en");
    const notDrawn = (count: number) =>
      t("lottery.staff.notDrawn", { count, drawAt: "1 Dec 10:00" });
    expect(notDrawn(1)).toBe("Not drawn yet: 1 application. The draw runs at 1 Dec 10:00.");
    expect(notDrawn(2)).toContain("2 applications.");
    expect(t("lottery.staff.pendingEnd", { count: 1 })).toContain(
      "1 application not yet drawn will end, and the resident who applied",
    );
    expect(t("lottery.staff.pendingEnd", { count: 3 })).toContain("3 applications not yet drawn");
  });

  it.each(["ko", "zh", "vi"])("%s: the one form, for any count", async (language) => {
    const t = await tFor(language);
    for (const count of [1, 2]) {
      const text = t("lottery.staff.notDrawn", { count, drawAt: "X" });
      expect(text).toContain(String(count));
      expect(text).not.toContain("lottery.staff");
      expect(t("lottery.staff.pendingEnd", { count })).not.toContain("lottery.staff");
    }
  });
});
