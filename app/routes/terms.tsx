import type { MetaFunction } from "@remix-run/node";
import { useTranslation } from "react-i18next";
import { pageTitle } from "~/utils/meta";

export const meta: MetaFunction = (args) => pageTitle(args, "terms");

/** The terms a resident accepts at sign-up (version 2026-11, recorded with the consent). */
const SECTIONS = [
  "service",
  "account",
  "bookings",
  "applications",
  "information",
  "use",
  "ending",
  "changes",
] as const;

export default function TermsPage() {
  const { t } = useTranslation();
  return (
    <article className="page narrow" aria-labelledby="terms-title">
      <h1 id="terms-title">{t("terms.title")}</h1>
      <p>{t("terms.intro")}</p>
      {SECTIONS.map((section) => (
        <section key={section}>
          <h2>{t(`terms.${section}.title`)}</h2>
          <p>{t(`terms.${section}.body`)}</p>
        </section>
      ))}
      <p className="hint">{t("terms.version", { version: "2026-11" })}</p>
    </article>
  );
}
