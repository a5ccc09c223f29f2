import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import {
  Form,
  Link,
  useActionData,
  useLoaderData,
  useNavigation,
  useSearchParams,
} from "@remix-run/react";
import { useTranslation } from "react-i18next";
import {
  FieldErrors,
  ErrorSummary,
  SelectField,
  TextField,
  useFormConstraint,
} from "~/components/ui/form";
import { withIsoDates } from "~/domain/booking/iso-dates";
import { recordId, TemplateSchema } from "~/domain/booking/schema";
import {
  getManagedSchedule,
  regenerateSlots,
  removeTemplate,
  saveTemplate,
  type SyncResult,
} from "~/domain/booking/schedule.server";
import { isLaborConsultation } from "~/domain/booking/reads.server";
import { CHANNELS, parseChannels } from "~/domain/booking/types";
import { seoulDate } from "~/domain/shared/seoul-time";
import { useRootData } from "~/utils/root-data";
import { requireBookingStaff, requireRecordId } from "~/routes-support/booking.server";
import { now } from "~/utils/clock.server";
import { formatCalendarDate, formatWeekday } from "~/utils/format";
import { invalid, invariantResponse, notFound, refused } from "~/utils/http.server";
import { pageTitle } from "~/utils/meta";
import { clientIp, readFormData, singleField } from "~/utils/request.server";
import { formConstraint } from "~/utils/form-constraint.server";
import type { z } from "zod";
import { Localized } from "~/components/localized";

export const handle = { i18n: ["booking", "validation"] };
export const meta: MetaFunction = (args) => pageTitle(args, "staffSchedule");

const WEEKDAYS = [1, 2, 3, 4, 5, 6, 7];

