// A day's times as a list: each with its range, the places left and what it offers to do.
import { useEffect, useRef, useState, type ReactNode } from "react";
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
  const announcement = useChangedPlaces(times, (time) =>
    t("picker.changed", { time: range(time), left: left(time) }),
  );
  if (times.length === 0) return <p>{t("picker.noTimes")}</p>;
  return (
    <>
      <ul className="time-list">
        {times.map((time) => (
          <li key={time.id} className={`time-list__item time-list__item--${time.state}`}>
            <span className="time-list__range">{range(time)}</span>
            <span className="time-list__left">{left(time)}</span>
            <span className="time-list__action">{action(time)}</span>
          </li>
        ))}
      </ul>
      {/* Polite, once per change, and with the time it is about ("10:00–11:00: full"), not a
          bare "full" read out of the list. */}
      <p role="status" className="visually-hidden">
        {announcement}
      </p>
    </>
  );
}

/** What changed in the places left since the list was last shown, in words (empty at first). */
function useChangedPlaces(times: TimeChoice[], describe: (time: TimeChoice) => string) {
  const previous = useRef<Map<string, string> | null>(null);
  const [announcement, setAnnouncement] = useState("");
  const current = times.map((time) => [time.id, describe(time)] as const);
  const key = current.map(([id, text]) => `${id}=${text}`).join("|");
  useEffect(() => {
    const before = previous.current;
    previous.current = new Map(current);
    if (!before) return;
    const changed = current.filter(([id, text]) => before.has(id) && before.get(id) !== text);
    if (changed.length > 0) setAnnouncement(changed.map(([, text]) => text).join(". "));
    // `key` stands for `current`, which is new on every render
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key]);
  return announcement;
}
