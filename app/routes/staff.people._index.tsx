import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { Pagination } from "~/components/ui/pagination";
import { listAccounts } from "~/domain/residents/service.server";
import { ROLES, type Role } from "~/domain/residents/types";
import { requireRole } from "~/utils/auth.server";
import { pageTitle } from "~/utils/meta";
import { pageFromUrl } from "~/domain/shared/page-parameter";
import { localized } from "~/domain/shared/localized";
import { useLocale } from "~/utils/i18n";

export const handle = { i18n: ["account"] };
export const meta: MetaFunction = (args) => pageTitle(args, "staffPeople");

const MAX_QUERY_LENGTH = 100;

/** Administrators only: find an account by e-mail or name to change its role. */
export async function loader({ request }: LoaderFunctionArgs) {
  await requireRole(request, ["admin"]);
  const url = new URL(request.url);
  const q = (url.searchParams.get("q") ?? "").slice(0, MAX_QUERY_LENGTH);
  const roleParam = url.searchParams.get("role");
  // an unknown role shows everyone rather than an error page
  const role = ROLES.includes(roleParam as Role) ? (roleParam as Role) : null;
  const page = pageFromUrl(url);
  return { q, role, ...(await listAccounts({ q, role, page })) };
}

export default function StaffPeople() {
  const { t } = useTranslation("account");
  const { q, role, accounts, total, page, pageCount } = useLoaderData<typeof loader>();
  const locale = useLocale();
  const pageHref = (target: number) =>
    `?${new URLSearchParams({ ...(q ? { q } : {}), ...(role ? { role } : {}), page: String(target) })}`;
  return (
    <section className="page" aria-labelledby="people-title">
      <p className="eyebrow">
        <Link to="/staff">{t("people.backOffice")}</Link>
      </p>
      <h1 id="people-title">{t("people.title")}</h1>
      <p>{t("people.intro")}</p>
      <Form method="get" className="card filter-form" role="search" aria-label={t("people.search")}>
        <div className="field">
          <label htmlFor="people-q">{t("people.q")}</label>
          <input
            id="people-q"
            type="search"
            name="q"
            defaultValue={q}
            maxLength={MAX_QUERY_LENGTH}
          />
        </div>
        <div className="field">
          <label htmlFor="people-role">{t("people.role")}</label>
          <select id="people-role" name="role" defaultValue={role ?? ""}>
            <option value="">{t("people.anyRole")}</option>
            {ROLES.map((value) => (
              <option key={value} value={value}>
                {t(`roles.${value}`)}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className="button">
          {t("people.submit")}
        </button>
      </Form>
      <p role="status">{t("people.count", { count: total })}</p>
      {accounts.length > 0 ? (
        <div className="table-scroll">
          <table className="data-table">
            <caption className="visually-hidden">{t("people.title")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("people.account")}</th>
                <th scope="col">{t("people.role")}</th>
                <th scope="col">{t("people.workplace")}</th>
              </tr>
            </thead>
            <tbody>
              {accounts.map((account) => {
                const workplaces = [account.staffPlace, account.staffOrganization]
                  .filter((w) => w !== null)
                  .map((w) => localized(w, locale, "name"));
                return (
                  <tr key={account.id}>
                    <td>
                      <Link to={`/staff/people/${account.id}`}>{account.name}</Link>
                      <br />
                      <span className="hint">{account.email}</span>
                    </td>
                    <td>{t(`roles.${account.role}`)}</td>
                    <td>{workplaces.length ? workplaces.join(" · ") : t("people.none")}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      ) : null}
      <Pagination page={page} pageCount={pageCount} href={pageHref} />
    </section>
  );
}
