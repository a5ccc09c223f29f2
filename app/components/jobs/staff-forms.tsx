// The back office's posting, site and round forms, built from shared fieldsets. One zod schema
// per form checks on the browser (Conform) and again on the server.
import {
  getFormProps,
  useForm,
  type DefaultValue,
  type FieldMetadata,
  type FormMetadata,
  type SubmissionResult,
} from "@conform-to/react";
import { Form, useNavigation } from "@remix-run/react";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import type { z } from "zod";
import type { postingSchema, RoundSchema, siteSchema } from "~/domain/jobs/schema";
import type { latestFloors } from "~/domain/jobs/wage-floors";
import { NEW_DEAL_CATEGORIES, STANDALONE_KINDS } from "~/domain/jobs/types";
import { SEOUL_DISTRICTS } from "~/domain/residents/districts";
import { WORKER_TYPES } from "~/domain/residents/types";
import { formatWon } from "~/utils/format";
import {
  asTextField,
  CheckboxField,
  CheckboxGroup,
  ErrorSummary,
  SelectField,
  TextAreaField,
  TextField,
  useFormConstraint,
} from "~/components/ui/form";
import { localized } from "~/domain/shared/localized";

export type Field = FieldMetadata<unknown, Record<string, unknown>, string[]>;

type Organization = { id: string; nameKo: string; nameEn: string };

/** The latest recorded minimum and living wage, for the wage field's hint. */
export type WageHint = ReturnType<typeof latestFloors>;

function WageHintText({ floors }: { floors: WageHint }) {
  const { t, i18n } = useTranslation("jobs");
  const wage = (floor: { hourlyKrw: number }) => formatWon(floor.hourlyKrw, i18n.language);
  return (
    <>
      {t("staff.form.wageFloorHint")}{" "}
      {floors.minimum
        ? t("staff.form.wageFloorHintMinimum", {
            year: floors.minimum.year,
            wage: wage(floors.minimum),
          })
        : null}{" "}
      {floors.living
        ? t("staff.form.wageFloorHintLiving", {
            year: floors.living.year,
            wage: wage(floors.living),
          })
        : null}
    </>
  );
}

function TextsFieldset({
  fields,
  names,
}: {
  fields: Record<string, Field>;
  names: "title" | "name";
}) {
  const { t } = useTranslation("jobs");
  return (
    <fieldset className="stack">
      <legend>{t("staff.form.texts")}</legend>
      <TextField field={asTextField(fields[`${names}Ko`]!)} label={t(`staff.form.${names}Ko`)} />
      <TextField field={asTextField(fields[`${names}En`]!)} label={t(`staff.form.${names}En`)} />
      <TextAreaField
        field={asTextField(fields.descriptionKo!)}
        label={t("staff.form.descriptionKo")}
      />
      <TextAreaField
        field={asTextField(fields.descriptionEn!)}
        label={t("staff.form.descriptionEn")}
      />
    </fieldset>
  );
}

function TermsFieldset({
  fields,
  wageFloors,
  children,
}: {
  fields: Record<string, Field>;
  wageFloors: WageHint;
  children?: ReactNode;
}) {
  const { t } = useTranslation(["jobs", "districts"]);
  return (
    <fieldset className="stack">
      <legend>{t("staff.form.terms")}</legend>
      {children}
      <SelectField
        field={asTextField(fields.district!)}
        label={t("staff.form.district")}
        placeholder={t("staff.form.noDistrict")}
        options={SEOUL_DISTRICTS.map((d) => ({ value: d.code, label: t(`districts:${d.code}`) }))}
      />
      <CheckboxField field={asTextField(fields.outdoor!)} label={t("staff.form.outdoor")} />
      <TextField
        field={asTextField(fields.positions!)}
        label={t("staff.form.positions")}
        type="number"
        inputMode="numeric"
      />
      <TextField
        field={asTextField(fields.hourlyWageKrw!)}
        label={t("staff.form.hourlyWageKrw")}
        hint={<WageHintText floors={wageFloors} />}
        type="number"
        inputMode="numeric"
      />
      <TextField
        field={asTextField(fields.hoursPerDay!)}
        label={t("staff.form.hoursPerDay")}
        hint={t("staff.form.hoursHint")}
        type="number"
        inputMode="decimal"
      />
      <TextField
        field={asTextField(fields.daysPerWeek!)}
        label={t("staff.form.daysPerWeek")}
        type="number"
        inputMode="numeric"
      />
    </fieldset>
  );
}

