// /events: the agenda of programs and events — sessions in date order, filtered by what the URL
// says (a plain GET form: it works without JavaScript), paged. A filter the page cannot use is
// named in the person's language and the unfiltered agenda is shown.
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useLoaderData, useLocation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { Pagination } from "~/components/ui/pagination";
import { eventFilterSearchParams, parseEventFilters } from "~/domain/events/filters";
import { listSessions } from "~/domain/events/reads.server";
import { ATTENDANCE_MODES, MAX_QUERY_LENGTH, PROGRAM_KINDS } from "~/domain/events/types";
import { SEOUL_DISTRICTS } from "~/domain/residents/districts";
import { localized } from "~/domain/shared/localized";
import { now } from "~/utils/clock.server";
import { formatDate, formatTime } from "~/utils/format";
import { pageTitle } from "~/utils/meta";

export const handle = { i18n: ["events", "districts"] };
export const meta: MetaFunction = (args) => pageTitle(args, "events");

export async function loader({ request }: LoaderFunctionArgs) {
  const parsed = parseEventFilters(new URL(request.url).searchParams);
  const { filters } = parsed;
  const result = await listSessions(filters, now());
  return data(
    {
      values: {
        kind: filters.kind ?? "",
        district: filters.district ?? "",
        from: filters.from ?? "",
        to: filters.to ?? "",
        mode: filters.mode ?? "",
        q: filters.q ?? "",
      },
      problems: parsed.ok ? [] : parsed.problems,
      query: eventFilterSearchParams(filters).toString(),
      total: result.total,
      page: result.page,
      pageCount: result.pageCount,
      sessions: result.sessions.map((session) => ({
        id: session.id,
        startsAt: session.startsAt.toISOString(),
        endsAt: session.endsAt.toISOString(),
        capacity: session.capacity,
        seatsLeft: session.seatsLeft,
        state: session.state,
        program: session.program,
      })),
    },
    // A link with a filter the page cannot use still gets the page (unfiltered, with a message).
    { status: parsed.ok ? 200 : 400 },
  );
}

export default function EventsPage() {
  const { t, i18n } = useTranslation(["events", "districts"]);
  const loaded = useLoaderData<typeof loader>();
  const location = useLocation();
  const lang = i18n.language;
  const { values, query } = loaded;
  const pageHref = (target: number) => {
    const params = new URLSearchParams(query);
    if (target > 1) params.set("page", String(target));
    return `${location.pathname}${params.toString() ? `?${params}` : ""}`;
  };
  return (
    <section className="page events" aria-labelledby="events-title">
      <h1 id="events-title">{t("agenda.title")}</h1>
      <p className="lead">{t("agenda.intro")}</p>
      <p className="hint">{t("agenda.sampleNote")}</p>
      {loaded.problems.length > 0 ? (
        <div role="alert" className="form-errors">
          <p>{t("filterErrors.intro")}</p>
          <ul>
            {loaded.problems.map((problem) => (
              <li key={problem.param}>
                {t(problem.message.replace(/^events:/, "") as "filterErrors.kind", {
                  value: problem.value,
                })}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      <Form
        method="get"
        action="/events"
        className="place-filters stack"
        aria-labelledby="event-filters-title"
      >
        <h2 id="event-filters-title">{t("filters.title")}</h2>
        <div className="field">
          <label htmlFor="event-filter-q">{t("filters.q")}</label>
          <p id="event-filter-q-hint" className="hint">
            {t("filters.qHint")}
          </p>
          <input
            id="event-filter-q"
            type="search"
            name="q"
            defaultValue={values.q}
            maxLength={MAX_QUERY_LENGTH}
            aria-describedby="event-filter-q-hint"
          />
        </div>
        <div className="field">
          <label htmlFor="event-filter-kind">{t("filters.kind")}</label>
          <select id="event-filter-kind" name="kind" defaultValue={values.kind}>
            <option value="">{t("filters.any")}</option>
            {PROGRAM_KINDS.map((kind) => (
              <option key={kind} value={kind}>
                {t(`kind.${kind}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="event-filter-district">{t("filters.district")}</label>
          <select id="event-filter-district" name="district" defaultValue={values.district}>
            <option value="">{t("filters.anyDistrict")}</option>
            {SEOUL_DISTRICTS.map((district) => (
              <option key={district.code} value={district.code}>
                {t(`districts:${district.code}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="event-filter-from">{t("filters.from")}</label>
          <p id="event-filter-date-hint" className="hint">
            {t("filters.dateHint")}
          </p>
          <input
            id="event-filter-from"
            type="date"
            name="from"
            defaultValue={values.from}
            aria-describedby="event-filter-date-hint"
          />
        </div>
        <div className="field">
          <label htmlFor="event-filter-to">{t("filters.to")}</label>
          <input
            id="event-filter-to"
            type="date"
            name="to"
            defaultValue={values.to}
            aria-describedby="event-filter-date-hint"
          />
        </div>
        <div className="field">
          <label htmlFor="event-filter-mode">{t("filters.mode")}</label>
          <select id="event-filter-mode" name="mode" defaultValue={values.mode}>
            <option value="">{t("filters.any")}</option>
            {ATTENDANCE_MODES.map((mode) => (
              <option key={mode} value={mode}>
                {t(`mode.${mode}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="actions">
          <button type="submit" className="button primary">
            {t("filters.submit")}
          </button>
          {query ? <Link to="/events">{t("filters.clear")}</Link> : null}
        </div>
      </Form>

      <h2 id="sessions-title">{t("agenda.resultsTitle")}</h2>
      <p role="status">{t("agenda.count", { count: loaded.total })}</p>
      {loaded.sessions.length === 0 ? (
        <p>{t("agenda.empty")}</p>
      ) : (
        <ol className="agenda" aria-labelledby="sessions-title">
          {loaded.sessions.map((session) => {
            const program = session.program;
            const where = program.place
              ? localized(program.place, lang, "name")
              : localized(program, lang, "venue");
            return (
              <li key={session.id} className="card">
                <p className="eyebrow">
                  {t(`kind.${program.kind as "lecture"}`)} ·{" "}
                  {t(`format.${program.format as "online"}`)}
                  {program.district ? ` · ${t(`districts:${program.district as "mapo"}`)}` : null}
                </p>
                <h3>
                  <Link to={`/events/${program.slug}#session-${session.id}`}>
                    {localized(program, lang, "title")}
                  </Link>
                </h3>
                <p>
                  <time dateTime={session.startsAt}>
                    {formatDate(session.startsAt, lang, "full")}{" "}
                    {formatTime(session.startsAt, lang)}
                  </time>
                  –<time dateTime={session.endsAt}>{formatTime(session.endsAt, lang)}</time>
                </p>
                {where ? <p>{where}</p> : null}
                <p>
                  {t(`state.${session.state}`)}
                  {session.state === "open"
                    ? ` · ${t("session.seatsLeft", { left: session.seatsLeft, capacity: session.capacity })}`
                    : null}
                </p>
              </li>
            );
          })}
        </ol>
      )}
      <Pagination
        page={loaded.page}
        pageCount={loaded.pageCount}
        href={pageHref}
        label={t("agenda.pagesLabel")}
      />
      <p>
        <a href={`/api/events${query ? `?${query}` : ""}`}>{t("agenda.apiLink")}</a>
      </p>
    </section>
  );
}
