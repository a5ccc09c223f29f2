// The staff day (or week) of a place across all its services: grouped by time (the center's day
// as it runs) or by service (one desk after another), or narrowed to one service; attendance,
// blocking, and the way to move or cancel a booking for a resident who phones in. A list of cards,
// never a table, so that it reads on a 320 px phone; the filters are a GET form (the state is in
// the address, kept by every link).
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { RefusalAlert } from "~/components/booking/refusal";
import { useTimeRange } from "~/components/booking/time-text";
import { Pagination } from "~/components/ui/pagination";
import { isRepeatedNoShow } from "~/domain/booking/rules";
import type { BookingStatus, Channel, LaborTopic } from "~/domain/booking/types";
import { localized } from "~/domain/shared/localized";
import { addDays, seoulDate } from "~/domain/shared/seoul-time";
import type { action, loader } from "~/routes/staff.bookings._index";
import { formatCalendarDate, formatTime } from "~/utils/format";
import { useRootData } from "~/utils/root-data";
import { Confirmation } from "~/components/ui/form";
import { Localized } from "~/components/localized";

type Loaded = ReturnType<typeof useLoaderData<typeof loader>>;
type SlotRow = NonNullable<Loaded["schedule"]>["slots"][number];

/** The page's address with some parameters changed; the others (the filters) are kept. */
function useViewHref() {
  const loaded = useLoaderData<typeof loader>();
  return (change: Partial<Record<"date" | "page", string>>) => {
    const params = new URLSearchParams();
    if (loaded.serviceId) params.set("service", loaded.serviceId);
    params.set("date", change.date ?? loaded.date);
    params.set("view", loaded.view);
    if (loaded.group !== "time") params.set("group", loaded.group);
    if (loaded.booked) params.set("booked", "1");
    if (loaded.name) params.set("name", loaded.name);
    if (change.page && change.page !== "1") params.set("page", change.page);
    return `/staff/bookings?${params}`;
  };
}

