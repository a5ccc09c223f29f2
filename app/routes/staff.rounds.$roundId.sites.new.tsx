// A new site of a public-work round: its own title, place, places and pay; its dates, window,
// criteria and publication come from the round.
import { parseWithZod } from "@conform-to/zod";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { SiteForm } from "~/components/jobs/staff-forms";
import { siteSchema } from "~/domain/jobs/schema";
import { addRoundSite } from "~/domain/jobs/manage.server";
import { listWageFloors } from "~/domain/jobs/wage-floors.server";
import { latestFloors, type WageFloor } from "~/domain/jobs/wage-floors";
import { requireManagedRound } from "~/routes-support/jobs.server";
import { now } from "~/utils/clock.server";
import { invalid, refusalResponse } from "~/utils/http.server";
import { pageTitle } from "~/utils/meta";
import { clientIp, readFormData } from "~/utils/request.server";
import { formConstraint } from "~/utils/form-constraint.server";
import { Localized } from "~/components/localized";

export const handle = { i18n: ["jobs", "districts", "validation"] };
export const meta: MetaFunction = (args) => pageTitle(args, "staffNewSite");

/** A round's sites are public work over the round's period. */
function schemaFor(
  round: { workStartDate: string; workEndDate: string },
  floors: readonly WageFloor[],
) {
  return siteSchema({
    floors,
    period: { startDate: round.workStartDate, endDate: round.workEndDate },
    kind: "public_work",
  });
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { round } = await requireManagedRound(request, params.roundId);
  const floors = await listWageFloors();
  return {
    round: { id: round.id, name: { ko: round.nameKo, en: round.nameEn } },
    wageFloors: latestFloors(floors),
    constraint: formConstraint(schemaFor(round, floors)),
  };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { user, round } = await requireManagedRound(request, params.roundId);
  const schema = schemaFor(round, await listWageFloors());
  const submission = parseWithZod(await readFormData(request), { schema });
  if (submission.status !== "success") return invalid(submission);
  const outcome = await addRoundSite(user, params.roundId ?? "", submission.value, {
    now: now(),
    ip: clientIp(context),
  });
  if (!outcome.ok) throw refusalResponse(outcome);
  return redirect(`/staff/rounds/${params.roundId}?siteAdded=1`);
}

export default function NewSite() {
  const { t } = useTranslation("jobs");
  const { round, wageFloors } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>()?.result;
  return (
    <section className="page narrow" aria-labelledby="new-site-title">
      <p>
        <Link to={`/staff/rounds/${round.id}`}>
          <Localized of={round.name} />
        </Link>
      </p>
      <h1 id="new-site-title">{t("staff.form.newSiteTitle")}</h1>
      <p className="hint">{t("staff.round.siteHint")}</p>
      <SiteForm
        id="new-site"
        lastResult={lastResult}
        wageFloors={wageFloors}
        defaultValue={{
          hoursPerDay: "5",
          daysPerWeek: "5",
          hourlyWageKrw: wageFloors.minimum ? String(wageFloors.minimum.hourlyKrw) : undefined,
        }}
      />
    </section>
  );
}
