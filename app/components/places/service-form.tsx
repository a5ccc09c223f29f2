// The back office's form for a service of a place (add and edit share it).
import { getFormProps, useForm } from "@conform-to/react";
import type { SubmissionResult } from "@conform-to/react";
import { Form, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import {
  asTextField,
  CheckboxField,
  ErrorSummary,
  RadioGroup,
  SelectField,
  TextAreaField,
  TextField,
  useFormConstraint,
} from "~/components/ui/form";
import type { ServiceSchema } from "~/domain/places/schema";
import { SERVICE_KINDS } from "~/domain/places/types";
import type { z } from "zod";

type ServiceFormValues = z.input<typeof ServiceSchema>;

const DESCRIPTION_MAX = 1000;

export function ServiceForm({
  id,
  lastResult,
  defaultValue,
  submitLabel,
  intent,
}: {
  id: string;
  lastResult: SubmissionResult<string[]> | undefined;
  defaultValue: { [K in keyof ServiceFormValues]?: string };
  submitLabel: string;
  /** sent as `intent`, for pages with more than one form */
  intent?: string;
}) {
  const { t, i18n } = useTranslation(["places", "booking"]);
  const navigation = useNavigation();
  const [form, fields] = useForm<ServiceFormValues, z.output<typeof ServiceSchema>>({
    id,
    lastResult,
    defaultValue,
    constraint: useFormConstraint(),
  });
  const counter = (length: number) =>
    t("serviceForm.counter", {
      length: length.toLocaleString(i18n.language),
      max: DESCRIPTION_MAX.toLocaleString(i18n.language),
    });
  return (
    <Form method="post" {...getFormProps(form)} className="stack">
      <ErrorSummary form={form} />
      {intent ? <input type="hidden" name="intent" value={intent} /> : null}
      <SelectField
        field={fields.kind}
        label={t("serviceForm.kind")}
        placeholder={t("serviceForm.choose")}
        options={SERVICE_KINDS.map((kind) => ({ value: kind, label: t(`services.${kind}`) }))}
      />
      <TextField field={fields.nameKo} label={t("serviceForm.nameKo")} />
      <TextField field={fields.nameEn} label={t("serviceForm.nameEn")} />
      <TextAreaField
        field={fields.descriptionKo}
        label={t("serviceForm.descriptionKo")}
        rows={3}
        maxLength={DESCRIPTION_MAX}
        counter={counter}
      />
      <TextAreaField
        field={fields.descriptionEn}
        label={t("serviceForm.descriptionEn")}
        rows={3}
        maxLength={DESCRIPTION_MAX}
        counter={counter}
      />
      <TextField
        field={asTextField(fields.durationMinutes)}
        label={t("serviceForm.duration")}
        hint={t("serviceForm.durationHint")}
        type="number"
        inputMode="numeric"
      />
      <TextField
        field={asTextField(fields.yearlyLimitPerResident)}
        label={t("serviceForm.yearlyLimit")}
        hint={t("serviceForm.yearlyLimitHint")}
        type="number"
        inputMode="numeric"
      />
      <CheckboxField field={asTextField(fields.bookable)} label={t("serviceForm.bookable")} />
      <CheckboxField field={asTextField(fields.active)} label={t("serviceForm.active")} />
      <RadioGroup
        field={fields.allocation}
        legend={t("booking:lottery.staff.allocation")}
        options={[
          { value: "first_come", label: t("booking:lottery.staff.firstCome") },
          { value: "lottery", label: t("booking:lottery.staff.lottery") },
        ]}
      />
      <TextField
        field={asTextField(fields.drawLeadHours)}
        label={t("booking:lottery.staff.leadHours")}
        hint={t("booking:lottery.staff.leadHoursHint")}
        type="number"
        inputMode="numeric"
      />
      <button type="submit" className="button primary" disabled={navigation.state === "submitting"}>
        {submitLabel}
      </button>
    </Form>
  );
}
