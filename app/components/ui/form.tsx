// Small form primitives: every input has a visible label, its error is tied to it with
// aria-describedby and shown in the person's language, and what was typed is kept.
import type { FieldMetadata } from "@conform-to/react";
import { getInputProps, getSelectProps } from "@conform-to/react";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";

type AnyField = FieldMetadata<string | undefined, Record<string, unknown>, string[]>;

export function FieldErrors({ id, errors }: { id: string; errors?: string[] }) {
  const { t } = useTranslation("validation");
  if (!errors?.length) return null;
  return (
    <ul id={id} className="field-errors">
      {errors.map((error) => (
        <li key={error}>{t(error as "required", { ns: ["validation", "common"] })}</li>
      ))}
    </ul>
  );
}

export function FormErrors({ errors, id }: { errors?: string[]; id: string }) {
  const { t } = useTranslation("validation");
  if (!errors?.length) return null;
  return (
    <div id={id} role="alert" className="form-errors">
      {errors.map((error) => (
        <p key={error}>
          {t(error as "required", { ns: ["validation", "auth", "account", "common"] })}
        </p>
      ))}
    </div>
  );
}

export function TextField({
  field,
  label,
  hint,
  type = "text",
  autoComplete,
  inputMode,
}: {
  field: AnyField;
  label: ReactNode;
  hint?: ReactNode;
  type?: "text" | "email" | "password" | "date" | "tel" | "number" | "search" | "time";
  autoComplete?: string;
  inputMode?: "text" | "email" | "tel" | "numeric" | "decimal" | "search";
}) {
  const hintId = hint ? `${field.id}-hint` : undefined;
  const props = getInputProps(field, { type, ariaDescribedBy: hintId });
  return (
    <div className="field">
      <label htmlFor={field.id}>{label}</label>
      {hint ? (
        <p id={hintId} className="hint">
          {hint}
        </p>
      ) : null}
      <input
        {...props}
        key={props.key}
        autoComplete={autoComplete}
        inputMode={inputMode}
        // Passwords are never sent back to the page.
        defaultValue={type === "password" ? undefined : props.defaultValue}
      />
      <FieldErrors id={field.errorId} errors={field.errors} />
    </div>
  );
}

export function SelectField({
  field,
  label,
  options,
  placeholder,
}: {
  field: AnyField;
  label: ReactNode;
  options: { value: string; label: string }[];
  placeholder?: string;
}) {
  const props = getSelectProps(field);
  return (
    <div className="field">
      <label htmlFor={field.id}>{label}</label>
      <select {...props} key={props.key}>
        {placeholder !== undefined ? <option value="">{placeholder}</option> : null}
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
      <FieldErrors id={field.errorId} errors={field.errors} />
    </div>
  );
}

export function RadioGroup({
  field,
  legend,
  options,
}: {
  field: AnyField;
  legend: ReactNode;
  options: { value: string; label: string }[];
}) {
  const current = field.initialValue ?? "";
  return (
    <fieldset
      className="field radio-group"
      aria-describedby={field.errors ? field.errorId : undefined}
    >
      <legend>{legend}</legend>
      {options.map((option) => {
        const id = `${field.id}-${option.value}`;
        return (
          <div key={option.value} className="radio">
            <input
              type="radio"
              id={id}
              name={field.name}
              value={option.value}
              defaultChecked={current === option.value}
              key={`${field.key ?? ""}-${option.value}`}
            />
            <label htmlFor={id}>{option.label}</label>
          </div>
        );
      })}
      <FieldErrors id={field.errorId} errors={field.errors} />
    </fieldset>
  );
}

export function CheckboxField({ field, label }: { field: AnyField; label: ReactNode }) {
  return (
    <div className="field checkbox">
      <input
        type="checkbox"
        id={field.id}
        name={field.name}
        defaultChecked={field.initialValue === "on"}
        aria-invalid={field.errors ? true : undefined}
        aria-describedby={field.errors ? field.errorId : undefined}
        key={field.key}
      />
      <label htmlFor={field.id}>{label}</label>
      <FieldErrors id={field.errorId} errors={field.errors} />
    </div>
  );
}
