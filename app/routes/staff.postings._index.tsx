// The back office list of the organisation's postings (admins: all), with filters in the URL.
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { useTranslation } from "react-i18next";
import { Pagination } from "~/components/ui/pagination";
import { WindowText } from "~/components/jobs/window-text";
import { listManagedPostings } from "~/domain/jobs/manage.server";
import { requireJobsStaff } from "~/routes-support/jobs.server";
import { PUBLICATION_STATUSES, type PublicationStatus } from "~/domain/jobs/types";
import { currentWindow } from "~/domain/jobs/window";
import { now } from "~/utils/clock.server";
import { pageTitle } from "~/utils/meta";
import { badRequest } from "~/utils/http.server";
import { Localized } from "~/components/localized";

export const handle = { i18n: ["jobs"] };
export const meta: MetaFunction = (args) => pageTitle(args, "staffPostings");

const FilterSchema = z.object({
  status: z.enum(PUBLICATION_STATUSES).optional().catch(undefined),
  q: z.string().trim().max(100).optional(),
  page: z.coerce.number().int().min(1).max(10_000).default(1),
});

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireJobsStaff(request);
  const params = Object.fromEntries(
    [...new URL(request.url).searchParams].filter(([, value]) => value !== ""),
  );
  const parsed = FilterSchema.safeParse(params);
  if (!parsed.success) throw badRequest("Invalid filter");
  const filter = parsed.data;
  const at = now();
  const { postings, total, pageCount } = await listManagedPostings(user, filter);
  return {
    isAdmin: user.role === "admin",
    filter,
    total,
    pageCount,
    postings: postings.map((p) => ({
      id: p.id,
      slug: p.slug,
      title: { ko: p.titleKo, en: p.titleEn },
      organization: { ko: p.organization.nameKo, en: p.organization.nameEn },
      status: p.status as PublicationStatus,
      positions: p.positions,
      selectedCount: p.selectedCount,
      applicants: p.liveApplications,
      window: currentWindow(
        p.status,
        { opensAt: p.applicationOpensAt, closesAt: p.applicationClosesAt },
        at,
      ).words,
    })),
  };
}

export default function StaffPostings() {
  const { t } = useTranslation("jobs");
  const { isAdmin, filter, total, pageCount, postings } = useLoaderData<typeof loader>();
  const href = (page: number) => {
    const params = new URLSearchParams();
    if (filter.status) params.set("status", filter.status);
    if (filter.q) params.set("q", filter.q);
    if (page > 1) params.set("page", String(page));
    return `?${params}`;
  };
  return (
    <section className="page" aria-labelledby="staff-postings-title">
      <p>
        <Link to="/staff">{t("staff.sectionTitle")}</Link>
      </p>
      <h1 id="staff-postings-title">{t("staff.list.title")}</h1>
      {isAdmin ? <p className="hint">{t("staff.allOrganizations")}</p> : null}
      <p className="actions">
        <Link to="/staff/postings/new" className="button primary">
          {t("staff.newPosting")}
        </Link>
        <Link to="/staff/rounds" className="button">
          {t("staff.rounds")}
        </Link>
      </p>
      <Form method="get" className="card filter-form" aria-label={t("staff.list.filter")}>
        <div className="field">
          <label htmlFor="postings-status">{t("staff.list.status")}</label>
          <select id="postings-status" name="status" defaultValue={filter.status ?? ""}>
            <option value="">{t("staff.list.anyStatus")}</option>
            {PUBLICATION_STATUSES.map((status) => (
              <option key={status} value={status}>
                {t(`publication.${status}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="postings-q">{t("staff.list.query")}</label>
          <input id="postings-q" name="q" type="search" defaultValue={filter.q ?? ""} />
        </div>
        <button type="submit" className="button">
          {t("staff.list.filter")}
        </button>
      </Form>
      <h2 aria-live="polite">{t("staff.list.total", { count: total })}</h2>
      {postings.length === 0 ? <p>{t("staff.list.empty")}</p> : null}
      <ul className="plain-list stack">
        {postings.map((posting) => (
          <li key={posting.id} className="card">
            <p className="eyebrow">
              {t(`publication.${posting.status}`)} · <Localized of={posting.organization} />
            </p>
            <h3>
              <Link to={`/staff/postings/${posting.id}`}>
                <Localized of={posting.title} />
              </Link>
            </h3>
            <p>
              <WindowText words={posting.window} />
            </p>
            <p>
              {t("staff.list.places", {
                selected: posting.selectedCount,
                positions: posting.positions,
              })}{" "}
              · {t("staff.list.applicants", { count: posting.applicants })}
            </p>
            <p className="actions">
              <Link to={`/staff/postings/${posting.id}`}>{t("staff.list.edit")}</Link>
              <Link to={`/staff/postings/${posting.id}/applicants`}>{t("staff.list.review")}</Link>
            </p>
          </li>
        ))}
      </ul>
      <Pagination page={filter.page} pageCount={pageCount} href={href} />
    </section>
  );
}
