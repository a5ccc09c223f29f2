import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { requireBookingStaff } from "~/routes-support/booking.server";
import { listManagedServices } from "~/domain/booking/staff.server";
import { pageTitle } from "~/utils/meta";
import { Localized } from "~/components/localized";

export const handle = { i18n: ["booking"] };
export const meta: MetaFunction = (args) => pageTitle(args, "staffSchedules");

/** The bookable services whose weekly timetables the staff member manages. */
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireBookingStaff(request);
  return { services: await listManagedServices(user) };
}

export default function Schedules() {
  const { t } = useTranslation("booking");
  const { services } = useLoaderData<typeof loader>();
  const places = [...new Map(services.map((s) => [s.place.id, s.place])).values()];
  return (
    <section className="page narrow booking" aria-labelledby="schedules-title">
      <h1 id="schedules-title">{t("schedule.title")}</h1>
      <p>{t("schedule.intro")}</p>
      {places.map((place) => (
        <section key={place.id} aria-labelledby={`place-${place.id}`}>
          <h2 id={`place-${place.id}`}>
            <Localized of={place} field="name" />
          </h2>
          <ul>
            {services
              .filter((s) => s.place.id === place.id)
              .map((service) => (
                <li key={service.id}>
                  <Link to={`/staff/schedules/${service.id}`}>
                    <Localized of={service} field="name" />
                  </Link>
                </li>
              ))}
          </ul>
        </section>
      ))}
      <p>
        <Link to="/staff/bookings">{t("staff.title")}</Link>
      </p>
    </section>
  );
}
