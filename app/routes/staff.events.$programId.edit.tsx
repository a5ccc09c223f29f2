// Editing one of the host's programs: its texts, where and how, languages, accessibility, who may
// register (the one eligibility engine) and whether residents see it.
import { parseWithZod } from "@conform-to/zod";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ProgramForm } from "~/components/events/staff-forms";
import { programFormValues } from "~/domain/events/form-values";
import { listOrganizationsAndPlaces, updateProgram } from "~/domain/events/manage.server";
import { ProgramSchema } from "~/domain/events/staff-schema";
import { programRefusal, requireManagedProgram } from "~/routes-support/events-staff.server";
import { now } from "~/utils/clock.server";
import { formConstraint } from "~/utils/form-constraint.server";
import { invalid } from "~/utils/http.server";
import { pageTitle } from "~/utils/meta";
import { clientIp, readFormData } from "~/utils/request.server";
import { localizedText } from "~/domain/shared/localized";
import { getLocale } from "~/utils/i18n.server";

export const handle = { i18n: ["events", "jobs", "districts", "account", "validation"] };
export const meta: MetaFunction = (args) => pageTitle(args, "staffEditEvent");

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { program } = await requireManagedProgram(request, params.programId);
  const { places } = await listOrganizationsAndPlaces();
  return {
    program: {
      id: program.id,
      // picked here, not with <Localized>: this page sits at the JavaScript budget's edge
      title: localizedText({ ko: program.titleKo, en: program.titleEn }, await getLocale(request)),
      // changes whenever the program is saved, so the form starts again from what was saved
      version: program.updatedAt.toISOString(),
    },
    values: programFormValues(program),
    places,
    constraint: formConstraint(ProgramSchema),
  };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { user, program } = await requireManagedProgram(request, params.programId);
  const submission = parseWithZod(await readFormData(request), { schema: ProgramSchema });
  if (submission.status !== "success") return invalid(submission);
  const outcome = await updateProgram(user, program.id, submission.value, {
    now: now(),
    ip: clientIp(context),
  });
  if (!outcome.ok) return programRefusal(outcome, submission);
  return redirect(`/staff/events/${program.id}?saved=1`);
}

export default function EditProgram() {
  const { t } = useTranslation("events");
  const data = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>()?.result;
  return (
    <section className="page narrow" aria-labelledby="edit-program-title">
      <p>
        <Link to={`/staff/events/${data.program.id}`}>
          <span lang={data.program.title.lang}>{data.program.title.text}</span>
        </Link>
      </p>
      <h1 id="edit-program-title">{t("staff.form.editTitle")}</h1>
      <ProgramForm
        id={`program-${data.program.version}`}
        lastResult={lastResult}
        defaultValue={data.values}
        places={data.places}
      />
    </section>
  );
}
