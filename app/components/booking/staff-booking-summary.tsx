// A booking as staff confirm it on the phone before changing it: reference, who, what, when.
import { useTranslation } from "react-i18next";
import { useTimeRange } from "~/components/booking/time-text";
import { seoulDate } from "~/domain/shared/seoul-time";
import { formatCalendarDate } from "~/utils/format";
import { useRootData } from "~/utils/root-data";
import { Localized } from "~/components/localized";

type SummaryBooking = {
  reference: string;
  resident: { name: string; phone: string | null; deletedAt: string | null };
  slot: {
    startsAt: string;
    endsAt: string;
    service: {
      id: string;
      nameKo: string;
      nameEn: string;
      place: { nameKo: string; nameEn: string };
    };
  };
};

/** The staff day view on the booking's day, narrowed to its service. */
export function staffDayHref(booking: { slot: SummaryBooking["slot"] }) {
  const date = seoulDate(new Date(booking.slot.startsAt));
  return `/staff/bookings?service=${booking.slot.service.id}&date=${date}`;
}

export function StaffBookingSummary({ booking }: { booking: SummaryBooking }) {
  const { t } = useTranslation("booking");
  const locale = useRootData()?.locale ?? "ko";
  const range = useTimeRange();
  const { service } = booking.slot;
  return (
    <dl className="facts">
      <dt>{t("detail.reference")}</dt>
      <dd className="reference">{booking.reference}</dd>
      <dt>{t("staff.resident")}</dt>
      <dd>{booking.resident.deletedAt ? t("staff.deletedResident") : booking.resident.name}</dd>
      <dt>{t("staff.phone")}</dt>
      <dd>{booking.resident.phone ?? t("staff.none")}</dd>
      <dt>{t("slot.service")}</dt>
      <dd>
        <Localized of={service} field="name" />
      </dd>
      <dt>{t("slot.when")}</dt>
      <dd>
        {formatCalendarDate(seoulDate(new Date(booking.slot.startsAt)), locale, "full")}{" "}
        {range(booking.slot)}
      </dd>
      <dt>{t("slot.where")}</dt>
      <dd>
        <Localized of={service.place} field="name" />
      </dd>
    </dl>
  );
}
