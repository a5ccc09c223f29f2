// The lottery and waitlist part of an event page (decision 0027): where the resident stands in a
// session's draw or waitlist and what they can do (apply, confirm, withdraw), and the fairness
// rules in plain words. Plain forms: everything works without JavaScript.
import { Form } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import type { Standing } from "~/domain/events/allocation";
import { formatDateTime } from "~/utils/format";

export type AllocationSession = {
  id: string;
  state: string;
  allocation: string;
  drawAt: string | null;
  confirmHours: number;
  registrationClosesAt: string;
  drawn: boolean;
  standing: Standing | null;
};

function IntentButton({
  sessionId,
  intent,
  label,
  primary = false,
}: {
  sessionId: string;
  intent: "apply" | "confirm" | "withdraw";
  label: string;
  primary?: boolean;
}) {
  return (
    <Form method="post">
      <input type="hidden" name="sessionId" value={sessionId} />
      <button
        type="submit"
        name="intent"
        value={intent}
        className={primary ? "button primary" : "button"}
      >
        {label}
      </button>
    </Form>
  );
}

/** The session's line about its lottery (shown to everyone). */
export function LotteryNotice({ session }: { session: AllocationSession }) {
  const { t, i18n } = useTranslation("events");
  if (session.allocation !== "lottery" || !session.drawAt) return null;
  return (
    <p className="hint">
      <strong>{t("allocation.lottery")}</strong>{" "}
      {t("allocation.lotteryHint", {
        closes: formatDateTime(session.registrationClosesAt, i18n.language),
        drawAt: formatDateTime(session.drawAt, i18n.language),
        hours: session.confirmHours,
      })}
    </p>
  );
}

/**
 * What a logged-in, eligible resident can do about a lottery or a full session, given where they
 * stand; null when the page's ordinary register button applies.
 */
export function AllocationAction({
  session,
  offerHoldHours,
}: {
  session: AllocationSession;
  offerHoldHours: number;
}) {
  const { t, i18n } = useTranslation("events");
  const standing = session.standing;
  const lottery = session.allocation === "lottery";
  const when = (iso: string) => formatDateTime(iso, i18n.language);
  if (standing?.kind === "won" || standing?.kind === "offered") {
    return (
      <>
        <p className="notice success">
          {t(`allocation.${standing.kind}`, { until: when(standing.until) })}
        </p>
        <IntentButton
          sessionId={session.id}
          intent="confirm"
          label={t("allocation.confirm")}
          primary
        />
        <IntentButton sessionId={session.id} intent="withdraw" label={t("allocation.decline")} />
      </>
    );
  }
  if (standing?.kind === "applied") {
    return (
      <>
        <p className="notice">
          {t("allocation.applied", { drawAt: session.drawAt ? when(session.drawAt) : "" })}
        </p>
        <IntentButton
          sessionId={session.id}
          intent="withdraw"
          label={t("allocation.withdrawApplication")}
        />
      </>
    );
  }
  if (standing?.kind === "waiting") {
    return (
      <>
        <p className="notice">{t("allocation.waiting", { position: standing.position })}</p>
        <IntentButton
          sessionId={session.id}
          intent="withdraw"
          label={t("allocation.leaveWaitlist")}
        />
      </>
    );
  }
  if (standing?.kind === "not_selected") return <p>{t("allocation.notSelected")}</p>;
  if (standing?.kind === "expired") return <p>{t("allocation.expired")}</p>;
  if (lottery) {
    if (session.state !== "open" && session.state !== "full") return null;
    if (session.drawn) return null;
    return (
      <IntentButton sessionId={session.id} intent="apply" label={t("allocation.apply")} primary />
    );
  }
  if (session.state !== "full") return null;
  return (
    <>
      <p className="hint">{t("allocation.waitlistHint", { hours: offerHoldHours })}</p>
      <IntentButton sessionId={session.id} intent="apply" label={t("allocation.joinWaitlist")} />
    </>
  );
}

/** The fairness rules in plain words: the monthly cap, the no-show rule, the recorded draw. */
export function FairnessRules({
  rules,
  hasLottery,
}: {
  rules: { monthlyCap: number; noShowMonths: number };
  hasLottery: boolean;
}) {
  const { t } = useTranslation("events");
  return (
    <section aria-labelledby="fairness-title">
      <h2 id="fairness-title">{t("allocation.rulesTitle")}</h2>
      <ul>
        <li>{t("allocation.ruleCap", { cap: rules.monthlyCap })}</li>
        {hasLottery ? (
          <>
            <li>{t("allocation.ruleNoShow", { months: rules.noShowMonths })}</li>
            <li>{t("allocation.ruleDraw")}</li>
          </>
        ) : null}
      </ul>
    </section>
  );
}
