// A place's status in words, in the page's language: "Open until 06:00 tomorrow", "Opens today
// at 18:00", "Closed for a holiday (Chuseok) · Opens Monday at 08:30".
import { useTranslation } from "react-i18next";
import type { StatusView } from "~/domain/places/views";
import { seoulParts } from "~/domain/shared/seoul-time";
import { formatDate, formatWeekday } from "~/utils/format";
import { seoulClock } from "./labels";
import { localized } from "~/domain/shared/localized";
import { useLocale } from "~/utils/use-locale";

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

/** The headline ("Open", "Closed for a holiday (Chuseok)") and the next change, in words. */
function useStatusText() {
  const { t } = useTranslation("places");
  const when = useWhen();
  const locale = useLocale();
  return (status: StatusView): { headline: string; detail: string } => {
    if (status.open) {
      if (!status.closesAt) return { headline: t("status.open"), detail: t("status.allDay") };
      const w = when(status.closesAt);
      const detail =
        status.closesInDays === 0
          ? t("status.until.today", { time: w.time })
          : status.closesInDays === 1
            ? t("status.until.tomorrow", { time: w.time })
            : t("status.until.later", { time: w.time, day: w.weekday() });
      return { headline: t("status.open"), detail };
    }
    const headline =
      status.reason === "holiday"
        ? t("status.holiday", { name: localized(status, locale, "holiday") ?? "" })
        : status.reason === "closure"
          ? localized(status, locale, "closure")
            ? t("status.closureWithReason", {
                reason: localized(status, locale, "closure") ?? "",
              })
            : t("status.closure")
          : t("status.closed");
    if (!status.opensAt) return { headline, detail: t("status.noOpening") };
    const w = when(status.opensAt);
    const inDays = status.opensInDays;
    const detail =
      inDays === 0
        ? t("status.opens.today", { time: w.time })
        : inDays === 1
          ? t("status.opens.tomorrow", { time: w.time })
          : inDays < 7
            ? t("status.opens.weekday", { time: w.time, day: w.weekday() })
            : t("status.opens.date", { time: w.time, date: w.date() });
    return { headline, detail };
  };
}

export function PlaceStatus({ status, as = "p" }: { status: StatusView; as?: "p" | "div" }) {
  const text = useStatusText()(status);
  const Tag = as;
  return (
    <Tag className={`place-status ${status.open ? "is-open" : "is-closed"}`}>
      <strong>{text.headline}</strong> <span>{text.detail}</span>
    </Tag>
  );
}
