// Why a logged-in resident cannot book a service, with the profile fields to fix. Messages come
// from the shared eligibility engine.
import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { reasonFix, reasonMessage } from "~/domain/eligibility/messages";
import type { Reason } from "~/domain/eligibility/judge";
import { useRootData } from "~/utils/root-data";

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
  const fields = [
    ...new Set(reasons.map((reason) => reasonFix(t, reason)).filter((field) => field !== null)),
  ];
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
      {fields.length > 0 ? (
        <>
          <p>{t("booking:slot.fixProfile", { fields: fields.join(", ") })}</p>
          <p>
            <Link to="/account">{t("booking:slot.editProfile")}</Link>
          </p>
        </>
      ) : (
        <p>
          <Link to="/for-me">{t("booking:slot.otherServices")}</Link>
        </p>
      )}
    </div>
  );
}
