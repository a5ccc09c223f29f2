// A public-work round: its rules, its sites, and the one application with up to three preferred
// sites in order (공공근로 is applied to once per round, not site by site).
import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import {
  ApplicantProfile,
  ApplicationFields,
  ApplyRefusal,
} from "~/components/jobs/application-form";
import { EligibilityPanel } from "~/components/jobs/eligibility";
import { SafetyRules } from "~/components/jobs/safety-rules";
import { WindowText } from "~/components/jobs/window-text";
import { ErrorSummary, SelectField, useFormConstraint } from "~/components/ui/form";
import { rankedSites, RoundApplySchema } from "~/domain/jobs/schema";
import { applyToRound } from "~/domain/jobs/apply.server";
import { canManage } from "~/domain/jobs/common.server";
import { findOwnApplication, getRoundBySlug, verdictFor } from "~/domain/jobs/postings.server";
import { currentWindow } from "~/domain/jobs/window";
import { getProfile } from "~/domain/residents/service.server";
import { applyResponse } from "~/routes-support/jobs.server";
import { getUser, requireUser } from "~/utils/auth.server";
import { now } from "~/utils/clock.server";
import { formatCalendarDate, formatDateTime, formatWon } from "~/utils/format";
import { invalid, invariantResponse, notFound } from "~/utils/http.server";
import { getLocale } from "~/utils/i18n.server";
import { withSiteName } from "~/utils/meta";
import { clientIp, readFormData } from "~/utils/request.server";
import { localized } from "~/domain/shared/localized";
import { formConstraint } from "~/utils/form-constraint.server";
import type { z } from "zod";
import { requirements } from "~/domain/eligibility/judge";
import { OwnApplicationNotice } from "~/components/jobs/own-application";
import { Localized } from "~/components/localized";

export const handle = { i18n: ["jobs", "eligibility", "districts", "account", "validation"] };

export const meta: MetaFunction<typeof loader> = (args) =>
  withSiteName(args, args.data?.pageTitle ?? "");

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await getUser(request);
  const round = await getRoundBySlug(params.slug ?? "", user);
  invariantResponse(round, notFound);
  const at = now();
  const [eligibility, application, profile, locale] = await Promise.all([
    user ? verdictFor(user.id, round.criteria, at) : null,
    user ? findOwnApplication(user.id, { roundId: round.id }) : null,
    user ? getProfile(user.id) : null,
    getLocale(request),
  ]);
  return {
    constraint: formConstraint(RoundApplySchema),
    pageTitle: localized(round, locale, "name"),
    round: {
      slug: round.slug,
      status: round.status,
      name: { ko: round.nameKo, en: round.nameEn },
      description: { ko: round.descriptionKo, en: round.descriptionEn },
      organization: { ko: round.organization.nameKo, en: round.organization.nameEn },
      workStartDate: round.workStartDate,
      workEndDate: round.workEndDate,
      applicationOpensAt: round.applicationOpensAt.toISOString(),
      applicationClosesAt: round.applicationClosesAt.toISOString(),
      requirements: requirements(round.criteria),
      sites: round.sites,
    },
    window: currentWindow(
      round.status,
      { opensAt: round.applicationOpensAt, closesAt: round.applicationClosesAt },
      at,
    ),
    loggedIn: Boolean(user),
    verdict: eligibility?.verdict ?? null,
    application,
    profile: profile && {
      name: profile.name,
      email: profile.email,
      phone: profile.phone,
      birthDate: profile.birthDate,
      district: profile.district,
      employmentStatus: profile.employmentStatus,
    },
    profileHref: user ? `/residents/${user.id}` : null,
    manageHref: user && canManage(user, round.organizationId) ? `/staff/rounds/${round.id}` : null,
    idempotencyKey: crypto.randomUUID(),
  };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const formData = await readFormData(request);
  const submission = parseWithZod(formData, { schema: RoundApplySchema });
  if (submission.status !== "success") return invalid(submission);
  const outcome = await applyToRound(
    user.id,
    params.slug ?? "",
    { ...submission.value, sites: rankedSites(submission.value) },
    { now: now(), ip: clientIp(context) },
  );
  return applyResponse(outcome, submission);
}

