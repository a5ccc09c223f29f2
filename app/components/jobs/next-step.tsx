// What happens next with an application, in the page's language: the application page's panel
// (full sentences) and the one-line version "for me" lists.
import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import type { NextStep } from "~/domain/jobs/next-step";
import { formatCalendarDate, formatDate, formatDateTime } from "~/utils/format";

type Variant = "full" | "short";

function useNextStepText() {
  const { t, i18n } = useTranslation("jobs");
  const language = i18n.language;
  const start = (date: string) => formatCalendarDate(date, language);
  return (step: NextStep, variant: Variant): string => {
    switch (step.code) {
      case "submitted":
      case "underReview": {
        const key = `${step.code}${step.windowOpen ? "Open" : "Closed"}` as const;
        const params = {
          date: formatDateTime(step.closesAt, language),
          start: start(step.workStartDate),
        };
        return variant === "short"
          ? t(`nextStep.short.${key}`, params)
          : t(`nextStep.${key}`, params);
      }
      case "selected":
        if (variant === "short")
          return t("nextStep.short.selected", { start: start(step.workStartDate) });
        if (!step.decidedAt)
          return t("nextStep.selectedUndated", { start: start(step.workStartDate) });
        return t(step.started ? "nextStep.selectedStarted" : "nextStep.selected", {
          date: formatDate(step.decidedAt, language),
          start: start(step.workStartDate),
        });
      case "waitlisted": {
        const params = { rank: step.rank ?? 0, start: start(step.workStartDate) };
        if (variant === "short")
          return step.rank
            ? t("nextStep.short.waitlisted", params)
            : t("nextStep.short.waitlistedUnranked", params);
        return step.rank
          ? t("nextStep.waitlisted", params)
          : t("nextStep.waitlistedUnranked", params);
      }
      case "rejected":
        return step.decidedAt
          ? t("nextStep.rejected", { date: formatDate(step.decidedAt, language) })
          : t("nextStep.rejectedUndated");
      case "withdrawn":
        return step.withdrawnAt
          ? t("nextStep.withdrawn", { date: formatDate(step.withdrawnAt, language) })
          : t("nextStep.withdrawnUndated");
    }
  };
}

/** One line: "Closes 30 Nov 2026, 18:00 · we will message you the decision". */
export function NextStepLine({ step }: { step: NextStep }) {
  const text = useNextStepText();
  return <>{text(step, "short")}</>;
}

/** The application page's "What happens next" panel. */
export function NextStepPanel({ step }: { step: NextStep }) {
  const { t } = useTranslation("jobs");
  const text = useNextStepText();
  const ended = step.code === "rejected" || step.code === "withdrawn";
  return (
    <section
      className={`next-step-panel next-step-panel--${step.code}`}
      aria-labelledby="next-step-title"
    >
      <h2 id="next-step-title">{t("nextStep.title")}</h2>
      <p>{text(step, "full")}</p>
      {ended ? (
        <p>
          <Link to="/for-me">{t("nextStep.findOthers")}</Link>
        </p>
      ) : null}
    </section>
  );
}