/** A service's weekly timetable: list, add, edit, remove, and (re)generate its slots. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireBookingStaff(request);
  const current = now();
  const schedule = await getManagedSchedule(user, requireRecordId(params.serviceId), current);
  invariantResponse(schedule, notFound);
  const edit = new URL(request.url).searchParams.get("edit");
  return withIsoDates({
    constraint: formConstraint(TemplateSchema),
    ...schedule,
    editing: schedule.templates.find((t) => t.id === edit) ?? null,
    labor: isLaborConsultation(schedule.service),
    today: seoulDate(current),
  });
}

function syncedTo(serviceId: string, sync: SyncResult) {
  return redirect(
    `/staff/schedules/${serviceId}?${new URLSearchParams({
      created: String(sync.created),
      removed: String(sync.removed),
      kept: String(sync.kept),
    })}`,
  );
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const user = await requireBookingStaff(request);
  const serviceId = requireRecordId(params.serviceId);
  const formData = await readFormData(request);
  const current = now();
  const ip = clientIp(context);
  const intent = singleField(formData, "intent");
  const templateId = recordId.safeParse(singleField(formData, "templateId") || undefined);
  if (intent === "regenerate") {
    const sync = await regenerateSlots(user, serviceId, current);
    invariantResponse(sync, notFound);
    return syncedTo(serviceId, sync);
  }
  if (intent === "remove") {
    invariantResponse(templateId.success, notFound);
    const outcome = await removeTemplate(user, serviceId, templateId.data, current, ip);
    if (!outcome.ok) throw notFound();
    return syncedTo(serviceId, outcome.sync);
  }
  const submission = parseWithZod(formData, { schema: TemplateSchema });
  if (submission.status !== "success") return invalid(submission);
  const outcome = await saveTemplate(
    user,
    serviceId,
    templateId.success ? templateId.data : null,
    submission.value,
    current,
    ip,
  );
  if (outcome.ok) return syncedTo(serviceId, outcome.sync);
  if (outcome.code === "notFound") throw notFound();
  return refused(outcome, {
    submission,
    reply: { formErrors: [`booking:schedule.refusal.${outcome.code}`] },
  });
}

export default function ScheduleEditor() {
  const { t } = useTranslation("booking");
  const loaded = useLoaderData<typeof loader>();
  const { service, templates, editing, upcomingSlots, lastSlotAt } = loaded;
  const [searchParams] = useSearchParams();
  const navigation = useNavigation();
  const locale = useRootData()?.locale ?? "ko";
  const busy = navigation.state === "submitting";
  const created = searchParams.get("created");
  const kept = Number(searchParams.get("kept") ?? 0);
  const hours = (tpl: { startTime: string; endTime: string }) =>
    t("picker.range", { start: tpl.startTime, end: tpl.endTime });
  return (
    <section className="page narrow booking" aria-labelledby="schedule-title">
      <p className="eyebrow">
        <Localized of={service.place} field="name" />
      </p>
      <h1 id="schedule-title">
        <Localized of={service} field="name" />
      </h1>
      {created !== null ? (
        <div role="status" className="notice success">
          <p>{t("schedule.synced", { created, removed: searchParams.get("removed") ?? "0" })}</p>
          {kept > 0 ? <p>{t("schedule.kept", { count: kept })}</p> : null}
        </div>
      ) : null}
      <p>{t("schedule.intro")}</p>
      <p>
        {t("schedule.upcoming", { count: upcomingSlots })}
        {lastSlotAt
          ? ` · ${t("schedule.until", { date: formatCalendarDate(seoulDate(new Date(lastSlotAt)), locale) })}`
          : null}
      </p>

      <h2>{t("schedule.openingHours")}</h2>
      <ul className="plain-list">
        {WEEKDAYS.map((weekday) => {
          const open = service.place.openingHours.filter((h) => h.weekday === weekday);
          return (
            <li key={weekday}>
              {formatWeekday(weekday, locale)}:{" "}
              {open.length === 0
                ? t("schedule.closed")
                : open.map((h) => hours({ startTime: h.opens, endTime: h.closes })).join(", ")}
            </li>
          );
        })}
      </ul>

      <h2>{t("schedule.templates")}</h2>
      {templates.length === 0 ? (
        <p>{t("schedule.noTemplates")}</p>
      ) : (
        <ul className="stack plain-list">
          {templates.map((tpl) => {
            const label = { weekday: formatWeekday(tpl.weekday, locale), hours: hours(tpl) };
            return (
              <li key={tpl.id} className="card">
                <p>
                  <strong>{label.weekday}</strong> {label.hours}
                </p>
                <p>
                  {t("schedule.slotMinutes")}: {tpl.slotMinutes} · {t("schedule.capacity")}:{" "}
                  {tpl.capacity} · {t("schedule.horizon")}: {tpl.horizonDays}
                  {tpl.channels
                    ? ` · ${parseChannels(tpl.channels)
                        .map((c) => t(`channel.${c}`))
                        .join(", ")}`
                    : null}
                </p>
                <div className="actions">
                  <Link
                    to={`?edit=${tpl.id}#template-form`}
                    aria-label={t("schedule.editLabel", label)}
                  >
                    {t("schedule.edit")}
                  </Link>
                  <Form method="post">
                    <input type="hidden" name="intent" value="remove" />
                    <input type="hidden" name="templateId" value={tpl.id} />
                    <button
                      type="submit"
                      className="button danger"
                      disabled={busy}
                      aria-label={t("schedule.removeLabel", label)}
                    >
                      {t("schedule.remove")}
                    </button>
                  </Form>
                </div>
              </li>
            );
          })}
        </ul>
      )}

      <TemplateForm key={editing?.id ?? "new"} />

      <Form method="post" className="stack">
        <input type="hidden" name="intent" value="regenerate" />
        <button type="submit" className="button" disabled={busy}>
          {busy && navigation.formData?.get("intent") === "regenerate"
            ? t("schedule.regenerating")
            : t("schedule.regenerate")}
        </button>
      </Form>
      <p className="actions">
        <Link to={`/staff/bookings?service=${service.id}`}>{t("staff.title")}</Link>
        <Link to="/staff/schedules">{t("schedule.back")}</Link>
      </p>
    </section>
  );
}

function TemplateForm() {
  const { t } = useTranslation(["booking", "validation"]);
  const { editing, labor, today } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const locale = useRootData()?.locale ?? "ko";
  const busy = navigation.state === "submitting" && navigation.formData?.get("intent") === "save";
  const [form, fields] = useForm<z.input<typeof TemplateSchema>>({
    id: `template-${editing?.id ?? "new"}`,
    lastResult: actionData?.result,
    defaultValue: editing
      ? {
          weekday: String(editing.weekday),
          startTime: editing.startTime,
          endTime: editing.endTime,
          slotMinutes: String(editing.slotMinutes),
          capacity: String(editing.capacity),
          horizonDays: String(editing.horizonDays),
          validFrom: editing.validFrom,
          validUntil: editing.validUntil ?? "",
          channels: parseChannels(editing.channels),
        }
      : { weekday: "1", slotMinutes: "60", capacity: "1", horizonDays: "28", validFrom: today },
    constraint: useFormConstraint(),
  });
  const chosen = [fields.channels.initialValue ?? []].flat();
  // Numbers are typed as text and turned into numbers by the schema.
  const asText = (field: unknown) => field as Parameters<typeof TextField>[0]["field"];
  return (
    <section aria-labelledby="template-form-title" id="template-form">
      <h2 id="template-form-title">{t(editing ? "schedule.editTitle" : "schedule.addTitle")}</h2>
      <Form method="post" {...getFormProps(form)} className="stack">
        <ErrorSummary form={form} />
        <input type="hidden" name="intent" value="save" />
        {editing ? <input type="hidden" name="templateId" value={editing.id} /> : null}
        <SelectField
          field={asText(fields.weekday)}
          label={t("schedule.weekday")}
          options={WEEKDAYS.map((d) => ({ value: String(d), label: formatWeekday(d, locale) }))}
        />
        <TextField field={fields.startTime} label={t("schedule.startTime")} type="time" />
        <TextField field={fields.endTime} label={t("schedule.endTime")} type="time" />
        <TextField
          field={asText(fields.slotMinutes)}
          label={t("schedule.slotMinutes")}
          type="number"
          inputMode="numeric"
        />
        <TextField
          field={asText(fields.capacity)}
          label={t("schedule.capacity")}
          type="number"
          inputMode="numeric"
        />
        <TextField
          field={asText(fields.horizonDays)}
          label={t("schedule.horizon")}
          type="number"
          inputMode="numeric"
        />
        <TextField field={fields.validFrom} label={t("schedule.validFrom")} type="date" />
        <TextField field={fields.validUntil} label={t("schedule.validUntil")} type="date" />
        {labor ? (
          <fieldset className="field radio-group" aria-describedby={`${fields.channels.id}-hint`}>
            <legend>{t("schedule.channels")}</legend>
            <p id={`${fields.channels.id}-hint`} className="hint">
              {t("schedule.channelsHint")}
            </p>
            {CHANNELS.map((channel) => (
              <div key={channel} className="checkbox">
                <input
                  type="checkbox"
                  id={`${fields.channels.id}-${channel}`}
                  name={fields.channels.name}
                  value={channel}
                  defaultChecked={chosen.includes(channel)}
                />
                <label htmlFor={`${fields.channels.id}-${channel}`}>
                  {t(`channel.${channel}`)}
                </label>
              </div>
            ))}
            <FieldErrors id={fields.channels.errorId} errors={fields.channels.errors} />
          </fieldset>
        ) : null}
        <p className="actions">
          <button type="submit" className="button primary" disabled={busy}>
            {busy ? t("schedule.saving") : t("schedule.save")}
          </button>
          {editing ? <Link to=".">{t("schedule.cancelEdit")}</Link> : null}
        </p>
      </Form>
    </section>
  );
}
