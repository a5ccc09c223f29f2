// What a place's page says beside one fact about where it comes from (decision 0021): nothing
// when staff confirmed it, the source when the report or a public source gives it, and "not
// confirmed — call before you go" when it is assumed or sample data.
import { useTranslation } from "react-i18next";
import { QuotedText, withFragments } from "~/components/localized-fragments";
import { factNote, type FactProvenance, type PlaceFactKind } from "~/domain/places/provenance";

export function FactNote({
  fact,
  provenance,
}: {
  fact: PlaceFactKind;
  provenance: FactProvenance;
}) {
  const { t, i18n } = useTranslation("places");
  const note = factNote(provenance);
  if (!note) return null;
  const label = t(`provenance.fact.${fact}`);
  const text =
    note.kind === "unconfirmed"
      ? t(`provenance.unconfirmed.${fact}`)
      : note.kind === "sample"
        ? t("provenance.sample", { fact: label })
        : withFragments((fragment) =>
            t(`provenance.${note.source}`, {
              fact: label,
              reference: fragment(
                <QuotedText text={note.reference ?? "—"} pageLanguage={i18n.language} />,
              ),
            }),
          );
  return (
    <p className="hint fact-note" data-fact={fact} data-source={provenance.source}>
      {text}
    </p>
  );
}
