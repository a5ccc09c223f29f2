// Small form primitives: every input has a visible label, its error is tied to it with
// aria-describedby and shown in the person's language, and what was typed is kept.
import type { FieldMetadata } from "@conform-to/react";
import { getInputProps, getSelectProps, getTextareaProps } from "@conform-to/react";
import { useActionData } from "@remix-run/react";
import { useEffect, useRef, useState, type MouseEvent, type ReactNode } from "react";
import { useTranslation } from "react-i18next";

type AnyField = FieldMetadata<string | undefined, Record<string, unknown>, string[]>;

/**
 * Conform types a field by its schema's input type (a number, a list); these primitives only read
 * its name, ids, errors and initial value, which come from the form data as text whatever that
 * type. This lets number and list fields use them.
 */
export function asTextField<T>(
  field: FieldMetadata<T, Record<string, unknown>, string[]>,
): AnyField {
  return field as unknown as AnyField;
}

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

/**
 * What the summary reads of a conform form: its id, the id of its own messages (which the form's
 * aria-describedby names) and the messages by field name, "" for the form's own.
 */
type SummarisedForm = {
  id: string;
  errorId: string;
  allErrors: Record<string, string[] | null | undefined>;
};

const MESSAGE_NAMESPACES = ["validation", "auth", "account", "common"] as const;

/**
 * The GOV.UK error summary at the top of a form: "There is a problem", then each message as a link
 * to its field, the form's own errors (wrong password, …) first. It takes focus whenever an answer
 * brings errors, with or without JavaScript (autoFocus), so a screen reader hears the list and a
 * keyboard user is one Tab from the first field to fix. Field labels are read from the page once it
 * runs in the browser: the server renders the summary before the fields, so without JavaScript a
 * link says the message alone (still linked to its field).
 */
export function ErrorSummary({ form }: { form: SummarisedForm }) {
  const { id: formId, errorId, allErrors: errors } = form;
  const { t } = useTranslation("validation");
  const actionData = useActionData();
  const summary = useRef<HTMLDivElement>(null);
  const [labels, setLabels] = useState<Record<string, string | undefined>>({});
  const entries = Object.entries(errors).filter((entry): entry is [string, string[]] =>
    Boolean(entry[1]?.length),
  );
  const formMessages = entries.find(([name]) => name === "")?.[1] ?? [];
  const fieldMessages = entries.filter(([name]) => name !== "");
  const signature = JSON.stringify(entries);

  // Each answer of the server (a new action data object) moves focus here when it has errors;
  // this runs after conform has focused the first invalid field, and wins.
  useEffect(() => {
    if (!entries.length) return;
    setLabels(
      Object.fromEntries(
        entries.map(([name]) => [
          name,
          fieldParts(formId, name).label?.textContent?.replace(/\s+/g, " ").trim(),
        ]),
      ),
    );
    summary.current?.focus();
    // eslint-disable-next-line react-hooks/exhaustive-deps -- the signature stands for `entries`
  }, [signature, actionData, formId]);

  if (!entries.length) return null;
  const message = (key: string) => t(key as "required", { ns: MESSAGE_NAMESPACES });
  return (
    <div
      ref={summary}
      className="error-summary"
      role="alert"
      aria-labelledby={`${formId}-summary-title`}
      tabIndex={-1}
      // Without JavaScript the page arrives with errors: start there, as the effect does later.
      // eslint-disable-next-line jsx-a11y/no-autofocus -- GOV.UK's error summary takes focus
      autoFocus
    >
      <h2 id={`${formId}-summary-title`} className="error-summary__title">
        {t("summary.title")}
      </h2>
      {formMessages.length ? (
        <div id={errorId} className="error-summary__form">
          {formMessages.map((error) => (
            <p key={error}>{message(error)}</p>
          ))}
        </div>
      ) : null}
      {fieldMessages.length ? (
        <ul className="error-summary__list">
          {fieldMessages.map(([name, fieldErrors]) => (
            <li key={name}>
              <a
                href={`#${fieldTargetId(formId, name)}`}
                onClick={(event) => focusField(event, formId, name)}
              >
                {labels[name] ? `${labels[name]}: ` : ""}
                {message(fieldErrors[0] ?? "")}
              </a>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}

/** conform's id of a field (`<form id>-<name>`): an input's, or a group's fieldset's. */
function fieldTargetId(formId: string, name: string) {
  return `${formId}-${name}`;
}

/** A field's input (a group's first) and its visible label (<label>, or the group's <legend>). */
function fieldParts(formId: string, name: string) {
  const element =
    document.getElementById(fieldTargetId(formId, name)) ??
    document.getElementById(formId)?.querySelector(`[name="${CSS.escape(name)}"]`);
  if (element instanceof HTMLFieldSetElement) {
    return {
      input: element.querySelector<HTMLElement>("input, select, textarea"),
      label: element.querySelector("legend"),
    };
  }
  const input = element as HTMLInputElement | null | undefined;
  return { input, label: input?.labels?.[0] };
}

/** GOV.UK's behaviour: the link focuses the field itself, its label in view. */
function focusField(event: MouseEvent<HTMLAnchorElement>, formId: string, name: string) {
  const { input, label } = fieldParts(formId, name);
  if (!input) return;
  event.preventDefault();
  (label ?? input).scrollIntoView();
  input.focus({ preventScroll: true });
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
      id={field.id}
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

/** A labelled textarea; with `maxLength` and `counter`, a live count of what is typed. */
export function TextAreaField({
  field,
  label,
  hint,
  rows = 5,
  maxLength,
  counter,
}: {
  field: AnyField;
  label: ReactNode;
  hint?: ReactNode;
  rows?: number;
  maxLength?: number;
  /** the count's text, e.g. "18 / 2000" in the page's language */
  counter?: (length: number) => ReactNode;
}) {
  const hintId = hint ? `${field.id}-hint` : undefined;
  const counterId = counter ? `${field.id}-counter` : undefined;
  const describedBy = [hintId, counterId].filter(Boolean).join(" ") || undefined;
  const props = getTextareaProps(field, { ariaDescribedBy: describedBy });
  const [length, setLength] = useState(String(props.defaultValue ?? "").length);
  return (
    <div className="field">
      <label htmlFor={field.id}>{label}</label>
      {hint ? (
        <p id={hintId} className="hint">
          {hint}
        </p>
      ) : null}
      <textarea
        {...props}
        key={props.key}
        rows={rows}
        maxLength={maxLength}
        onChange={counter ? (event) => setLength(event.currentTarget.value.length) : undefined}
      />
      {counter ? (
        <p id={counterId} className="hint">
          {counter(length)}
        </p>
      ) : null}
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
  // one checked box comes back as a string, several as a list
  const initial: unknown = field.initialValue;
  const checked = new Set(Array.isArray(initial) ? initial : initial ? [initial] : []);
  const hintId = `${field.id}-hint`;
  return (
    <fieldset
      id={field.id}
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
