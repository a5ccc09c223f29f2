// The attendance sheet of a session: once it has begun, staff mark each registrant attended or
// no-show in one form (radio buttons per person: works without JavaScript).
import { parseWithZod } from "@conform-to/zod";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { SessionHeading } from "~/components/events/session-heading";
import { Confirmation } from "~/components/ui/form";
import { listRegistrants, recordAttendance } from "~/domain/events/manage.server";
import { AttendanceSchema } from "~/domain/events/staff-schema";
import { ATTENDANCE_MARKS } from "~/domain/events/types";
import { requireManagedSession } from "~/routes-support/events-staff.server";
import { now } from "~/utils/clock.server";
import { invalid, refused } from "~/utils/http.server";
import { pageTitle } from "~/utils/meta";
import { clientIp, readFormData } from "~/utils/request.server";

export const handle = { i18n: ["events"] };
export const meta: MetaFunction = (args) => pageTitle(args, "staffEventAttendance");

const MARKS = [...ATTENDANCE_MARKS, "unknown"] as const;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { session } = await requireManagedSession(request, params.sessionId);
  const registrants = await listRegistrants(session.id);
  return {
    session: {
      id: session.id,
      startsAt: session.startsAt.toISOString(),
      cancelled: session.status === "cancelled",
      begun: session.startsAt <= now(),
    },
    program: { title: { ko: session.program.titleKo, en: session.program.titleEn } },
    registrants: registrants.map((r) => ({
      id: r.id,
      name: r.resident.deletedAt ? null : r.resident.name,
      attendance: (r.attendance ?? "unknown") as (typeof MARKS)[number],
    })),
  };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { user, session } = await requireManagedSession(request, params.sessionId);
  const submission = parseWithZod(await readFormData(request), { schema: AttendanceSchema });
  if (submission.status !== "success") return invalid(submission);
  const outcome = await recordAttendance(user, session.id, submission.value.mark, {
    now: now(),
    ip: clientIp(context),
  });
  if (!outcome.ok) return refused(outcome);
  return redirect(`/staff/events/sessions/${session.id}/attendance?saved=${outcome.marked}`);
}

export default function Attendance() {
  const { t } = useTranslation("events");
  const { session, program, registrants } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [searchParams] = useSearchParams();
  const saved = searchParams.get("saved");
  const open = session.begun && !session.cancelled;
  return (
    <section className="page narrow" aria-labelledby="attendance-title">
      <SessionHeading session={session} programTitle={program.title} titleId="attendance-title">
        {t("staff.attendance.title")}
      </SessionHeading>
      {saved !== null && !actionData ? (
        <Confirmation>{t("staff.attendance.saved", { count: Number(saved) || 0 })}</Confirmation>
      ) : null}
      {actionData?.refusal ? (
        <p role="alert" className="form-errors" data-arrival-focus tabIndex={-1}>
          {t(`staff.problem.${actionData.refusal.code as "notStarted"}`)}
        </p>
      ) : actionData?.result ? (
        <p role="alert" className="form-errors" data-arrival-focus tabIndex={-1}>
          {t("staff.attendance.invalid")}
        </p>
      ) : null}
      {!open ? (
        <p className="notice">
          {session.cancelled ? t("staff.session.cancelledNotice") : t("staff.attendance.notYet")}
        </p>
      ) : registrants.length === 0 ? (
        <p>{t("staff.registrants.none")}</p>
      ) : (
        <Form method="post" className="stack">
          <div className="table-scroll">
            <table>
              <caption>{t("staff.attendance.caption", { count: registrants.length })}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("staff.attendance.person")}</th>
                  {MARKS.map((mark) => (
                    <th scope="col" key={mark}>
                      {t(`staff.attendance.${mark}`)}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {registrants.map((r) => {
                  const name = r.name ?? t("staff.registrants.deleted");
                  return (
                    <tr key={r.id}>
                      <th scope="row" id={`person-${r.id}`}>
                        {name}
                      </th>
                      {MARKS.map((mark) => (
                        <td key={mark}>
                          <input
                            type="radio"
                            name={`mark.${r.id}`}
                            value={mark}
                            id={`mark-${r.id}-${mark}`}
                            defaultChecked={r.attendance === mark}
                            aria-label={`${name}: ${t(`staff.attendance.${mark}`)}`}
                          />
                        </td>
                      ))}
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
          <p>
            <button type="submit" className="button primary">
              {t("staff.attendance.save")}
            </button>
          </p>
        </Form>
      )}
    </section>
  );
}
