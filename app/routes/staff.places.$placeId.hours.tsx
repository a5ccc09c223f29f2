import { getFormProps, getInputProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import {
  Form,
  useActionData,
  useLoaderData,
  useNavigation,
  useSearchParams,
} from "@remix-run/react";
import { useTranslation } from "react-i18next";
import {
  CheckboxField,
  Confirmation,
  ErrorSummary,
  FieldErrors,
  useFormConstraint,
} from "~/components/ui/form";
import { requirePlaceEditor } from "~/routes-support/places.server";
import { HoursSchema } from "~/domain/places/schema";
import { SLOTS_PER_DAY } from "~/domain/places/types";
import { getPlaceForEdit, replaceHours } from "~/domain/places/manage.server";
import { now } from "~/utils/clock.server";
import { formatWeekday } from "~/utils/format";
import { pageTitle } from "~/utils/meta";
import { invalid, invariantResponse, notFound } from "~/utils/http.server";
import { clientIp, readFormData } from "~/utils/request.server";
import { formConstraint } from "~/utils/form-constraint.server";
import type { z } from "zod";

export const handle = { i18n: ["places", "districts", "validation"] };
export const meta: MetaFunction = (args) => pageTitle(args, "staffPlaceHours");

const WEEKDAYS = [1, 2, 3, 4, 5, 6, 7];

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requirePlaceEditor(request, params.placeId);
  const place = await getPlaceForEdit(params.placeId!);
  invariantResponse(place, notFound);
  // Every weekday gets its intervals plus empty rows up to SLOTS_PER_DAY.
  const rows = WEEKDAYS.flatMap((weekday) => {
    const own = place.openingHours.filter((interval) => interval.weekday === weekday);
    const empty = Math.max(0, SLOTS_PER_DAY - own.length);
    return [
      ...own.map(({ opens, closes }) => ({ weekday, opens, closes })),
      ...Array.from({ length: empty }, () => ({ weekday, opens: "", closes: "" })),
    ];
  });
  return {
    constraint: formConstraint(HoursSchema),
    version: place.updatedAt,
    closedOnPublicHolidays: place.closedOnPublicHolidays,
    rows,
  };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const user = await requirePlaceEditor(request, params.placeId);
  const submission = parseWithZod(await readFormData(request), { schema: HoursSchema });
  if (submission.status !== "success") return invalid(submission);
  invariantResponse(await getPlaceForEdit(params.placeId!), notFound);
  await replaceHours(params.placeId!, submission.value, {
    actorId: user.id,
    ip: clientIp(context),
    now: now(),
  });
  return { result: submission.reply(), refusal: null, saved: true };
}

export default function StaffPlaceHours() {
  const { t, i18n } = useTranslation("places");
  const { version, closedOnPublicHolidays, rows } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const saved = actionData !== undefined && "saved" in actionData;
  const navigation = useNavigation();
  const [searchParams] = useSearchParams();
  const [form, fields] = useForm<z.input<typeof HoursSchema>>({
    id: `hours-${version}`,
    lastResult: saved ? undefined : actionData?.result,
    defaultValue: {
      closedOnPublicHolidays: closedOnPublicHolidays ? "on" : "",
      intervals: rows.map((row) => ({ ...row, weekday: String(row.weekday) })),
    },
    constraint: useFormConstraint(),
  });
  const intervals = fields.intervals.getFieldList();
  return (
    <>
      <h2>{t("staff.hours")}</h2>
      {searchParams.get("created") ? <Confirmation>{t("form.created")}</Confirmation> : null}
      {saved ? <Confirmation>{t("hoursForm.saved")}</Confirmation> : null}
      <p className="hint">{t("hoursForm.hint")}</p>
      <Form method="post" {...getFormProps(form)} className="stack">
        <ErrorSummary form={form} />
        {WEEKDAYS.map((weekday) => (
          <fieldset key={weekday} className="field hours-day">
            <legend>{formatWeekday(weekday, i18n.language)}</legend>
            {intervals.map((interval, index) => {
              if (rows[index]?.weekday !== weekday) return null;
              const row = interval.getFieldset();
              const slot = rows.slice(0, index + 1).filter((r) => r.weekday === weekday).length;
              return (
                <div key={interval.key} className="hours-row">
                  <input
                    {...getInputProps(row.weekday, { type: "hidden" })}
                    key={row.weekday.key}
                  />
                  <span className="hours-row__slot">{t("hoursForm.slot", { slot })}</span>
                  <div className="field">
                    <label htmlFor={row.opens.id}>{t("hoursForm.opens")}</label>
                    <input
                      {...getInputProps(row.opens, { type: "time" })}
                      key={row.opens.key}
                      step={60}
                    />
                    <FieldErrors id={row.opens.errorId} errors={row.opens.errors} />
                  </div>
                  <div className="field">
                    <label htmlFor={row.closes.id}>{t("hoursForm.closes")}</label>
                    <input
                      {...getInputProps(row.closes, { type: "time" })}
                      key={row.closes.key}
                      step={60}
                    />
                    <FieldErrors id={row.closes.errorId} errors={row.closes.errors} />
                  </div>
                </div>
              );
            })}
          </fieldset>
        ))}
        <CheckboxField
          field={fields.closedOnPublicHolidays}
          label={t("hoursForm.closedOnPublicHolidays")}
        />
        <button
          type="submit"
          className="button primary"
          disabled={navigation.state === "submitting"}
        >
          {navigation.state === "submitting" ? t("form.saving") : t("hoursForm.save")}
        </button>
      </Form>
    </>
  );
}
