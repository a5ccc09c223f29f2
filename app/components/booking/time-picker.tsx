// Choosing a day and a time. Plain links and forms (works without JavaScript); with JavaScript the
// places left refresh while the page is open (react-query polling a small JSON route, loaded once
// the page is interactive). The server still decides when the booking is confirmed.
import { Link } from "@remix-run/react";
import { lazy, Suspense, useState } from "react";
import { useTranslation } from "react-i18next";
import type { DaySummary } from "~/domain/booking/types";
import { useRootData } from "~/utils/root-data";
import { formatCalendarDate } from "~/utils/format";
import { useHydrated } from "~/utils/use-hydrated";
import type { RefreshedTimes } from "./refreshing-times";
import { TimeList, type TimeListProps } from "./time-list";

const RefreshingTimes = lazy(() => import("./refreshing-times"));

export function DayList({
  days,
  selected,
  hrefFor,
}: {
  days: DaySummary[];
  selected: string | null;
  hrefFor: (date: string) => string;
}) {
  const { t } = useTranslation("booking");
  const locale = useRootData()?.locale ?? "ko";
  return (
    <nav aria-label={t("picker.daysLabel")}>
      <ul className="day-list">
        {days.map((day) => (
          <li key={day.date}>
            <Link
              to={hrefFor(day.date)}
              aria-current={day.date === selected ? "date" : undefined}
              preventScrollReset
            >
              <span className="day-list__date">{formatCalendarDate(day.date, locale, "full")}</span>
              <span className="day-list__count">
                {day.open > 0 ? t("picker.dayOpen", { count: day.open }) : t("picker.dayFull")}
              </span>
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}

/**
 * The times of one day, refreshed every 15 seconds from `source` (a JSON route) while the page is
 * open. The server and the first render show the loader's times; the refreshing part (with
 * react-query) is loaded after hydration, so it is not in the page's first JavaScript. It only
 * hands fresh times to this list, which stays mounted: swapping the list for a live copy once that
 * part had loaded took away the focus of a keyboard user who had just tabbed to a time.
 */
export function LiveTimeList(props: TimeListProps & { source: string }) {
  const { t } = useTranslation("booking");
  const hydrated = useHydrated();
  const [refreshed, setRefreshed] = useState<RefreshedTimes | null>(null);
  // answers for another day (the source changed) are not this list's
  const current = refreshed?.source === props.source ? refreshed : null;
  return (
    <div className="live-times" data-live={current ? "on" : "off"}>
      <TimeList times={current?.times ?? props.times} action={props.action} />
      <p className="hint">{t("picker.live")}</p>
      {current?.failed ? <p role="status">{t("picker.refreshFailed")}</p> : null}
      {hydrated ? (
        <Suspense fallback={null}>
          <RefreshingTimes source={props.source} times={props.times} onRefresh={setRefreshed} />
        </Suspense>
      ) : null}
    </div>
  );
}
