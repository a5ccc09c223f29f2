import { parseWithZod } from "@conform-to/zod";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { RefusalAlert } from "~/components/booking/refusal";
import { useTimeRange } from "~/components/booking/time-text";
import { withIsoDates } from "~/domain/booking/iso-dates";
import { isRepeatedNoShow } from "~/domain/booking/rules";
import { AttendanceSchema, BlockSchema, StaffViewSchema } from "~/domain/booking/schema";
import {
  blockDay,
  blockSlot,
  listManagedServices,
  markAttendance,
  staffSchedule,
  unblockSlot,
} from "~/domain/booking/staff.server";
import { type BookingStatus, type Channel, type LaborTopic } from "~/domain/booking/types";
import { addDays, isoWeekday, seoulDate } from "~/domain/shared/seoul-time";
import { useRootData } from "~/utils/root-data";
import {
  refusedBooking,
  requireBookingStaff,
  requireRecordId,
} from "~/routes-support/booking.server";
import { now } from "~/utils/clock.server";
import { formatCalendarDate } from "~/utils/format";
import { invalid } from "~/utils/http.server";
import { pageTitle } from "~/utils/meta";
import { clientIp, readFormData, singleField } from "~/utils/request.server";
import { localized } from "~/domain/shared/localized";
import { Confirmation } from "~/components/ui/form";

export const handle = { i18n: ["booking", "validation"] };
export const meta: MetaFunction = (args) => pageTitle(args, "staffBookings");

/** The day's or the week's slots of one service of the staff member's place, with bookings. */
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireBookingStaff(request);
  const view = StaffViewSchema.parse(
    Object.fromEntries(new URL(request.url).searchParams.entries()),
  );
  const current = now();
  const services = await listManagedServices(user);
  const serviceId = services.some((s) => s.id === view.service) ? view.service : services[0]?.id;
  const date = view.date ?? seoulDate(current);
  const week = view.view === "week";
  const from = week ? addDays(date, 1 - isoWeekday(date)) : date;
  const schedule = serviceId ? await staffSchedule(user, serviceId, from, week ? 7 : 1) : null;
  return withIsoDates({
    services,
    serviceId: serviceId ?? null,
    date,
    from,
    view: view.view,
    schedule,
    now: current,
  });
}

/** What a staff change did: the page says so, with how many bookings and slots it touched. */
function done(
  key: "marked" | "slotBlocked" | "slotUnblocked" | "dayBlocked",
  count: number,
  slots: number,
) {
  return { result: null, refusal: null, done: { key, count, slots } };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requireBookingStaff(request);
  const formData = await readFormData(request);
  const current = now();
  const ip = clientIp(context);
  if (singleField(formData, "intent") === "attendance") {
    const submission = parseWithZod(formData, { schema: AttendanceSchema });
    if (submission.status !== "success") return invalid(submission);
    const { bookingId, status } = submission.value;
    const outcome = await markAttendance(user, bookingId, status, current, ip);
    if (!outcome.ok) return refusedBooking(outcome);
    return done("marked", 1, 0);
  }
  const submission = parseWithZod(formData, { schema: BlockSchema });
  if (submission.status !== "success") return invalid(submission);
  const value = submission.value;
  if (value.intent === "block-slot") {
    const outcome = await blockSlot(user, value.slotId, value.reason ?? null, current, ip);
    if (!outcome.ok) return refusedBooking(outcome);
    return done("slotBlocked", outcome.cancelled, 1);
  }
  if (value.intent === "unblock-slot") {
    const outcome = await unblockSlot(user, value.slotId, current, ip);
    if (!outcome.ok) return refusedBooking(outcome);
    return done("slotUnblocked", outcome.offers, 1);
  }
  const serviceId = requireRecordId(singleField(formData, "service") ?? "");
  const outcome = await blockDay(user, serviceId, value.date, value.reason ?? null, current, ip);
  if (!outcome.ok) return refusedBooking(outcome);
  return done("dayBlocked", outcome.cancelled, outcome.slots);
}

