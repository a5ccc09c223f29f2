// The wage floors a posting must meet over its work period, named with their year and source:
// the minimum wage always, the Seoul living wage for New Deal (or that it is not recorded).
import { useTranslation } from "react-i18next";
import { QuotedText, withFragments } from "~/components/localized-fragments";
import type { FloorSummary } from "~/domain/jobs/wage-floors";
import { formatWon } from "~/utils/format";

export function WageFloors({ floors }: { floors: FloorSummary[] }) {
  const { t, i18n } = useTranslation("jobs");
  return (
    <ul className="hint wage-floors">
      {floors.map((floor) => (
        <li key={floor.kind}>
          {floor.binding
            ? withFragments((fragment) =>
                t(`posting.floor.${floor.kind}`, {
                  year: floor.binding!.fromYear,
                  wage: formatWon(floor.binding!.hourlyKrw, i18n.language),
                  source: fragment(
                    <QuotedText text={floor.binding!.source} pageLanguage={i18n.language} />,
                  ),
                }),
              )
            : t(`posting.floor.${floor.kind}None`)}
          {floor.latestKnownYears.length ? (
            <>
              {" "}
              {t(`posting.floor.${floor.kind}LatestKnown`, {
                years: floor.latestKnownYears.join(", "),
                year: floor.binding?.fromYear,
              })}
            </>
          ) : null}
          {floor.binding && floor.unknownYears.length ? (
            <>
              {" "}
              {t(`posting.floor.${floor.kind}Unknown`, { years: floor.unknownYears.join(", ") })}
            </>
          ) : null}
        </li>
      ))}
    </ul>
  );
}
