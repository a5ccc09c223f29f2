import { useTranslation } from "react-i18next";

/** Honest placeholder for a service page whose capability has not landed yet. */
export function ComingSoon({
  service,
}: {
  service: "youthCenter" | "cafes" | "jobs" | "shelters" | "labor";
}) {
  const { t } = useTranslation();
  return (
    <section className="page narrow" aria-labelledby="service-title">
      <h1 id="service-title">{t(`home.services.${service}.title`)}</h1>
      <p>{t(`home.services.${service}.body`)}</p>
      <p className="notice">{t("comingSoon.body")}</p>
      <p>{t(`comingSoon.meanwhile.${service}`)}</p>
    </section>
  );
}