export function StaffDayPage() {
  const { t } = useTranslation("booking");
  const loaded = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const locale = useRootData()?.locale ?? "ko";
  const href = useViewHref();
  const { services, serviceId, schedule, view, from, date, group } = loaded;
  const week = view === "week";
  const today = seoulDate(new Date(loaded.now));
  const places = new Set(services.map((s) => s.place.id));
  const title = week
    ? t("staff.weekOf", {
        from: formatCalendarDate(from, locale),
        to: formatCalendarDate(addDays(from, 6), locale),
      })
    : formatCalendarDate(from, locale, "full");
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
            <option value="">{t("staff.allServices", { count: services.length })}</option>
            {services.map((service) => (
              <option key={service.id} value={service.id}>
                <Localized of={service.place} field="name" /> ·{" "}
                <Localized of={service} field="name" />
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
        <div className="field">
          <label htmlFor="filter-group">{t("staff.group")}</label>
          <select id="filter-group" name="group" defaultValue={group} key={group}>
            <option value="time">{t("staff.groupTime")}</option>
            <option value="service">{t("staff.groupService")}</option>
          </select>
        </div>
        <div className="field">
          <label htmlFor="filter-name">{t("staff.nameSearch")}</label>
          <input
            id="filter-name"
            type="search"
            name="name"
            maxLength={50}
            defaultValue={loaded.name}
            key={loaded.name}
          />
        </div>
        <div className="field checkbox">
          <input
            id="filter-booked"
            type="checkbox"
            name="booked"
            value="1"
            defaultChecked={loaded.booked}
            key={String(loaded.booked)}
          />
          <label htmlFor="filter-booked">{t("staff.bookedOnly")}</label>
        </div>
        <button type="submit" className="button">
          {t("staff.show")}
        </button>
      </Form>
      <p className="actions">
        <Link to={href({ date: addDays(from, week ? -7 : -1) })}>
          {t(week ? "staff.previousWeek" : "staff.previousDay")}
        </Link>
        <Link to={href({ date: addDays(from, week ? 7 : 1) })}>
          {t(week ? "staff.nextWeek" : "staff.nextDay")}
        </Link>
        <Link to="/staff/schedules">{t("staff.schedules")}</Link>
      </p>

      <h2 id="staff-period" aria-live="polite">
        {title}
        <span className="hint"> · {t("staff.timesCount", { count: schedule?.total ?? 0 })}</span>
      </h2>
      {!schedule || schedule.slots.length === 0 ? (
        <p>{t("staff.noSlots")}</p>
      ) : group === "time" ? (
        <ByTime slots={schedule.slots} week={week} showPlace={places.size > 1} />
      ) : (
        <ByService slots={schedule.slots} week={week} />
      )}
      <Pagination
        page={loaded.page}
        pageCount={schedule?.pageCount ?? 1}
        href={(page) => href({ page: String(page) })}
        label={t("staff.pages")}
      />

      {!week && serviceId && date >= today ? <BlockDay serviceId={serviceId} day={date} /> : null}
      {!serviceId ? <p className="hint">{t("staff.blockDayChooseService")}</p> : null}
    </section>
  );
}

/** Consecutive rows sharing a key, in order (the page is already sorted by it). */
function runs<T>(rows: T[], keyOf: (row: T) => string) {
  const result: { key: string; rows: T[] }[] = [];
  for (const row of rows) {
    const key = keyOf(row);
    const last = result[result.length - 1];
    if (last && last.key === key) last.rows.push(row);
    else result.push({ key, rows: [row] });
  }
  return result;
}

/** The day as it runs: one section per starting time, the services at that time inside. */
function ByTime({
  slots,
  week,
  showPlace,
}: {
  slots: SlotRow[];
  week: boolean;
  showPlace: boolean;
}) {
  const locale = useRootData()?.locale ?? "ko";
  return (
    <div className="stack">
      {runs(slots, (slot) => slot.startsAt).map(({ key, rows }) => (
        <section key={key} aria-labelledby={`at-${key}`} className="stack staff-time">
          <h3 id={`at-${key}`}>
            {week ? `${formatCalendarDate(seoulDate(new Date(key)), locale)} ` : null}
            {formatTime(key, locale)}
          </h3>
          <ul className="stack plain-list">
            {rows.map((slot) => (
              <StaffSlot key={slot.id} slot={slot} heading="service" showPlace={showPlace} />
            ))}
          </ul>
        </section>
      ))}
    </div>
  );
}

/** One desk after another: one section per service, its times inside. */
function ByService({ slots, week }: { slots: SlotRow[]; week: boolean }) {
  return (
    <div className="stack">
      {runs(slots, (slot) => slot.service.id).map(({ key, rows }) => (
        <section key={key} aria-labelledby={`service-${key}`} className="stack">
          <h3 id={`service-${key}`}>
            <Localized of={rows[0]!.service} field="name" />
            <span className="hint">
              {" "}
              · <Localized of={rows[0]!.service.place} field="name" />
            </span>
          </h3>
          <ul className="stack plain-list">
            {rows.map((slot) => (
              <StaffSlot key={slot.id} slot={slot} heading={week ? "day" : "time"} />
            ))}
          </ul>
        </section>
      ))}
    </div>
  );
}

function StaffSlot({
  slot,
  heading,
  showPlace = false,
}: {
  slot: SlotRow;
  /** what the card is titled by, besides its time: its service, or also its day (week view) */
  heading: "service" | "time" | "day";
  showPlace?: boolean;
}) {
  const { t } = useTranslation("booking");
  const loaded = useLoaderData<typeof loader>();
  const navigation = useNavigation();
  const locale = useRootData()?.locale ?? "ko";
  const range = useTimeRange();
  const busy = navigation.state === "submitting";
  const started = slot.startsAt <= loaded.now;
  const service = localized(slot.service, locale, "name");
  return (
    <li className={`card staff-slot${slot.blocked ? " staff-slot--blocked" : ""}`}>
      <h4>
        {heading === "service" ? `${service} · ` : null}
        {heading === "day"
          ? `${formatCalendarDate(seoulDate(new Date(slot.startsAt)), locale)} `
          : null}
        {range(slot)}
        {showPlace ? (
          <span className="hint">
            {" "}
            · <Localized of={slot.service.place} field="name" />
          </span>
        ) : null}
      </h4>
      <p>
        {t("staff.booked", { booked: slot.bookedCount, capacity: slot.capacity })}
        {slot.waiting > 0 ? ` · ${t("staff.waiting", { count: slot.waiting })}` : null}
        {slot.service.allocation === "lottery" ? (
          <>
            {" · "}
            <Link to={`/staff/bookings/slots/${slot.id}/draw`}>{t("lottery.staff.drawLink")}</Link>
          </>
        ) : null}
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
            const changeable = !started && booking.status === "confirmed";
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
                  {changeable ? (
                    <>
                      <Link
                        to={`/staff/bookings/${booking.id}/move`}
                        aria-label={t("staff.moveFor", { name })}
                      >
                        {t("staff.move")}
                      </Link>
                      <Link
                        to={`/staff/bookings/${booking.id}/cancel`}
                        aria-label={t("staff.cancelFor", { name })}
                      >
                        {t("staff.cancel")}
                      </Link>
                    </>
                  ) : null}
                  {started
                    ? (["attended", "no_show"] as const).map((status) => (
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
                      ))
                    : null}
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

/** Blocking a whole day: one service at a time (the form names it). */
function BlockDay({ serviceId, day }: { serviceId: string; day: string }) {
  const { t } = useTranslation("booking");
  const locale = useRootData()?.locale ?? "ko";
  return (
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
  );
}
