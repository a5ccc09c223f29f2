// The back office's session form: when (Seoul time), seats, registration window, and how the seats
// are given (first come, or a lottery with its draw time and confirmation hours). Plain fields
// checked on the server, so it works without JavaScript. Kept apart from the program form so that
// the session page does not ship the eligibility fieldset.
import { getFormProps, useForm, type DefaultValue, type SubmissionResult } from "@conform-to/react";
import { Form } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import type { z } from "zod";
import {
  asTextField,
  ErrorSummary,
  RadioGroup,
  TextField,
  useFormConstraint,
} from "~/components/ui/form";
import type { SessionSchema } from "~/domain/events/staff-schema";
import { SESSION_ALLOCATIONS } from "~/domain/events/types";
import { SaveButton } from "./save-button";

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
  const pair = (
    date: "startDate" | "endDate" | "opensDate" | "closesDate" | "drawDate",
    time: string,
  ) => (
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
      <RadioGroup
        field={asTextField(fields.allocation)}
        legend={t("staff.session.allocation")}
        options={SESSION_ALLOCATIONS.map((a) => ({
          value: a,
          label: t(`staff.session.allocation_${a}`),
        }))}
      />
      <p className="hint">{t("staff.session.allocationHint")}</p>
      <fieldset className="stack">
        <legend>{t("staff.session.lotteryTitle")}</legend>
        <p className="hint">{t("staff.session.lotteryHint")}</p>
        {pair("drawDate", "drawTime")}
        <TextField
          field={asTextField(fields.confirmHours)}
          label={t("staff.session.confirmHours")}
          hint={t("staff.session.confirmHoursHint")}
          type="number"
          inputMode="numeric"
        />
      </fieldset>
      <SaveButton />
    </Form>
  );
}
