import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useNavigation, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ErrorSummary, TextField, useFormConstraint } from "~/components/ui/form";
import { LoginSchema } from "~/domain/residents/schema";
import { messageWithValues } from "~/domain/shared/message-values";
import { authenticate } from "~/domain/residents/service.server";
import { requireAnonymous, startSession } from "~/utils/auth.server";
import { now } from "~/utils/clock.server";
import { pageTitle } from "~/utils/meta";
import { invalid, refused } from "~/utils/http.server";
import { clientIp, readFormData } from "~/utils/request.server";
import { languageCookieHeader } from "~/utils/session.server";
import { formConstraint } from "~/utils/form-constraint.server";
import type { z } from "zod";

export const handle = { i18n: ["auth", "validation"] };
export const meta: MetaFunction = (args) => pageTitle(args, "login");

export async function loader({ request }: LoaderFunctionArgs) {
  await requireAnonymous(request);
  return { constraint: formConstraint(LoginSchema) };
}

export async function action({ request, context }: ActionFunctionArgs) {
  await requireAnonymous(request);
  const formData = await readFormData(request);
  const submission = parseWithZod(formData, { schema: LoginSchema });
  if (submission.status !== "success") return invalid(submission, { hideFields: ["password"] });
  const outcome = await authenticate(submission.value, { ip: clientIp(context), now: now() });
  if (!outcome.ok && outcome.code === "rateLimited") {
    const { retryAfterSeconds } = outcome;
    // in seconds under a minute, else in whole minutes (rounded up)
    const message =
      retryAfterSeconds < 60
        ? messageWithValues("auth:login.rateLimitedSeconds", { count: retryAfterSeconds })
        : messageWithValues("auth:login.rateLimited", {
            count: Math.ceil(retryAfterSeconds / 60),
          });
    return refused(outcome, {
      submission,
      reply: { formErrors: [message], hideFields: ["password"] },
      params: { retryAfterSeconds },
      headers: { "Retry-After": String(retryAfterSeconds) },
    });
  }
  if (!outcome.ok) {
    return refused(outcome, {
      submission,
      reply: { formErrors: ["auth:login.invalid"], hideFields: ["password"] },
    });
  }
  // Staff and administrators come to work: without a page to go back to, the back office.
  const response = await startSession(
    outcome.residentId,
    submission.value.redirectTo || (outcome.role === "resident" ? undefined : "/staff"),
  );
  // The site speaks the resident's preferred language from now on.
  response.headers.append("Set-Cookie", await languageCookieHeader(outcome.preferredLanguage));
  return response;
}

export default function LoginPage() {
  const { t } = useTranslation("auth");
  const actionData = useActionData<typeof action>();
  const [searchParams] = useSearchParams();
  const navigation = useNavigation();
  const [form, fields] = useForm<z.input<typeof LoginSchema>>({
    id: "login",
    lastResult: actionData?.result,
    constraint: useFormConstraint(),
  });
  return (
    <section className="page narrow" aria-labelledby="login-title">
      <h1 id="login-title">{t("login.title")}</h1>
      <Form method="post" {...getFormProps(form)} className="stack">
        <ErrorSummary form={form} />
        <input type="hidden" name="redirectTo" value={searchParams.get("redirectTo") ?? ""} />
        <TextField
          field={fields.email}
          label={t("fields.email")}
          type="email"
          autoComplete="username"
          inputMode="email"
        />
        <TextField
          field={fields.password}
          label={t("fields.password")}
          type="password"
          autoComplete="current-password"
        />
        <button
          type="submit"
          className="button primary"
          disabled={navigation.state === "submitting"}
        >
          {navigation.state === "submitting" ? t("login.submitting") : t("login.submit")}
        </button>
      </Form>
      <p>
        <Link to="/forgot-password">{t("login.forgot")}</Link>
      </p>
      <p>
        {t("login.noAccount")} <Link to="/signup">{t("signup.title")}</Link>
      </p>
    </section>
  );
}
