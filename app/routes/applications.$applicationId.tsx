// One of my applications: what I sent, the status timeline, and withdrawing (while the window is
// open; once selected or waitlisted, until work starts — the place then goes to the waitlist).
import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import {
  Form,
  Link,
  useActionData,
  useLoaderData,
  useNavigation,
  useSearchParams,
} from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { StatusBadge, StatusTimeline } from "~/components/jobs/application-status";
import { NextStepPanel } from "~/components/jobs/next-step";
import { Deliveries } from "~/components/ui/deliveries";
import { CheckboxField, Confirmation, ErrorSummary, useFormConstraint } from "~/components/ui/form";
import { deliveriesAbout } from "~/domain/notifications/delivery.server";
import { WithdrawSchema } from "~/domain/jobs/schema";
import { getMyApplication, withdrawApplication } from "~/domain/jobs/apply.server";
import { requireUser } from "~/utils/auth.server";
import { now } from "~/utils/clock.server";
import { formatDateTime } from "~/utils/format";
import { invalid, invariantResponse, notFound, refused } from "~/utils/http.server";
import { getLocale, getServerT } from "~/utils/i18n.server";
import { withSiteName } from "~/utils/meta";
import { clientIp, readFormData } from "~/utils/request.server";
import { localized } from "~/domain/shared/localized";
import { useLocale } from "~/utils/i18n";
import { formConstraint } from "~/utils/form-constraint.server";
import type { z } from "zod";
import { Localized } from "~/components/localized";
import { withFragments } from "~/components/localized-fragments";

export const handle = { i18n: ["jobs", "validation"] };

export const meta: MetaFunction<typeof loader> = (args) =>
  withSiteName(args, args.data?.pageTitle ?? "");

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  // Someone else's application is answered like one that does not exist.
  const application = await getMyApplication(user.id, params.applicationId ?? "", now());
  invariantResponse(application, notFound);
  const [locale, t, deliveries] = await Promise.all([
    getLocale(request),
    getServerT(request),
    deliveriesAbout(user.id, `application:${application.id}`, now()),
  ]);
  const { subject } = application;
  return {
    deliveries,
    constraint: formConstraint(WithdrawSchema),
    // distinct from the posting's own page: what it is, for which posting, and where it stands
    pageTitle: t("jobs:applications.pageTitle", {
      title: localized(subject.title, locale),
      status: t(`jobs:status.${application.status}`),
    }),
    application: {
      id: application.id,
      status: application.status,
      motivation: application.motivation,
      availability: application.availability,
      submittedAt: application.submittedAt.toISOString(),
      waitlistRank: application.waitlistRank,
      canWithdraw: application.canWithdraw,
      subject: {
        kind: subject.kind,
        slug: subject.slug,
        title: subject.title,
        organization: subject.organization,
      },
      site: application.site && { ko: application.site.titleKo, en: application.site.titleEn },
      preferences: application.preferences,
      nextStep: application.nextStep,
      timeline: application.timeline.map((step) => ({
        status: step.status,
        at: step.at.toISOString(),
        // no person behind it: the waitlist moved up
        automatic: step.byId === null,
      })),
    },
  };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const formData = await readFormData(request);
  const submission = parseWithZod(formData, { schema: WithdrawSchema });
  if (submission.status !== "success") return invalid(submission);
  const outcome = await withdrawApplication(user.id, params.applicationId ?? "", {
    now: now(),
    ip: clientIp(context),
  });
  if (outcome.ok) return redirect(`/applications/${params.applicationId}?withdrawn=1`);
  if (outcome.code === "notFound") throw notFound();
  const message =
    outcome.code === "changed" ? "jobs:applications.changed" : "jobs:applications.cannotWithdraw";
  return refused(outcome, { submission, reply: { formErrors: [message] } });
}

