import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { canManageBookings } from "~/domain/booking/service.server";
import { requireRole } from "~/domain/residents/auth.server";
import { pageTitle } from "~/utils/meta";

export const meta: MetaFunction = (args) => pageTitle(args, "backOffice");

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireRole(request, ["staff", "admin"]);
  return { role: user.role, bookings: canManageBookings(user) };
}

export default function BackOffice() {
  const { t } = useTranslation();
  const { role, bookings } = useLoaderData<typeof loader>();
  return (
    <section className="page narrow" aria-labelledby="bo-title">
      <h1 id="bo-title">{t("backOffice.title")}</h1>
      <p>{t(role === "admin" ? "backOffice.adminIntro" : "backOffice.staffIntro")}</p>
      <p className="notice">{t("backOffice.comingSoon")}</p>
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
          </ul>
        </section>
      ) : null}
    </section>
  );
}
