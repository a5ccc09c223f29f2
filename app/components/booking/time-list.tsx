// A day's times as a list: each with its range, the places left and what it offers to do.
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import type { TimeChoice } from "~/domain/booking/types";
import { usePlacesLeft, useTimeRange } from "./time-text";

export type TimeListProps = {
  times: TimeChoice[];
  /** what a time offers to do: a link to book it, a button to move there… */
  action: (time: TimeChoice) => ReactNode;
};

export function TimeList({ times, action }: TimeListProps) {
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
