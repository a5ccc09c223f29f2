import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { Confirmation } from "~/components/ui/form";
import { isEmailVerificationTokenUsable, verifyEmail } from "~/domain/residents/recovery.server";
import { now } from "~/utils/clock.server";
import { refused } from "~/utils/http.server";
import { pageTitle } from "~/utils/meta";
import { clientIp, readFormData } from "~/utils/request.server";

export const handle = { i18n: ["auth"] };
export const meta: MetaFunction = (args) => pageTitle(args, "verifyEmail");

/**
 * Opening the link changes nothing: mail scanners and link previews open links too. The page
 * offers a button, and only its POST confirms the address.
 */
export async function loader({ params }: LoaderFunctionArgs) {
  const usable = await isEmailVerificationTokenUsable(params.token ?? "", now());
  return data({ usable }, { status: usable ? 200 : 410 });
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  await readFormData(request);
  const outcome = await verifyEmail(params.token ?? "", { ip: clientIp(context), now: now() });
  if (!outcome.ok) return refused(outcome);
  return { result: null, refusal: null, verified: true };
}

export default function VerifyEmailPage() {
  const { t } = useTranslation("auth");
  const { usable } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  if (actionData && "verified" in actionData) {
    return (
      <section className="page narrow" aria-labelledby="verify-title">
        <h1 id="verify-title">{t("verify.title")}</h1>
        <Confirmation>{t("verify.done")}</Confirmation>
        <p>
          <Link to="/account">{t("verify.toAccount")}</Link>
        </p>
      </section>
    );
  }
  if (!usable || actionData?.refusal) {
    return (
      <section className="page narrow" aria-labelledby="verify-title">
        <h1 id="verify-title">{t("verify.expiredTitle")}</h1>
        <p>{t("verify.expired")}</p>
        <p>
          <Link to="/account">{t("verify.toAccount")}</Link>
        </p>
      </section>
    );
  }
  return (
    <section className="page narrow" aria-labelledby="verify-title">
      <h1 id="verify-title">{t("verify.title")}</h1>
      <p>{t("verify.intro")}</p>
      <Form method="post" className="stack">
        <button
          type="submit"
          className="button primary"
          disabled={navigation.state === "submitting"}
        >
          {t("verify.submit")}
        </button>
      </Form>
    </section>
  );
}
