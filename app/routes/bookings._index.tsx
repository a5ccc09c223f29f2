import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { Pagination } from "~/components/ui/pagination";
import { useTimeRange } from "~/components/booking/time-text";
import { withIsoDates } from "~/domain/booking/iso-dates";
import { listMyBookings } from "~/domain/booking/reads.server";
import { myApplications } from "~/domain/booking/lottery.server";
import { type BookingStatus, type Channel } from "~/domain/booking/types";
import { useRootData } from "~/utils/root-data";
import { requireUser } from "~/utils/auth.server";
import { now } from "~/utils/clock.server";
import { formatCalendarDate, formatDateTime } from "~/utils/format";
import { seoulDate } from "~/domain/shared/seoul-time";
import { pageTitle } from "~/utils/meta";
import { pageFromUrl } from "~/domain/shared/page-parameter";
import { Confirmation } from "~/components/ui/form";
import { useServiceWorker } from "~/utils/service-worker";
import { Localized } from "~/components/localized";

export const handle = { i18n: ["booking"] };
export const meta: MetaFunction = (args) => pageTitle(args, "myBookings");

/** "My bookings": upcoming, waiting, and the history a page at a time. */
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const page = pageFromUrl(request.url);
  const current = now();
  const lotteryPage = pageFromUrl(request.url, "lotteryPage");
  const [mine, lottery] = await Promise.all([
    listMyBookings(user.id, current, page),
    myApplications(user.id, current, lotteryPage),
  ]);
  return {
    ...withIsoDates({ ...mine, page }),
    applications: lottery.applications,
    lotteryPage,
    lotteryPages: lottery.pages,
  };
}

type Row = ReturnType<typeof useLoaderData<typeof loader>>["upcoming"][number];

function BookingRow({ booking }: { booking: Row }) {
  const { t } = useTranslation("booking");
  const locale = useRootData()?.locale ?? "ko";
  const range = useTimeRange();
  const { service } = booking.slot;
  const status: BookingStatus | "rescheduled" = booking.rescheduledTo
    ? "rescheduled"
    : (booking.status as BookingStatus);
  return (
    <li className="card booking-row">
      <h3>
        <Link to={`/bookings/${booking.id}`}>
          <Localized of={service} field="name" />
        </Link>
      </h3>
      <p>
        {formatCalendarDate(seoulDate(new Date(booking.slot.startsAt)), locale, "full")}{" "}
        {range(booking.slot)}
      </p>
      <p>
        <Localized of={service.place} field="name" />
        {booking.channel ? ` · ${t(`channel.${booking.channel as Channel}`)}` : null}
      </p>
      <p className={`status status--${status}`}>{t(`status.${status}`)}</p>
    </li>
  );
}

export default function MyBookings() {
  useServiceWorker(); // this page is kept for offline use (public/sw.js)
  const { t } = useTranslation("booking");
  const { upcoming, waiting, past, page, pastPages, applications, lotteryPage, lotteryPages } =
    useLoaderData<typeof loader>();
  const [searchParams] = useSearchParams();
  const locale = useRootData()?.locale ?? "ko";
  const range = useTimeRange();
  return (
    <section className="page narrow booking" aria-labelledby="mine-title">
      <h1 id="mine-title">{t("mine.title")}</h1>
      {searchParams.has("left") ? <Confirmation>{t("mine.left")}</Confirmation> : null}

      <h2>{t("mine.upcoming")}</h2>
      {upcoming.length === 0 ? (
        <>
          <p>{t("mine.noUpcoming")}</p>
          <p className="actions">
            <Link to="/youth-center">{t("mine.findService")}</Link>
            <Link to="/labor">{t("mine.findLabor")}</Link>
          </p>
        </>
      ) : (
        <ul className="stack plain-list">
          {upcoming.map((booking) => (
            <BookingRow key={booking.id} booking={booking} />
          ))}
        </ul>
      )}

      {waiting.length > 0 ? (
        <>
          <h2 id="waitlist">{t("mine.waitlist")}</h2>
          <ul className="stack plain-list">
            {waiting.map((entry) => (
              <li key={entry.id} className="card booking-row">
                <h3>
                  <Localized of={entry.slot.service} field="name" />
                </h3>
                <p>
                  {formatCalendarDate(seoulDate(new Date(entry.slot.startsAt)), locale, "full")}{" "}
                  {range(entry.slot)} · <Localized of={entry.slot.service.place} field="name" />
                </p>
                <p className={`status status--${entry.status}`}>
                  {t(`status.${entry.status as "waiting" | "offered"}`)}
                  {entry.status === "offered" && entry.offerExpiresAt
                    ? ` · ${t("mine.offerUntil", { until: formatDateTime(entry.offerExpiresAt, locale) })}`
                    : null}
                </p>
                <div className="actions">
                  {entry.status === "offered" ? (
                    <Link
                      className="button primary"
                      to={`/book/${entry.slot.service.slug}/${entry.slot.id}`}
                    >
                      {t("mine.confirmOffer")}
                    </Link>
                  ) : null}
                  <Form method="post" action={`/bookings/waitlist/${entry.id}`}>
                    <button type="submit" className="button">
                      {t("slot.leaveWaitlist")}
                    </button>
                  </Form>
                </div>
              </li>
            ))}
          </ul>
        </>
      ) : null}

      {applications.length > 0 ? (
        <>
          <h2 id="lottery">{t("lottery.mineTitle")}</h2>
          <ul className="stack plain-list">
            {applications.map((application) => (
              <li key={application.id} className="card booking-row">
                <h3>
                  <Link to={`/book/${application.service.slug}/${application.slotId}`}>
                    <Localized of={application.service} field="name" />
                  </Link>
                </h3>
                <p>
                  {formatCalendarDate(seoulDate(new Date(application.startsAt)), locale, "full")}{" "}
                  {range(application)}
                </p>
                <p className={`status status--${application.status}`}>
                  {application.status === "waitlisted"
                    ? t("lottery.status.waitlisted", { position: application.waitlistPosition })
                    : t(
                        `lottery.status.${application.status as "applied" | "won" | "wonCancelled"}`,
                      )}
                  {application.status === "applied"
                    ? ` · ${t("lottery.drawAt", { drawAt: formatDateTime(application.drawAt, locale) })}`
                    : null}
                </p>
              </li>
            ))}
          </ul>
          <Pagination
            page={lotteryPage}
            pageCount={lotteryPages}
            href={(target) => `?lotteryPage=${target}#lottery`}
            label={t("lottery.pagination")}
          />
        </>
      ) : null}

      <h2 id="past">{t("mine.past")}</h2>
      {past.length === 0 ? (
        <p>{t("mine.noPast")}</p>
      ) : (
        <ul className="stack plain-list">
          {past.map((booking) => (
            <BookingRow key={booking.id} booking={booking} />
          ))}
        </ul>
      )}
      <Pagination
        page={page}
        pageCount={pastPages}
        href={(target) => `?page=${target}#past`}
        label={t("mine.pagination")}
      />
    </section>
  );
}
