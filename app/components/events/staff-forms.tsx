// The back office's program form. One zod schema per form checks on the server
// (and its HTML constraints in the browser); the eligibility fieldset is the postings' and rounds'.
import type { DefaultValue, SubmissionResult } from "@conform-to/react";
import { useTranslation } from "react-i18next";
import type { z } from "zod";
import { CriteriaFieldset, StaffFormShell, useStaffForm } from "~/components/jobs/staff-forms";
import {
  asTextField,
  CheckboxGroup,
  RadioGroup,
  SelectField,
  TextAreaField,
  TextField,
} from "~/components/ui/form";
import type { ProgramSchema } from "~/domain/events/staff-schema";
import {
  PROGRAM_FORMATS,
  PROGRAM_KINDS,
  PROGRAM_LANGUAGES,
  PROGRAM_STATUSES,
} from "~/domain/events/types";
import { SEOUL_DISTRICTS } from "~/domain/residents/districts";
import { localized } from "~/domain/shared/localized";
import { SaveButton } from "./save-button";

type Named = { id: string; nameKo: string; nameEn: string };

type ProgramShape = z.input<typeof ProgramSchema>;

export function ProgramForm(props: {
  id: string;
  lastResult: SubmissionResult<string[]> | null | undefined;
  defaultValue?: DefaultValue<ProgramShape>;
  places: Named[];
  /** admins creating: the host organisation to choose from */
  organizations?: Named[] | null;
}) {
  const { t, i18n } = useTranslation(["events", "districts"]);
  const { form, fields, all } = useStaffForm<ProgramShape>(props);
  return (
    <StaffFormShell form={form} all={all} organizations={props.organizations}>
      <fieldset className="stack">
        <legend>{t("staff.form.texts")}</legend>
        <SelectField
          field={asTextField(fields.kind)}
          label={t("staff.form.kind")}
          options={PROGRAM_KINDS.map((k) => ({ value: k, label: t(`kind.${k}`) }))}
        />
        <TextField field={asTextField(fields.titleKo)} label={t("staff.form.titleKo")} />
        <TextField field={asTextField(fields.titleEn)} label={t("staff.form.titleEn")} />
        <TextAreaField
          field={asTextField(fields.descriptionKo)}
          label={t("staff.form.descriptionKo")}
        />
        <TextAreaField
          field={asTextField(fields.descriptionEn)}
          label={t("staff.form.descriptionEn")}
        />
      </fieldset>
      <fieldset className="stack">
        <legend>{t("staff.form.where")}</legend>
        <RadioGroup
          field={asTextField(fields.format)}
          legend={t("staff.form.format")}
          options={PROGRAM_FORMATS.map((f) => ({ value: f, label: t(`format.${f}`) }))}
        />
        <TextField
          field={asTextField(fields.onlineUrl)}
          label={t("staff.form.onlineUrl")}
          hint={t("staff.form.onlineUrlHint")}
        />
        <SelectField
          field={asTextField(fields.placeId)}
          label={t("staff.form.place")}
          placeholder={t("staff.form.noPlace")}
          options={props.places.map((p) => ({
            value: p.id,
            label: localized(p, i18n.language, "name"),
          }))}
        />
        <TextField
          field={asTextField(fields.venueKo)}
          label={t("staff.form.venueKo")}
          hint={t("staff.form.venueHint")}
        />
        <TextField field={asTextField(fields.venueEn)} label={t("staff.form.venueEn")} />
        <SelectField
          field={asTextField(fields.district)}
          label={t("staff.form.district")}
          placeholder={t("staff.form.noDistrict")}
          options={SEOUL_DISTRICTS.map((d) => ({ value: d.code, label: t(`districts:${d.code}`) }))}
        />
      </fieldset>
      <fieldset className="stack">
        <legend>{t("staff.form.access")}</legend>
        <CheckboxGroup
          field={asTextField(fields.languages)}
          legend={t("staff.form.languages")}
          options={PROGRAM_LANGUAGES.map((l) => ({ value: l, label: t(`language.${l}`) }))}
        />
        <TextAreaField
          field={asTextField(fields.accessibilityNotesKo)}
          label={t("staff.form.accessibilityNotesKo")}
          rows={3}
        />
        <TextAreaField
          field={asTextField(fields.accessibilityNotesEn)}
          label={t("staff.form.accessibilityNotesEn")}
          rows={3}
        />
      </fieldset>
      <CriteriaFieldset fields={all} />
      <RadioGroup
        field={asTextField(fields.status)}
        legend={t("staff.form.status")}
        options={PROGRAM_STATUSES.map((s) => ({ value: s, label: t(`staff.status.${s}`) }))}
      />
      <SaveButton />
    </StaffFormShell>
  );
}
