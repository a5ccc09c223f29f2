// The back office's program and session forms. One zod schema per form checks on the server
// (and its HTML constraints in the browser); the eligibility fieldset is the postings' and rounds'.
import { getFormProps, useForm, type DefaultValue, type SubmissionResult } from "@conform-to/react";
import { Form, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import type { z } from "zod";
import { CriteriaFieldset, OrganizationField, type Field } from "~/components/jobs/staff-forms";
import {
  asTextField,
  CheckboxGroup,
  ErrorSummary,
  RadioGroup,
  SelectField,
  TextAreaField,
  TextField,
} from "~/components/ui/form";
import type { ProgramSchema, SessionSchema } from "~/domain/events/staff-schema";
import { PROGRAM_KINDS } from "~/domain/events/types";
import { SEOUL_DISTRICTS } from "~/domain/residents/districts";
import { localized } from "~/domain/shared/localized";
import { useFormConstraint } from "~/utils/form-constraint";

// The choices, repeated here as plain lists so that the page does not ship zod.
const FORMATS = ["in_person", "online", "hybrid"] as const;
const STATUSES = ["draft", "published"] as const;
const LANGUAGES = ["ko", "en"] as const;

type Named = { id: string; nameKo: string; nameEn: string };

function SaveButton() {
  const { t } = useTranslation("events");
  const navigation = useNavigation();
  const saving = navigation.state === "submitting" && navigation.formData?.get("intent") === "save";
  return (
    <button type="submit" name="intent" value="save" className="button primary" disabled={saving}>
      {saving ? t("staff.form.saving") : t("staff.form.save")}
    </button>
  );
}

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
  const [form, fields] = useForm<ProgramShape>({
    id: props.id,
    lastResult: props.lastResult,
    defaultValue: props.defaultValue,
    constraint: useFormConstraint(),
  });
  const all = fields as unknown as Record<string, Field>;
  return (
    <Form method="post" {...getFormProps(form)} className="stack staff-form">
      <ErrorSummary form={form} />
      {props.organizations ? (
        <OrganizationField field={all.organizationId!} organizations={props.organizations} />
      ) : null}
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
          options={FORMATS.map((f) => ({ value: f, label: t(`format.${f}`) }))}
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
          options={LANGUAGES.map((l) => ({ value: l, label: t(`language.${l}`) }))}
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
        options={STATUSES.map((s) => ({ value: s, label: t(`staff.status.${s}`) }))}
      />
      <SaveButton />
    </Form>
  );
}

type SessionShape = z.input<typeof SessionSchema>;

export function SessionForm(props: {
  id: string;
  lastResult: SubmissionResult<string[]> | null | undefined;
  defaultValue?: DefaultValue<SessionShape>;
}) {
  const { t } = useTranslation("events");
  const [form, fields] = useForm<SessionShape>({
    id: props.id,
    lastResult: props.lastResult,
    defaultValue: props.defaultValue,
    constraint: useFormConstraint(),
  });
  const pair = (date: "startDate" | "endDate" | "opensDate" | "closesDate", time: string) => (
    <div className="field-row">
      <TextField field={asTextField(fields[date])} label={t(`staff.session.${date}`)} type="date" />
      <TextField
        field={asTextField(fields[time as "startTime"])}
        label={t(`staff.session.${time as "startTime"}`)}
        type="time"
      />
    </div>
  );
  return (
    <Form method="post" {...getFormProps(form)} className="stack staff-form">
      <ErrorSummary form={form} />
      <p className="hint">{t("staff.session.seoulTime")}</p>
      {pair("startDate", "startTime")}
      {pair("endDate", "endTime")}
      <TextField
        field={asTextField(fields.capacity)}
        label={t("staff.session.capacity")}
        hint={t("staff.session.capacityHint")}
        type="number"
        inputMode="numeric"
      />
      <fieldset className="stack">
        <legend>{t("staff.session.window")}</legend>
        <p className="hint">{t("staff.session.windowHint")}</p>
        {pair("opensDate", "opensTime")}
        {pair("closesDate", "closesTime")}
      </fieldset>
      <SaveButton />
    </Form>
  );
}
