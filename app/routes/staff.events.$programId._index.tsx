// One of the host's programs in the back office: its sessions (with their registrations,
// attendance sheet and CSV export), a link to its form, and calling the whole program off.
import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { CancelFields } from "~/components/events/staff-cancel";
import { Confirmation, ErrorSummary } from "~/components/ui/form";
import { cancelProgram } from "~/domain/events/manage.server";
import { CancelProgramSchema } from "~/domain/events/staff-schema";
import { localized } from "~/domain/shared/localized";
import { requireManagedProgram } from "~/routes-support/events-staff.server";
import { now } from "~/utils/clock.server";
import { formatDateTime } from "~/utils/format";
import { invalid, refusalResponse } from "~/utils/http.server";
import { getLocale } from "~/utils/i18n.server";
import { withSiteName } from "~/utils/meta";
import { clientIp, readFormData } from "~/utils/request.server";
import { useLocale } from "~/utils/i18n";
import { Localized } from "~/components/localized";

export const handle = { i18n: ["events", "validation"] };

export const meta: MetaFunction<typeof loader> = (args) =>
  withSiteName(args, args.data?.pageTitle ?? "");

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { program } = await requireManagedProgram(request, params.programId);
  const locale = await getLocale(request);
  const current = now();
  return {
    pageTitle: localized(program, locale, "title"),
    program: {
      id: program.id,
      slug: program.slug,
      title: { ko: program.titleKo, en: program.titleEn },
      organization: { ko: program.organization.nameKo, en: program.organization.nameEn },
      status: program.status as "draft" | "published",
    },
    sessions: program.sessions.map((session) => ({
      id: session.id,
      startsAt: session.startsAt.toISOString(),
      capacity: session.capacity,
      registeredCount: session.registeredCount,
      cancelled: session.status === "cancelled",
      begun: session.startsAt <= current,
    })),
    cancellable: program.sessions.some((s) => s.status === "scheduled" && s.startsAt > current),
  };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { user, program } = await requireManagedProgram(request, params.programId);
  const submission = parseWithZod(await readFormData(request), { schema: CancelProgramSchema });
  if (submission.status !== "success") return invalid(submission);
  const outcome = await cancelProgram(user, program.id, { now: now(), ip: clientIp(context) });
  if (!outcome.ok) throw refusalResponse(outcome);
  return redirect(`/staff/events/${program.id}?cancelled=${outcome.told}`);
}

function CancelProgramForm() {
  const { t } = useTranslation("events");
  const actionData = useActionData<typeof action>();
  const [form, fields] = useForm<{ confirm: string }>({
    id: "cancel-program",
    lastResult: actionData?.result,
  });
  return (
    <Form method="post" {...getFormProps(form)} className="stack">
      <ErrorSummary form={form} />
      <CancelFields field={fields.confirm} what="program" />
      <p>
        <button type="submit" name="intent" value="cancelProgram" className="button danger">
          {t("staff.cancel.programButton")}
        </button>
      </p>
    </Form>
  );
}

export default function StaffProgram() {
  const { t } = useTranslation("events");
  const data = useLoaderData<typeof loader>();
  const [searchParams] = useSearchParams();
  const locale = useLocale();
  const { program } = data;
  const told = searchParams.get("cancelled");
  return (
    <section className="page narrow" aria-labelledby="staff-program-title">
      <p>
        <Link to="/staff/events">{t("staff.form.back")}</Link>
      </p>
      <p className="eyebrow">
        {t(`staff.status.${program.status}`)} · <Localized of={program.organization} />
      </p>
      <h1 id="staff-program-title">
        <Localized of={program.title} />
      </h1>
      {searchParams.get("created") ? <Confirmation>{t("staff.form.created")}</Confirmation> : null}
      {searchParams.get("saved") ? <Confirmation>{t("staff.form.saved")}</Confirmation> : null}
      {told !== null ? (
        <Confirmation>{t("staff.cancel.programDone", { count: Number(told) || 0 })}</Confirmation>
      ) : null}
      <p className="actions">
        <Link to={`/staff/events/${program.id}/edit`}>{t("staff.form.editTitle")}</Link>
        {program.status === "published" ? (
          <Link to={`/events/${program.slug}`}>{t("staff.form.view")}</Link>
        ) : null}
      </p>

      <section aria-labelledby="sessions-title">
        <h2 id="sessions-title">{t("staff.sessions.title")}</h2>
        <p>
          <Link to={`/staff/events/${program.id}/sessions/new`} className="button">
            {t("staff.sessions.new")}
          </Link>
        </p>
        {data.sessions.length === 0 ? (
          <p>{t("staff.sessions.none")}</p>
        ) : (
          <div className="table-scroll">
            <table>
              <caption className="visually-hidden">{t("staff.sessions.title")}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("staff.sessions.when")}</th>
                  <th scope="col">{t("staff.sessions.registered")}</th>
                  <th scope="col">{t("staff.sessions.state")}</th>
                  <th scope="col">{t("staff.sessions.actions")}</th>
                </tr>
              </thead>
              <tbody>
                {data.sessions.map((session) => (
                  <tr key={session.id}>
                    <th scope="row">{formatDateTime(session.startsAt, locale)}</th>
                    <td>
                      {t("staff.sessions.seats", {
                        registered: session.registeredCount,
                        capacity: session.capacity,
                      })}
                    </td>
                    <td>
                      {session.cancelled
                        ? t("state.cancelled")
                        : session.begun
                          ? t("state.past")
                          : t("staff.sessions.scheduled")}
                    </td>
                    <td>
                      <ul className="plain-list">
                        <li>
                          <Link to={`/staff/events/sessions/${session.id}`}>
                            {t("staff.sessions.manage")}
                          </Link>
                        </li>
                        {session.begun && !session.cancelled ? (
                          <li>
                            <Link to={`/staff/events/sessions/${session.id}/attendance`}>
                              {t("staff.sessions.attendance")}
                            </Link>
                          </li>
                        ) : null}
                        <li>
                          <a href={`/staff/events/sessions/${session.id}/registrants.csv`} download>
                            {t("staff.sessions.csv")}
                          </a>
                        </li>
                      </ul>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>

      {data.cancellable ? (
        <section className="card" aria-labelledby="cancel-program-title">
          <h2 id="cancel-program-title">{t("staff.cancel.programTitle")}</h2>
          <CancelProgramForm />
        </section>
      ) : null}
    </section>
  );
}
