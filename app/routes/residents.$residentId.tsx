import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import {
  Form,
  Link,
  useActionData,
  useLoaderData,
  useNavigation,
  useSearchParams,
} from "@remix-run/react";
import { useTranslation } from "react-i18next";
import {
  Confirmation,
  ErrorSummary,
  RadioGroup,
  SelectField,
  TextField,
  useFormConstraint,
} from "~/components/ui/form";
import { EmailStatus, RecoveryNews } from "~/components/account/email-status";
import { SEOUL_DISTRICTS } from "~/domain/residents/districts";
import { phoneStatus } from "~/domain/residents/phone-verification.server";
import { ProfileSchema } from "~/domain/residents/schema";
import { canViewProfile, getProfile, updateProfile } from "~/domain/residents/service.server";
import { EMPLOYMENT_STATUSES, LANGUAGES, WORKER_TYPES } from "~/domain/residents/types";
import { requireUser } from "~/utils/auth.server";
import { forbidden, invalid, invariantResponse, notFound } from "~/utils/http.server";
import { pageTitle } from "~/utils/meta";
import { clientIp, readFormData } from "~/utils/request.server";
import { languageCookieHeader } from "~/utils/session.server";
import { formConstraint } from "~/utils/form-constraint.server";
import type { z } from "zod";

export const handle = { i18n: ["account", "validation", "districts"] };
export const meta: MetaFunction = (args) => pageTitle(args, "profile");

/** The profile page: only its owner (and admins, read-only) may open it. */
async function requireProfileAccess(request: Request, residentId: string | undefined) {
  const user = await requireUser(request);
  invariantResponse(residentId && canViewProfile(user, residentId), forbidden);
  return user;
}

function toFormValues(profile: NonNullable<Awaited<ReturnType<typeof getProfile>>>) {
  const yesNo = (value: boolean | null) =>
    value === true ? "yes" : value === false ? "no" : "unknown";
  return {
    name: profile.name,
    birthDate: profile.birthDate ?? "",
    phone: profile.phone ?? "",
    district: profile.district ?? "",
    employmentStatus: profile.employmentStatus ?? "",
    registeredJobSeeker: yesNo(profile.registeredJobSeeker),
    hasRegularIncome: yesNo(profile.hasRegularIncome),
    workerType: profile.workerType ?? "",
    preferredLanguage: profile.preferredLanguage,
  };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireProfileAccess(request, params.residentId);
  const profile = await getProfile(params.residentId!);
  invariantResponse(profile, notFound);
  return {
    constraint: formConstraint(ProfileSchema),
    profile: {
      email: profile.email,
      emailVerified: profile.emailVerifiedAt !== null,
      role: profile.role,
      // changes whenever the profile does (also through the language switcher), so the form
      // below starts again from the saved values
      version: profile.updatedAt.toISOString(),
    },
    values: toFormValues(profile),
    editable: user.id === profile.id,
    phone: await phoneStatus(profile.id),
  };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const user = await requireProfileAccess(request, params.residentId);
  // Admins may look, but a profile is changed only by its owner.
  invariantResponse(user.id === params.residentId, forbidden);
  const formData = await readFormData(request);
  const submission = parseWithZod(formData, { schema: ProfileSchema });
  if (submission.status !== "success") return invalid(submission);
  const updated = await updateProfile(user.id, submission.value, { ip: clientIp(context) });
  return data(
    { result: submission.reply(), refusal: null, saved: true },
    { headers: { "Set-Cookie": await languageCookieHeader(updated.preferredLanguage) } },
  );
}

