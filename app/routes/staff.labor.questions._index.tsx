// The queue of questions asked without an account (decision 0025): staff see their own center's,
// admins every center's; open ones oldest first. Nothing confidential is on this page.
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { Pagination } from "~/components/ui/pagination";
import { languageOf, QUEUE_STATUSES, type QueueStatus } from "~/domain/labor/ask";
import {
  canAnswerQuestions,
  countOpenQuestions,
  listStaffQuestions,
} from "~/domain/labor/questions.server";
import { pageFromUrl } from "~/domain/shared/page-parameter";
import { requireRole } from "~/utils/auth.server";
import { formatDateTime } from "~/utils/format";
import { forbidden, invariantResponse } from "~/utils/http.server";
import { pageTitle } from "~/utils/meta";
import { useLocale } from "~/utils/i18n";
import { Localized } from "~/components/localized";

export const handle = { i18n: ["labor"] };
export const meta: MetaFunction = (args) => pageTitle(args, "staffLaborQuestions");

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireRole(request, ["staff", "admin"]);
  invariantResponse(canAnswerQuestions(user), forbidden);
  const url = new URL(request.url);
  const asked = url.searchParams.get("status");
  const status: QueueStatus = (QUEUE_STATUSES as readonly (string | null)[]).includes(asked)
    ? (asked as QueueStatus)
    : "open";
  const page = pageFromUrl(url);
  const [list, openCount] = await Promise.all([
    listStaffQuestions(user, status, page),
    countOpenQuestions(user),
  ]);
  return { ...list, page, status, openCount, admin: user.role === "admin" };
}

export default function StaffLaborQuestions() {
  const { t } = useTranslation(["labor", "common"]);
  const { rows, page, pageCount, status, openCount, admin } = useLoaderData<typeof loader>();
  const locale = useLocale();
  return (
    <section className="page" aria-labelledby="questions-title">
      <p>
        <Link to="/staff">{t("common:titles.backOffice")}</Link>
      </p>
      <h1 id="questions-title">{t("ask.staff.title")}</h1>
      <p>{t(admin ? "ask.staff.adminLead" : "ask.staff.lead")}</p>
      <nav aria-label={t("ask.staff.tabs")}>
        <ul className="plain-list">
          {QUEUE_STATUSES.map((tab) => (
            <li key={tab}>
              <Link
                to={`/staff/labor/questions?status=${tab}`}
                aria-current={tab === status ? "page" : undefined}
              >
                {t(`ask.staff.tab.${tab}`, { count: openCount })}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      {rows.length === 0 ? (
        <p>{t("ask.staff.empty")}</p>
      ) : (
        <div className="table-scroll">
          <table className="data-table">
            <caption className="visually-hidden">{t("ask.staff.title")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("ask.staff.code")}</th>
                <th scope="col">{t("ask.staff.topic")}</th>
                {admin ? <th scope="col">{t("ask.staff.center")}</th> : null}
                <th scope="col">{t("ask.staff.language")}</th>
                <th scope="col">
                  {t(status === "open" ? "ask.staff.asked" : "ask.staff.answered")}
                </th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr key={row.id}>
                  <th scope="row">
                    <Link
                      to={`/staff/labor/questions/${row.id}`}
                      aria-label={t("ask.staff.open", { code: row.code })}
                    >
                      {row.code}
                    </Link>
                  </th>
                  <td>{t(`ask.topics.${row.topic as "other"}`)}</td>
                  {admin ? (
                    <td>
                      <Localized of={row.place} field="name" />
                    </td>
                  ) : null}
                  <td>{t(`ask.staff.languages.${languageOf(row.language)}`)}</td>
                  <td>
                    {formatDateTime(
                      status === "open" ? row.createdAt : (row.answeredAt ?? row.createdAt),
                      locale,
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <Pagination
        page={page}
        pageCount={pageCount}
        href={(p) => `/staff/labor/questions?status=${status}&page=${p}`}
      />
    </section>
  );
}
