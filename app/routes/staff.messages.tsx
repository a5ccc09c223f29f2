import { parseWithZod } from "@conform-to/zod";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { Confirmation, ErrorSummary } from "~/components/ui/form";
import { Pagination } from "~/components/ui/pagination";
import {
  failureScope,
  listFailedDeliveries,
  settleFailedDelivery,
} from "~/domain/notifications/failures.server";
import { SettleFailureSchema } from "~/domain/notifications/schema";
import { pageFromUrl } from "~/domain/shared/page-parameter";
import { requireRole } from "~/utils/auth.server";
import { now } from "~/utils/clock.server";
import { formatDateTime } from "~/utils/format";
import { forbidden, invalid, invariantResponse, refused } from "~/utils/http.server";
import { pageTitle } from "~/utils/meta";
import { clientIp, readFormData } from "~/utils/request.server";
import { useLocale } from "~/utils/i18n";

export const handle = { i18n: ["account", "validation"] };
export const meta: MetaFunction = (args) => pageTitle(args, "staffMessages");

/** Messages about this desk's bookings and applications that could not be delivered. */
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireRole(request, ["staff", "admin"]);
  const scope = failureScope(user);
  invariantResponse(scope, forbidden);
  const page = pageFromUrl(new URL(request.url));
  return { page, ...(await listFailedDeliveries(scope, page)) };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requireRole(request, ["staff", "admin"]);
  invariantResponse(failureScope(user), forbidden);
  const submission = parseWithZod(await readFormData(request), { schema: SettleFailureSchema });
  if (submission.status !== "success") return invalid(submission);
  const { notificationId, decision } = submission.value;
  const result = await settleFailedDelivery(user, notificationId, decision, {
    now: now(),
    ip: clientIp(context),
  });
  if (!result.ok) {
    return refused(result, {
      submission,
      reply: { formErrors: [`account:staffMessages.refusal.${result.code}`] },
    });
  }
  return redirect(`/staff/messages?done=${decision}`);
}

export default function StaffMessages() {
  const { t } = useTranslation(["account", "common"]);
  const { rows, total, page, pageCount } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>()?.result;
  const [searchParams] = useSearchParams();
  const done = searchParams.get("done");
  const locale = useLocale();
  return (
    <section className="page" aria-labelledby="staff-messages-title">
      <p className="eyebrow">
        <Link to="/staff">{t("people.backOffice")}</Link>
      </p>
      <h1 id="staff-messages-title">{t("staffMessages.title")}</h1>
      {done === "retry" || done === "handled" ? (
        <Confirmation>{t(`staffMessages.done.${done}`)}</Confirmation>
      ) : null}
      {lastResult ? (
        <ErrorSummary
          form={{
            id: "failure-answer",
            errorId: "failure-errors",
            allErrors: { "": lastResult.error?.[""] },
          }}
        />
      ) : null}
      <p>{t("staffMessages.intro")}</p>
      <p>{t("staffMessages.count", { count: total })}</p>
      <ol className="plain-list stack">
        {rows.map((row) => (
          <li key={row.id} className="card">
            <h2>{row.subject}</h2>
            <dl className="facts">
              <dt>{t("staffMessages.resident")}</dt>
              <dd>
                {row.resident
                  ? `${row.resident.name}${row.resident.phone ? ` · ${row.resident.phone}` : ""}`
                  : t("staffMessages.deletedResident")}
              </dd>
              <dt>{t("staffMessages.channel")}</dt>
              <dd>
                {t(`staffMessages.channelName.${row.channel}`)} · {row.to}
              </dd>
              <dt>{t("staffMessages.written")}</dt>
              <dd>{formatDateTime(row.createdAt, locale)}</dd>
              <dt>{t("staffMessages.attempts")}</dt>
              <dd>
                {row.attempts}
                {row.lastError ? ` · ${row.lastError}` : ""}
              </dd>
            </dl>
            {row.subjectRef?.startsWith("booking:") ? (
              <p>
                <Link to={`/staff/bookings/${row.subjectRef.slice("booking:".length)}`}>
                  {t("staffMessages.openBooking")}
                </Link>
              </p>
            ) : null}
            <Form method="post" className="actions">
              <input type="hidden" name="notificationId" value={row.id} />
              <button type="submit" name="decision" value="retry" className="button">
                {t("staffMessages.retry")}
              </button>
              <button type="submit" name="decision" value="handled" className="button">
                {t("staffMessages.handled")}
              </button>
            </Form>
          </li>
        ))}
      </ol>
      <Pagination page={page} pageCount={pageCount} href={(target) => `?page=${target}`} />
    </section>
  );
}
