// One of the host's programs in the back office: its sessions (with their registrations,
// attendance sheet and CSV export), the program's form, and calling the whole program off.
import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ProgramForm } from "~/components/events/staff-forms";
import { CancelFields } from "~/components/events/staff-cancel";
import { Confirmation, ErrorSummary } from "~/components/ui/form";
import { programFormValues } from "~/domain/events/form-values";
import {
  cancelProgram,
  listOrganizationsAndPlaces,
  updateProgram,
} from "~/domain/events/manage.server";
import { CancelSchema, ProgramSchema } from "~/domain/events/staff-schema";
import { localized } from "~/domain/shared/localized";
import { programRefusal, requireManagedProgram } from "~/routes-support/events-staff.server";
import { now } from "~/utils/clock.server";
import { formConstraint } from "~/utils/form-constraint.server";
import { formatDateTime } from "~/utils/format";
import { invalid, refusalResponse } from "~/utils/http.server";
import { getLocale } from "~/utils/i18n.server";
import { withSiteName } from "~/utils/meta";
import { clientIp, readFormData, singleField } from "~/utils/request.server";
import { useLocale } from "~/utils/use-locale";

export const handle = { i18n: ["events", "jobs", "districts", "account", "validation"] };

export const meta: MetaFunction<typeof loader> = (args) =>
  withSiteName(args, args.data?.pageTitle ?? "");

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { program } = await requireManagedProgram(request, params.programId);
  const [{ places }, locale] = await Promise.all([
    listOrganizationsAndPlaces(),
    getLocale(request),
  ]);
  const current = now();
  return {
    pageTitle: localized(program, locale, "title"),
    program: {
      id: program.id,
      slug: program.slug,
      title: { ko: program.titleKo, en: program.titleEn },
      organization: { ko: program.organization.nameKo, en: program.organization.nameEn },
      status: program.status as "draft" | "published",
      // changes whenever the program is saved, so the form starts again from what was saved
      version: program.updatedAt.toISOString(),
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
    values: programFormValues(program),
    places,
    constraint: formConstraint(ProgramSchema),
  };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { user, program } = await requireManagedProgram(request, params.programId);
  const formData = await readFormData(request);
  const meta = { now: now(), ip: clientIp(context) };
  if (singleField(formData, "intent") === "cancelProgram") {
    const submission = parseWithZod(formData, { schema: CancelSchema });
    if (submission.status !== "success") return invalid(submission);
    const outcome = await cancelProgram(user, program.id, meta);
    if (!outcome.ok) throw refusalResponse(outcome);
    return redirect(`/staff/events/${program.id}?cancelled=${outcome.told}`);
  }
  const submission = parseWithZod(formData, { schema: ProgramSchema });
  if (submission.status !== "success") return invalid(submission);
  const outcome = await updateProgram(user, program.id, submission.value, meta);
  if (!outcome.ok) return programRefusal(outcome, submission);
  return redirect(`/staff/events/${program.id}?saved=1`);
}

function CancelProgramForm() {
  const { t } = useTranslation("events");
  const actionData = useActionData<typeof action>();
  const result =
    actionData?.result?.initialValue?.intent === "cancelProgram" ? actionData.result : null;
  const [form, fields] = useForm<{ confirm: string }>({ id: "cancel-program", lastResult: result });
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
  const actionData = useActionData<typeof action>();
  const [searchParams] = useSearchParams();
  const locale = useLocale();
  const { program } = data;
  const programResult =
    actionData?.result?.initialValue?.intent === "cancelProgram" ? null : actionData?.result;
  const told = searchParams.get("cancelled");
  return (
    <section className="page narrow" aria-labelledby="staff-program-title">
      <p>
        <Link to="/staff/events">{t("staff.form.back")}</Link>
      </p>
      <p className="eyebrow">
        {t(`staff.status.${program.status}`)} · {localized(program.organization, locale)}
      </p>
      <h1 id="staff-program-title">{localized(program.title, locale)}</h1>
      {searchParams.get("created") ? <Confirmation>{t("staff.form.created")}</Confirmation> : null}
      {searchParams.get("saved") ? <Confirmation>{t("staff.form.saved")}</Confirmation> : null}
      {told !== null ? (
        <Confirmation>{t("staff.cancel.programDone", { count: Number(told) || 0 })}</Confirmation>
      ) : null}
      <p className="actions">
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

      <h2>{t("staff.form.editTitle")}</h2>
      <ProgramForm
        id={`program-${program.version}`}
        lastResult={programResult}
        defaultValue={data.values}
        places={data.places}
      />

      {data.cancellable ? (
        <section className="card" aria-labelledby="cancel-program-title">
          <h2 id="cancel-program-title">{t("staff.cancel.programTitle")}</h2>
          <CancelProgramForm />
        </section>
      ) : null}
    </section>
  );
}