function WindowFieldset({
  fields,
  start,
}: {
  fields: Record<string, Field>;
  start: "startDate" | "workStartDate";
}) {
  const { t } = useTranslation("jobs");
  const end = start === "startDate" ? "endDate" : "workEndDate";
  return (
    <fieldset className="stack">
      <legend>{t("staff.form.dates")}</legend>
      <TextField field={asTextField(fields[start]!)} label={t(`staff.form.${start}`)} type="date" />
      <TextField field={asTextField(fields[end]!)} label={t(`staff.form.${end}`)} type="date" />
      <p className="hint">{t("staff.form.windowHint")}</p>
      <div className="field-row">
        <TextField
          field={asTextField(fields.opensDate!)}
          label={t("staff.form.opensDate")}
          type="date"
        />
        <TextField
          field={asTextField(fields.opensTime!)}
          label={t("staff.form.opensTime")}
          type="time"
        />
      </div>
      <div className="field-row">
        <TextField
          field={asTextField(fields.closesDate!)}
          label={t("staff.form.closesDate")}
          type="date"
        />
        <TextField
          field={asTextField(fields.closesTime!)}
          label={t("staff.form.closesTime")}
          type="time"
        />
      </div>
    </fieldset>
  );
}

export function CriteriaFieldset({ fields }: { fields: Record<string, Field> }) {
  const { t } = useTranslation(["jobs", "districts", "account"]);
  return (
    <fieldset className="stack">
      <legend>{t("staff.form.criteria")}</legend>
      <p className="hint">{t("staff.form.criteriaHint")}</p>
      <div className="field-row">
        <TextField
          field={asTextField(fields.minAge!)}
          label={t("staff.form.minAge")}
          type="number"
          inputMode="numeric"
        />
        <TextField
          field={asTextField(fields.maxAge!)}
          label={t("staff.form.maxAge")}
          type="number"
          inputMode="numeric"
        />
      </div>
      <TextField
        field={asTextField(fields.ageReferenceDate!)}
        label={t("staff.form.ageReferenceDate")}
        type="date"
      />
      {(
        [
          "seoulResidentRequired",
          "unemployedRequired",
          "noRegularIncomeRequired",
          "registeredJobSeekerRequired",
        ] as const
      ).map((name) => (
        <CheckboxField
          key={name}
          field={asTextField(fields[name]!)}
          label={t(`staff.form.${name}`)}
        />
      ))}
      <details>
        <summary>{t("staff.form.workerTypes")}</summary>
        <CheckboxGroup
          field={asTextField(fields.workerTypes!)}
          legend={t("staff.form.workerTypes")}
          options={WORKER_TYPES.map((w) => ({ value: w, label: t(`account:workerType.${w}`) }))}
        />
      </details>
      <details>
        <summary>{t("staff.form.districts")}</summary>
        <CheckboxGroup
          field={asTextField(fields.districts!)}
          legend={t("staff.form.districts")}
          options={SEOUL_DISTRICTS.map((d) => ({ value: d.code, label: t(`districts:${d.code}`) }))}
        />
      </details>
    </fieldset>
  );
}

function OrganizationField({
  field,
  organizations,
}: {
  field: Field;
  organizations: Organization[];
}) {
  const { t, i18n } = useTranslation("jobs");
  return (
    <SelectField
      field={asTextField(field)}
      label={t("staff.form.organization")}
      placeholder={t("staff.form.chooseOrganization")}
      options={organizations.map((o) => ({
        value: o.id,
        label: localized(o, i18n.language, "name"),
      }))}
    />
  );
}

function SaveButton() {
  const { t } = useTranslation("jobs");
  const navigation = useNavigation();
  const saving = navigation.state === "submitting" && navigation.formData?.get("intent") === "save";
  return (
    <button type="submit" name="intent" value="save" className="button primary" disabled={saving}>
      {saving ? t("staff.form.saving") : t("staff.form.save")}
    </button>
  );
}

/**
 * The wiring every back-office form shares (postings, sites, rounds, programs): Conform with the
 * server's constraints, what the server answered, what is saved.
 */
