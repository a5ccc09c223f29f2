// A new posting, saved as a draft (staff publish it from its page once it looks right).
import { parseWithZod } from "@conform-to/zod";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { PostingForm } from "~/components/jobs/staff-forms";
import { postingSchema } from "~/domain/jobs/schema";
import { createPosting, listOrganizations } from "~/domain/jobs/manage.server";
import { listWageFloors } from "~/domain/jobs/wage-floors.server";
import { latestFloors } from "~/domain/jobs/wage-floors";
import { requireJobsStaff } from "~/routes-support/jobs.server";
import { now } from "~/utils/clock.server";
import { invalid, refused } from "~/utils/http.server";
import { pageTitle } from "~/utils/meta";
import { clientIp, readFormData } from "~/utils/request.server";
import { formConstraint } from "~/utils/form-constraint.server";

export const handle = { i18n: ["jobs", "districts", "account", "validation"] };
export const meta: MetaFunction = (args) => pageTitle(args, "staffNewPosting");

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireJobsStaff(request);
  const floors = await listWageFloors();
  return {
    wageFloors: latestFloors(floors),
    organizations: user.role === "admin" ? await listOrganizations() : null,
    constraint: formConstraint(postingSchema({ floors })),
  };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requireJobsStaff(request);
  const schema = postingSchema({ floors: await listWageFloors() });
  const submission = parseWithZod(await readFormData(request), { schema });
  if (submission.status !== "success") return invalid(submission);
  const outcome = await createPosting(user, submission.value, {
    now: now(),
    ip: clientIp(context),
  });
  if (!outcome.ok) {
    return refused(outcome, {
      submission,
      reply: { fieldErrors: { organizationId: ["jobs:staff.problem.organizationRequired"] } },
    });
  }
  return redirect(`/staff/postings/${outcome.id}?created=1`);
}

export default function NewPosting() {
  const { t } = useTranslation("jobs");
  const { wageFloors, organizations } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>()?.result;
  return (
    <section className="page narrow" aria-labelledby="new-posting-title">
      <p>
        <Link to="/staff/postings">{t("staff.form.cancel")}</Link>
      </p>
      <h1 id="new-posting-title">{t("staff.form.newPostingTitle")}</h1>
      <p>{t("staff.form.intro")}</p>
      <PostingForm
        id="new-posting"
        lastResult={lastResult}
        wageFloors={wageFloors}
        organizations={organizations}
        defaultValue={{
          kind: "new_deal",
          hoursPerDay: "8",
          daysPerWeek: "5",
          opensTime: "09:00",
          closesTime: "18:00",
        }}
      />
    </section>
  );
}
