import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Link, useActionData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ErrorSummary } from "~/components/ui/form";
import { resendVerification } from "~/domain/residents/recovery.server";
import { requireUser } from "~/utils/auth.server";
import { now } from "~/utils/clock.server";
import { refused, refusalResponse } from "~/utils/http.server";
import { pageTitle } from "~/utils/meta";
import { clientIp, readFormData } from "~/utils/request.server";

// "Send the confirmation link again", from the account page (components/account/email-status).
// Only a POST does something; a GET goes back to the account page (a logged-out visitor logs in
// first, as for the POST).

export const handle = { i18n: ["account"] };
export const meta: MetaFunction = (args) => pageTitle(args, "resendVerification");

export async function loader({ request }: LoaderFunctionArgs) {
  await requireUser(request);
  return redirect("/account");
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requireUser(request);
  await readFormData(request);
  const outcome = await resendVerification(user.id, { ip: clientIp(context), now: now() });
  if (!outcome.ok && outcome.code === "rateLimited") {
    return refused(outcome, {
      headers: { "Retry-After": String(outcome.retryAfterSeconds) },
    });
  }
  if (!outcome.ok) throw refusalResponse(outcome);
  return redirect(outcome.alreadyVerified ? "/account" : "/account?verification=sent");
}

/** The refusal as the shared error summary shows a form's own message (there is no form here). */
const RATE_LIMITED = {
  id: "resend-verification",
  errorId: "resend-verification-error",
  allErrors: { "": ["account:emailStatus.rateLimited"] },
};

/** Shown only when the link was asked for too often: nothing was sent. */
export default function ResendVerificationPage() {
  const { t } = useTranslation("account");
  const refusal = useActionData<typeof action>()?.refusal;
  return (
    <section className="page narrow" aria-labelledby="resend-title">
      <h1 id="resend-title">{t("emailStatus.title")}</h1>
      {refusal ? <ErrorSummary form={RATE_LIMITED} /> : null}
      <p>
        <Link to="/account">{t("emailStatus.back")}</Link>
      </p>
    </section>
  );
}
