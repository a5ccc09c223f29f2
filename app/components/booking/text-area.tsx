import type { FieldMetadata } from "@conform-to/react";
import { getTextareaProps } from "@conform-to/react";
import { useState, type ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { FieldErrors } from "~/components/ui/form";

type TextField = FieldMetadata<string | undefined, Record<string, unknown>, string[]>;

/** A labelled textarea with its hint, errors and a character count (kept on error). */
export function TextAreaField({
  field,
  label,
  hint,
  maxLength,
}: {
  field: TextField;
  label: ReactNode;
  hint?: ReactNode;
  maxLength: number;
}) {
  const { t } = useTranslation("booking");
  const hintId = `${field.id}-hint`;
  const counterId = `${field.id}-counter`;
  const props = getTextareaProps(field, { ariaDescribedBy: `${hintId} ${counterId}` });
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
        rows={8}
        maxLength={maxLength}
        onChange={(event) => setLength(event.currentTarget.value.length)}
      />
      <p id={counterId} className="hint">
        {t("labor.counter", { count: length, max: maxLength })}
      </p>
      <FieldErrors id={field.errorId} errors={field.errors} />
    </div>
  );
}
