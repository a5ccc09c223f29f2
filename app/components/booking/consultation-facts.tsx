import { useTranslation } from "react-i18next";
import type { Channel, LaborTopic } from "~/domain/booking/types";
import { useRootData } from "~/utils/root-data";
import { formatDateTime } from "~/utils/format";

type ConsultationFactsProps = {
  channel: string | null;
  topic: string | null;
  consent: { grantedAt: string; version: string } | null;
};

/**
 * The channel, topic and consent rows of a consultation booking, for the resident's and the
 * staff's views alike (placed inside their <dl>). Rows that do not apply are left out.
 */
export function ConsultationFacts({ channel, topic, consent }: ConsultationFactsProps) {
  const { t } = useTranslation("booking");
  const locale = useRootData()?.locale ?? "ko";
  return (
    <>
      {channel ? (
        <>
          <dt>{t("slot.channel")}</dt>
          <dd>{t(`channel.${channel as Channel}`)}</dd>
        </>
      ) : null}
      {topic ? (
        <>
          <dt>{t("detail.topic")}</dt>
          <dd>{t(`topic.${topic as LaborTopic}`)}</dd>
        </>
      ) : null}
      {consent ? (
        <>
          <dt>{t("detail.consent")}</dt>
          <dd>
            {t("detail.consentGiven", {
              date: formatDateTime(consent.grantedAt, locale),
              version: consent.version,
            })}
          </dd>
        </>
      ) : null}
    </>
  );
}