export default function ProfilePage() {
  const { t } = useTranslation(["account", "districts", "common"]);
  const { profile, values, editable, phone } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const [searchParams] = useSearchParams();
  const [form, fields] = useForm<z.input<typeof ProfileSchema>>({
    id: `profile-${profile.version}`,
    lastResult: actionData?.result,
    defaultValue: values,
    constraint: useFormConstraint(),
  });
  const yesNoOptions = [
    { value: "yes", label: t("answers.yes") },
    { value: "no", label: t("answers.no") },
    { value: "unknown", label: t("answers.unknown") },
  ];
  return (
    <section className="page narrow" aria-labelledby="profile-title">
      <h1 id="profile-title">{t("profile.title")}</h1>
      {searchParams.get("welcome") ? <Confirmation>{t("profile.welcome")}</Confirmation> : null}
      <RecoveryNews email={profile.email} />
      {actionData && "saved" in actionData ? (
        <Confirmation>{t("profile.saved")}</Confirmation>
      ) : null}
      <p>{t("profile.intro")}</p>
      <EmailStatus email={profile.email} verified={profile.emailVerified} editable={editable} />
      <Form method="post" {...getFormProps(form)} className="stack">
        <ErrorSummary form={form} />
        <fieldset disabled={!editable} className="stack plain">
          <TextField field={fields.name} label={t("fields.name")} autoComplete="name" />
          <TextField
            field={fields.birthDate}
            label={t("fields.birthDate")}
            type="date"
            autoComplete="bday"
            hint={t("fields.birthDateHint")}
          />
          <TextField
            field={fields.phone}
            label={t("fields.phone")}
            type="tel"
            autoComplete="tel"
            inputMode="tel"
            hint={t("fields.phoneHint")}
          />
          <SelectField
            field={fields.district}
            label={t("fields.district")}
            placeholder={t("answers.notSaying")}
            options={[
              ...SEOUL_DISTRICTS.map((d) => ({ value: d.code, label: t(`districts:${d.code}`) })),
              { value: "outside", label: t("fields.districtOutside") },
            ]}
          />
          <SelectField
            field={fields.employmentStatus}
            label={t("fields.employmentStatus")}
            placeholder={t("answers.notSaying")}
            options={EMPLOYMENT_STATUSES.map((s) => ({
              value: s,
              label: t(`employmentStatus.${s}`),
            }))}
          />
          <RadioGroup
            field={fields.registeredJobSeeker}
            legend={t("fields.registeredJobSeeker")}
            options={yesNoOptions}
          />
          <RadioGroup
            field={fields.hasRegularIncome}
            legend={t("fields.hasRegularIncome")}
            options={yesNoOptions}
          />
          <SelectField
            field={fields.workerType}
            label={t("fields.workerType")}
            placeholder={t("answers.notSaying")}
            options={WORKER_TYPES.map((w) => ({ value: w, label: t(`workerType.${w}`) }))}
          />
          <SelectField
            field={fields.preferredLanguage}
            label={t("fields.preferredLanguage")}
            options={LANGUAGES.map((l) => ({ value: l, label: t(`common:language.name.${l}`) }))}
          />
          {editable ? (
            <button
              type="submit"
              className="button primary"
              disabled={navigation.state === "submitting"}
            >
              {navigation.state === "submitting" ? t("profile.saving") : t("profile.save")}
            </button>
          ) : null}
        </fieldset>
      </Form>
      {editable ? (
        <section aria-labelledby="phone-section-title" className="stack">
          <h2 id="phone-section-title">{t("phone.section")}</h2>
          <p>
            {phone.maskedPhone
              ? `${phone.maskedPhone} · ${phone.verified ? t("phone.verified") : t("phone.notVerified")}`
              : t("phone.none")}
          </p>
          <Link to="/account/phone">{t("phone.manage")}</Link>
        </section>
      ) : null}
      {editable ? (
        <nav aria-label={t("profile.moreLabel")} className="stack">
          <Link to="/applications">{t("common:nav.myApplications")}</Link>
          <Link to="/for-me">{t("common:nav.forMe")}</Link>
          <Link to="/bookings">{t("common:nav.myBookings")}</Link>
          <Link to="/account/messages">{t("messages.title")}</Link>
          <Link to="/account/password">{t("password.title")}</Link>
          <Link to="/account/delete">{t("delete.title")}</Link>
        </nav>
      ) : null}
    </section>
  );
}
