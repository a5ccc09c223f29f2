import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { NewPasswordFields } from "~/components/account/new-password-fields";
import type { z } from "zod";
import { ErrorSummary, useFormConstraint } from "~/components/ui/form";
import { isPasswordResetTokenUsable, resetPassword } from "~/domain/residents/recovery.server";
import { ResetPasswordSchema } from "~/domain/residents/schema";
import { PASSWORD_RESET_MINUTES } from "~/domain/residents/types";
import { commitSessionRedirect } from "~/utils/auth.server";
import { now } from "~/utils/clock.server";
import { formConstraint } from "~/utils/form-constraint.server";
import { invalid, refused } from "~/utils/http.server";
import { pageTitle } from "~/utils/meta";
import { clientIp, readFormData } from "~/utils/request.server";
import { languageCookieHeader } from "~/utils/session.server";

export const handle = { i18n: ["auth", "validation"] };
export const meta: MetaFunction = (args) => pageTitle(args, "resetPassword");

// The token in this page's address is a secret: server/security.js keeps it out of the logs and
// out of Referer headers to other sites, and the page is never stored (secretPathHeaders).

/** Opening the link only looks (a mail scanner's visit changes nothing); 410 once it is spent. */
export async function loader({ params }: LoaderFunctionArgs) {
  const usable = await isPasswordResetTokenUsable(params.token ?? "", now());
  return data(
    { usable, constraint: formConstraint(ResetPasswordSchema) },
    { status: usable ? 200 : 410 },
  );
}

const hideFields = ["newPassword", "newPasswordConfirm"];

export async function action({ request, params, context }: ActionFunctionArgs) {
  const formData = await readFormData(request);
  const submission = parseWithZod(formData, { schema: ResetPasswordSchema });
  if (submission.status !== "success") return invalid(submission, { hideFields });
  const outcome = await resetPassword(params.token ?? "", submission.value.newPassword, {
    ip: clientIp(context),
    now: now(),
  });
  if (!outcome.ok) return refused(outcome, { submission, reply: { hideFields } });
  // Every session of the account has ended; the resident, who just proved the address is theirs,
  // continues in a new one (what a resident expects after choosing a new password).
  const headers = new Headers();
  headers.append("Set-Cookie", await languageCookieHeader(outcome.preferredLanguage));
  return commitSessionRedirect(outcome.sessionId, "/account?passwordReset=1", headers);
}

export default function ResetPasswordPage() {
  const { t } = useTranslation("auth");
  const { usable } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const [form, fields] = useForm<z.input<typeof ResetPasswordSchema>>({
    id: "reset-password",
    lastResult: actionData?.result,
    constraint: useFormConstraint(),
  });
  if (!usable || actionData?.refusal?.code === "linkExpired") {
    return (
      <section className="page narrow" aria-labelledby="reset-title">
        <h1 id="reset-title">{t("reset.expiredTitle")}</h1>
        <p>{t("reset.expired", { minutes: PASSWORD_RESET_MINUTES })}</p>
        <p>
          <Link to="/forgot-password" className="button primary">
            {t("reset.askAgain")}
          </Link>
        </p>
      </section>
    );
  }
  return (
    <section className="page narrow" aria-labelledby="reset-title">
      <h1 id="reset-title">{t("reset.title")}</h1>
      <p>{t("reset.intro")}</p>
      <Form method="post" {...getFormProps(form)} className="stack">
        <ErrorSummary form={form} />
        <NewPasswordFields password={fields.newPassword} confirm={fields.newPasswordConfirm} />
        <button
          type="submit"
          className="button primary"
          disabled={navigation.state === "submitting"}
        >
          {t("reset.submit")}
        </button>
      </Form>
    </section>
  );
}
