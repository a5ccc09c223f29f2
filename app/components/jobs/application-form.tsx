// The parts the posting and the round application forms share: the profile that goes with the
// application, the short form itself, and why an application was refused.
import type { FieldMetadata } from "@conform-to/react";
import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { CheckboxField, TextAreaField } from "~/components/ui/form";
import type { EmploymentStatus } from "~/domain/residents/types";
import type { RefusalData } from "~/utils/action-data";
import { formatCalendarDate } from "~/utils/format";
import { ReasonList } from "./eligibility";

type AnyField = FieldMetadata<string | undefined, Record<string, unknown>, string[]>;

export type ApplicantProfileView = {
  name: string;
  email: string | null;
  phone: string | null;
  birthDate: string | null;
  district: string | null;
  employmentStatus: string | null;
};

export function ApplicantProfile({
  profile,
  profileHref,
}: {
  profile: ApplicantProfileView;
  profileHref: string;
}) {
  const { t, i18n } = useTranslation(["jobs", "districts", "account"]);
  const notGiven = t("jobs:apply.notGiven");
  return (
    <section className="card" aria-labelledby="applicant-profile-title">
      <h2 id="applicant-profile-title">{t("jobs:apply.profileTitle")}</h2>
      <dl className="facts">
        <dt>{t("jobs:apply.name")}</dt>
        <dd>{profile.name}</dd>
        <dt>{t("jobs:apply.email")}</dt>
        <dd>{profile.email}</dd>
        <dt>{t("jobs:apply.phone")}</dt>
        <dd>{profile.phone ?? t("jobs:apply.noPhone")}</dd>
        <dt>{t("jobs:apply.birthDate")}</dt>
        <dd>
          {profile.birthDate ? formatCalendarDate(profile.birthDate, i18n.language) : notGiven}
        </dd>
        <dt>{t("jobs:apply.district")}</dt>
        <dd>
          {profile.district === "outside"
            ? t("account:fields.districtOutside")
            : profile.district
              ? t(`districts:${profile.district as "mapo"}`)
              : notGiven}
        </dd>
        <dt>{t("jobs:apply.employmentStatus")}</dt>
        <dd>
          {profile.employmentStatus
            ? t(`account:employmentStatus.${profile.employmentStatus as EmploymentStatus}`)
            : notGiven}
        </dd>
      </dl>
      <p>
        <Link to={profileHref}>{t("jobs:apply.editProfile")}</Link>
      </p>
    </section>
  );
}

export function ApplicationFields({
  fields,
  idempotencyKey,
}: {
  fields: { motivation: AnyField; availability: AnyField; contactConsent: AnyField };
  idempotencyKey: string;
}) {
  const { t } = useTranslation("jobs");
  return (
    <>
      <input type="hidden" name="idempotencyKey" value={idempotencyKey} />
      <TextAreaField
        field={fields.motivation}
        label={t("apply.motivation")}
        hint={t("apply.motivationHint")}
      />
      <TextAreaField
        field={fields.availability}
        label={t("apply.availability")}
        hint={t("apply.availabilityHint")}
        rows={2}
      />
      <CheckboxField field={fields.contactConsent} label={t("apply.contactConsent")} />
    </>
  );
}

/** Why the server refused the application, with every eligibility reason and what to change. */
export function ApplyRefusal({
  refusal,
  profileHref,
}: {
  refusal: RefusalData;
  profileHref: string;
}) {
  const { t } = useTranslation(["jobs", "eligibility"]);
  const reasons = refusal.reasons ?? [];
  const applicationId = refusal.params.applicationId;
  return (
    <div role="alert" className="form-errors">
      <p>{t(`jobs:apply.problem.${refusal.code as "closed"}`)}</p>
      {reasons.length > 0 ? (
        <>
          <ReasonList reasons={reasons} />
          <p>
            <Link to={profileHref}>{t("eligibility:verdict.editProfile")}</Link>
          </p>
        </>
      ) : null}
      {applicationId ? (
        <p>
          <Link to={`/applications/${applicationId}`}>{t("jobs:posting.seeApplication")}</Link>
        </p>
      ) : null}
    </div>
  );
}
