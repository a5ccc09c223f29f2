import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { JobsBackOfficeSection } from "~/components/jobs/back-office";
import { requireRole } from "~/domain/residents/auth.server";
import { pageTitle } from "~/utils/meta";

export const handle = { i18n: ["jobs"] };
export const meta: MetaFunction = (args) => pageTitle(args, "backOffice");

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireRole(request, ["staff", "admin"]);
  return {
    role: user.role,
    // staff bound to an organisation, and admins, manage postings and rounds
    managesJobs: user.role === "admin" || Boolean(user.staffOrganizationId),
  };
}

export default function BackOffice() {
  const { t } = useTranslation();
  const { role, managesJobs } = useLoaderData<typeof loader>();
  return (
    <section className="page narrow" aria-labelledby="bo-title">
      <h1 id="bo-title">{t("backOffice.title")}</h1>
      <p>{t(role === "admin" ? "backOffice.adminIntro" : "backOffice.staffIntro")}</p>
      <p className="notice">{t("backOffice.comingSoon")}</p>
      {managesJobs ? <JobsBackOfficeSection /> : null}
      <section aria-labelledby="bo-places-title">
        <h2 id="bo-places-title">{t("backOffice.places.title")}</h2>
        <p>{t(role === "admin" ? "backOffice.places.admin" : "backOffice.places.staff")}</p>
        <Link to="/staff/places">{t("backOffice.places.link")}</Link>
      </section>
    </section>
  );
}
