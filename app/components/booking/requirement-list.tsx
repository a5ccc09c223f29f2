// Who a service is for, in the person's language (the shared eligibility engine's requirements).
import { useTranslation } from "react-i18next";
import { requirementMessage } from "~/domain/eligibility/messages";
import { requirements, type Criteria } from "~/domain/eligibility/judge";
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
