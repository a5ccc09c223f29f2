// A day of a place's week in words, shared by the week table and "contact now".
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { InLanguage } from "~/components/localized";
import { withFragments } from "~/components/localized-fragments";
import type { WeekDayView } from "~/domain/places/views";
import { localized, localizedText } from "~/domain/shared/localized";
import { useHolidayName } from "./holiday-name";

/** A day's hours in words: "09:00–18:00", "Closed for a holiday (Chuseok)", "Closed". */
export function useDayHours() {
  const { t, i18n } = useTranslation("places");
  const language = i18n.language;
  const holidayName = useHolidayName();
  // closure reasons exist in Korean and English only: marked with their lang; holiday names
  // exist in every site language
  const stored = (day: WeekDayView, field: "holiday" | "closure") =>
    field === "holiday" ? (
      holidayName(day)
    ) : (
      <InLanguage text={localizedText(day, language, field)} pageLanguage={language} />
    );
  return function dayHours(day: WeekDayView): ReactNode {
    const holiday = localized(day, language, "holiday");
    if (day.closedFor === "holiday")
      return withFragments((fragment) =>
        t("week.closedHoliday", { name: fragment(stored(day, "holiday")) }),
      );
    if (day.closedFor === "closure") {
      const reason = localized(day, language, "closure");
      return reason
        ? withFragments((fragment) =>
            t("week.closedForReason", { reason: fragment(stored(day, "closure")) }),
          )
        : t("week.closedTemporarily");
    }
    if (day.intervals.length === 0) return t("week.closed");
    const text = day.intervals
      .map((interval) =>
        t(interval.overnight ? "week.intervalOvernight" : "week.interval", {
          opens: interval.opens,
          closes: interval.closes,
        }),
      )
      .join(", ");
    return holiday ? (
      <>
        {text}{" "}
        {withFragments((fragment) =>
          t("week.openOnHoliday", { name: fragment(stored(day, "holiday")) }),
        )}
      </>
    ) : (
      text
    );
  };
}
