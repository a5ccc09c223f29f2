import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import type { Delivery } from "~/domain/notifications/delivery.server";
import { formatDateTime } from "~/utils/format";
import { useRootData } from "~/utils/root-data";

/** "Messages about this": each e-mail or text, where it went and what became of it. */
export function Deliveries({ deliveries }: { deliveries: Delivery[] }) {
  const { t } = useTranslation("common");
  const locale = useRootData()?.locale ?? "ko";
  if (deliveries.length === 0) return null;
  return (
    <section aria-labelledby="deliveries-title" className="deliveries">
      <h2 id="deliveries-title">{t("deliveries.title")}</h2>
      <ul className="plain-list stack">
        {deliveries.map((delivery) => (
          <li key={delivery.id}>
            {t(`deliveries.${delivery.channel}.${delivery.state}`, {
              at: formatDateTime(delivery.at, locale),
              to: delivery.to,
            })}
          </li>
        ))}
      </ul>
      <p className="hint">
        {t("deliveries.settingsHint")}{" "}
        <Link to="/account/messages">{t("deliveries.settings")}</Link>
      </p>
    </section>
  );
}
