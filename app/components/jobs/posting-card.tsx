import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import type { PostingCardView } from "~/domain/jobs/present";
import { formatWon } from "~/utils/format";
import { WindowText } from "./window-text";
import { useLocale } from "~/utils/i18n";
import { Localized } from "~/components/localized";

/** One posting in a list: what it is, where, what it pays and when applications close. */
export function PostingCardItem({ posting }: { posting: PostingCardView }) {
  const { t } = useTranslation(["jobs", "districts"]);
  const locale = useLocale();
  return (
    <li className="card posting-card">
      <p className="eyebrow">
        {posting.newDealCategory
          ? t(`jobs:category.${posting.newDealCategory as "city"}`)
          : t(`jobs:kind.${posting.kind as "new_deal"}`)}
        {" · "}
        <Localized of={posting.organization} />
      </p>
      <h3>
        <Link to={`/jobs/${posting.slug}`}>
          <Localized of={posting.title} />
        </Link>
      </h3>
      <ul className="tags">
        <li>
          {posting.district
            ? t("jobs:card.district", { district: t(`districts:${posting.district as "mapo"}`) })
            : t("jobs:card.anywhere")}
        </li>
        <li>{t("jobs:card.wage", { wage: formatWon(posting.hourlyWageKrw, locale) })}</li>
        <li>{t("jobs:card.positions", { count: posting.positions })}</li>
        {posting.outdoor ? <li>{t("jobs:card.outdoor")}</li> : null}
        {posting.roundSlug ? <li>{t("jobs:card.site")}</li> : null}
        {posting.isSampleData ? <li>{t("jobs:card.sample")}</li> : null}
      </ul>
      <p>
        <WindowText words={posting.window} />
      </p>
    </li>
  );
}
