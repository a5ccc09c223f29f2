// The account page's "E-mail address: confirmed / not confirmed [send the link again]", and the
// news of what recovery and confirmation just did (a new password, a link sent). Self-contained:
// the profile page passes the address and whether it is confirmed.
import { Form, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { Confirmation } from "~/components/ui/form";
import { EMAIL_VERIFICATION_DAYS } from "~/domain/residents/types";

export function RecoveryNews({ email }: { email: string | null }) {
  const { t } = useTranslation("account");
  const [searchParams] = useSearchParams();
  if (searchParams.has("passwordReset"))
    return <Confirmation>{t("profile.passwordReset")}</Confirmation>;
  if (searchParams.get("verification") === "sent" && email)
    return (
      <Confirmation>{t("emailStatus.sent", { email, days: EMAIL_VERIFICATION_DAYS })}</Confirmation>
    );
  return null;
}

export function EmailStatus({
  email,
  verified,
  editable,
}: {
  email: string | null;
  verified: boolean;
  editable: boolean;
}) {
  const { t } = useTranslation("account");
  if (!email) return null;
  return (
    <dl className="facts">
      <dt>{t("profile.email")}</dt>
      <dd>
        {email} ({verified ? t("emailStatus.verified") : t("emailStatus.notVerified")})
        {!verified && editable ? (
          <Form method="post" action="/account/verify-email">
            <button type="submit" className="button">
              {t("emailStatus.resend")}
            </button>
          </Form>
        ) : null}
      </dd>
    </dl>
  );
}
