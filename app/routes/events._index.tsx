// /events: programs and events as an agenda (sessions in date order, paged) or a month calendar
// (a table of the month's days, with its list twin; on a phone only the list shows), filtered by
// what the URL says (a plain GET form: it works without JavaScript). "For me" keeps the programs
// the logged-in resident may register for. A filter the page cannot use is named in the person's
// language and the unfiltered agenda is shown. The same filters give the calendar feed's address.
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useLoaderData, useLocation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { Pagination } from "~/components/ui/pagination";
import { monthDays, monthWeeks } from "~/domain/events/calendar";
import {
  eventFilterSearchParams,
  monthShown,
  parseEventFilters,
  shiftMonth,
} from "~/domain/events/filters";
import { listMonthSessions, listSessions, programsForResident } from "~/domain/events/reads.server";
import { ATTENDANCE_MODES, MAX_QUERY_LENGTH, PROGRAM_KINDS } from "~/domain/events/types";
import { SEOUL_DISTRICTS } from "~/domain/residents/districts";
import { localized } from "~/domain/shared/localized";
import { seoulDate } from "~/domain/shared/seoul-time";
import { getUser } from "~/utils/auth.server";
import { now } from "~/utils/clock.server";
import { formatCalendarDate, formatDate, formatTime, formatWeekday } from "~/utils/format";
import { intlLocale } from "~/utils/i18n";
import { getLocale } from "~/utils/i18n.server";
import { siteUrl } from "~/utils/site-url.server";
import { pageTitle } from "~/utils/meta";
import { Localized } from "~/components/localized";

export const handle = { i18n: ["events", "districts"] };
export const meta: MetaFunction = (args) => pageTitle(args, "events");

export async function loader({ request }: LoaderFunctionArgs) {
  const parsed = parseEventFilters(new URL(request.url).searchParams);
  const { filters } = parsed;
  const current = now();
  const today = seoulDate(current);
  const [user, locale] = await Promise.all([getUser(request), getLocale(request)]);
  // "for me" is judged for a logged-in resident; anyone else is told why it is not applied
  const forMe = filters.forMe && user ? await programsForResident(user.id, current) : null;
  const forMeNotice = !filters.forMe
    ? null
    : !user
      ? ("login" as const)
      : forMe?.missingFacts
        ? ("incomplete" as const)
        : null;
  const scope = { programIds: forMe?.ids ?? null };
  const query = eventFilterSearchParams(filters, { forMe: Boolean(user) });
  const withParams = (extra: Record<string, string>) => {
    const params = new URLSearchParams(query);
    for (const [name, value] of Object.entries(extra)) params.set(name, value);
    return `/events?${params}`;
  };
  const feedParams = eventFilterSearchParams(filters, { forMe: false });
  feedParams.set("lang", locale);
  const common = {
    values: {
      kind: filters.kind ?? "",
      district: filters.district ?? "",
      from: filters.from ?? "",
      to: filters.to ?? "",
      mode: filters.mode ?? "",
      q: filters.q ?? "",
      forMe: Boolean(filters.forMe),
    },
    problems: parsed.ok ? [] : parsed.problems,
    query: query.toString(),
    forMeNotice,
    profileHref: user ? `/residents/${user.id}` : null,
    loginHref: `/login?redirectTo=${encodeURIComponent(withParams({ view: filters.view }))}`,
    today,
    feedUrl: siteUrl(`/events.ics?${feedParams}`),
    viewHrefs: { agenda: withParams({}), month: withParams({ view: "month" }) },
  };
  const status = { status: parsed.ok ? 200 : 400 };
  if (filters.view === "month") {
    const month = monthShown(filters, today);
    const days = monthDays(month, filters);
    const shown = days
      ? await listMonthSessions(filters, days, current, scope.programIds)
      : { more: false, sessions: [] };
    return data(
      {
        ...common,
        view: "month" as const,
        month: {
          month,
          weeks: monthWeeks(month),
          more: shown.more,
          previousHref: withParams({ view: "month", month: shiftMonth(month, -1) }),
          nextHref: withParams({ view: "month", month: shiftMonth(month, 1) }),
        },
        total: shown.sessions.length,
        page: 1,
        pageCount: 1,
        sessions: shown.sessions.map(sessionView),
      },
      status,
    );
  }
  const result = await listSessions(filters, current, scope);
  return data(
    {
      ...common,
      view: "agenda" as const,
      month: null,
      total: result.total,
      page: result.page,
      pageCount: result.pageCount,
      sessions: result.sessions.map(sessionView),
    },
    // A link with a filter the page cannot use still gets the page (unfiltered, with a message).
    status,
  );
}

