// One of the organisation's postings in the back office: publish or close it, and edit it
// (a public-work site edits only its own fields; the rest follows its round).
import { parseWithZod } from "@conform-to/zod";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { PostingForm, SiteForm } from "~/components/jobs/staff-forms";
import { WindowText } from "~/components/jobs/window-text";
import { postingFormValues, siteFormValues } from "~/domain/jobs/form-values";
import { PublicationSchema, postingSchema, SiteSchema } from "~/domain/jobs/schema";
import {
  getManagedPosting,
  livingWageKrw,
  setPublication,
  updatePosting,
} from "~/domain/jobs/service.server";
import { requireJobsStaff } from "~/domain/jobs/staff.server";
import type { PublicationStatus } from "~/domain/jobs/types";
import { currentWindow } from "~/domain/jobs/window";
import { forbidden } from "~/domain/residents/auth.server";
import { now } from "~/utils/clock.server";
import { getLocale } from "~/utils/i18n.server";
import { withSiteName } from "~/utils/meta";
import { clientIp, readFormData, singleField } from "~/utils/request.server";

export const handle = { i18n: ["jobs", "districts", "account", "validation"] };

export const meta: MetaFunction<typeof loader> = (args) =>
  withSiteName(args, args.data?.pageTitle ?? "");

async function managedPosting(request: Request, postingId: string | undefined) {
  const user = await requireJobsStaff(request);
  const found = await getManagedPosting(user, postingId ?? "");
  if (!found.ok) {
    throw found.problem === "forbidden" ? forbidden() : new Response("Not found", { status: 404 });
  }
  return { user, posting: found.value };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { posting } = await managedPosting(request, params.postingId);
  const locale = await getLocale(request);
  return {
    pageTitle: locale === "en" ? posting.titleEn : posting.titleKo,
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
    livingWageKrw: livingWageKrw(),
  };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { user, posting } = await managedPosting(request, params.postingId);
  const formData = await readFormData(request);
  const meta = { now: now(), ip: clientIp(context) };
  const intent = singleField(formData, "intent");
  if (intent === "publish" || intent === "close") {
    const submission = parseWithZod(formData, { schema: PublicationSchema });
    if (submission.status !== "success")
      return data({ publication: "notAllowed" }, { status: 400 });
    const outcome = await setPublication(
      user,
      { postingId: posting.id },
      submission.value.intent,
      meta,
    );
    if (!outcome.ok) return data({ publication: "notAllowed" }, { status: 409 });
    return redirect(`/staff/postings/${posting.id}?${outcome.status}=1`);
  }
  if (posting.roundId) {
    const submission = parseWithZod(formData, { schema: SiteSchema });
    if (submission.status !== "success") return data({ form: submission.reply() }, { status: 400 });
    const outcome = await updatePosting(user, posting.id, { site: submission.value }, meta);
    if (!outcome.ok)
      return data(
        {
          form: submission.reply({
            fieldErrors: { positions: [`jobs:staff.problem.${outcome.problem}`] },
          }),
        },
        { status: 409 },
      );
  } else {
    const schema = postingSchema({ livingWageKrw: livingWageKrw() });
    const submission = parseWithZod(formData, { schema });
    if (submission.status !== "success") return data({ form: submission.reply() }, { status: 400 });
    const outcome = await updatePosting(user, posting.id, { posting: submission.value }, meta);
    if (!outcome.ok)
      return data(
        {
          form: submission.reply({
            fieldErrors: { positions: [`jobs:staff.problem.${outcome.problem}`] },
          }),
        },
        { status: 409 },
      );
  }
  return redirect(`/staff/postings/${posting.id}?saved=1`);
}

export default function StaffPosting() {
  const { t, i18n } = useTranslation("jobs");
  const loaderData = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [searchParams] = useSearchParams();
  const { posting } = loaderData;
  const title = i18n.language === "en" ? posting.title.en : posting.title.ko;
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
        <p role="status" className="notice success">
          {notice === "created"
            ? t("staff.form.created")
            : notice === "saved"
              ? t("staff.form.saved")
              : t(`staff.publication.${notice as "published"}`)}
        </p>
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
        {actionData && "publication" in actionData ? (
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
          lastResult={actionData && "form" in actionData ? actionData.form : undefined}
          defaultValue={loaderData.values}
          livingWageKrw={loaderData.livingWageKrw}
        />
      ) : (
        <PostingForm
          id={`posting-${posting.version}`}
          lastResult={actionData && "form" in actionData ? actionData.form : undefined}
          defaultValue={loaderData.values}
          livingWageKrw={loaderData.livingWageKrw}
        />
      )}
    </section>
  );
}
