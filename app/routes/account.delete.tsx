import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, useActionData, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { CheckboxField, ErrorSummary, TextField, useFormConstraint } from "~/components/ui/form";
import { DeleteAccountSchema } from "~/domain/residents/schema";
import { deleteAccount } from "~/domain/residents/service.server";
import { requireUser } from "~/utils/auth.server";
import { now } from "~/utils/clock.server";
import { pageTitle } from "~/utils/meta";
import { invalid, refused } from "~/utils/http.server";
import { clientIp, readFormData } from "~/utils/request.server";
import { getCookieSession, getSessionStorage } from "~/utils/session.server";
import { formConstraint } from "~/utils/form-constraint.server";
import type { z } from "zod";

export const handle = { i18n: ["account", "validation"] };
export const meta: MetaFunction = (args) => pageTitle(args, "deleteAccount");

export async function loader({ request }: LoaderFunctionArgs) {
  await requireUser(request);
  return { constraint: formConstraint(DeleteAccountSchema) };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const formData = await readFormData(request);
  const submission = parseWithZod(formData, { schema: DeleteAccountSchema });
  const hideFields = ["password"];
  if (submission.status !== "success") return invalid(submission, { hideFields });
  const result = await deleteAccount(user.id, submission.value.password, {
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
      reply: { fieldErrors: { password: ["account:delete.wrongPassword"] }, hideFields },
    });
  }
  const session = await getCookieSession(request);
  return redirect("/?deleted=1", {
    headers: { "Set-Cookie": await getSessionStorage().destroySession(session) },
  });
}

export default function DeleteAccountPage() {
  const { t } = useTranslation("account");
  const lastResult = useActionData<typeof action>()?.result;
  const navigation = useNavigation();
  const [form, fields] = useForm<z.input<typeof DeleteAccountSchema>>({
    id: "delete-account",
    lastResult,
    constraint: useFormConstraint(),
  });
  return (
    <section className="page narrow" aria-labelledby="delete-title">
      <h1 id="delete-title">{t("delete.title")}</h1>
      <p>{t("delete.explain")}</p>
      <ul>
        <li>{t("delete.whatGoes")}</li>
        <li>{t("delete.whatStays")}</li>
        <li>{t("delete.bookings")}</li>
      </ul>
      <Form method="post" {...getFormProps(form)} className="stack">
        <ErrorSummary form={form} />
        <TextField
          field={fields.password}
          label={t("delete.password")}
          type="password"
          autoComplete="current-password"
        />
        <CheckboxField field={fields.confirm} label={t("delete.confirm")} />
        <button
          type="submit"
          className="button danger"
          disabled={navigation.state === "submitting"}
        >
          {t("delete.submit")}
        </button>
      </Form>
    </section>
  );
}
