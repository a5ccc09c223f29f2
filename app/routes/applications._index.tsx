// My applications: every application of the logged-in resident, newest first, with its status
// timeline (submitted → under review → selected / waiting list / not selected, or withdrawn).
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, Link, useLoaderData, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { StatusBadge, StatusTimeline } from "~/components/jobs/application-status";
import { WindowText } from "~/components/jobs/window-text";
import { Pagination } from "~/components/ui/pagination";
import { listFollowedPostings, unfollowPosting } from "~/domain/jobs/follows.server";
import { listMyApplications } from "~/domain/jobs/apply.server";
import { currentWindow } from "~/domain/jobs/window";
import { requireUser } from "~/utils/auth.server";
import { now } from "~/utils/clock.server";
import { formatDateTime } from "~/utils/format";
import { pageTitle } from "~/utils/meta";
import { badRequest } from "~/utils/http.server";
import { readFormData, singleField } from "~/utils/request.server";
import { pageFromUrl } from "~/domain/shared/page-parameter";
import { localized } from "~/domain/shared/localized";
import { useLocale } from "~/utils/i18n";
import { Confirmation } from "~/components/ui/form";
import { Localized } from "~/components/localized";
import { withFragments } from "~/components/localized-fragments";

export const handle = { i18n: ["jobs"] };
export const meta: MetaFunction = (args) => pageTitle(args, "myApplications");

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const page = pageFromUrl(request.url);
  const [{ applications, total, pageCount }, followed] = await Promise.all([
    listMyApplications(user.id, page),
    listFollowedPostings(user.id),
  ]);
  const at = now();
  return {
    followed: followed.map((posting) => ({
      id: posting.id,
      slug: posting.slug,
      title: { ko: posting.titleKo, en: posting.titleEn },
      window: currentWindow(
        posting.status,
        { opensAt: posting.applicationOpensAt, closesAt: posting.applicationClosesAt },
        at,
      ),
    })),
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

/** Stop following a posting from this list (the posting page has the same button). */
export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const form = await readFormData(request);
  const postingId = singleField(form, "postingId");
  if (singleField(form, "intent") !== "unfollow" || postingId === null)
    throw badRequest("Unknown intent");
  await unfollowPosting(user.id, postingId);
  return redirect("/applications?unfollowed=1");
}

export default function MyApplicationsPage() {
  const { t } = useTranslation("jobs");
  const { applications, page, pageCount, followed } = useLoaderData<typeof loader>();
  const [searchParams] = useSearchParams();
  const locale = useLocale();
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
            const title = localized(application.title, locale);
            return (
              <li key={application.id} className="card application-card">
                <p className="eyebrow">
                  <Localized of={application.organization} />
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
                    {withFragments((fragment) =>
                      t("applications.site", {
                        site: fragment(<Localized of={application.site!} />),
                      }),
                    )}
                  </p>
                ) : null}
                <p className="hint">
                  {t("applications.submittedAt")} {formatDateTime(application.submittedAt, locale)}
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

      <section aria-labelledby="followed-title">
        <h2 id="followed-title">{t("follow.listTitle")}</h2>
        {searchParams.has("unfollowed") ? (
          <Confirmation>{t("follow.unfollowed")}</Confirmation>
        ) : null}
        {followed.length === 0 ? (
          <p>{t("follow.listEmpty")}</p>
        ) : (
          <ul className="plain-list stack">
            {followed.map((posting) => {
              const title = localized(posting.title, locale);
              return (
                <li key={posting.id} className="card">
                  <h3>
                    <Link to={`/jobs/${posting.slug}`}>{title}</Link>
                  </h3>
                  <p>
                    <WindowText words={posting.window.words} />
                  </p>
                  <Form method="post">
                    <input type="hidden" name="postingId" value={posting.id} />
                    <button
                      type="submit"
                      name="intent"
                      value="unfollow"
                      className="button"
                      aria-label={t("follow.unfollowLabel", { title })}
                    >
                      {t("follow.unfollow")}
                    </button>
                  </Form>
                </li>
              );
            })}
          </ul>
        )}
      </section>
    </section>
  );
}
