import { useTranslation } from "react-i18next";
import { TextField, type AnyField } from "~/components/ui/form";
import { PASSWORD_MIN } from "~/domain/residents/types";

/**
 * The new password and its confirmation, as signup, password reset and password change ask for
 * them: same hint, same autocomplete (so password managers offer a strong one), same order.
 * `replacesCurrent` labels them "new password" where the resident also types the current one.
 */
export function NewPasswordFields({
  password,
  confirm,
  replacesCurrent = false,
}: {
  password: AnyField;
  confirm: AnyField;
  replacesCurrent?: boolean;
}) {
  const { t } = useTranslation(["auth", "account"]);
  return (
    <>
      <TextField
        field={password}
        label={replacesCurrent ? t("account:password.new") : t("auth:fields.password")}
        hint={t("auth:fields.passwordHint", { min: PASSWORD_MIN })}
        type="password"
        autoComplete="new-password"
      />
      <TextField
        field={confirm}
        label={replacesCurrent ? t("account:password.confirm") : t("auth:fields.passwordConfirm")}
        type="password"
        autoComplete="new-password"
      />
    </>
  );
}
