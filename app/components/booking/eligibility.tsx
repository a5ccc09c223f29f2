// Who a service is for, and — for a logged-in resident — why they cannot book it, with the
// profile fields to fix. Messages come from the shared eligibility engine.
import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { reasonFix, reasonMessage, requirementMessage } from "~/domain/eligibility/messages";
import { requirements, type Criteria, type Reason } from "~/domain/eligibility/judge";
import { useRootData } from "~/utils/root-data";

export function RequirementList({ criteria }: { criteria: Criteria | null }) {
  const { t } = useTranslation(["booking", "eligibility", "districts", "account"]);
  const locale = useRootData()?.locale ?? "ko";
  const list = requirements(criteria);
  return (
    <p>
      <strong>{t("booking:service.who")}</strong>{" "}
      {list.length === 0
        ? t("eligibility:requirement.none")
        : list.map((r) => requirementMessage(t, r, locale)).join(" · ")}
    </p>
  );
}

/** Why not, in the person's language, and what to change in the profile. */
export function IneligibleNotice({
  reasons,
  alert = false,
}: {
  reasons: Reason[];
  alert?: boolean;
}) {
  const { t } = useTranslation(["booking", "eligibility", "districts", "account"]);
  const locale = useRootData()?.locale ?? "ko";
  const fields = [...new Set(reasons.map((reason) => reasonFix(t, reason)))];
  return (
    <div className={alert ? "form-errors" : "notice"} role={alert ? "alert" : undefined}>
      <p>
        <strong>{t("booking:slot.notEligible")}</strong>
      </p>
      <ul>
        {reasons.map((reason) => (
          <li key={reason.code}>{reasonMessage(t, reason, locale)}</li>
        ))}
      </ul>
      <p>{t("booking:slot.fixProfile", { fields: fields.join(", ") })}</p>
      <p>
        <Link to="/account">{t("booking:slot.editProfile")}</Link>
      </p>
    </div>
  );
}
