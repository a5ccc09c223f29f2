// One of the organisation's postings in the back office: publish or close it, and edit it
// (a public-work site edits only its own fields; the rest follows its round).
import type { Submission } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { PostingForm, SiteForm } from "~/components/jobs/staff-forms";
import { WindowText } from "~/components/jobs/window-text";
import { postingFormValues, siteFormValues } from "~/domain/jobs/form-values";
import { postingSchema, siteSchema } from "~/domain/jobs/schema";
import { listWageFloors } from "~/domain/jobs/wage-floors.server";
import { latestFloors, type WageFloor } from "~/domain/jobs/wage-floors";
import { setPublication, updatePosting } from "~/domain/jobs/manage.server";
import type { PublicationStatus } from "~/domain/jobs/types";
import { currentWindow } from "~/domain/jobs/window";
import type { Failure } from "~/domain/shared/outcome";
import { requireManagedPosting } from "~/routes-support/jobs.server";
import { now } from "~/utils/clock.server";
import { invalid, refused } from "~/utils/http.server";
import { getLocale } from "~/utils/i18n.server";
import { withSiteName } from "~/utils/meta";
import { clientIp, readFormData, singleField } from "~/utils/request.server";
import { localized } from "~/domain/shared/localized";
import { formConstraint } from "~/utils/form-constraint.server";
import { Confirmation } from "~/components/ui/form";

export const handle = { i18n: ["jobs", "districts", "account", "validation"] };

export const meta: MetaFunction<typeof loader> = (args) =>
  withSiteName(args, args.data?.pageTitle ?? "");

/** The form's schema: a site's period and kind are its round's (copied onto the site). */
function schemaFor(
  posting: { roundId: string | null; startDate: string; endDate: string; kind: string },
  floors: readonly WageFloor[],
) {
  return posting.roundId
    ? siteSchema({ floors, period: posting, kind: posting.kind })
    : postingSchema({ floors });
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { posting } = await requireManagedPosting(request, params.postingId);
  const locale = await getLocale(request);
  const floors = await listWageFloors();
  return {
    pageTitle: localized(posting, locale, "title"),
    posting: {
      id: posting.id,
      slug: posting.slug,
      title: { ko: posting.titleKo, en: posting.titleEn },
      status: posting.status as PublicationStatus,
      roundId: posting.roundId,
      positions: posting.positions,
      selectedCount: posting.selectedCount,
      // changes whenever the posting is saved, so the form starts again from what was saved
      version: posting.updatedAt.toISOString(),
    },
    window: currentWindow(
      posting.status,
      { opensAt: posting.applicationOpensAt, closesAt: posting.applicationClosesAt },
      now(),
    ),
    values: posting.roundId ? siteFormValues(posting) : postingFormValues(posting),
    wageFloors: latestFloors(floors),
    constraint: formConstraint(schemaFor(posting, floors)),
  };
}

/** A refused save: the form again, with why next to the number of places. */
function refusedSave(failure: Failure, submission: Submission<unknown>) {
  return refused(failure, {
    submission,
    reply: { fieldErrors: { positions: [`jobs:staff.problem.${failure.code}`] } },
  });
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { user, posting } = await requireManagedPosting(request, params.postingId);
  const formData = await readFormData(request);
  const meta = { now: now(), ip: clientIp(context) };
  const intent = singleField(formData, "intent");
  // Publishing and closing are buttons (no fields): a refusal is shown above them.
  if (intent === "publish" || intent === "close") {
    const outcome = await setPublication(user, { postingId: posting.id }, intent, meta);
    if (!outcome.ok) return refused(outcome);
    return redirect(`/staff/postings/${posting.id}?${outcome.status}=1`);
  }
  const floors = await listWageFloors();
  if (posting.roundId) {
    const schema = siteSchema({ floors, period: posting, kind: posting.kind });
    const submission = parseWithZod(formData, { schema });
    if (submission.status !== "success") return invalid(submission);
    const outcome = await updatePosting(user, posting.id, { site: submission.value }, meta);
    if (!outcome.ok) return refusedSave(outcome, submission);
  } else {
    const schema = postingSchema({ floors });
    const submission = parseWithZod(formData, { schema });
    if (submission.status !== "success") return invalid(submission);
    const outcome = await updatePosting(user, posting.id, { posting: submission.value }, meta);
    if (!outcome.ok) return refusedSave(outcome, submission);
  }
  return redirect(`/staff/postings/${posting.id}?saved=1`);
}

export default function StaffPosting() {
  const { t, i18n } = useTranslation("jobs");
  const loaderData = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  // a refusal without a form is the publication buttons'
  const publicationRefused = Boolean(actionData?.refusal) && !actionData?.result;
  const [searchParams] = useSearchParams();
  const { posting } = loaderData;
  const title = localized(posting.title, i18n.language);
  const notice = ["created", "saved", "published", "closed"].find((key) => searchParams.get(key));
  return (
    <section className="page narrow" aria-labelledby="staff-posting-title">
      <p>
        <Link to={posting.roundId ? `/staff/rounds/${posting.roundId}` : "/staff/postings"}>
          {t("staff.form.cancel")}
        </Link>
      </p>
      <h1 id="staff-posting-title">{title}</h1>
      {notice ? (
        <Confirmation>
          {notice === "created"
            ? t("staff.form.created")
            : notice === "saved"
              ? t("staff.form.saved")
              : t(`staff.publication.${notice as "published"}`)}
        </Confirmation>
      ) : null}
      <p>
        <WindowText words={loaderData.window.words} />
      </p>
      <p className="actions">
        <Link to={`/jobs/${posting.slug}`}>{t("staff.publication.view")}</Link>
        <Link
          to={
            posting.roundId
              ? `/staff/rounds/${posting.roundId}/applicants?site=${posting.id}`
              : `/staff/postings/${posting.id}/applicants`
          }
        >
          {t("staff.list.review")}
        </Link>
      </p>

      <section className="card" aria-labelledby="publication-title">
        <h2 id="publication-title">{t("staff.publication.title")}</h2>
        <p>{t("staff.publication.current", { status: t(`publication.${posting.status}`) })}</p>
        <p>
          {t("staff.list.places", {
            selected: posting.selectedCount,
            positions: posting.positions,
          })}
        </p>
        {publicationRefused ? (
          <p role="alert" className="form-errors">
            {t("staff.publication.notAllowed")}
          </p>
        ) : null}
        {posting.roundId ? (
          <p className="hint">{t("staff.publication.roundSites")}</p>
        ) : (
          <Form method="post" className="actions">
            {posting.status !== "published" ? (
              <button type="submit" name="intent" value="publish" className="button primary">
                {posting.status === "closed"
                  ? t("staff.publication.republish")
                  : t("staff.publication.publish")}
              </button>
            ) : (
              <button type="submit" name="intent" value="close" className="button danger">
                {t("staff.publication.close")}
              </button>
            )}
          </Form>
        )}
      </section>

      <h2>{posting.roundId ? t("staff.form.editSiteTitle") : t("staff.form.editPostingTitle")}</h2>
      {posting.roundId ? (
        <SiteForm
          id={`site-${posting.version}`}
          lastResult={actionData?.result}
          defaultValue={loaderData.values}
          wageFloors={loaderData.wageFloors}
        />
      ) : (
        <PostingForm
          id={`posting-${posting.version}`}
          lastResult={actionData?.result}
          defaultValue={loaderData.values}
          wageFloors={loaderData.wageFloors}
        />
      )}
    </section>
  );
}
