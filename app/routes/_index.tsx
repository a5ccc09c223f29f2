import type { MetaFunction } from "@remix-run/node";
import { Link, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { useRootData } from "~/utils/root-data";
import { withSiteName } from "~/utils/meta";
import { useServiceWorker } from "~/utils/service-worker";

export const meta: MetaFunction = (args) => {
  const root = args.matches.find((m) => m.id === "root")?.data as
    { titles?: Record<string, string> } | undefined;
  return [
    ...withSiteName(args, ""),
    { name: "description", content: root?.titles?.homeDescription ?? "" },
  ];
};

const SERVICES = [
  { to: "/youth-center", key: "youthCenter" },
  { to: "/cafes", key: "cafes" },
  { to: "/jobs", key: "jobs" },
  { to: "/shelters", key: "shelters" },
  { to: "/labor", key: "labor" },
] as const;

export default function Home() {
  useServiceWorker(); // the start of the installed app
  const { t } = useTranslation();
  const root = useRootData();
  const [searchParams] = useSearchParams();
  return (
    <>
      {searchParams.get("deleted") ? (
        <p role="status" className="notice success page">
          {t("home.accountDeleted")}
        </p>
      ) : null}
      <section className="hero" aria-labelledby="home-title">
        <h1 id="home-title">{t("home.title")}</h1>
        <p className="lead">{t("home.lead")}</p>
        {root?.user ? (
          <p>{t("home.welcomeBack", { name: root.user.name })}</p>
        ) : (
          <p className="actions">
            <Link className="button primary" to="/signup">
              {t("home.createAccount")}
            </Link>
            <Link className="button" to="/login">
              {t("nav.login")}
            </Link>
          </p>
        )}
      </section>
      <section className="page" aria-labelledby="services-title">
        <h2 id="services-title">{t("home.servicesTitle")}</h2>
        <ul className="card-grid">
          {SERVICES.map((service) => (
            <li key={service.to} className="card">
              <h3>
                <Link to={service.to}>{t(`home.services.${service.key}.title`)}</Link>
              </h3>
              <p>{t(`home.services.${service.key}.body`)}</p>
            </li>
          ))}
        </ul>
        <h2>{t("home.oneProfileTitle")}</h2>
        <p>{t("home.oneProfileBody")}</p>
      </section>
    </>
  );
}
