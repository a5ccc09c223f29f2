// Form fields the jobs forms need beyond the shared primitives (components/ui/form.tsx): a text
// area and a group of checkboxes for a list value. Same habits: a visible label, the error tied
// with aria-describedby, what was typed kept.
import type { FieldMetadata } from "@conform-to/react";
import { getTextareaProps } from "@conform-to/react";
import type { ReactNode } from "react";
import { FieldErrors } from "~/components/ui/form";

type AnyField = FieldMetadata<string | undefined, Record<string, unknown>, string[]>;

/**
 * Conform types a field by its schema's input type (a number, a list); the form primitives only
 * read its name, ids, errors and initial value, which come from the form data as text whatever
 * that type. This lets number and list fields use them.
 */
export function asTextField<T>(
  field: FieldMetadata<T, Record<string, unknown>, string[]>,
): AnyField {
  return field as unknown as AnyField;
}

export function TextAreaField({
  field,
  label,
  hint,
  rows = 5,
}: {
  field: AnyField;
  label: ReactNode;
  hint?: ReactNode;
  rows?: number;
}) {
  const hintId = hint ? `${field.id}-hint` : undefined;
  const props = getTextareaProps(field, { ariaDescribedBy: hintId });
  return (
    <div className="field">
      <label htmlFor={field.id}>{label}</label>
      {hint ? (
        <p id={hintId} className="hint">
          {hint}
        </p>
      ) : null}
      <textarea {...props} key={props.key} rows={rows} />
      <FieldErrors id={field.errorId} errors={field.errors} />
    </div>
  );
}

/** Several checkboxes under one name: the checked values form a list. */
export function CheckboxGroup({
  field,
  legend,
  hint,
  options,
}: {
  field: AnyField;
  legend: ReactNode;
  hint?: ReactNode;
  options: { value: string; label: string }[];
}) {
  const initial: unknown = field.initialValue;
  const checked = new Set(Array.isArray(initial) ? initial : initial ? [initial] : []);
  const hintId = `${field.id}-hint`;
  return (
    <fieldset
      className="field checkbox-group"
      aria-describedby={
        [hint ? hintId : "", field.errors ? field.errorId : ""].join(" ").trim() || undefined
      }
    >
      <legend>{legend}</legend>
      {hint ? (
        <p id={hintId} className="hint">
          {hint}
        </p>
      ) : null}
      <div className="checkbox-group__options">
        {options.map((option) => {
          const id = `${field.id}-${option.value}`;
          return (
            <div key={option.value} className="checkbox field">
              <input
                type="checkbox"
                id={id}
                name={field.name}
                value={option.value}
                defaultChecked={checked.has(option.value)}
                key={`${field.key ?? ""}-${option.value}`}
              />
              <label htmlFor={id}>{option.label}</label>
            </div>
          );
        })}
      </div>
      <FieldErrors id={field.errorId} errors={field.errors} />
    </fieldset>
  );
}
