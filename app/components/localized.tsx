// Stored Ko/En text shown in a page (decision 0024): a Chinese or Vietnamese page shows a place's
// English name, so the fragment carries lang="en" and a screen reader reads it in an English voice
// instead of a Chinese one. The one way to show stored text in a page's content.
import {
  localizedText,
  type Bilingual,
  type Fields,
  type LocalizedText,
} from "~/domain/shared/localized";
import { useLocale } from "~/utils/i18n";

type LocalizedProps<F extends string> =
  { of: Bilingual; field?: never } | { of: Fields<F>; field: F };

/** `<Localized of={place} field="name" />`, `<Localized of={posting.title} />` */
export function Localized<F extends string>(props: LocalizedProps<F>) {
  const locale = useLocale();
  const shown = props.field
    ? localizedText(props.of as Fields<F>, locale, props.field)
    : localizedText(props.of as Bilingual, locale);
  return <InLanguage text={shown} pageLanguage={locale} />;
}

/** Text already picked by `localizedText`, marked when it is not in the page's language. */
export function InLanguage({ text, pageLanguage }: { text: LocalizedText; pageLanguage: string }) {
  if (!text.text) return null;
  return text.lang === pageLanguage ? <>{text.text}</> : <span lang={text.lang}>{text.text}</span>;
}
