import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, useActionData, useNavigation, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { NewPasswordFields } from "~/components/account/new-password-fields";
import { Confirmation, ErrorSummary, TextField, useFormConstraint } from "~/components/ui/form";
import { ChangePasswordSchema } from "~/domain/residents/schema";
import { changePassword } from "~/domain/residents/service.server";
import { commitSessionRedirect, requireUser } from "~/utils/auth.server";
import { now } from "~/utils/clock.server";
import { pageTitle } from "~/utils/meta";
import { invalid, refused } from "~/utils/http.server";
import { clientIp, readFormData } from "~/utils/request.server";
import { formConstraint } from "~/utils/form-constraint.server";
import type { z } from "zod";

export const handle = { i18n: ["account", "auth", "validation"] };
export const meta: MetaFunction = (args) => pageTitle(args, "password");

export async function loader({ request }: LoaderFunctionArgs) {
  await requireUser(request);
  return { constraint: formConstraint(ChangePasswordSchema) };
}

const hideFields = ["currentPassword", "newPassword", "newPasswordConfirm"];

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const formData = await readFormData(request);
  const submission = parseWithZod(formData, { schema: ChangePasswordSchema });
  if (submission.status !== "success") return invalid(submission, { hideFields });
  const result = await changePassword(user.id, submission.value, {
    ip: clientIp(context),
    now: now(),
  });
  if (!result.ok && result.code === "rateLimited") {
    return refused(result, {
      submission,
      reply: { formErrors: ["account:tooManyPasswordChecks"], hideFields },
      headers: { "Retry-After": String(result.retryAfterSeconds) },
    });
  }
  if (!result.ok) {
    return refused(result, {
      submission,
      reply: { fieldErrors: { currentPassword: ["account:password.wrongCurrent"] }, hideFields },
    });
  }
  // Every other session has ended; this one continues with a fresh id.
  return commitSessionRedirect(result.sessionId, "/account/password?changed=1");
}

export default function ChangePasswordPage() {
  const { t } = useTranslation(["account", "auth"]);
  const lastResult = useActionData<typeof action>()?.result;
  const navigation = useNavigation();
  const [form, fields] = useForm<z.input<typeof ChangePasswordSchema>>({
    id: "change-password",
    lastResult,
    constraint: useFormConstraint(),
  });
  const [searchParams] = useSearchParams();
  return (
    <section className="page narrow" aria-labelledby="password-title">
      <h1 id="password-title">{t("password.title")}</h1>
      {searchParams.has("changed") ? <Confirmation>{t("password.changed")}</Confirmation> : null}
      <Form method="post" {...getFormProps(form)} className="stack">
        <ErrorSummary form={form} />
        <TextField
          field={fields.currentPassword}
          label={t("password.current")}
          type="password"
          autoComplete="current-password"
        />
        <NewPasswordFields
          password={fields.newPassword}
          confirm={fields.newPasswordConfirm}
          replacesCurrent
        />
        <button
          type="submit"
          className="button primary"
          disabled={navigation.state === "submitting"}
        >
          {t("password.submit")}
        </button>
      </Form>
    </section>
  );
}
