// The back office's form for a place's details (new and edit). Admins also choose what the place
// is and who runs it; staff of the place edit the rest.
import type { FieldMetadata } from "@conform-to/react";
import { Form, useNavigation } from "@remix-run/react";
import type { ComponentProps } from "react";
import { useTranslation } from "react-i18next";
import {
  asTextField,
  CheckboxField,
  CheckboxGroup,
  ErrorSummary,
  SelectField,
  TextAreaField,
  TextField,
} from "~/components/ui/form";
import { AMENITIES, PLACE_KINDS, SUB_KINDS } from "~/domain/places/types";
import { SEOUL_DISTRICTS } from "~/domain/residents/districts";
import { usePlaceLabels } from "./labels";

type Field = FieldMetadata<string | undefined, Record<string, unknown>, string[]>;
type ListField = FieldMetadata<string[] | undefined, Record<string, unknown>, string[]>;
type Name =
  | "slug"
  | "kind"
  | "subKind"
  | "operatorId"
  | "nameKo"
  | "nameEn"
  | "addressKo"
  | "addressEn"
  | "district"
  | "latitude"
  | "longitude"
  | "coordinatesApproximate"
  | "phone"
  | "email"
  | "website"
  | "areaSquareMeters"
  | "descriptionKo"
  | "descriptionEn"
  | "accessibilityNotesKo"
  | "accessibilityNotesEn"
  | "verified";
/** Conform's fields of the place forms: staff forms lack the admin-only ones. */
export type PlaceFields = { [K in Name]?: Field } & { amenities: ListField };

function AmenitiesField({ field }: { field: ListField }) {
  const { t } = useTranslation("places");
  return (
    <CheckboxGroup
      field={asTextField(field)}
      legend={t("form.amenities")}
      options={AMENITIES.map((amenity) => ({ value: amenity, label: t(`amenities.${amenity}`) }))}
    />
  );
}

export function PlaceForm({
  formProps,
  form,
  fields,
  admin,
  isNew,
  organizations,
  submitLabel,
}: {
  /** getFormProps(form) */
  formProps: Record<string, unknown>;
  /** the conform form, for its error summary */
  form: ComponentProps<typeof ErrorSummary>["form"];
  fields: PlaceFields;
  admin: boolean;
  isNew: boolean;
  organizations: { id: string; nameKo: string; nameEn: string }[];
  submitLabel: string;
}) {
  const { t } = useTranslation("places");
  const labels = usePlaceLabels();
  const navigation = useNavigation();
  const saving = navigation.state === "submitting";
  return (
    <Form method="post" {...formProps} className="stack">
      <ErrorSummary form={form} />
      {admin ? (
        <fieldset className="stack plain">
          <legend className="visually-hidden">{t("form.identity")}</legend>
          {isNew ? (
            <TextField field={fields.slug!} label={t("form.slug")} hint={t("form.slugHint")} />
          ) : null}
          <SelectField
            field={fields.kind!}
            label={t("form.kind")}
            options={PLACE_KINDS.map((kind) => ({ value: kind, label: labels.kind(kind) }))}
          />
          <SelectField
            field={fields.subKind!}
            label={t("form.subKind")}
            placeholder={t("form.none")}
            options={Object.values(SUB_KINDS)
              .flat()
              .map((sub) => ({ value: sub, label: labels.subKind(sub) }))}
          />
          <SelectField
            field={fields.operatorId!}
            label={t("form.operator")}
            placeholder={t("form.none")}
            options={organizations.map((org) => ({
              value: org.id,
              label: labels.name(org),
            }))}
          />
        </fieldset>
      ) : null}
      <TextField field={fields.nameKo!} label={t("form.nameKo")} />
      <TextField field={fields.nameEn!} label={t("form.nameEn")} />
      <TextField field={fields.addressKo!} label={t("form.addressKo")} autoComplete="off" />
      <TextField field={fields.addressEn!} label={t("form.addressEn")} autoComplete="off" />
      <SelectField
        field={fields.district!}
        label={t("form.district")}
        placeholder=""
        options={[
          ...SEOUL_DISTRICTS.map((d) => ({ value: d.code, label: labels.district(d.code) })),
          { value: "outside", label: labels.district("outside") },
        ]}
      />
      <fieldset className="field coordinates">
        <legend>{t("form.coordinates")}</legend>
        <p className="hint">{t("form.coordinatesHint")}</p>
        <TextField field={fields.latitude!} label={t("form.latitude")} inputMode="decimal" />
        <TextField field={fields.longitude!} label={t("form.longitude")} inputMode="decimal" />
        <CheckboxField field={fields.coordinatesApproximate!} label={t("form.approximate")} />
      </fieldset>
      <TextField field={fields.phone!} label={t("form.phone")} type="tel" inputMode="tel" />
      <TextField field={fields.email!} label={t("form.email")} type="email" inputMode="email" />
      <TextField field={fields.website!} label={t("form.website")} hint={t("form.websiteHint")} />
      <TextField field={fields.areaSquareMeters!} label={t("form.area")} inputMode="numeric" />
      <TextAreaField field={fields.descriptionKo!} label={t("form.descriptionKo")} rows={4} />
      <TextAreaField field={fields.descriptionEn!} label={t("form.descriptionEn")} rows={4} />
      <AmenitiesField field={fields.amenities!} />
      <TextAreaField
        field={fields.accessibilityNotesKo!}
        label={t("form.accessibilityKo")}
        hint={t("form.accessibilityHint")}
      />
      <TextAreaField field={fields.accessibilityNotesEn!} label={t("form.accessibilityEn")} />
      <CheckboxField field={fields.verified!} label={t("form.verified")} />
      <button type="submit" className="button primary" disabled={saving}>
        {saving ? t("form.saving") : submitLabel}
      </button>
    </Form>
  );
}
