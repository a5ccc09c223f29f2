// The staff applicant list of a posting or a round: filters in the URL, one card per applicant
// with the profile facts their application was judged on, and the decisions still possible.
import {
  Form,
  Link,
  useActionData,
  useLoaderData,
  useLocation,
  useNavigation,
  useSearchParams,
} from "@remix-run/react";
import { useTranslation } from "react-i18next";
import type {
  ApplicantView,
  applicantsAction,
  applicantsLoader,
} from "~/routes-support/jobs-applicants.server";
import type { ApplicantFilter } from "~/domain/jobs/schema";
import {
  APPLICANT_STATUS_FILTERS,
  APPLICATION_STATUSES,
  type ApplicationStatus,
  type Decision,
} from "~/domain/jobs/types";
import type { EmploymentStatus } from "~/domain/residents/types";
import { formatCalendarDate, formatDateTime } from "~/utils/format";
import { StatusBadge } from "./application-status";
import { DecisionConfirmation, DecisionDone } from "./decision-steps";
import { Pagination } from "~/components/ui/pagination";
import { localized } from "~/domain/shared/localized";
import { Confirmation } from "~/components/ui/form";
import { Localized } from "~/components/localized";

type LoaderData = Awaited<ReturnType<typeof applicantsLoader>>;
type Site = LoaderData["sites"][number];

function filterHref(filter: ApplicantFilter, page: number) {
  const params = new URLSearchParams();
  if (filter.status !== "all") params.set("status", filter.status);
  if (filter.q) params.set("q", filter.q);
  if (filter.site) params.set("site", filter.site);
  if (page > 1) params.set("page", String(page));
  const search = params.toString();
  return search ? `?${search}` : "?";
}

export function ApplicantsPage({ backHref, csvHref }: { backHref: string; csvHref: string }) {
  const { t } = useTranslation("jobs");
  const data = useLoaderData<LoaderData>();
  const actionData = useActionData<typeof applicantsAction>();
  const { pathname } = useLocation();
  // every answer but a redirect is a refusal (or a form no page of ours sends: "not allowed");
  // a confirmation that cannot be given (selecting with no place left) is one too
  const problem = actionData
    ? (actionData.refusal?.code ?? "notAllowed")
    : (data.confirmRefusal ?? null);
  const [searchParams] = useSearchParams();
  const title = data.posting ? (
    <Localized of={data.posting} field="title" />
  ) : (
    <Localized of={data.round!} field="name" />
  );
  // A notice from the step before is stale once something was refused since.
  const decided = problem ? null : decidedStatus(searchParams.get("decided"));
  const undone = problem ? null : (searchParams.get("undone") as ApplicationStatus | null);
  const allCount = Object.values(data.counts).reduce((sum, n) => sum + (n ?? 0), 0);
  const labels = useCardLabels();
  const navigation = useNavigation();
  const busy = navigation.state === "submitting";
  const busyId = busy ? navigation.formData?.get("applicationId") : null;
  // the list as filtered, without the steps of a decision: where every form posts and returns
  const listHref = `${pathname}${filterHref(data.filter, data.filter.page)}`;
  return (
    <section className="page applicants-page" aria-labelledby="applicants-title">
      <p>
        <Link to={backHref}>
          {data.posting ? t("staff.applicants.back") : t("staff.applicants.backRound")}
        </Link>
      </p>
      <h1 id="applicants-title">{t("staff.applicants.title")}</h1>
      <p className="lead">{title}</p>
      {data.posting ? (
        <p>
          {t("staff.applicants.places", {
            selected: data.posting.selectedCount,
            positions: data.posting.positions,
          })}
        </p>
      ) : (
        <ul className="site-places">
          {data.sites.map((site) => (
            <li key={site.id}>
              <Localized of={site} field="title" />:{" "}
              {t("staff.applicants.places", {
                selected: site.selectedCount,
                positions: site.positions,
              })}
            </li>
          ))}
        </ul>
      )}
      {/* One message about the quota: the refusal when one was just met, else the state. */}
      {problem ? (
        <p role="alert" className="form-errors">
          {t(`staff.applicants.problem.${problem as "full"}`, {
            defaultValue: t("staff.applicants.problem.notAllowed"),
          })}
        </p>
      ) : null}
      {data.full && problem !== "full" ? (
        <p className="notice">
          {t("staff.applicants.full", { positions: data.posting?.positions ?? 0 })}
        </p>
      ) : null}
      {decided ? <DecisionDone status={decided} undo={data.undo} listHref={listHref} /> : null}
      {undone && (APPLICATION_STATUSES as readonly string[]).includes(undone) ? (
        <Confirmation>{t("staff.undo.done", { status: t(`status.${undone}`) })}</Confirmation>
      ) : null}
      {data.confirm && !problem ? (
        <DecisionConfirmation confirm={data.confirm} listHref={listHref} busy={busy} />
      ) : (
        <ApplicantList
          data={data}
          labels={labels}
          busyId={busyId}
          listHref={listHref}
          csvHref={csvHref}
          allCount={allCount}
        />
      )}
    </section>
  );
}

