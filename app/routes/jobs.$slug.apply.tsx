// Applying for a posting: a short form with the profile it goes with. The server checks again,
// at the moment of submission, that the window is open and the resident is eligible.
import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import {
  ApplicantProfile,
  ApplicationFields,
  ApplyRefusal,
} from "~/components/jobs/application-form";
import { EligibilityPanel } from "~/components/jobs/eligibility";
import { WindowText } from "~/components/jobs/window-text";
import { ErrorSummary, useFormConstraint } from "~/components/ui/form";
import { ApplySchema } from "~/domain/jobs/schema";
import { applyToPosting } from "~/domain/jobs/apply.server";
import { findOwnApplication, getPostingBySlug, verdictFor } from "~/domain/jobs/postings.server";
import { currentWindow } from "~/domain/jobs/window";
import { getProfile } from "~/domain/residents/service.server";
import { applyResponse } from "~/routes-support/jobs.server";
import { requireUser } from "~/utils/auth.server";
import { now } from "~/utils/clock.server";
import { formatDateTime } from "~/utils/format";
import { invalid, invariantResponse, notFound } from "~/utils/http.server";
import { getLocale, getServerT } from "~/utils/i18n.server";
import { withSiteName } from "~/utils/meta";
import { clientIp, readFormData } from "~/utils/request.server";
import { localized } from "~/domain/shared/localized";
import { formConstraint } from "~/utils/form-constraint.server";
import type { z } from "zod";
import { requirements } from "~/domain/eligibility/judge";

export const handle = { i18n: ["jobs", "eligibility", "districts", "account", "validation"] };

export const meta: MetaFunction<typeof loader> = (args) =>
  withSiteName(args, args.data?.pageTitle ?? "");

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const posting = await getPostingBySlug(params.slug ?? "", user);
  invariantResponse(posting, notFound);
  if (posting.round) throw redirect(`/rounds/${posting.round.slug}`);
  const existing = await findOwnApplication(user.id, { postingId: posting.id });
  if (existing) throw redirect(`/applications/${existing.id}`);
  const at = now();
  const [{ verdict }, profile, t, locale] = await Promise.all([
    verdictFor(user.id, posting.criteria, at),
    getProfile(user.id),
    getServerT(request),
    getLocale(request),
  ]);
  invariantResponse(profile, notFound);
  return {
    constraint: formConstraint(ApplySchema),
    pageTitle: t("jobs:apply.heading", { title: localized(posting, locale, "title") }),
    posting: {
      slug: posting.slug,
      title: { ko: posting.titleKo, en: posting.titleEn },
      closesAt: posting.applicationClosesAt.toISOString(),
      requirements: requirements(posting.criteria),
    },
    window: currentWindow(
      posting.status,
      { opensAt: posting.applicationOpensAt, closesAt: posting.applicationClosesAt },
      at,
    ),
    verdict,
    profile: {
      name: profile.name,
      email: profile.email,
      phone: profile.phone,
      birthDate: profile.birthDate,
      district: profile.district,
      employmentStatus: profile.employmentStatus,
    },
    profileHref: `/residents/${user.id}`,
    // A new key for every rendering of the form: sending the same form twice applies once.
    idempotencyKey: crypto.randomUUID(),
  };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const formData = await readFormData(request);
  const submission = parseWithZod(formData, { schema: ApplySchema });
  if (submission.status !== "success") return invalid(submission);
  const outcome = await applyToPosting(user.id, params.slug ?? "", submission.value, {
    now: now(),
    ip: clientIp(context),
  });
  return applyResponse(outcome, submission);
}

export default function ApplyPage() {
  const { t, i18n } = useTranslation(["jobs", "eligibility"]);
  const loaderData = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const { posting, window, verdict } = loaderData;
  const [form, fields] = useForm<z.input<typeof ApplySchema>>({
    id: `apply-${posting.slug}`,
    lastResult: actionData?.result,
    constraint: useFormConstraint(),
  });
  const title = localized(posting.title, i18n.language);
  const open = window.state === "open" && verdict.eligible;
  return (
    <section className="page narrow" aria-labelledby="apply-title">
      <p>
        <Link to={`/jobs/${posting.slug}`}>{title}</Link>
      </p>
      <h1 id="apply-title">{t("apply.heading", { title })}</h1>
      <p>
        <WindowText words={window.words} />
      </p>
      {actionData?.refusal ? (
        <ApplyRefusal refusal={actionData.refusal} profileHref={loaderData.profileHref} />
      ) : null}
      {open ? (
        <>
          <p>{t("apply.intro")}</p>
          <ApplicantProfile profile={loaderData.profile} profileHref={loaderData.profileHref} />
          <h2 id="apply-form-title">{t("apply.formTitle")}</h2>
          <Form
            method="post"
            {...getFormProps(form)}
            aria-labelledby="apply-form-title"
            className="stack"
          >
            <ErrorSummary form={form} />
            <ApplicationFields fields={fields} idempotencyKey={loaderData.idempotencyKey} />
            <p className="hint">
              {t("apply.after", { date: formatDateTime(posting.closesAt, i18n.language) })}
            </p>
            <button
              type="submit"
              className="button primary"
              disabled={navigation.state === "submitting"}
            >
              {navigation.state === "submitting" ? t("apply.submitting") : t("apply.submit")}
            </button>
          </Form>
        </>
      ) : (
        <>
          <p className="notice">{t("apply.cannotApply")}</p>
          <EligibilityPanel
            requirements={posting.requirements}
            verdict={verdict}
            profileHref={loaderData.profileHref}
            loginHref="/login"
            headingId="eligibility-title"
          />
        </>
      )}
    </section>
  );
}
