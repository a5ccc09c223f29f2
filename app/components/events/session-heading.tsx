// The top of a back-office page about one session (its draw, its attendance sheet): the way back
// to the session, named by its program and time, then the page's own title.
import { Link } from "@remix-run/react";
import type { ReactNode } from "react";
import { Localized } from "~/components/localized";
import type { Bilingual } from "~/domain/shared/localized";
import { formatDateTime } from "~/utils/format";
import { useLocale } from "~/utils/i18n";

export function SessionHeading(props: {
  session: { id: string; startsAt: string };
  programTitle: Bilingual;
  /** the h1's id, for the page's aria-labelledby */
  titleId: string;
  children: ReactNode;
}) {
  const locale = useLocale();
  return (
    <>
      <p>
        <Link to={`/staff/events/sessions/${props.session.id}`}>
          <Localized of={props.programTitle} /> · {formatDateTime(props.session.startsAt, locale)}
        </Link>
      </p>
      <h1 id={props.titleId}>{props.children}</h1>
    </>
  );
}
