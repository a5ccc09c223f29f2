// A place's status in words, in the page's language: "Open until 06:00 tomorrow", "Opens today
// at 18:00", "Closed for a holiday (Chuseok) · Opens Monday at 08:30".
import { useTranslation } from "react-i18next";
import type { StatusView } from "~/domain/places/views";
import { seoulParts } from "~/domain/shared/seoul-time";
import { formatDate, formatWeekday } from "~/utils/format";
import { seoulClock } from "./labels";
import type { ReactNode } from "react";
import { InLanguage } from "~/components/localized";
import { withFragments } from "~/components/localized-fragments";
import { localized, localizedText } from "~/domain/shared/localized";
import { useLocale } from "~/utils/i18n";
import { useHolidayName } from "./holiday-name";

/** How to say when: formatted only as far as the sentence needs (Intl formatters are costly). */
function useWhen() {
  const { i18n } = useTranslation();
  const language = i18n.language;
  return (iso: string) => ({
    time: seoulClock(iso),
    weekday: () => formatWeekday(seoulParts(new Date(iso)).weekday, language),
    date: () => formatDate(iso, language, "medium"),
  });
}

/**
 * The headline ("Open", "Closed for a holiday (Chuseok)") and the next change, in words. For a
 * status at a searched time (`searched`), the words are about that time: "open at that time,
 * until 06:00 the next day", not "open now … tomorrow".
 */
export function useStatusText(searched = false) {
  const { t } = useTranslation("places");
  const when = useWhen();
  const locale = useLocale();
  const holidayName = useHolidayName();
  const key = searched ? "statusThen" : "status";
  return (status: StatusView): { headline: ReactNode; detail: string } => {
    if (status.open) {
      const headline = t(`${key}.open`);
      if (!status.closesAt) return { headline, detail: t("status.allDay") };
      const w = when(status.closesAt);
      const detail =
        status.closesInDays === 0
          ? t(`${key}.until.today`, { time: w.time })
          : status.closesInDays === 1
            ? t(`${key}.until.tomorrow`, { time: w.time })
            : t("status.until.later", { time: w.time, day: w.weekday() });
      return { headline, detail };
    }
    // closure reasons exist in Korean and English only (decision 0024); holiday names in all four
    const named = (field: "holiday" | "closure") => (fragment: (node: ReactNode) => string) =>
      fragment(
        field === "holiday" ? (
          holidayName(status)
        ) : (
          <InLanguage text={localizedText(status, locale, field)} pageLanguage={locale} />
        ),
      );
    const headline =
      status.reason === "holiday"
        ? withFragments((fragment) => t("status.holiday", { name: named("holiday")(fragment) }))
        : status.reason === "closure"
          ? localized(status, locale, "closure")
            ? withFragments((fragment) =>
                t("status.closureWithReason", { reason: named("closure")(fragment) }),
              )
            : t("status.closure")
          : t(`${key}.closed`);
    if (!status.opensAt) return { headline, detail: t("status.noOpening") };
    const w = when(status.opensAt);
    const inDays = status.opensInDays;
    const detail =
      inDays === 0
        ? t(`${key}.opens.today`, { time: w.time })
        : inDays === 1
          ? t(`${key}.opens.tomorrow`, { time: w.time })
          : inDays < 7
            ? t("status.opens.weekday", { time: w.time, day: w.weekday() })
            : t("status.opens.date", { time: w.time, date: w.date() });
    return { headline, detail };
  };
}

export function PlaceStatus({
  status,
  as = "p",
  searched = false,
}: {
  status: StatusView;
  as?: "p" | "div";
  /** the status is at a time the resident searched for, not now */
  searched?: boolean;
}) {
  const text = useStatusText(searched)(status);
  const Tag = as;
  return (
    <Tag className={`place-status ${status.open ? "is-open" : "is-closed"}`}>
      <strong>{text.headline}</strong> <span>{text.detail}</span>
    </Tag>
  );
}
