// The programs of the staff member's host organisation in the back office (admins: all), paged.
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { Pagination } from "~/components/ui/pagination";
import { listManagedPrograms } from "~/domain/events/manage.server";
import { pageFromUrl } from "~/domain/shared/page-parameter";
import { requireEventsStaff } from "~/routes-support/events-staff.server";
import { now } from "~/utils/clock.server";
import { formatDateTime } from "~/utils/format";
import { pageTitle } from "~/utils/meta";
import { useLocale } from "~/utils/i18n";
import { Localized } from "~/components/localized";

export const handle = { i18n: ["events"] };
export const meta: MetaFunction = (args) => pageTitle(args, "staffEvents");

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireEventsStaff(request);
  const page = pageFromUrl(request.url);
  const current = now();
  const { programs, total, pageCount } = await listManagedPrograms(user, page);
  return {
    isAdmin: user.role === "admin",
    page,
    total,
    pageCount,
    programs: programs.map((program) => {
      const next = program.sessions.find((s) => s.status === "scheduled" && s.startsAt > current);
      return {
        id: program.id,
        slug: program.slug,
        kind: program.kind as "lecture",
        status: program.status as "draft" | "published",
        title: { ko: program.titleKo, en: program.titleEn },
        organization: { ko: program.organization.nameKo, en: program.organization.nameEn },
        sessions: program.sessions.length,
        registrations: program.sessions.reduce((sum, s) => sum + s.registeredCount, 0),
        next: next ? next.startsAt.toISOString() : null,
      };
    }),
  };
}

export default function StaffEvents() {
  const { t } = useTranslation("events");
  const { isAdmin, page, total, pageCount, programs } = useLoaderData<typeof loader>();
  const locale = useLocale();
  return (
    <section className="page" aria-labelledby="staff-events-title">
      <p>
        <Link to="/staff">{t("staff.backOffice")}</Link>
      </p>
      <h1 id="staff-events-title">{t("staff.list.title")}</h1>
      {isAdmin ? <p className="hint">{t("staff.list.allOrganizations")}</p> : null}
      <p className="actions">
        <Link to="/staff/events/new" className="button primary">
          {t("staff.list.new")}
        </Link>
        <Link to="/staff/events/report" className="button">
          {t("staff.list.report")}
        </Link>
      </p>
      <h2>{t("staff.list.total", { count: total })}</h2>
      {programs.length === 0 ? <p>{t("staff.list.empty")}</p> : null}
      <ul className="plain-list stack">
        {programs.map((program) => (
          <li key={program.id} className="card">
            <p className="eyebrow">
              {t(`staff.status.${program.status}`)} · {t(`kind.${program.kind}`)} ·{" "}
              <Localized of={program.organization} />
            </p>
            <h3>
              <Link to={`/staff/events/${program.id}`}>
                <Localized of={program.title} />
              </Link>
            </h3>
            <p>
              {t("staff.list.sessions", { count: program.sessions })} ·{" "}
              {t("staff.list.registrations", { count: program.registrations })}
            </p>
            <p>
              {program.next
                ? t("staff.list.next", { when: formatDateTime(program.next, locale) })
                : t("staff.list.noNext")}
            </p>
          </li>
        ))}
      </ul>
      <Pagination page={page} pageCount={pageCount} href={(p) => (p > 1 ? `?page=${p}` : "?")} />
    </section>
  );
}
