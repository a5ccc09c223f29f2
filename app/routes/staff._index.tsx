import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { EventsBackOfficeSection } from "~/components/events/back-office";
import { JobsBackOfficeSection } from "~/components/jobs/back-office";
import { canManageBookings } from "~/domain/booking/staff.server";
import { countFailedDeliveries, failureScope } from "~/domain/notifications/failures.server";
import { countUnverifiedFacts } from "~/domain/places/provenance.server";
import { requireRole } from "~/utils/auth.server";
import { pageTitle } from "~/utils/meta";

export const handle = { i18n: ["jobs", "events"] };
export const meta: MetaFunction = (args) => pageTitle(args, "backOffice");

/** The back office's front page: one section per capability the person may manage. */
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireRole(request, ["staff", "admin"]);
  const admin = user.role === "admin";
  const scope = failureScope(user);
  return {
    // messages about this desk's bookings and applications that could not be delivered
    failedMessages: scope ? await countFailedDeliveries(scope) : null,
    role: user.role,
    bookings: canManageBookings(user),
    // staff bound to a place keep its details and hours; admins keep every place
    places: admin || Boolean(user.staffPlaceId),
    // facts of those places nobody confirmed yet (decision 0021)
    unverifiedFacts: admin || user.staffPlaceId ? await countUnverifiedFacts(user) : null,
    // staff bound to an organisation, and admins, manage postings, rounds and programs
    jobs: admin || Boolean(user.staffOrganizationId),
  };
}

export default function BackOffice() {
  const { t } = useTranslation();
  const { role, bookings, places, jobs, failedMessages, unverifiedFacts } =
    useLoaderData<typeof loader>();
  return (
    <section className="page narrow" aria-labelledby="bo-title">
      <h1 id="bo-title">{t("backOffice.title")}</h1>
      <p>{t(role === "admin" ? "backOffice.adminIntro" : "backOffice.staffIntro")}</p>
      {failedMessages !== null ? (
        <section aria-labelledby="bo-messages">
          <h2 id="bo-messages">{t("backOffice.messages.title")}</h2>
          <p className={failedMessages > 0 ? "notice" : undefined}>
            {failedMessages > 0
              ? t("backOffice.messages.count", { count: failedMessages })
              : t("backOffice.messages.none")}{" "}
            <Link to="/staff/messages">{t("backOffice.messages.link")}</Link>
          </p>
        </section>
      ) : null}
      {bookings ? (
        <section aria-labelledby="bo-bookings">
          <h2 id="bo-bookings">{t("backOffice.bookingsTitle")}</h2>
          <ul>
            <li>
              <Link to="/staff/bookings">{t("backOffice.bookings")}</Link>
            </li>
            <li>
              <Link to="/staff/schedules">{t("backOffice.schedules")}</Link>
            </li>
            <li>
              <Link to="/staff/labor/questions">{t("backOffice.laborQuestions")}</Link>
            </li>
          </ul>
        </section>
      ) : null}
      {places ? (
        <section aria-labelledby="bo-places-title">
          <h2 id="bo-places-title">{t("backOffice.places.title")}</h2>
          <p>{t(role === "admin" ? "backOffice.places.admin" : "backOffice.places.staff")}</p>
          <Link to="/staff/places">{t("backOffice.places.link")}</Link>
          {unverifiedFacts !== null ? (
            <p className={unverifiedFacts > 0 ? "notice" : undefined}>
              {unverifiedFacts > 0
                ? t("backOffice.places.factsCount", { count: unverifiedFacts })
                : t("backOffice.places.factsNone")}{" "}
              <Link to="/staff/places/facts">{t("backOffice.places.factsLink")}</Link>
            </p>
          ) : null}
        </section>
      ) : null}
      {jobs ? <JobsBackOfficeSection /> : null}
      {jobs ? <EventsBackOfficeSection /> : null}
      {role === "admin" ? (
        <section aria-labelledby="bo-people-title">
          <h2 id="bo-people-title">{t("backOffice.people.title")}</h2>
          <p>{t("backOffice.people.body")}</p>
          <Link to="/staff/people">{t("backOffice.people.link")}</Link>
        </section>
      ) : null}
      {role === "admin" ? (
        <section aria-labelledby="bo-wages-title">
          <h2 id="bo-wages-title">{t("backOffice.wages.title")}</h2>
          <p>{t("backOffice.wages.body")}</p>
          <Link to="/staff/wages">{t("backOffice.wages.link")}</Link>
        </section>
      ) : null}
      {role === "admin" ? (
        <section aria-labelledby="bo-mailbox-title">
          <h2 id="bo-mailbox-title">{t("mailbox.title")}</h2>
          <Link to="/dev/mailbox">{t("mailbox.title")}</Link>
        </section>
      ) : null}
    </section>
  );
}