export default function ApplicationPage() {
  const { t } = useTranslation("jobs");
  const { application, deliveries } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>()?.result;
  const navigation = useNavigation();
  const [searchParams] = useSearchParams();
  const [form, fields] = useForm<z.input<typeof WithdrawSchema>>({
    id: `withdraw-${application.id}`,
    lastResult,
    constraint: useFormConstraint(),
  });
  const locale = useLocale();
  const title = localized(application.subject.title, locale);
  // "First choice:", not a numbered list item that says "1. Choice 1"
  const choiceLabel = (rank: number) =>
    rank >= 1 && rank <= 3
      ? t(`applications.choice.${rank as 1 | 2 | 3}`)
      : t("applications.choiceOther", { rank });
  const subjectHref =
    application.subject.kind === "round"
      ? `/rounds/${application.subject.slug}`
      : `/jobs/${application.subject.slug}`;
  return (
    <section className="page narrow" aria-labelledby="application-title">
      <p>
        <Link to="/applications">{t("applications.title")}</Link>
      </p>
      {searchParams.get("submitted") ? (
        <Confirmation>{t("applications.submittedNotice")}</Confirmation>
      ) : null}
      {searchParams.get("withdrawn") ? (
        <Confirmation>{t("applications.withdrawnNotice")}</Confirmation>
      ) : null}
      <p className="eyebrow">
        <Localized of={application.subject.organization} />
      </p>
      <h1 id="application-title">{t("applications.heading", { title })}</h1>
      <p>
        <Link to={subjectHref}>
          {application.subject.kind === "round"
            ? t("applications.viewRound")
            : t("applications.viewPosting")}
        </Link>
      </p>
      <p className="application-status">
        {t("applications.status")} <StatusBadge status={application.status} />{" "}
        {application.waitlistRank
          ? t("applications.waitlistRank", { rank: application.waitlistRank })
          : null}
      </p>
      {application.site ? (
        <p>
          {withFragments((fragment) =>
            t("applications.site", { site: fragment(<Localized of={application.site!} />) }),
          )}
        </p>
      ) : null}

      <NextStepPanel step={application.nextStep} />

      <section aria-labelledby="timeline-title">
        <h2 id="timeline-title">{t("applications.timeline")}</h2>
        <StatusTimeline timeline={application.timeline} label={t("applications.timeline")} />
      </section>

      <section aria-labelledby="sent-title">
        <h2 id="sent-title">{t("applications.sent")}</h2>
        <dl className="facts">
          <dt>{t("applications.submittedAt")}</dt>
          <dd>{formatDateTime(application.submittedAt, locale)}</dd>
          {application.preferences.length > 0 ? (
            <>
              <dt>{t("applications.preferences")}</dt>
              <dd>
                <ul className="plain-list preferences">
                  {application.preferences.map((p) => (
                    <li key={p.rank}>
                      {choiceLabel(p.rank)}{" "}
                      <Link to={`/jobs/${p.slug}`}>
                        <Localized of={p} field="title" />
                      </Link>
                    </li>
                  ))}
                </ul>
              </dd>
            </>
          ) : null}
          <dt>{t("applications.motivation")}</dt>
          <dd className="prose">{application.motivation}</dd>
          {application.availability ? (
            <>
              <dt>{t("applications.availability")}</dt>
              <dd className="prose">{application.availability}</dd>
            </>
          ) : null}
        </dl>
      </section>

      {application.canWithdraw ? (
        <section aria-labelledby="withdraw-title" className="card">
          <h2 id="withdraw-title">{t("applications.withdrawTitle")}</h2>
          <p>{t("applications.withdrawHint")}</p>
          <Form method="post" {...getFormProps(form)} className="stack">
            <ErrorSummary form={form} />
            <input type="hidden" name="intent" value="withdraw" />
            <CheckboxField field={fields.confirm} label={t("applications.withdrawConfirm")} />
            <button
              type="submit"
              className="button danger"
              disabled={navigation.state === "submitting"}
            >
              {navigation.state === "submitting"
                ? t("applications.withdrawing")
                : t("applications.withdraw")}
            </button>
          </Form>
        </section>
      ) : lastResult ? (
        <ErrorSummary
          form={{
            id: "withdraw-answer",
            errorId: "withdraw-errors",
            allErrors: { "": lastResult.error?.[""] },
          }}
        />
      ) : null}
      <Deliveries deliveries={deliveries} />
    </section>
  );
}
