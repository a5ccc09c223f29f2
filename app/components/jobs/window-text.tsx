import { useTranslation } from "react-i18next";
import type { WindowWords } from "~/domain/jobs/window";
import { formatCalendarDate } from "~/utils/format";

/** "opens in 3 days", "closes tomorrow at 18:00", "closed" in the page's language. */
function useWindowText() {
  const { t, i18n } = useTranslation("jobs");
  return (words: WindowWords): string => {
    switch (words.code) {
      case "opensInDays":
      case "closesInDays":
        return t(`window.${words.code}`, {
          count: words.days,
          date: formatCalendarDate(words.date, i18n.language, "medium"),
          time: words.time,
        });
      case "closesInMinutes":
        return t("window.closesInMinutes", { count: words.minutes, time: words.time });
      case "closed":
        return t("window.closed", {
          date: formatCalendarDate(words.date, i18n.language, "medium"),
          time: words.time,
        });
      case "closedEarly":
        return t("window.closedEarly");
      default:
        return t(`window.${words.code}`, { time: words.time });
    }
  };
}

export function WindowText({ words }: { words: WindowWords }) {
  const text = useWindowText();
  const state = words.code.startsWith("closed")
    ? "closed"
    : words.code.startsWith("opens")
      ? "upcoming"
      : "open";
  return <span className={`window-text window-text--${state}`}>{text(words)}</span>;
}
