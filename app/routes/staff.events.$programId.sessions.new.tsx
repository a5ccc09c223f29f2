// A new session of one of the host's programs: when (Seoul time), how many seats, and when
// registration opens and closes.
import { parseWithZod } from "@conform-to/zod";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { SessionForm } from "~/components/events/session-form";
import { createSession } from "~/domain/events/manage.server";
import { SessionSchema } from "~/domain/events/staff-schema";
import { requireManagedProgram, sessionRefusal } from "~/routes-support/events-staff.server";
import { now } from "~/utils/clock.server";
import { formConstraint } from "~/utils/form-constraint.server";
import { invalid } from "~/utils/http.server";
import { pageTitle } from "~/utils/meta";
import { clientIp, readFormData } from "~/utils/request.server";
import { Localized } from "~/components/localized";

export const handle = { i18n: ["events", "jobs", "validation"] };
export const meta: MetaFunction = (args) => pageTitle(args, "staffNewEventSession");

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { program } = await requireManagedProgram(request, params.programId);
  return {
    program: { id: program.id, title: { ko: program.titleKo, en: program.titleEn } },
    constraint: formConstraint(SessionSchema),
  };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { user, program } = await requireManagedProgram(request, params.programId);
  const submission = parseWithZod(await readFormData(request), { schema: SessionSchema });
  if (submission.status !== "success") return invalid(submission);
  const outcome = await createSession(user, program.id, submission.value, {
    now: now(),
    ip: clientIp(context),
  });
  if (!outcome.ok) return sessionRefusal(outcome, submission);
  return redirect(`/staff/events/sessions/${outcome.id}?created=1`);
}

export default function NewSession() {
  const { t } = useTranslation("events");
  const { program } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>()?.result;
  return (
    <section className="page narrow" aria-labelledby="new-session-title">
      <p>
        <Link to={`/staff/events/${program.id}`}>
          <Localized of={program.title} />
        </Link>
      </p>
      <h1 id="new-session-title">{t("staff.session.newTitle")}</h1>
      <SessionForm
        id="new-session"
        lastResult={lastResult}
        defaultValue={{
          startTime: "19:00",
          endTime: "21:00",
          opensTime: "09:00",
          closesTime: "18:00",
          allocation: "first_come",
          drawTime: "10:00",
          confirmHours: "48",
        }}
      />
    </section>
  );
}
