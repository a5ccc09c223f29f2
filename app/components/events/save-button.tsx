import { useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";

/** The save button of the back office's program and session forms ("Saving…" while it goes). */
export function SaveButton() {
  const { t } = useTranslation("events");
  const navigation = useNavigation();
  const saving = navigation.state === "submitting" && navigation.formData?.get("intent") === "save";
  return (
    <button type="submit" name="intent" value="save" className="button primary" disabled={saving}>
      {saving ? t("staff.form.saving") : t("staff.form.save")}
    </button>
  );
}
