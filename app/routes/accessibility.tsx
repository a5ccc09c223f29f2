import type { MetaFunction } from "@remix-run/node";
import { useTranslation } from "react-i18next";
import { pageTitle } from "~/utils/meta";

export const meta: MetaFunction = (args) => pageTitle(args, "accessibility");

export default function AccessibilityPage() {
  const { t } = useTranslation();
  return (
    <article className="page narrow" aria-labelledby="a11y-title">
      <h1 id="a11y-title">{t("accessibility.title")}</h1>
      <p>{t("accessibility.body")}</p>
      <ul>
        <li>{t("accessibility.keyboard")}</li>
        <li>{t("accessibility.maps")}</li>
        <li>{t("accessibility.noScript")}</li>
        <li>{t("accessibility.languages")}</li>
      </ul>
      <p>{t("accessibility.feedback")}</p>
    </article>
  );
}
