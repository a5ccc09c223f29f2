// Small form primitives: every input has a visible label, its error is tied to it with
// aria-describedby and shown in the person's language, and what was typed is kept.
import type { FieldMetadata } from "@conform-to/react";
import { getInputProps, getSelectProps, getTextareaProps } from "@conform-to/react";
import type { getZodConstraint } from "@conform-to/zod";
import { useLoaderData } from "@remix-run/react";
import { useState, type ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { splitMessage } from "~/domain/shared/message-values";

export type AnyField = FieldMetadata<string | undefined, Record<string, unknown>, string[]>;

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
      {errors.map((error) => {
        const { key, values } = splitMessage(error);
        return (
          <li key={error}>{t(key as "required", { ns: ["validation", "common"], ...values })}</li>
        );
      })}
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
 * to its field, and the form's own messages (wrong password, …). It takes focus whenever an answer
 * brings errors, with or without JavaScript (autoFocus), so a screen reader hears the list and a
 * keyboard user is one Tab from the first field to fix. A link says the message and is described by
 * its field's label (aria-describedby: the label comes later in the page, so the server cannot
 * write its text here), the same with and without JavaScript; following it focuses the field.
 */
export function ErrorSummary({ form }: { form: SummarisedForm }) {
  const { t } = useTranslation("validation");
  const entries = Object.entries(form.allErrors).filter(
    (entry): entry is [string, string[]] => !!entry[1]?.length,
  );
  const summaryId = `${form.id}-summary`;
  if (!entries.length) return null;
  const message = (error: string) => {
    const { key, values } = splitMessage(error);
    return t(key as "required", { ns: MESSAGE_NAMESPACES, ...values });
  };
  return (
    <div
      id={summaryId}
      className="error-summary"
      role="alert"
      aria-labelledby={`${summaryId}-title`}
      tabIndex={-1}
      data-arrival-focus=""
      // Without JavaScript the page arrives with errors: start there (with it, the root moves focus
      // here after the answer).
      // eslint-disable-next-line jsx-a11y/no-autofocus -- GOV.UK's error summary takes focus
      autoFocus
    >
      <h2 id={`${summaryId}-title`} className="error-summary__title">
        {t("summary.title")}
      </h2>
      <ul className="error-summary__list">
        {entries.map(([name, errors]) => {
          const id = `${form.id}-${name}`;
          // the form's own messages (name "") are the ones its aria-describedby names
          return name ? (
            <li key={name}>
              <a href={`#${id}`} aria-describedby={`${id}-label`}>
                {message(errors[0] ?? "")}
              </a>
            </li>
          ) : (
            <li key="" id={form.errorId} className="error-summary__form">
              {errors.map(message).join(" ")}
            </li>
          );
        })}
      </ul>
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
      <label id={`${field.id}-label`} htmlFor={field.id}>
        {label}
      </label>
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
      <label id={`${field.id}-label`} htmlFor={field.id}>
        {label}
      </label>
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
      <legend id={`${field.id}-label`}>{legend}</legend>
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
      <label id={`${field.id}-label`} htmlFor={field.id}>
        {label}
      </label>
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
      <label id={`${field.id}-label`} htmlFor={field.id}>
        {label}
      </label>
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
      <legend id={`${field.id}-label`}>{legend}</legend>
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

/**
 * What just happened — booked, applied, saved — as a GOV.UK-style confirmation. A live region
 * that arrives already filled is not read out, so it takes focus instead: on arrival and after a
 * form's answer the root moves focus here (`data-arrival-focus`); without JavaScript the page
 * arrives with it focused (autoFocus). Tab goes on from there.
 */
export function Confirmation({ children }: { children: ReactNode }) {
  return (
    <p
      role="status"
      className="notice success"
      tabIndex={-1}
      data-arrival-focus=""
      // eslint-disable-next-line jsx-a11y/no-autofocus -- the page's news, where reading starts
      autoFocus
    >
      {children}
    </p>
  );
}

type Constraints = ReturnType<typeof getZodConstraint>;

/**
 * (Here rather than in a module of its own: every form page loads this one anyway.)
 * The HTML constraints of the page's form, which its loader worked out on the server with
 * `formConstraint(schema)` (see form-constraint.server.ts): zod stays out of the browser.
 */
export function useFormConstraint(): Constraints | undefined {
  return (useLoaderData() as { constraint?: Constraints } | null)?.constraint;
}
