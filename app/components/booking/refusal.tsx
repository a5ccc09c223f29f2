import { useTranslation } from "react-i18next";
import type { BookingCode } from "~/domain/booking/types";
import type { RefusalData } from "~/utils/action-data";
import { IneligibleNotice } from "./eligibility";

/**
 * Why the server did not do what was asked, in the person's language. `forStaff`: staff acting
 * for a resident read about "the resident", not "you" (where the wording differs).
 */
export function RefusalAlert({
  refusal,
  forStaff = false,
}: {
  refusal: RefusalData;
  forStaff?: boolean;
}) {
  const { t } = useTranslation("booking");
  if (refusal.code === "ineligible" && refusal.reasons?.length && !forStaff)
    return <IneligibleNotice reasons={refusal.reasons} alert />;
  const params = { ...refusal.params, phone: refusal.params.phone || t("manage.phoneUnknown") };
  const text = t(`refusal.${refusal.code as BookingCode}`, params);
  return (
    <div role="alert" className="form-errors">
      <p>
        {forStaff
          ? t(`staff.refusal.${refusal.code as "overlap"}`, { ...params, defaultValue: text })
          : text}
      </p>
    </div>
  );
}
