// A public holiday's name in the page's language. The holiday library names holidays in Korean
// and English only; the site's own table (`common.json` `holidays`, keyed by the holiday's id)
// names them in all four languages, so a Chinese or Vietnamese page does not fall back to English.
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { InLanguage } from "~/components/localized";
import type { HolidayId } from "~/domain/shared/holidays";
import { localizedText } from "~/domain/shared/localized";
import { useLocale } from "~/utils/i18n";

type HolidayFields = {
  holidayId: HolidayId | null;
  holidaySubstitute: boolean;
  holidayKo: string | null;
  holidayEn: string | null;
};

export function useHolidayName() {
  const { t } = useTranslation("common");
  const locale = useLocale();
  return function holidayName(view: HolidayFields): ReactNode {
    if (!view.holidayId)
      // a holiday the table does not know yet: the library's Korean or English name, marked
      return <InLanguage text={localizedText(view, locale, "holiday")} pageLanguage={locale} />;
    const name = t(`holidays.names.${view.holidayId}`);
    return view.holidaySubstitute ? t("holidays.substitute", { name }) : name;
  };
}
