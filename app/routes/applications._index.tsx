// My applications: every application of the logged-in resident, newest first, with its status
// timeline (submitted → under review → selected / waiting list / not selected, or withdrawn).
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { StatusBadge, StatusTimeline } from "~/components/jobs/application-status";
import { Pagination } from "~/components/ui/pagination";
import { listMyApplications } from "~/domain/jobs/service.server";
import { requireUser } from "~/domain/residents/auth.server";
import { formatDateTime } from "~/utils/format";
import { pageTitle } from "~/utils/meta";
import { badRequest } from "~/utils/request.server";

export const handle = { i18n: ["jobs"] };
export const meta: MetaFunction = (args) => pageTitle(args, "myApplications");

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const raw = new URL(request.url).searchParams.get("page") ?? "1";
  const page = Number(raw);
  if (!Number.isInteger(page) || page < 1 || page > 10_000) throw badRequest("Invalid page");
  const { applications, total, pageCount } = await listMyApplications(user.id, page);
  return {
    total,
    page,
    pageCount,
    applications: applications.map((a) => ({
      id: a.id,
      status: a.status,
      submittedAt: a.submittedAt.toISOString(),
      waitlistRank: a.waitlistRank,
      title: a.subject.title,
      organization: a.subject.organization,
      site: a.site && { ko: a.site.titleKo, en: a.site.titleEn },
      timeline: a.timeline.map((step) => ({
        status: step.status,
        at: step.at.toISOString(),
        // no person behind it: the waitlist moved up
        automatic: step.byId === null,
      })),
    })),
  };
}

export default function MyApplicationsPage() {
  const { t, i18n } = useTranslation("jobs");
  const { applications, page, pageCount } = useLoaderData<typeof loader>();
  const en = i18n.language === "en";
  return (
    <section className="page narrow" aria-labelledby="applications-title">
      <h1 id="applications-title">{t("applications.title")}</h1>
      <p>{t("applications.intro")}</p>
      {applications.length === 0 ? (
        <div className="notice">
          <p>{t("applications.empty")}</p>
          <p>
            <Link to="/jobs">{t("applications.findJobs")}</Link>
          </p>
        </div>
      ) : (
        <ul className="plain-list stack">
          {applications.map((application) => {
            const title = en ? application.title.en : application.title.ko;
            return (
              <li key={application.id} className="card application-card">
                <p className="eyebrow">
                  {en ? application.organization.en : application.organization.ko}
                </p>
                <h2>
                  <Link to={`/applications/${application.id}`}>{title}</Link>
                </h2>
                <p>
                  <StatusBadge status={application.status} />{" "}
                  {application.waitlistRank
                    ? t("applications.waitlistRank", { rank: application.waitlistRank })
                    : null}
                </p>
                {application.site ? (
                  <p>
                    {t("applications.site", {
                      site: en ? application.site.en : application.site.ko,
                    })}
                  </p>
                ) : null}
                <p className="hint">
                  {t("applications.submittedAt")}{" "}
                  {formatDateTime(application.submittedAt, i18n.language)}
                </p>
                <StatusTimeline
                  timeline={application.timeline}
                  label={t("applications.timelineOf", { title })}
                />
              </li>
            );
          })}
        </ul>
      )}
      <Pagination page={page} pageCount={pageCount} href={(p) => `/applications?page=${p}`} />
    </section>
  );
}