function sessionView(session: Awaited<ReturnType<typeof listSessions>>["sessions"][number]) {
  return {
    id: session.id,
    startsAt: session.startsAt.toISOString(),
    endsAt: session.endsAt.toISOString(),
    day: seoulDate(session.startsAt),
    capacity: session.capacity,
    seatsLeft: session.seatsLeft,
    state: session.state,
    program: session.program,
  };
}

type Loaded = ReturnType<typeof useLoaderData<typeof loader>>;
type SessionCard = Loaded["sessions"][number];

export default function EventsPage() {
  const { t } = useTranslation(["events", "districts"]);
  const loaded = useLoaderData<typeof loader>();
  const location = useLocation();
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
      {loaded.forMeNotice === "login" ? (
        <p className="notice" role="status">
          {t("forMe.anonymous")} <Link to={loaded.loginHref}>{t("forMe.login")}</Link>
        </p>
      ) : null}
      {loaded.forMeNotice === "incomplete" && loaded.profileHref ? (
        <p className="notice" role="status">
          {t("forMe.incomplete")} <Link to={loaded.profileHref}>{t("forMe.editProfile")}</Link>
        </p>
      ) : null}
      <Form
        method="get"
        action="/events"
        className="place-filters stack"
        aria-labelledby="event-filters-title"
      >
        <h2 id="event-filters-title">{t("filters.title")}</h2>
        {loaded.view === "month" ? <input type="hidden" name="view" value="month" /> : null}
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
        <div className="field checkbox">
          <input
            id="event-filter-forMe"
            type="checkbox"
            name="forMe"
            value="1"
            defaultChecked={values.forMe}
            aria-describedby="event-filter-forMe-hint"
          />
          <label htmlFor="event-filter-forMe">{t("filters.forMe")}</label>
          <p id="event-filter-forMe-hint" className="hint">
            {t("filters.forMeHint")}
          </p>
        </div>
        <div className="actions">
          <button type="submit" className="button primary">
            {t("filters.submit")}
          </button>
          {query ? (
            <Link to={loaded.view === "month" ? "/events?view=month" : "/events"}>
              {t("filters.clear")}
            </Link>
          ) : null}
        </div>
      </Form>

      <nav aria-label={t("views.label")} className="view-switch">
        <ul>
          {(["agenda", "month"] as const).map((view) => (
            <li key={view}>
              <Link
                to={loaded.viewHrefs[view]}
                aria-current={loaded.view === view ? "page" : undefined}
              >
                {t(`views.${view}`)}
              </Link>
            </li>
          ))}
        </ul>
      </nav>

      {loaded.month ? (
        <MonthView month={loaded.month} sessions={loaded.sessions} today={loaded.today} />
      ) : (
        <>
          <h2 id="sessions-title">{t("agenda.resultsTitle")}</h2>
          <p role="status">{t("agenda.count", { count: loaded.total })}</p>
          {loaded.sessions.length === 0 ? (
            <p>{t("agenda.empty")}</p>
          ) : (
            <ol className="agenda" aria-labelledby="sessions-title">
              {loaded.sessions.map((session) => (
                <SessionItem key={session.id} session={session} />
              ))}
            </ol>
          )}
          <Pagination
            page={loaded.page}
            pageCount={loaded.pageCount}
            href={pageHref}
            label={t("agenda.pagesLabel")}
          />
        </>
      )}

      <section aria-labelledby="feed-title" className="stack">
        <h2 id="feed-title">{t("feed.title")}</h2>
        <p>{t("feed.explain")}</p>
        <p>
          <a href={loaded.feedUrl} className="break-anywhere">
            {loaded.feedUrl}
          </a>
        </p>
        {values.forMe ? <p className="hint">{t("feed.noForMe")}</p> : null}
        <p>
          <a href={`/api/events${query ? `?${query}` : ""}`}>{t("agenda.apiLink")}</a>
        </p>
      </section>
    </section>
  );
}

