import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useNavigation, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { NewPasswordFields } from "~/components/account/new-password-fields";
import { CheckboxField, ErrorSummary, TextField, useFormConstraint } from "~/components/ui/form";
import { SignupSchema } from "~/domain/residents/schema";
import { createResident } from "~/domain/residents/service.server";
import { useRootData } from "~/utils/root-data";
import { requireAnonymous, startSession } from "~/utils/auth.server";
import { safeRedirect } from "~/utils/safe-redirect";
import { now } from "~/utils/clock.server";
import { pageTitle } from "~/utils/meta";
import { invalid, refused } from "~/utils/http.server";
import { clientIp, readFormData } from "~/utils/request.server";
import { formConstraint } from "~/utils/form-constraint.server";
import type { z } from "zod";

export const handle = { i18n: ["auth", "validation"] };
export const meta: MetaFunction = (args) => pageTitle(args, "signup");

export async function loader({ request }: LoaderFunctionArgs) {
  await requireAnonymous(request);
  return { constraint: formConstraint(SignupSchema) };
}

export async function action({ request, context }: ActionFunctionArgs) {
  await requireAnonymous(request);
  const formData = await readFormData(request);
  const submission = parseWithZod(formData, { schema: SignupSchema });
  const hideFields = ["password", "passwordConfirm"];
  if (submission.status !== "success") return invalid(submission, { hideFields });
  const result = await createResident(submission.value, { ip: clientIp(context), now: now() });
  if (!result.ok && result.code === "rateLimited") {
    return refused(result, {
      submission,
      reply: { formErrors: ["auth:signup.rateLimited"], hideFields },
      headers: { "Retry-After": String(result.retryAfterSeconds) },
    });
  }
  if (!result.ok) {
    return refused(result, {
      submission,
      reply: { fieldErrors: { email: ["auth:signup.emailTaken"] }, hideFields },
    });
  }
  // Signing up from a page that needed an account (a booking) leads back to it.
  return startSession(
    result.residentId,
    safeRedirect(submission.value.redirectTo, "/account?welcome=1"),
  );
}

export default function SignupPage() {
  const { t } = useTranslation("auth");
  const lastResult = useActionData<typeof action>()?.result;
  const root = useRootData();
  const navigation = useNavigation();
  const redirectTo = useSearchParams()[0].get("redirectTo") ?? "";
  const [form, fields] = useForm<z.input<typeof SignupSchema>>({
    id: "signup",
    lastResult,
    constraint: useFormConstraint(),
  });
  return (
    <section className="page narrow" aria-labelledby="signup-title">
      <h1 id="signup-title">{t("signup.title")}</h1>
      <p>{t("signup.intro")}</p>
      <Form method="post" {...getFormProps(form)} className="stack">
        <ErrorSummary form={form} />
        <input type="hidden" name="preferredLanguage" value={root?.locale ?? "ko"} />
        <input type="hidden" name="redirectTo" value={redirectTo} />
        <TextField
          field={fields.email}
          label={t("fields.email")}
          type="email"
          autoComplete="email"
          inputMode="email"
        />
        <TextField field={fields.name} label={t("fields.name")} autoComplete="name" />
        <NewPasswordFields password={fields.password} confirm={fields.passwordConfirm} />
        <CheckboxField
          field={fields.acceptTerms}
          label={
            <>
              {t("signup.acceptTerms")} (<Link to="/terms">{t("signup.termsLink")}</Link>)
            </>
          }
        />
        <CheckboxField
          field={fields.acceptPrivacy}
          label={
            <>
              {t("signup.acceptPrivacy")} (<Link to="/privacy">{t("signup.privacyLink")}</Link>)
            </>
          }
        />
        <button
          type="submit"
          className="button primary"
          disabled={navigation.state === "submitting"}
        >
          {navigation.state === "submitting" ? t("signup.submitting") : t("signup.submit")}
        </button>
      </Form>
      <p>
        {t("signup.haveAccount")}{" "}
        <Link to={redirectTo ? `/login?redirectTo=${encodeURIComponent(redirectTo)}` : "/login"}>
          {t("login.title")}
        </Link>
      </p>
    </section>
  );
}
