// A new public-work round, saved as a draft; sites are added on its page.
import { parseWithZod } from "@conform-to/zod";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { RoundForm } from "~/components/jobs/staff-forms";
import { RoundSchema } from "~/domain/jobs/schema";
import { createRound, listOrganizations } from "~/domain/jobs/manage.server";
import { requireJobsStaff } from "~/routes-support/jobs.server";
import { now } from "~/utils/clock.server";
import { invalid, refused } from "~/utils/http.server";
import { pageTitle } from "~/utils/meta";
import { clientIp, readFormData } from "~/utils/request.server";
import { formConstraint } from "~/utils/form-constraint.server";

export const handle = { i18n: ["jobs", "districts", "account", "validation"] };
export const meta: MetaFunction = (args) => pageTitle(args, "staffNewRound");

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireJobsStaff(request);
  return {
    organizations: user.role === "admin" ? await listOrganizations() : null,
    constraint: formConstraint(RoundSchema),
  };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requireJobsStaff(request);
  const submission = parseWithZod(await readFormData(request), { schema: RoundSchema });
  if (submission.status !== "success") return invalid(submission);
  const outcome = await createRound(user, submission.value, { now: now(), ip: clientIp(context) });
  if (!outcome.ok) {
    const field = outcome.code === "organizationRequired" ? "organizationId" : "roundNumber";
    return refused(outcome, {
      submission,
      reply: { fieldErrors: { [field]: [`jobs:staff.problem.${outcome.code}`] } },
    });
  }
  return redirect(`/staff/rounds/${outcome.id}?created=1`);
}

export default function NewRound() {
  const { t } = useTranslation("jobs");
  const { organizations } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>()?.result;
  return (
    <section className="page narrow" aria-labelledby="new-round-title">
      <p>
        <Link to="/staff/rounds">{t("staff.form.cancel")}</Link>
      </p>
      <h1 id="new-round-title">{t("staff.form.newRoundTitle")}</h1>
      <p>{t("staff.form.intro")}</p>
      <RoundForm
        id="new-round"
        lastResult={lastResult}
        organizations={organizations}
        defaultValue={{
          minAge: "18",
          seoulResidentRequired: "on",
          unemployedRequired: "on",
          noRegularIncomeRequired: "on",
          registeredJobSeekerRequired: "on",
          opensTime: "09:00",
          closesTime: "18:00",
        }}
      />
    </section>
  );
}