/** One session in a list: kind, format, district, title (a link), when, where, seats. */
function SessionItem({
  session,
  headingLevel = 3,
}: {
  session: SessionCard;
  headingLevel?: 3 | 4;
}) {
  const { t, i18n } = useTranslation(["events", "districts"]);
  const lang = i18n.language;
  const program = session.program;
  const where = program.place
    ? localized(program.place, lang, "name")
    : localized(program, lang, "venue");
  const Heading = headingLevel === 3 ? "h3" : "h4";
  return (
    <li className="card">
      <p className="eyebrow">
        {t(`kind.${program.kind as "lecture"}`)} · {t(`format.${program.format as "online"}`)}
        {program.district ? ` · ${t(`districts:${program.district as "mapo"}`)}` : null}
      </p>
      <Heading>
        <Link to={`/events/${program.slug}#session-${session.id}`}>
          <Localized of={program} field="title" />
        </Link>
      </Heading>
      <p>
        <time dateTime={session.startsAt}>
          {formatDate(session.startsAt, lang, "full")} {formatTime(session.startsAt, lang)}
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
}

/**
 * The month as a table (days under weekday headers, each session a link) and its list twin (the
 * days that have sessions, in order). On a narrow screen the table is hidden and the list stays.
 */
function MonthView({
  month,
  sessions,
  today,
}: {
  month: NonNullable<Loaded["month"]>;
  sessions: SessionCard[];
  today: string;
}) {
  const { t, i18n } = useTranslation("events");
  const lang = i18n.language;
  const byDay = new Map<string, SessionCard[]>();
  for (const session of sessions) {
    byDay.set(session.day, [...(byDay.get(session.day) ?? []), session]);
  }
  const monthName = formatMonth(month.month, lang);
  return (
    <>
      <h2 id="sessions-title">{monthName}</h2>
      <p role="status">{t("agenda.count", { count: sessions.length })}</p>
      {month.more ? <p className="hint">{t("month.more")}</p> : null}
      <nav aria-label={t("month.navLabel")} className="month-nav">
        <Link to={month.previousHref} rel="prev">
          {t("month.previous", {
            month: formatMonth(month.previousHref.match(/month=([\d-]+)/)?.[1] ?? "", lang),
          })}
        </Link>
        <Link to={month.nextHref} rel="next">
          {t("month.next", {
            month: formatMonth(month.nextHref.match(/month=([\d-]+)/)?.[1] ?? "", lang),
          })}
        </Link>
      </nav>
      <div className="month-grid-wrap">
        <table className="month-grid">
          <caption>{t("month.caption", { month: monthName })}</caption>
          <thead>
            <tr>
              {[7, 1, 2, 3, 4, 5, 6].map((weekday) => (
                <th key={weekday} scope="col">
                  <abbr title={formatWeekday(weekday, lang, "long")}>
                    {formatWeekday(weekday, lang, "short")}
                  </abbr>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {month.weeks.map((week) => (
              <tr key={week[0]!.date}>
                {week.map((cell) => {
                  const daySessions = cell.inMonth ? (byDay.get(cell.date) ?? []) : [];
                  return (
                    <td
                      key={cell.date}
                      className={cell.inMonth ? undefined : "outside"}
                      aria-current={cell.date === today ? "date" : undefined}
                    >
                      {cell.inMonth ? (
                        <>
                          <span className="day-number">
                            <span className="visually-hidden">
                              {formatCalendarDate(cell.date, lang, "full")}
                            </span>
                            <span aria-hidden="true">{Number(cell.date.slice(8))}</span>
                          </span>
                          {daySessions.length > 0 ? (
                            <ul>
                              {daySessions.map((session) => (
                                <li key={session.id}>
                                  <Link
                                    to={`/events/${session.program.slug}#session-${session.id}`}
                                  >
                                    <time dateTime={session.startsAt}>
                                      {formatTime(session.startsAt, lang)}
                                    </time>{" "}
                                    <Localized of={session.program} field="title" />
                                  </Link>
                                </li>
                              ))}
                            </ul>
                          ) : null}
                        </>
                      ) : null}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <h3 id="month-list-title">{t("month.listTitle", { month: monthName })}</h3>
      {sessions.length === 0 ? (
        <p>{t("agenda.empty")}</p>
      ) : (
        <ol className="month-list" aria-labelledby="month-list-title">
          {[...byDay.entries()].map(([day, daySessions]) => (
            <li key={day}>
              <h4>{formatCalendarDate(day, lang, "full")}</h4>
              <ul className="agenda">
                {daySessions.map((session) => (
                  <SessionItem key={session.id} session={session} headingLevel={4} />
                ))}
              </ul>
            </li>
          ))}
        </ol>
      )}
    </>
  );
}

/** "2026년 12월" / "December 2026" for a "YYYY-MM". */
function formatMonth(month: string, lang: string) {
  if (!month) return "";
  return new Intl.DateTimeFormat(intlLocale(lang), {
    year: "numeric",
    month: "long",
    timeZone: "Asia/Seoul",
  }).format(new Date(`${month}-15T12:00:00+09:00`));
}
