// The report's safety rules for outdoor public work ("취약계층을 위한 공공근로사업 추진"):
// what the sites do under heat-wave advisories and warnings, and on fine-dust alert days.
import { useTranslation } from "react-i18next";

export function SafetyRules({ headingId }: { headingId: string }) {
  const { t } = useTranslation("jobs");
  return (
    <section className="safety card" aria-labelledby={headingId}>
      <h2 id={headingId}>{t("safety.title")}</h2>
      <p>{t("safety.intro")}</p>
      <h3>{t("safety.heatAdvisory.title")}</h3>
      <ul>
        <li>{t("safety.heatAdvisory.water")}</li>
        <li>{t("safety.heatAdvisory.vest")}</li>
        <li>{t("safety.heatAdvisory.ventilate")}</li>
      </ul>
      <h3>{t("safety.heatWarning.title")}</h3>
      <ul>
        <li>{t("safety.heatWarning.flexible")}</li>
        <li>{t("safety.heatWarning.stopWork")}</li>
        <li>{t("safety.heatWarning.rest")}</li>
      </ul>
      <h3>{t("safety.fineDust.title")}</h3>
      <p>{t("safety.fineDust.body")}</p>
      <p className="hint">{t("safety.source")}</p>
    </section>
  );
}
