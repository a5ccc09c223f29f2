// The two steps around a settling decision on the staff applicant list: "Select Kim for …?"
// (what it will do, said plainly, with Confirm / Cancel) and, once made, the way back while the
// applicant has not been told yet. Plain forms and links: both work without JavaScript.
import { Localized } from "~/components/localized";
import { withFragments } from "~/components/localized-fragments";
import { Form, Link } from "@remix-run/react";
import { useEffect, useRef } from "react";
import { useTranslation } from "react-i18next";
import type { applicantsLoader } from "~/routes-support/jobs-applicants.server";
import { DECISION_UNDO_MINUTES } from "~/domain/jobs/types";
import { localized } from "~/domain/shared/localized";
import { formatDateTime, formatTime } from "~/utils/format";

type LoaderData = Awaited<ReturnType<typeof applicantsLoader>>;

/** Focus moves to `ref` when the step appears after a client-side navigation (a query change). */
function useFocusOnShow<T extends HTMLElement>() {
  const ref = useRef<T>(null);
  useEffect(() => {
    ref.current?.focus({ preventScroll: false });
  }, []);
  return ref;
}

export function DecisionConfirmation({
  confirm,
  listHref,
  busy,
}: {
  confirm: NonNullable<LoaderData["confirm"]>;
  /** the list as it was, without the confirmation step */
  listHref: string;
  busy: boolean;
}) {
  const { t, i18n } = useTranslation("jobs");
  const lang = i18n.language;
  const heading = useFocusOnShow<HTMLHeadingElement>();
  const name = confirm.name ?? t("staff.applicants.deleted");
  const title = localized(confirm.title, lang);
  const { decision } = confirm;
  return (
    <section className="card stack decision-confirm" aria-labelledby="decision-confirm-title">
      <h2 id="decision-confirm-title" ref={heading} tabIndex={-1}>
        {t(`staff.confirm.title.${decision}`, { name, title })}
      </h2>
      {confirm.site ? (
        <p>
          {withFragments((fragment) =>
            t("staff.confirm.site", { site: fragment(<Localized of={confirm.site!} />) }),
          )}
        </p>
      ) : null}
      {confirm.windowOpen ? (
        <p className="notice">
          <strong>{t("staff.confirm.windowOpenTitle")}</strong>{" "}
          {t("staff.confirm.windowOpen", { closes: formatDateTime(confirm.closesAt, lang) })}
        </p>
      ) : null}
      <ul>
        {decision === "select" ? (
          <li>
            {t("staff.confirm.takesPlace", {
              left: confirm.placesLeft,
              positions: confirm.positions,
            })}
          </li>
        ) : null}
        {decision === "waitlist" ? (
          <li>
            {confirm.waiting === 0
              ? t("staff.confirm.waitlistFirst")
              : t("staff.confirm.waitlistBehind", { count: confirm.waiting })}
          </li>
        ) : null}
        {decision === "reject" ? <li>{t("staff.confirm.rejectFinal")}</li> : null}
        <li>{t("staff.confirm.told", { name, minutes: DECISION_UNDO_MINUTES })}</li>
        <li>{t("staff.confirm.shownAtOnce")}</li>
      </ul>
      <Form method="post" action={listHref} className="actions">
        <input type="hidden" name="intent" value={decision} />
        <input type="hidden" name="applicationId" value={confirm.applicationId} />
        {confirm.sitePostingId ? (
          <input type="hidden" name="sitePostingId" value={confirm.sitePostingId} />
        ) : null}
        <input type="hidden" name="confirm" value="yes" />
        <button
          type="submit"
          className={decision === "reject" ? "button danger" : "button primary"}
          disabled={busy}
        >
          {t(`staff.confirm.yes.${decision}`)}
        </button>
        <Link className="button" to={listHref}>
          {t("staff.confirm.no")}
        </Link>
      </Form>
    </section>
  );
}

/** "Selected. Kim is told at 11:12; until then: Undo." */
export function DecisionDone({
  status,
  undo,
  listHref,
}: {
  status: "under_review" | "selected" | "waitlisted" | "rejected";
  undo: LoaderData["undo"];
  listHref: string;
}) {
  const { t, i18n } = useTranslation("jobs");
  const notice = useFocusOnShow<HTMLDivElement>();
  const name = undo?.name ?? t("staff.applicants.deleted");
  return (
    <div className="notice success stack" ref={notice} tabIndex={-1}>
      <p role="status">{t(`staff.applicants.decided.${status}`)}</p>
      {undo ? (
        <Form method="post" action={listHref} className="stack">
          <p>{t("staff.undo.until", { name, time: formatTime(undo.until, i18n.language) })}</p>
          <input type="hidden" name="intent" value="undo" />
          <input type="hidden" name="applicationId" value={undo.applicationId} />
          <input type="hidden" name="changeId" value={undo.changeId} />
          <p className="actions">
            <button type="submit" className="button">
              {t(`staff.undo.button.${undo.decision}`, { name })}
            </button>
          </p>
        </Form>
      ) : null}
    </div>
  );
}
