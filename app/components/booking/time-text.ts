// A booking time in words ("10:00–11:00", "2 of 3 left"), for every booking page. Kept apart from
// the time picker so that pages which only show a time do not load react-query with it.
import { useTranslation } from "react-i18next";
import type { TimeChoice } from "~/domain/booking/types";
import { formatTime } from "~/utils/format";
import { useRootData } from "~/utils/root-data";

/** "10:00–11:00", in the page's language. */
export function useTimeRange() {
  const { t } = useTranslation("booking");
  const locale = useRootData()?.locale ?? "ko";
  return (time: Pick<TimeChoice, "startsAt" | "endsAt">) =>
    t("picker.range", {
      start: formatTime(time.startsAt, locale),
      end: formatTime(time.endsAt, locale),
    });
}

/** "2 of 3 left", "Full", … */
export function usePlacesLeft() {
  const { t } = useTranslation("booking");
  return (time: Pick<TimeChoice, "state" | "remaining" | "capacity">) => {
    switch (time.state) {
      case "open":
        return t("picker.left", { remaining: time.remaining, capacity: time.capacity });
      case "full":
        return t("picker.full");
      case "blocked":
        return t("picker.blocked");
      default:
        return t("picker.past");
    }
  };
}
