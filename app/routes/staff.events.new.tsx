// A new program of the host organisation, saved as a draft unless staff publish it at once.
import { parseWithZod } from "@conform-to/zod";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ProgramForm } from "~/components/events/staff-forms";
import { createProgram, listOrganizationsAndPlaces } from "~/domain/events/manage.server";
import { ProgramSchema } from "~/domain/events/staff-schema";
import { programRefusal, requireEventsStaff } from "~/routes-support/events-staff.server";

import { now } from "~/utils/clock.server";
import { formConstraint } from "~/utils/form-constraint.server";
import { invalid } from "~/utils/http.server";
import { pageTitle } from "~/utils/meta";
import { clientIp, readFormData } from "~/utils/request.server";

export const handle = { i18n: ["events", "jobs", "districts", "account", "validation"] };
export const meta: MetaFunction = (args) => pageTitle(args, "staffNewEvent");

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireEventsStaff(request);
  const { organizations, places } = await listOrganizationsAndPlaces();
  return {
    places,
    organizations: user.role === "admin" ? organizations : null,
    constraint: formConstraint(ProgramSchema),
  };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requireEventsStaff(request);
  const submission = parseWithZod(await readFormData(request), { schema: ProgramSchema });
  if (submission.status !== "success") return invalid(submission);
  const outcome = await createProgram(user, submission.value, {
    now: now(),
    ip: clientIp(context),
  });
  if (!outcome.ok) return programRefusal(outcome, submission);
  return redirect(`/staff/events/${outcome.id}?created=1`);
}

export default function NewProgram() {
  const { t } = useTranslation("events");
  const { places, organizations } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>()?.result;
  return (
    <section className="page narrow" aria-labelledby="new-program-title">
      <p>
        <Link to="/staff/events">{t("staff.form.back")}</Link>
      </p>
      <h1 id="new-program-title">{t("staff.form.newTitle")}</h1>
      <p>{t("staff.form.intro")}</p>
      <ProgramForm
        id="new-program"
        lastResult={lastResult}
        places={places}
        organizations={organizations}
        defaultValue={{ kind: "lecture", format: "in_person", languages: ["ko"], status: "draft" }}
      />
    </section>
  );
}
