import { describe, expect, it } from "vitest";
import { byDisplayedName, localized, localizedText } from "./localized";

describe("localized", () => {
  it("picks a { ko, en } pair's text in the page's language", () => {
    const title = { ko: "청년일자리센터", en: "Youth Job Center" };
    expect(localized(title, "ko")).toBe("청년일자리센터");
    expect(localized(title, "en")).toBe("Youth Job Center");
  });

  it("picks an item's nameKo / nameEn fields", () => {
    const place = { nameKo: "휴서울이동노동자쉼터", nameEn: "Hue Seoul Rest Shelter" };
    expect(localized(place, "ko", "name")).toBe("휴서울이동노동자쉼터");
    expect(localized(place, "en", "name")).toBe("Hue Seoul Rest Shelter");
  });

  it("treats a language the site does not have as Korean, the site's default", () => {
    expect(localized({ ko: "가", en: "A" }, "ja")).toBe("가");
  });

  it("shows Chinese and Vietnamese pages the English text, saying it is English (decision 0024)", () => {
    const place = { nameKo: "휴서울이동노동자쉼터", nameEn: "Hue Seoul Rest Shelter" };
    for (const page of ["zh", "vi", "en"]) {
      expect(localizedText(place, page, "name")).toEqual({
        text: "Hue Seoul Rest Shelter",
        lang: "en",
      });
    }
    expect(localizedText(place, "ko", "name")).toEqual({
      text: "휴서울이동노동자쉼터",
      lang: "ko",
    });
  });

  it("says which language a fallback is in", () => {
    expect(localizedText({ reasonKo: "시설 점검", reasonEn: "" }, "vi", "reason")).toEqual({
      text: "시설 점검",
      lang: "ko",
    });
    expect(localizedText({ ko: "", en: "Inspection" }, "ko")).toEqual({
      text: "Inspection",
      lang: "en",
    });
  });

  it("shows the other language rather than nothing when a translation is missing", () => {
    expect(localized({ reasonKo: "시설 점검", reasonEn: "" }, "en", "reason")).toBe("시설 점검");
    expect(localized({ reasonKo: null, reasonEn: "Inspection" }, "ko", "reason")).toBe(
      "Inspection",
    );
    expect(localized({ reasonKo: null, reasonEn: undefined }, "en", "reason")).toBe("");
  });
});

describe("byDisplayedName", () => {
  const centers = [
    { nameKo: "가산 노동센터", nameEn: "Seoul Gasan Labor Center" },
    { nameKo: "하늘 노동센터", nameEn: "eastern Labor Center" },
    { nameKo: "나무 노동센터", nameEn: "Arbor Labor Center" },
  ];
  const order = (locale: string) =>
    [...centers].sort(byDisplayedName(locale)).map((c) => localized(c, locale, "name"));

  it("orders a Korean page by the Korean names", () => {
    expect(order("ko")).toEqual(["가산 노동센터", "나무 노동센터", "하늘 노동센터"]);
  });

  it("orders Chinese, Vietnamese and English pages by the English names they show, not the Korean", () => {
    // with the language's collation: "eastern" before "Seoul" (code points would put it last)
    for (const locale of ["zh", "vi", "en"])
      expect(order(locale), locale).toEqual([
        "Arbor Labor Center",
        "eastern Labor Center",
        "Seoul Gasan Labor Center",
      ]);
  });
});
