import { useTranslation } from "react-i18next";
import type { BookingCode } from "~/domain/booking/types";
import type { RefusalData } from "~/utils/action-data";
import { IneligibleNotice } from "./eligibility";

/** Why the server did not do what was asked, in the person's language. */
export function RefusalAlert({ refusal }: { refusal: RefusalData }) {
  const { t } = useTranslation("booking");
  if (refusal.code === "ineligible" && refusal.reasons?.length)
    return <IneligibleNotice reasons={refusal.reasons} alert />;
  return (
    <div role="alert" className="form-errors">
      <p>
        {t(`refusal.${refusal.code as BookingCode}`, {
          ...refusal.params,
          phone: refusal.params.phone || t("manage.phoneUnknown"),
        })}
      </p>
    </div>
  );
}
