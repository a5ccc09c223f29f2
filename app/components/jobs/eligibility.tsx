// What a posting, round or service asks, and — for a logged-in resident — whether they meet it,
// every reason why not, and which profile field to change.
import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import type { Reason, Requirement, Verdict } from "~/domain/eligibility/judge";
import { reasonFix, reasonMessage, requirementMessage } from "~/domain/eligibility/messages";

/** What a posting asks (worked out by the loader with `requirements(criteria)`). */
function RequirementList({ list }: { list: Requirement[] }) {
  const { t, i18n } = useTranslation(["eligibility", "districts", "account"]);
  if (list.length === 0) return <p>{t("eligibility:requirement.none")}</p>;
  return (
    <ul className="requirements">
      {list.map((requirement) => (
        <li key={requirement.code}>{requirementMessage(t, requirement, i18n.language)}</li>
      ))}
    </ul>
  );
}

/** Every reason a resident does not qualify, each with the profile field to change. */
export function ReasonList({ reasons }: { reasons: Reason[] }) {
  const { t, i18n } = useTranslation(["jobs", "eligibility", "districts", "account"]);
  return (
    <ul className="reasons">
      {reasons.map((reason) => {
        const field = reasonFix(t, reason);
        return (
          <li key={reason.code}>
            {reasonMessage(t, reason, i18n.language)}
            {field ? (
              <>
                {" "}
                <span className="reason-fix">{t("jobs:eligibility.fix", { field })}</span>
              </>
            ) : null}
          </li>
        );
      })}
    </ul>
  );
}

export function EligibilityPanel({
  requirements,
  verdict,
  profileHref,
  loginHref,
  headingId,
}: {
  requirements: Requirement[];
  /** null when nobody is logged in */
  verdict: Verdict | null;
  profileHref: string | null;
  loginHref: string;
  headingId: string;
}) {
  const { t } = useTranslation(["jobs", "eligibility"]);
  return (
    <section className="eligibility card" aria-labelledby={headingId}>
      <h2 id={headingId}>{t("jobs:eligibility.title")}</h2>
      <RequirementList list={requirements} />
      {verdict === null ? (
        <p>
          <Link to={loginHref}>{t("eligibility:verdict.loginToCheck")}</Link>
        </p>
      ) : verdict.eligible ? (
        <p className="notice success verdict" role="status">
          {t("eligibility:verdict.eligible")}
        </p>
      ) : (
        <div className="notice verdict" role="status">
          <p>
            <strong>
              {t(
                verdict.onlyMissingFacts
                  ? "eligibility:verdict.needsProfile"
                  : "eligibility:verdict.notEligible",
              )}
            </strong>
          </p>
          <ReasonList reasons={verdict.reasons} />
          {profileHref && verdict.reasons.some((reason) => reasonFix(t, reason)) ? (
            <p>
              <Link to={profileHref} className="button">
                {t("eligibility:verdict.editProfile")}
              </Link>
            </p>
          ) : null}
        </div>
      )}
    </section>
  );
}
