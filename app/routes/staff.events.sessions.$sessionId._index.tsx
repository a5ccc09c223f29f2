// One session of a host's program: its registrants, its form (times, seats, window), and calling
// it off (every live registrant is told).
import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { CancelFields } from "~/components/events/staff-cancel";
import { SessionForm } from "~/components/events/session-form";
import { Confirmation, ErrorSummary } from "~/components/ui/form";
import { sessionFormValues } from "~/domain/events/form-values";
import { cancelSession, listRegistrants, updateSession } from "~/domain/events/manage.server";
import { CancelSessionSchema, SessionSchema } from "~/domain/events/staff-schema";
import { requireManagedSession, sessionRefusal } from "~/routes-support/events-staff.server";
import { now } from "~/utils/clock.server";
import { formConstraint } from "~/utils/form-constraint.server";
import { formatDateTime } from "~/utils/format";
import { invalid, refused } from "~/utils/http.server";
import { pageTitle } from "~/utils/meta";
import { clientIp, readFormData, singleField } from "~/utils/request.server";
import { useLocale } from "~/utils/i18n";
import { Localized } from "~/components/localized";

export const handle = { i18n: ["events", "jobs", "validation"] };
export const meta: MetaFunction = (args) => pageTitle(args, "staffEventSession");

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { session } = await requireManagedSession(request, params.sessionId);
  const registrants = await listRegistrants(session.id);
  const current = now();
  return {
    session: {
      id: session.id,
      startsAt: session.startsAt.toISOString(),
      capacity: session.capacity,
      registeredCount: session.registeredCount,
      cancelled: session.status === "cancelled",
      begun: session.startsAt <= current,
      lottery: session.allocation === "lottery",
      version: session.updatedAt.toISOString(),
    },
    program: {
      id: session.program.id,
      title: { ko: session.program.titleKo, en: session.program.titleEn },
    },
    registrants: registrants.map((r) => ({
      id: r.id,
      name: r.resident.deletedAt ? null : r.resident.name,
      registeredAt: r.createdAt.toISOString(),
    })),
    values: sessionFormValues(session),
    constraint: formConstraint(SessionSchema),
  };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { user, session } = await requireManagedSession(request, params.sessionId);
  const formData = await readFormData(request);
  const meta = { now: now(), ip: clientIp(context) };
  if (singleField(formData, "intent") === "cancelSession") {
    const submission = parseWithZod(formData, { schema: CancelSessionSchema });
    if (submission.status !== "success") return invalid(submission);
    const outcome = await cancelSession(user, session.id, meta);
    if (!outcome.ok) return refused(outcome, { submission });
    return redirect(`/staff/events/sessions/${session.id}?cancelled=${outcome.told}`);
  }
  const submission = parseWithZod(formData, { schema: SessionSchema });
  if (submission.status !== "success") return invalid(submission);
  const outcome = await updateSession(user, session.id, submission.value, meta);
  if (!outcome.ok) return sessionRefusal(outcome, submission);
  const moved = outcome.told === undefined ? "" : `&moved=${outcome.told}`;
  return redirect(`/staff/events/sessions/${session.id}?saved=1${moved}`);
}

function CancelSessionForm() {
  const { t } = useTranslation("events");
  const actionData = useActionData<typeof action>();
  const mine = actionData?.result?.initialValue?.intent === "cancelSession";
  const [form, fields] = useForm<{ confirm: string }>({
    id: "cancel-session",
    lastResult: mine ? actionData?.result : null,
  });
  return (
    <Form method="post" {...getFormProps(form)} className="stack">
      <ErrorSummary form={form} />
      {mine && actionData?.refusal ? (
        <p role="alert" className="form-errors">
          {t(`staff.problem.${actionData.refusal.code as "past"}`)}
        </p>
      ) : null}
      <CancelFields field={fields.confirm} what="session" />
      <p>
        <button type="submit" name="intent" value="cancelSession" className="button danger">
          {t("staff.cancel.sessionButton")}
        </button>
      </p>
    </Form>
  );
}

export default function StaffSession() {
  const { t } = useTranslation("events");
  const data = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [searchParams] = useSearchParams();
  const locale = useLocale();
  const { session } = data;
  const sessionResult =
    actionData?.result?.initialValue?.intent === "cancelSession" ? null : actionData?.result;
  const told = searchParams.get("cancelled");
  return (
    <section className="page narrow" aria-labelledby="staff-session-title">
      <p>
        <Link to={`/staff/events/${data.program.id}`}>
          <Localized of={data.program.title} />
        </Link>
      </p>
      <h1 id="staff-session-title">
        {t("staff.session.title", { when: formatDateTime(session.startsAt, locale) })}
      </h1>
      {searchParams.get("created") ? (
        <Confirmation>{t("staff.session.created")}</Confirmation>
      ) : null}
      {searchParams.get("saved") ? <Confirmation>{t("staff.session.saved")}</Confirmation> : null}
      {searchParams.get("moved") !== null ? (
        <p>{t("staff.session.moved", { count: Number(searchParams.get("moved")) || 0 })}</p>
      ) : null}
      {told !== null ? (
        <Confirmation>{t("staff.cancel.sessionDone", { count: Number(told) || 0 })}</Confirmation>
      ) : null}
      {session.cancelled ? <p className="notice">{t("staff.session.cancelledNotice")}</p> : null}
      <p>
        {t("staff.sessions.seats", {
          registered: session.registeredCount,
          capacity: session.capacity,
        })}
      </p>
      <p className="actions">
        {session.begun && !session.cancelled ? (
          <Link to={`/staff/events/sessions/${session.id}/attendance`}>
            {t("staff.sessions.attendance")}
          </Link>
        ) : null}
        {session.lottery ? (
          <Link to={`/staff/events/sessions/${session.id}/draw`}>{t("draw.title")}</Link>
        ) : null}
        <a href={`/staff/events/sessions/${session.id}/registrants.csv`} download>
          {t("staff.sessions.csv")}
        </a>
      </p>

      <section aria-labelledby="registrants-title">
        <h2 id="registrants-title">{t("staff.registrants.title")}</h2>
        {data.registrants.length === 0 ? (
          <p>{t("staff.registrants.none")}</p>
        ) : (
          <ol>
            {data.registrants.map((r) => (
              <li key={r.id}>
                {r.name ?? t("staff.registrants.deleted")} ·{" "}
                {formatDateTime(r.registeredAt, locale)}
              </li>
            ))}
          </ol>
        )}
      </section>

      {session.cancelled || session.begun ? null : (
        <>
          <h2>{t("staff.session.editTitle")}</h2>
          <SessionForm
            id={`session-${session.version}`}
            lastResult={sessionResult}
            defaultValue={data.values}
          />
          <section className="card" aria-labelledby="cancel-session-title">
            <h2 id="cancel-session-title">{t("staff.cancel.sessionTitle")}</h2>
            <CancelSessionForm />
          </section>
        </>
      )}
    </section>
  );
}
