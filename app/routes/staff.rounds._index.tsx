// The organisation's public-work rounds in the back office (admins: all).
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { Pagination } from "~/components/ui/pagination";
import { WindowText } from "~/components/jobs/window-text";
import { roundCard } from "~/domain/jobs/present";
import { listManagedRounds } from "~/domain/jobs/manage.server";
import { requireJobsStaff } from "~/routes-support/jobs.server";
import type { PublicationStatus } from "~/domain/jobs/types";
import { now } from "~/utils/clock.server";
import { pageTitle } from "~/utils/meta";
import { pageFromUrl } from "~/domain/shared/page-parameter";
import { Localized } from "~/components/localized";

export const handle = { i18n: ["jobs"] };
export const meta: MetaFunction = (args) => pageTitle(args, "staffRounds");

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireJobsStaff(request);
  const page = pageFromUrl(request.url);
  const at = now();
  const { rounds, total, pageCount } = await listManagedRounds(user, page);
  return {
    page,
    total,
    pageCount,
    rounds: rounds.map((round) => ({
      id: round.id,
      status: round.status as PublicationStatus,
      applicants: round.liveApplications,
      ...roundCard(round, at),
    })),
  };
}

export default function StaffRounds() {
  const { t } = useTranslation("jobs");
  const { page, pageCount, rounds } = useLoaderData<typeof loader>();
  return (
    <section className="page" aria-labelledby="staff-rounds-title">
      <p>
        <Link to="/staff">{t("staff.sectionTitle")}</Link>
      </p>
      <h1 id="staff-rounds-title">{t("staff.rounds_list.title")}</h1>
      <p className="actions">
        <Link to="/staff/rounds/new" className="button primary">
          {t("staff.newRound")}
        </Link>
        <Link to="/staff/postings" className="button">
          {t("staff.postings")}
        </Link>
      </p>
      {rounds.length === 0 ? <p>{t("staff.rounds_list.empty")}</p> : null}
      <ul className="plain-list stack">
        {rounds.map((round) => (
          <li key={round.id} className="card">
            <p className="eyebrow">{t(`publication.${round.status}`)}</p>
            <h2>
              <Link to={`/staff/rounds/${round.id}`}>
                <Localized of={round.name} />
              </Link>
            </h2>
            <p>
              <WindowText words={round.window} />
            </p>
            <p>
              {t("staff.rounds_list.sites", { count: round.siteCount })} ·{" "}
              {t("staff.list.applicants", { count: round.applicants })}
            </p>
            <p className="actions">
              <Link to={`/staff/rounds/${round.id}`}>{t("staff.list.edit")}</Link>
              <Link to={`/staff/rounds/${round.id}/applicants`}>{t("staff.list.review")}</Link>
            </p>
          </li>
        ))}
      </ul>
      <Pagination page={page} pageCount={pageCount} href={(p) => `?page=${p}`} />
    </section>
  );
}