export function useStaffForm<Shape extends Record<string, unknown>>(props: {
  id: string;
  lastResult: SubmissionResult<string[]> | null | undefined;
  defaultValue?: DefaultValue<Shape>;
}) {
  const [form, fields] = useForm<Shape>({
    id: props.id,
    lastResult: props.lastResult,
    defaultValue: props.defaultValue,
    constraint: useFormConstraint(),
  });
  return { form, fields, all: fields as unknown as Record<string, Field> };
}

/** A back-office form: a plain POST, its error summary, and for admins the host organisation. */
export function StaffFormShell<Shape extends Record<string, unknown>>(props: {
  form: FormMetadata<Shape, string[]>;
  all: Record<string, Field>;
  organizations?: Organization[] | null;
  children: ReactNode;
}) {
  return (
    <Form method="post" {...getFormProps(props.form)} className="stack staff-form">
      <ErrorSummary form={props.form} />
      {props.organizations ? (
        <OrganizationField field={props.all.organizationId!} organizations={props.organizations} />
      ) : null}
      {props.children}
    </Form>
  );
}

type PostingShape = z.input<ReturnType<typeof postingSchema>>;
type SiteShape = z.input<ReturnType<typeof siteSchema>>;
type RoundShape = z.input<typeof RoundSchema>;

type FormProps<Shape> = {
  id: string;
  lastResult: SubmissionResult<string[]> | null | undefined;
  defaultValue?: DefaultValue<Shape>;
  /** admins creating: the organisation to choose from */
  organizations?: Organization[] | null;
};

export function PostingForm({
  wageFloors,
  ...props
}: FormProps<PostingShape> & { wageFloors: WageHint }) {
  const { t } = useTranslation("jobs");
  const { form, fields, all } = useStaffForm<PostingShape>(props);
  return (
    <StaffFormShell form={form} all={all} organizations={props.organizations}>
      <TextsFieldset fields={all} names="title" />
      <TermsFieldset fields={all} wageFloors={wageFloors}>
        <SelectField
          field={asTextField(fields.kind)}
          label={t("staff.form.kind")}
          options={STANDALONE_KINDS.map((k) => ({ value: k, label: t(`kind.${k}`) }))}
        />
        <SelectField
          field={asTextField(fields.newDealCategory)}
          label={t("staff.form.category")}
          placeholder={t("staff.form.noCategory")}
          options={NEW_DEAL_CATEGORIES.map((c) => ({ value: c, label: t(`category.${c}`) }))}
        />
        <TextField
          field={asTextField(fields.durationMonths)}
          label={t("staff.form.durationMonths")}
          hint={t("staff.form.durationHint")}
          type="number"
          inputMode="numeric"
        />
      </TermsFieldset>
      <WindowFieldset fields={all} start="startDate" />
      <CriteriaFieldset fields={all} />
      <SaveButton />
    </StaffFormShell>
  );
}

export function SiteForm({
  wageFloors,
  ...props
}: FormProps<SiteShape> & { wageFloors: WageHint }) {
  const { form, all } = useStaffForm<SiteShape>(props);
  return (
    <StaffFormShell form={form} all={all}>
      <TextsFieldset fields={all} names="title" />
      <TermsFieldset fields={all} wageFloors={wageFloors} />
      <SaveButton />
    </StaffFormShell>
  );
}

export function RoundForm(props: FormProps<RoundShape>) {
  const { t } = useTranslation("jobs");
  const { form, fields, all } = useStaffForm<RoundShape>(props);
  return (
    <StaffFormShell form={form} all={all} organizations={props.organizations}>
      <TextsFieldset fields={all} names="name" />
      <fieldset className="stack">
        <legend>{t("staff.form.roundFields")}</legend>
        <div className="field-row">
          <TextField
            field={asTextField(fields.year)}
            label={t("staff.form.year")}
            type="number"
            inputMode="numeric"
          />
          <TextField
            field={asTextField(fields.roundNumber)}
            label={t("staff.form.roundNumber")}
            type="number"
            inputMode="numeric"
          />
        </div>
      </fieldset>
      <WindowFieldset fields={all} start="workStartDate" />
      <CriteriaFieldset fields={all} />
      <SaveButton />
    </StaffFormShell>
  );
}
