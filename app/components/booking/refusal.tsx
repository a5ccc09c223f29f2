import { useTranslation } from "react-i18next";
import type { BookingCode, RefusalAbout } from "~/domain/booking/types";
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
  const general = t(`refusal.${refusal.code as BookingCode}`, params);
  const shown = forStaff
    ? t(`staff.refusal.${refusal.code as "overlap"}`, { ...params, defaultValue: general })
    : general;
  // an application, a waitlist place or a draw has its own wording for some codes ("notLive":
  // this application has already been withdrawn or drawn, not "this booking")
  const about = refusal.params.about as RefusalAbout | undefined;
  const text = about
    ? t(`refusalAbout.${about}.${refusal.code as "notLive"}`, { ...params, defaultValue: shown })
    : shown;
  return (
    <div role="alert" className="form-errors">
      <p>{text}</p>
    </div>
  );
}
