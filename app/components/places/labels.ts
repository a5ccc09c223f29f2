// How places' coded values read in the page's language.
import { useTranslation } from "react-i18next";
import { seoulParts } from "~/domain/shared/seoul-time";
import { formatNumber } from "~/utils/format";
import { localized } from "~/domain/shared/localized";

/**
 * An instant's Seoul clock time, "06:00". Opening hours are written on the 24-hour clock in both
 * languages (as the city writes them: 18:00~06:00). Intl's Korean short time is not used here:
 * Node's ICU writes "AM 6:00" where browsers write "오전 6:00", and the difference would break
 * hydration of server-rendered pages.
 */
export function seoulClock(iso: string): string {
  return seoulParts(new Date(iso)).time;
}

type Named = { nameKo: string; nameEn: string };
type Addressed = { addressKo: string; addressEn: string };

type PlacesBundle = {
  kinds?: Record<string, string>;
  subKinds?: Record<string, string>;
  services?: Record<string, string>;
  districtOutside?: string;
};

/**
 * Labels of coded values (kinds, districts…). A directory page shows hundreds of them, so the
 * plain ones are read straight from the loaded translations rather than through t() each time
 * (which dominated the page's rendering); the code itself is the fallback.
 */
export function usePlaceLabels() {
  const { t, i18n } = useTranslation(["places", "districts"]);
  const language = i18n.language;
  const english = language === "en";
  const places = (i18n.getResourceBundle(language, "places") ?? {}) as PlacesBundle;
  const districts = (i18n.getResourceBundle(language, "districts") ?? {}) as Record<string, string>;
  return {
    english,
    name: (place: Named) => localized(place, language, "name"),
    address: (place: Addressed) => localized(place, language, "address"),
    kind: (kind: string) => places.kinds?.[kind] ?? kind,
    subKind: (subKind: string) => places.subKinds?.[subKind] ?? subKind,
    service: (kind: string) => places.services?.[kind] ?? kind,
    district: (code: string) =>
      code === "outside" ? (places.districtOutside ?? code) : (districts[code] ?? code),
    distance: (km: number) =>
      km < 1
        ? t("places:distance.m", {
            value: formatNumber(Math.round((km * 1000) / 10) * 10, language),
          })
        : t("places:distance.km", { value: formatNumber(Math.round(km * 10) / 10, language) }),
  };
}
