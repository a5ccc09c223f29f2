import { useTranslation } from "react-i18next";
import type { ApplicationStatus } from "~/domain/jobs/types";
import { formatDateTime } from "~/utils/format";

/** `label`: the status already translated, when a long list has done it once for every row. */
export function StatusBadge({ status, label }: { status: ApplicationStatus; label?: string }) {
  const { t } = useTranslation("jobs");
  return (
    <span className={`status-badge status-badge--${status}`}>{label ?? t(`status.${status}`)}</span>
  );
}

/** The status history of an application, oldest first (submitted → … → the current status). */
export function StatusTimeline({
  timeline,
  label,
}: {
  timeline: { status: string; at: string; automatic: boolean }[];
  label: string;
}) {
  const { t, i18n } = useTranslation("jobs");
  return (
    <ol className="timeline" aria-label={label}>
      {timeline.map((step, index) => (
        <li
          key={`${step.status}-${step.at}`}
          aria-current={index === timeline.length - 1 ? "step" : undefined}
        >
          <span className="timeline__status">
            {t(`status.${step.status as ApplicationStatus}`)}
          </span>{" "}
          <time dateTime={step.at}>{formatDateTime(step.at, i18n.language)}</time>
          {step.automatic ? <span className="hint"> {t("applications.byPortal")}</span> : null}
        </li>
      ))}
    </ol>
  );
}