function decidedStatus(value: string | null) {
  return value === "under_review" ||
    value === "selected" ||
    value === "waitlisted" ||
    value === "rejected"
    ? value
    : null;
}

function ApplicantList({
  data,
  labels,
  busyId,
  listHref,
  csvHref,
  allCount,
}: {
  data: LoaderData;
  labels: CardLabels;
  busyId: FormDataEntryValue | null | undefined;
  listHref: string;
  csvHref: string;
  allCount: number;
}) {
  const { t } = useTranslation("jobs");
  return (
    <>
      <p>
        <a href={csvHref} download>
          {t("staff.applicants.exportCsv")}
        </a>
      </p>
      <Form method="get" className="card filter-form" aria-label={t("staff.applicants.filters")}>
        <div className="field">
          <label htmlFor="applicants-status">{t("staff.applicants.status")}</label>
          <select id="applicants-status" name="status" defaultValue={data.filter.status}>
            {APPLICANT_STATUS_FILTERS.map((status) => (
              <option key={status} value={status}>
                {status === "all"
                  ? t("staff.applicants.countAll", { count: allCount })
                  : t("staff.applicants.count", {
                      status: t(`status.${status}`),
                      count: data.counts[status] ?? 0,
                    })}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="applicants-q">{t("staff.applicants.name")}</label>
          <input id="applicants-q" name="q" type="search" defaultValue={data.filter.q ?? ""} />
        </div>
        {data.round ? (
          <div className="field">
            <label htmlFor="applicants-site">{t("staff.applicants.site")}</label>
            <select id="applicants-site" name="site" defaultValue={data.filter.site ?? ""}>
              <option value="">{t("staff.applicants.anySite")}</option>
              {data.sites.map((site) => (
                <option key={site.id} value={site.id}>
                  <Localized of={site} field="title" />
                </option>
              ))}
            </select>
          </div>
        ) : null}
        <button type="submit" className="button">
          {t("staff.applicants.apply")}
        </button>
      </Form>

      <h2 aria-live="polite">{t("staff.applicants.total", { count: data.total })}</h2>
      {data.applicants.length === 0 ? <p>{t("staff.applicants.empty")}</p> : null}
      <ol className="plain-list stack">
        {data.applicants.map((applicant) => (
          <ApplicantCard
            key={applicant.id}
            applicant={applicant}
            sites={data.sites}
            labels={labels}
            busy={busyId === applicant.id}
            listHref={listHref}
          />
        ))}
      </ol>
      <Pagination
        page={data.filter.page}
        pageCount={data.pageCount}
        href={(page) => filterHref(data.filter, page)}
      />
    </>
  );
}

/**
 * The words every card repeats, translated once per page rather than once per card: a page of 25
 * applicants otherwise spends a good share of its server time in i18next.
 */
function useCardLabels() {
  const { t } = useTranslation("jobs");
  return {
    deleted: t("staff.applicants.deleted"),
    contact: t("staff.applicants.contact"),
    noContact: t("staff.applicants.noContact"),
    motivation: t("staff.applicants.motivation"),
    availability: t("staff.applicants.availability"),
    decisions: t("staff.applicants.decisions"),
    siteFor: t("staff.applicants.siteFor"),
    decision: {
      select: t("staff.applicants.select"),
      waitlist: t("staff.applicants.waitlist"),
      reject: t("staff.applicants.reject"),
      review: t("staff.applicants.review"),
    } satisfies Record<Decision, string>,
    status: Object.fromEntries(
      APPLICATION_STATUSES.map((status) => [status, t(`status.${status}`)]),
    ) as Record<ApplicationStatus, string>,
  };
}
type CardLabels = ReturnType<typeof useCardLabels>;

function ApplicantCard({
  applicant,
  sites,
  labels,
  busy,
  listHref,
}: {
  applicant: ApplicantView;
  sites: Site[];
  labels: CardLabels;
  busy: boolean;
  listHref: string;
}) {
  const { t, i18n } = useTranslation(["jobs", "districts", "account"]);
  const lang = i18n.language;
  const siteName = (id: string) => {
    const site = sites.find((s) => s.id === id);
    return site ? localized(site, lang, "title") : "";
  };
  const facts = [
    applicant.age !== null ? t("jobs:staff.applicants.age", { age: applicant.age }) : null,
    applicant.district && applicant.district !== "outside"
      ? t(`districts:${applicant.district as "mapo"}`)
      : null,
    applicant.employmentStatus
      ? t(`account:employmentStatus.${applicant.employmentStatus as EmploymentStatus}`)
      : null,
  ].filter(Boolean);
  const headingId = `applicant-${applicant.id}`;
  return (
    <li className="card applicant-card" aria-labelledby={headingId}>
      <h3 id={headingId}>
        {applicant.name ?? labels.deleted}{" "}
        <StatusBadge status={applicant.status} label={labels.status[applicant.status]} />
        {applicant.waitlistRank ? (
          <span className="hint">
            {" "}
            {t("jobs:applications.waitlistRank", { rank: applicant.waitlistRank })}
          </span>
        ) : null}
      </h3>
      <p className="hint">
        {t("jobs:staff.applicants.submittedAt", {
          date: formatDateTime(applicant.submittedAt, lang),
        })}
      </p>
      {applicant.judgedOn ? (
        <p>
          {t("jobs:staff.applicants.facts", {
            date: formatCalendarDate(applicant.judgedOn, lang, "medium"),
          })}{" "}
          {facts.join(" · ")}
        </p>
      ) : null}
      <p>
        {labels.contact}{" "}
        {applicant.email || applicant.phone
          ? [applicant.email, applicant.phone].filter(Boolean).join(" · ")
          : labels.noContact}
      </p>
      {applicant.preferences.length > 0 ? (
        <p>
          {t("jobs:staff.applicants.preferences", {
            sites: applicant.preferences.map(siteName).join(" > "),
          })}
        </p>
      ) : null}
      {applicant.sitePostingId ? (
        <p>{t("jobs:applications.site", { site: siteName(applicant.sitePostingId) })}</p>
      ) : null}
      <details>
        <summary>{labels.motivation}</summary>
        <p className="prose">{applicant.motivation}</p>
        {applicant.availability ? (
          <p className="prose">
            {labels.availability} {applicant.availability}
          </p>
        ) : null}
      </details>
      {applicant.decisions.length > 0 ? (
        <Form
          method="post"
          action={listHref}
          className="decision-form"
          // one form per applicant: each landmark named for its applicant (axe landmark-unique)
          aria-label={`${labels.decisions}: ${applicant.name ?? labels.deleted}`}
        >
          <input type="hidden" name="applicationId" value={applicant.id} />
          {applicant.preferences.length > 0 ? (
            <div className="field">
              <label htmlFor={`site-${applicant.id}`}>{labels.siteFor}</label>
              <select
                id={`site-${applicant.id}`}
                name="sitePostingId"
                defaultValue={applicant.sitePostingId ?? applicant.preferences[0]}
              >
                {applicant.preferences.map((id, index) => (
                  <option key={id} value={id}>
                    {t("jobs:applications.rank", { rank: index + 1 })} {siteName(id)}
                  </option>
                ))}
              </select>
            </div>
          ) : null}
          <div className="actions">
            {applicant.decisions.map((decision: Decision) => (
              <button
                key={decision}
                type="submit"
                name="intent"
                value={decision}
                className={
                  decision === "select"
                    ? "button primary"
                    : decision === "reject"
                      ? "button danger"
                      : "button"
                }
                disabled={busy}
              >
                {labels.decision[decision]}
              </button>
            ))}
          </div>
        </Form>
      ) : null}
    </li>
  );
}
