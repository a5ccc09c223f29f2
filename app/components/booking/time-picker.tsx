// Choosing a day and a time. Plain links and forms (works without JavaScript); with JavaScript the
// places left refresh while the page is open (react-query polling a small JSON route). The server
// still decides when the booking is confirmed.
import { Link } from "@remix-run/react";
import { useQuery } from "@tanstack/react-query";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { QueryProvider } from "~/components/query-provider";
import type { DaySummary, TimeChoice } from "~/domain/booking/types";
import { useRootData } from "~/utils/root-data";
import { formatCalendarDate, formatTime } from "~/utils/format";

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

type TimeListProps = {
  times: TimeChoice[];
  /** what a time offers to do: a link to book it, a button to move there… */
  action: (time: TimeChoice) => ReactNode;
};

function TimeList({ times, action }: TimeListProps) {
  const { t } = useTranslation("booking");
  const range = useTimeRange();
  const left = usePlacesLeft();
  if (times.length === 0) return <p>{t("picker.noTimes")}</p>;
  return (
    // Polite: a changed "places left" is announced once, without interrupting.
    <ul className="time-list" aria-live="polite">
      {times.map((time) => (
        <li key={time.id} className={`time-list__item time-list__item--${time.state}`}>
          <span className="time-list__range">{range(time)}</span>
          <span className="time-list__left">{left(time)}</span>
          <span className="time-list__action">{action(time)}</span>
        </li>
      ))}
    </ul>
  );
}

async function fetchTimes(source: string, signal: AbortSignal): Promise<TimeChoice[]> {
  const response = await fetch(source, { signal, headers: { Accept: "application/json" } });
  if (!response.ok) throw new Error(`availability ${response.status}`);
  return ((await response.json()) as { times: TimeChoice[] }).times;
}

function RefreshingTimes({ source, times, action }: TimeListProps & { source: string }) {
  const { t } = useTranslation("booking");
  const query = useQuery({
    queryKey: ["booking-times", source],
    queryFn: ({ signal }) => fetchTimes(source, signal),
    initialData: times,
    refetchInterval: 15_000,
  });
  return (
    <>
      <TimeList times={query.data} action={action} />
      <p className="hint">{t("picker.live")}</p>
      {query.isRefetchError ? <p role="status">{t("picker.refreshFailed")}</p> : null}
    </>
  );
}

/**
 * The times of one day, refreshed every 15 seconds from `source` (a JSON route) while the page is
 * open. Only this part of the page carries react-query.
 */
export function LiveTimeList(props: TimeListProps & { source: string }) {
  return (
    <QueryProvider>
      <RefreshingTimes {...props} />
    </QueryProvider>
  );
}