export default function RoundPage() {
  const { t, i18n } = useTranslation(["jobs", "districts"]);
  const data = useLoaderData<typeof loader>();
  const { round, window } = data;
  const lang = i18n.language;
  const anyOutdoor = round.sites.some((site) => site.outdoor);
  return (
    <article className="page narrow round-page" aria-labelledby="round-title">
      <p>
        <Link to="/jobs">{t("posting.back")}</Link>
      </p>
      <p className="eyebrow">
        {t("kind.public_work")} · <Localized of={round.organization} />
      </p>
      <h1 id="round-title">
        <Localized of={round.name} />
      </h1>
      {round.status === "draft" ? <p className="notice">{t("posting.draftPreview")}</p> : null}
      <p className="apply-box__window">
        <WindowText words={window.words} />
      </p>
      <p className="prose">
        <Localized of={round.description} />
      </p>

      <section aria-labelledby="round-facts-title">
        <h2 id="round-facts-title">{t("round.facts")}</h2>
        <dl className="facts">
          <dt>{t("round.organization")}</dt>
          <dd>
            <Localized of={round.organization} />
          </dd>
          <dt>{t("round.workPeriod")}</dt>
          <dd>
            {t("posting.period", {
              start: formatCalendarDate(round.workStartDate, lang),
              end: formatCalendarDate(round.workEndDate, lang),
            })}
          </dd>
          <dt>{t("round.applicationWindow")}</dt>
          <dd>
            {t("posting.period", {
              start: formatDateTime(round.applicationOpensAt, lang),
              end: formatDateTime(round.applicationClosesAt, lang),
            })}
          </dd>
        </dl>
      </section>

      <EligibilityPanel
        requirements={round.requirements}
        verdict={data.verdict}
        profileHref={data.profileHref}
        loginHref={`/login?redirectTo=${encodeURIComponent(`/rounds/${round.slug}`)}`}
        headingId="eligibility-title"
      />

      <section aria-labelledby="sites-title">
        <h2 id="sites-title">{t("round.sites")}</h2>
        <p>{t("round.sitesIntro")}</p>
        {round.sites.length === 0 ? <p>{t("round.noSites")}</p> : null}
        <ul className="plain-list stack">
          {round.sites.map((site) => (
            <li key={site.id} className="card">
              <h3>
                <Link to={`/jobs/${site.slug}`}>
                  <Localized of={site} field="title" />
                </Link>
              </h3>
              <p>
                {t("round.siteTerms", {
                  district: site.district ? t(`districts:${site.district as "mapo"}`) : "—",
                  positions: site.positions,
                  wage: formatWon(site.hourlyWageKrw, lang),
                  hours: site.hoursPerDay,
                  days: site.daysPerWeek,
                })}{" "}
                <span className="tag">{site.outdoor ? t("round.outdoor") : t("round.indoor")}</span>
              </p>
            </li>
          ))}
        </ul>
      </section>

      {anyOutdoor ? <SafetyRules headingId="safety-title" /> : null}

      <section aria-labelledby="round-apply-title" className="apply-box card">
        <h2 id="round-apply-title">{t("round.applyTitle")}</h2>
        <RoundApply />
      </section>

      {data.manageHref ? (
        <p>
          <Link to={data.manageHref}>{t("posting.manage")}</Link>
        </p>
      ) : null}
    </article>
  );
}

function RoundApply() {
  const { t, i18n } = useTranslation("jobs");
  const data = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const { round, window } = data;
  const [form, fields] = useForm<z.input<typeof RoundApplySchema>>({
    id: `round-apply-${round.slug}`,
    lastResult: actionData?.result,
    constraint: useFormConstraint(),
  });
  if (data.application) return <OwnApplicationNotice application={data.application} />;
  if (window.state === "upcoming") return <p>{t("posting.notOpenYet")}</p>;
  if (window.state === "closed") return <p>{t("round.closedRound")}</p>;
  if (!data.loggedIn || !data.profile || !data.profileHref) {
    return (
      <Link
        to={`/login?redirectTo=${encodeURIComponent(`/rounds/${round.slug}`)}`}
        className="button primary"
      >
        {t("posting.loginToApply")}
      </Link>
    );
  }
  if (data.verdict && !data.verdict.eligible) return <p>{t("posting.notEligibleNotice")}</p>;
  if (round.sites.length === 0) return <p>{t("round.noSites")}</p>;
  const siteOptions = round.sites.map((site) => ({
    value: site.id,
    label: localized(site, i18n.language, "title"),
  }));
  return (
    <>
      {actionData?.refusal ? (
        <ApplyRefusal refusal={actionData.refusal} profileHref={data.profileHref} />
      ) : null}
      <p>{t("apply.intro")}</p>
      <ApplicantProfile profile={data.profile} profileHref={data.profileHref} />
      <Form method="post" {...getFormProps(form)} className="stack">
        <ErrorSummary form={form} />
        <p className="hint">{t("round.choicesHint")}</p>
        <SelectField
          field={fields.site1}
          label={t("round.site1")}
          placeholder={t("round.chooseSite")}
          options={siteOptions}
        />
        <SelectField
          field={fields.site2}
          label={t("round.site2")}
          placeholder={t("round.noChoice")}
          options={siteOptions}
        />
        <SelectField
          field={fields.site3}
          label={t("round.site3")}
          placeholder={t("round.noChoice")}
          options={siteOptions}
        />
        <ApplicationFields fields={fields} idempotencyKey={data.idempotencyKey} />
        <button
          type="submit"
          className="button primary"
          disabled={navigation.state === "submitting"}
        >
          {navigation.state === "submitting" ? t("apply.submitting") : t("apply.submit")}
        </button>
      </Form>
    </>
  );
}
