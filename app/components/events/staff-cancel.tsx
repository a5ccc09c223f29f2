// What calling a session or a program off does, and the box that confirms it.
import type { FieldMetadata } from "@conform-to/react";
import { useTranslation } from "react-i18next";
import { asTextField, CheckboxField } from "~/components/ui/form";

export function CancelFields({
  field,
  what,
}: {
  field: FieldMetadata<string>;
  what: "session" | "program";
}) {
  const { t } = useTranslation("events");
  return (
    <>
      <ul>
        <li>{t(`staff.cancel.${what}Effect`)}</li>
        <li>{t("staff.cancel.told")}</li>
        <li>{t("staff.cancel.final")}</li>
      </ul>
      <CheckboxField field={asTextField(field)} label={t(`staff.cancel.${what}Confirm`)} />
    </>
  );
}
