import { useTranslation } from "react-i18next";
import { CONSENT_VERSION } from "~/domain/booking/types";

/** What a consultation request keeps, who sees it and for how long: shown before consent. */
export function PrivacyNotice({ heading: Heading = "h2" }: { heading?: "h2" | "h3" }) {
  const { t } = useTranslation("booking");
  return (
    <section className="privacy-notice" aria-labelledby="privacy-title">
      <Heading id="privacy-title">{t("privacy.title")}</Heading>
      <ul>
        <li>{t("privacy.what")}</li>
        <li>{t("privacy.who")}</li>
        <li>{t("privacy.howLong")}</li>
        <li>{t("privacy.refuse")}</li>
      </ul>
      <p className="hint">{t("privacy.version", { version: CONSENT_VERSION })}</p>
    </section>
  );
}
