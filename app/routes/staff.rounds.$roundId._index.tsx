// One public-work round in the back office: publish or close it (its sites follow), its sites,
// and its form.
import { parseWithZod } from "@conform-to/zod";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { RoundForm } from "~/components/jobs/staff-forms";
import { WindowText } from "~/components/jobs/window-text";
import { roundFormValues } from "~/domain/jobs/form-values";
import { RoundSchema } from "~/domain/jobs/schema";
import { belowFloor } from "~/domain/jobs/wage-floors";
import { listWageFloors } from "~/domain/jobs/wage-floors.server";
import { messageWithValues } from "~/domain/shared/message-values";
import { setPublication, updateRound } from "~/domain/jobs/manage.server";
import type { PublicationStatus } from "~/domain/jobs/types";
import { currentWindow } from "~/domain/jobs/window";
import { requireManagedRound } from "~/routes-support/jobs.server";
import { now } from "~/utils/clock.server";
import { invalid, refused } from "~/utils/http.server";
import { getLocale } from "~/utils/i18n.server";
import { withSiteName } from "~/utils/meta";
import { clientIp, readFormData, singleField } from "~/utils/request.server";
import { localized } from "~/domain/shared/localized";
import { formConstraint } from "~/utils/form-constraint.server";
import { Confirmation } from "~/components/ui/form";
import { Localized } from "~/components/localized";

export const handle = { i18n: ["jobs", "districts", "account", "validation"] };

export const meta: MetaFunction<typeof loader> = (args) =>
  withSiteName(args, args.data?.pageTitle ?? "");

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { round } = await requireManagedRound(request, params.roundId);
  const locale = await getLocale(request);
  return {
    pageTitle: localized(round, locale, "name"),
    round: {
      id: round.id,
      slug: round.slug,
      name: { ko: round.nameKo, en: round.nameEn },
      status: round.status as PublicationStatus,
      version: round.updatedAt.toISOString(),
      sites: round.sites,
    },
    window: currentWindow(
      round.status,
      { opensAt: round.applicationOpensAt, closesAt: round.applicationClosesAt },
      now(),
    ),
    values: roundFormValues(round),
    constraint: formConstraint(RoundSchema),
  };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { user, round } = await requireManagedRound(request, params.roundId);
  const formData = await readFormData(request);
  const meta = { now: now(), ip: clientIp(context) };
  const intent = singleField(formData, "intent");
  // Publishing and closing are buttons (no fields): a refusal is shown above them.
  if (intent === "publish" || intent === "close") {
    const outcome = await setPublication(user, { roundId: round.id }, intent, meta);
    if (!outcome.ok) return refused(outcome);
    return redirect(`/staff/rounds/${round.id}?${outcome.status}=1`);
  }
  const submission = parseWithZod(formData, { schema: RoundSchema });
  if (submission.status !== "success") return invalid(submission);
  // The sites take the round's new dates: each must still pay the minimum wage of every year.
  const floors = await listWageFloors();
  const period = {
    startDate: submission.value.workStartDate,
    endDate: submission.value.workEndDate,
  };
  for (const site of round.sites) {
    const violation = belowFloor(site.hourlyWageKrw, period, "public_work", floors);
    if (violation) {
      const title = localized({ ko: site.titleKo, en: site.titleEn }, await getLocale(request));
      return invalid(submission, {
        fieldErrors: {
          workEndDate: [
            messageWithValues("jobs:errors.siteBelowMinimumWage", {
              site: title,
              year: violation.year,
              floorKrw: violation.floorKrw,
              fromYear: violation.fromYear,
            }),
          ],
        },
      });
    }
  }
  const outcome = await updateRound(user, round.id, submission.value, meta);
  if (!outcome.ok) {
    return refused(outcome, {
      submission,
      reply: { fieldErrors: { roundNumber: [`jobs:staff.problem.${outcome.code}`] } },
    });
  }
  return redirect(`/staff/rounds/${round.id}?saved=1`);
}

export default function StaffRound() {
  const { t } = useTranslation(["jobs", "districts"]);
  const loaderData = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  // a refusal without a form is the publication buttons'
  const publicationRefused = Boolean(actionData?.refusal) && !actionData?.result;
  const [searchParams] = useSearchParams();
  const { round } = loaderData;
  const notice = ["created", "saved", "published", "closed", "siteAdded"].find((key) =>
    searchParams.get(key),
  );
  return (
    <section className="page narrow" aria-labelledby="staff-round-title">
      <p>
        <Link to="/staff/rounds">{t("staff.form.cancel")}</Link>
      </p>
      <h1 id="staff-round-title">
        <Localized of={round.name} />
      </h1>
      {notice ? (
        <Confirmation>
          {notice === "created"
            ? t("staff.form.created")
            : notice === "saved"
              ? t("staff.form.saved")
              : notice === "siteAdded"
                ? t("staff.round.siteAdded")
                : t(`staff.publication.${notice as "published"}`)}
        </Confirmation>
      ) : null}
      <p>
        <WindowText words={loaderData.window.words} />
      </p>
      <p className="actions">
        <Link to={`/rounds/${round.slug}`}>{t("staff.publication.view")}</Link>
        <Link to={`/staff/rounds/${round.id}/applicants`}>{t("staff.round.review")}</Link>
      </p>

      <section className="card" aria-labelledby="publication-title">
        <h2 id="publication-title">{t("staff.publication.title")}</h2>
        <p>{t("staff.publication.current", { status: t(`publication.${round.status}`) })}</p>
        {publicationRefused ? (
          <p role="alert" className="form-errors">
            {t("staff.publication.notAllowed")}
          </p>
        ) : null}
        <Form method="post" className="actions">
          {round.status !== "published" ? (
            <button type="submit" name="intent" value="publish" className="button primary">
              {round.status === "closed"
                ? t("staff.publication.republish")
                : t("staff.publication.publish")}
            </button>
          ) : (
            <button type="submit" name="intent" value="close" className="button danger">
              {t("staff.publication.close")}
            </button>
          )}
        </Form>
      </section>

      <section aria-labelledby="sites-title">
        <h2 id="sites-title">{t("staff.round.sites")}</h2>
        <p className="hint">{t("staff.round.siteHint")}</p>
        {round.sites.length === 0 ? <p className="notice">{t("staff.round.noSites")}</p> : null}
        <ul className="plain-list stack">
          {round.sites.map((site) => (
            <li key={site.id} className="card">
              <h3>
                <Link to={`/staff/postings/${site.id}`}>
                  <Localized of={site} field="title" />
                </Link>
              </h3>
              <p>
                {site.district ? t(`districts:${site.district as "mapo"}`) : null}{" "}
                {t("staff.round.places", {
                  selected: site.selectedCount,
                  positions: site.positions,
                })}
              </p>
            </li>
          ))}
        </ul>
        <p>
          <Link to={`/staff/rounds/${round.id}/sites/new`} className="button">
            {t("staff.round.addSite")}
          </Link>
        </p>
      </section>

      <h2>{t("staff.form.editRoundTitle")}</h2>
      <RoundForm
        id={`round-${round.version}`}
        lastResult={actionData?.result}
        defaultValue={loaderData.values}
      />
    </section>
  );
}
