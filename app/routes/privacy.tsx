import type { MetaFunction } from "@remix-run/node";
import { useTranslation } from "react-i18next";
import { pageTitle } from "~/utils/meta";

export const meta: MetaFunction = (args) => pageTitle(args, "privacy");

const SECTIONS = ["collected", "purpose", "retention", "sensitive", "rights", "contact"] as const;

export default function PrivacyPage() {
  const { t } = useTranslation();
  return (
    <article className="page narrow" aria-labelledby="privacy-title">
      <h1 id="privacy-title">{t("privacy.title")}</h1>
      <p>{t("privacy.intro")}</p>
      {SECTIONS.map((section) => (
        <section key={section}>
          <h2>{t(`privacy.${section}.title`)}</h2>
          <p>{t(`privacy.${section}.body`)}</p>
        </section>
      ))}
    </article>
  );
}
