import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import type { z } from "zod";
import { Confirmation, ErrorSummary, TextField, useFormConstraint } from "~/components/ui/form";
import { requestPasswordReset } from "~/domain/residents/recovery.server";
import { PASSWORD_RESET_MINUTES } from "~/domain/residents/types";
import { ForgotPasswordSchema } from "~/domain/residents/schema";
import { messageWithValues } from "~/domain/shared/message-values";
import { now } from "~/utils/clock.server";
import { formConstraint } from "~/utils/form-constraint.server";
import { invalid, refused } from "~/utils/http.server";
import { pageTitle } from "~/utils/meta";
import { clientIp, readFormData } from "~/utils/request.server";

export const handle = { i18n: ["auth", "validation"] };
export const meta: MetaFunction = (args) => pageTitle(args, "forgotPassword");

export async function loader(_args: LoaderFunctionArgs) {
  return { constraint: formConstraint(ForgotPasswordSchema) };
}

/**
 * The answer is the same whether or not an account has the address (recovery.server.ts); only
 * too many requests are refused, and then nothing is sent.
 */
export async function action({ request, context }: ActionFunctionArgs) {
  const formData = await readFormData(request);
  const submission = parseWithZod(formData, { schema: ForgotPasswordSchema });
  if (submission.status !== "success") return invalid(submission);
  const outcome = await requestPasswordReset(submission.value.email, {
    ip: clientIp(context),
    now: now(),
  });
  if (!outcome.ok) {
    const { retryAfterSeconds } = outcome;
    const minutes = Math.max(1, Math.ceil(retryAfterSeconds / 60));
    return refused(outcome, {
      submission,
      reply: { formErrors: [messageWithValues("auth:forgot.rateLimited", { count: minutes })] },
      params: { retryAfterSeconds },
      headers: { "Retry-After": String(retryAfterSeconds) },
    });
  }
  return {
    result: submission.reply({ resetForm: true }),
    refusal: null,
    sent: { email: submission.value.email, minutes: PASSWORD_RESET_MINUTES },
  };
}

export default function ForgotPasswordPage() {
  const { t } = useTranslation("auth");
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const [form, fields] = useForm<z.input<typeof ForgotPasswordSchema>>({
    id: "forgot-password",
    lastResult: actionData?.result,
    constraint: useFormConstraint(),
  });
  const sent = actionData && "sent" in actionData ? actionData.sent : null;
  return (
    <section className="page narrow" aria-labelledby="forgot-title">
      <h1 id="forgot-title">{t("forgot.title")}</h1>
      {sent ? <Confirmation>{t("forgot.sent", sent)}</Confirmation> : null}
      <p>{t("forgot.intro")}</p>
      <Form method="post" {...getFormProps(form)} className="stack">
        <ErrorSummary form={form} />
        <TextField
          field={fields.email}
          label={t("fields.email")}
          type="email"
          autoComplete="username"
          inputMode="email"
        />
        <button
          type="submit"
          className="button primary"
          disabled={navigation.state === "submitting"}
        >
          {navigation.state === "submitting" ? t("forgot.submitting") : t("forgot.submit")}
        </button>
      </Form>
      <p>
        <Link to="/login">{t("forgot.backToLogin")}</Link>
      </p>
    </section>
  );
}