type Loaded = ReturnType<typeof useLoaderData<typeof loader>>;
type SlotRow = NonNullable<Loaded["schedule"]>["slots"][number];

export default function StaffBookings() {
  const { t } = useTranslation("booking");
  const loaded = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const locale = useRootData()?.locale ?? "ko";
  const { services, serviceId, schedule, view, from, date } = loaded;
  const week = view === "week";
  const link = (target: string) =>
    `/staff/bookings?${new URLSearchParams({ service: serviceId ?? "", date: target, view })}`;
  const days = week ? [0, 1, 2, 3, 4, 5, 6].map((d) => addDays(from, d)) : [from];
  const byDay = new Map<string, SlotRow[]>();
  for (const slot of schedule?.slots ?? []) {
    const day = seoulDate(new Date(slot.startsAt));
    byDay.set(day, [...(byDay.get(day) ?? []), slot]);
  }
  return (
    <section className="page booking staff-bookings" aria-labelledby="staff-title">
      <h1 id="staff-title">{t("staff.title")}</h1>
      <p>{t("staff.intro")}</p>
      {actionData && "done" in actionData ? (
        <Confirmation>
          {t(`staff.${actionData.done.key}`, {
            count: actionData.done.count,
            slots: actionData.done.slots,
          })}
        </Confirmation>
      ) : null}
      {actionData?.refusal ? <RefusalAlert refusal={actionData.refusal} /> : null}

      <Form method="get" className="filters" aria-label={t("staff.filters")}>
        <div className="field">
          <label htmlFor="filter-service">{t("staff.service")}</label>
          <select id="filter-service" name="service" defaultValue={serviceId ?? ""} key={serviceId}>
            {services.map((service) => (
              <option key={service.id} value={service.id}>
                {localized(service.place, locale, "name")} · {localized(service, locale, "name")}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="filter-date">{t("staff.date")}</label>
          <input id="filter-date" type="date" name="date" defaultValue={date} key={date} />
        </div>
        <div className="field">
          <label htmlFor="filter-view">{t("staff.view")}</label>
          <select id="filter-view" name="view" defaultValue={view} key={view}>
            <option value="day">{t("staff.viewDay")}</option>
            <option value="week">{t("staff.viewWeek")}</option>
          </select>
        </div>
        <button type="submit" className="button">
          {t("staff.show")}
        </button>
      </Form>
      <p className="actions">
        <Link to={link(addDays(from, week ? -7 : -1))}>
          {t(week ? "staff.previousWeek" : "staff.previousDay")}
        </Link>
        <Link to={link(addDays(from, week ? 7 : 1))}>
          {t(week ? "staff.nextWeek" : "staff.nextDay")}
        </Link>
        <Link to="/staff/schedules">{t("staff.schedules")}</Link>
      </p>

      {days.map((day) => (
        <section key={day} aria-labelledby={`day-${day}`} className="stack">
          <h2 id={`day-${day}`}>{formatCalendarDate(day, locale, "full")}</h2>
          {(byDay.get(day) ?? []).length === 0 ? (
            <p>{t("staff.noSlots")}</p>
          ) : (
            <ul className="stack plain-list">
              {(byDay.get(day) ?? []).map((slot) => (
                <StaffSlot key={slot.id} slot={slot} />
              ))}
            </ul>
          )}
          {!week && serviceId && day >= seoulDate(new Date(loaded.now)) ? (
            <details className="block-day">
              <summary>{t("staff.blockDayTitle")}</summary>
              <Form method="post" className="stack">
                <p>{t("staff.blockDayIntro", { date: formatCalendarDate(day, locale) })}</p>
                <input type="hidden" name="intent" value="block-day" />
                <input type="hidden" name="service" value={serviceId} />
                <input type="hidden" name="date" value={day} />
                <div className="field">
                  <label htmlFor={`reason-${day}`}>{t("staff.blockReason")}</label>
                  <input id={`reason-${day}`} name="reason" maxLength={200} />
                </div>
                <button type="submit" className="button danger">
                  {t("staff.blockDay")}
                </button>
              </Form>
            </details>
          ) : null}
        </section>
      ))}
    </section>
  );
}

function StaffSlot({ slot }: { slot: SlotRow }) {
  const { t } = useTranslation("booking");
  const loaded = useLoaderData<typeof loader>();
  const navigation = useNavigation();
  const range = useTimeRange();
  const busy = navigation.state === "submitting";
  const started = slot.startsAt <= loaded.now;
  return (
    <li className={`card staff-slot${slot.blocked ? " staff-slot--blocked" : ""}`}>
      <h3>{range(slot)}</h3>
      <p>
        {t("staff.booked", { booked: slot.bookedCount, capacity: slot.capacity })}
        {slot.waiting > 0 ? ` · ${t("staff.waiting", { count: slot.waiting })}` : null}
      </p>
      {slot.blocked ? (
        <p className="notice">
          {t("staff.blocked", { reason: slot.blockedReason || t("staff.defaultReason") })}
        </p>
      ) : null}
      {slot.bookings.length === 0 ? (
        <p className="hint">{t("staff.noBookings")}</p>
      ) : (
        <ul className="plain-list stack">
          {slot.bookings.map((booking) => {
            const name = booking.residentName ?? t("staff.deletedResident");
            return (
              <li key={booking.id} className="staff-booking">
                <p>
                  <strong>{name}</strong> ·{" "}
                  <span className={`status status--${booking.status}`}>
                    {t(`status.${booking.status as BookingStatus}`)}
                  </span>
                  {booking.channel ? ` · ${t(`channel.${booking.channel as Channel}`)}` : null}
                  {booking.topic ? ` · ${t(`topic.${booking.topic as LaborTopic}`)}` : null}
                </p>
                {booking.noShows > 0 ? (
                  <p className={isRepeatedNoShow(booking.noShows) ? "badge warn" : "hint"}>
                    {isRepeatedNoShow(booking.noShows) ? `${t("staff.repeatedNoShows")}: ` : null}
                    {t("staff.noShows", { count: booking.noShows })}
                  </p>
                ) : null}
                <div className="actions">
                  <Link to={`/staff/bookings/${booking.id}`}>{t("staff.details")}</Link>
                  {started ? (
                    <>
                      {(["attended", "no_show"] as const).map((status) => (
                        <Form method="post" key={status}>
                          <input type="hidden" name="intent" value="attendance" />
                          <input type="hidden" name="bookingId" value={booking.id} />
                          <input type="hidden" name="status" value={status} />
                          <button
                            type="submit"
                            className="button"
                            disabled={busy}
                            aria-pressed={booking.status === status}
                            aria-label={t(
                              status === "attended" ? "staff.markAttended" : "staff.markNoShow",
                              { name },
                            )}
                          >
                            {t(status === "attended" ? "staff.attended" : "staff.noShow")}
                          </button>
                        </Form>
                      ))}
                    </>
                  ) : null}
                </div>
              </li>
            );
          })}
        </ul>
      )}
      {!started ? (
        slot.blocked ? (
          <Form method="post">
            <input type="hidden" name="intent" value="unblock-slot" />
            <input type="hidden" name="slotId" value={slot.id} />
            <button type="submit" className="button" disabled={busy}>
              {t("staff.unblockSlot")}
            </button>
          </Form>
        ) : (
          <details>
            <summary>{t("staff.blockSlot")}</summary>
            <Form method="post" className="stack">
              <input type="hidden" name="intent" value="block-slot" />
              <input type="hidden" name="slotId" value={slot.id} />
              <div className="field">
                <label htmlFor={`reason-${slot.id}`}>{t("staff.blockReason")}</label>
                <input id={`reason-${slot.id}`} name="reason" maxLength={200} />
              </div>
              <button type="submit" className="button danger" disabled={busy}>
                {t("staff.blockSlot")}
              </button>
            </Form>
          </details>
        )
      ) : null}
    </li>
  );
}
