// Postings search: every filter, the sort and the page live in the URL (a plain GET form), so it
// works without JavaScript, can be bookmarked and shared; with JavaScript it navigates in place.
import { parseWithZod } from "@conform-to/zod";
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useLoaderData, useLocation, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { Pagination } from "~/components/ui/pagination";
import { PostingCardItem } from "~/components/jobs/posting-card";
import { WindowText } from "~/components/jobs/window-text";
import { FieldErrors } from "~/components/ui/form";
import { postingCard, roundCard } from "~/domain/jobs/present";
import { SearchSchema, type SearchQuery } from "~/domain/jobs/schema";
import { searchHref } from "~/domain/jobs/search";
import { listCurrentRounds, searchPostings } from "~/domain/jobs/postings.server";
import { NEW_DEAL_CATEGORIES, POSTING_KINDS, SORTS, WINDOW_FILTERS } from "~/domain/jobs/types";
import { SEOUL_DISTRICTS } from "~/domain/residents/districts";
import { getUser } from "~/utils/auth.server";
import { now } from "~/utils/clock.server";
import { pageTitle } from "~/utils/meta";
import { publicPostingSearch } from "~/routes-support/jobs.server";
import { sharedRead } from "~/utils/public-reads.server";
import { Localized } from "~/components/localized";

export const handle = { i18n: ["jobs", "districts", "validation"] };

export const meta: MetaFunction = (args) => [
  ...pageTitle(args, "jobs"),
  {
    tagName: "link",
    rel: "alternate",
    type: "application/atom+xml",
    href: "/feeds/postings.atom",
  },
];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await getUser(request);
  const submission = parseWithZod(new URL(request.url).searchParams, { schema: SearchSchema });
  const at = now();
  const rounds = (await sharedRead("rounds:current", () => listCurrentRounds(at))).map((round) =>
    roundCard(round, at),
  );
  if (submission.status !== "success") {
    return data(
      {
        query: SearchSchema.parse({}),
        typed: submission.reply().initialValue ?? {},
        errors: submission.reply().error ?? {},
        loggedIn: Boolean(user),
        result: null,
        rounds,
      },
      { status: 400 },
    );
  }
  const query = submission.value;
  // Without "only what I can apply for" the postings found are the same for everyone.
  const personal = query.eligible && user !== null;
  const result = personal
    ? await searchPostings(query, { now: at, residentId: user.id })
    : await publicPostingSearch(query, at);
  return {
    query,
    typed: null,
    errors: null,
    loggedIn: Boolean(user),
    result: {
      total: result.total,
      page: result.page,
      pageCount: result.pageCount,
      eligibleIgnored: query.eligible && !result.eligibleFilterApplied,
      postings: result.postings.map((posting) => postingCard(posting, at)),
    },
    rounds,
  };
}

export default function JobsSearchPage() {
  const { t } = useTranslation(["jobs", "districts"]);
  const { query, typed, errors, loggedIn, result, rounds } = useLoaderData<typeof loader>();
  const navigation = useNavigation();
  const location = useLocation();
  const searching = navigation.state === "loading" && navigation.location.pathname === "/jobs";
  // After a refused search, the form shows what was typed; otherwise the query it ran.
  const value = (key: keyof SearchQuery): string => {
    const raw = typed ? (typed as Record<string, unknown>)[key] : query[key];
    return raw === undefined || raw === null || raw === false ? "" : String(raw);
  };
  const fieldError = (key: string) => (errors as Record<string, string[] | null> | null)?.[key];
  return (
    <section className="page jobs-search" aria-labelledby="jobs-title">
      <h1 id="jobs-title">{t("search.title")}</h1>
      <p>{t("search.intro")}</p>
      {loggedIn ? (
        <p className="actions">
          <Link to="/applications">{t("search.myApplications")}</Link>
          <Link to="/for-me">{t("search.forMe")}</Link>
        </p>
      ) : null}

      {/* keyed by the URL, so back/forward and page links show their own filters */}
      <Form
        key={location.search}
        method="get"
        className="search-form card"
        aria-label={t("search.formLabel")}
      >
        {errors ? (
          <p role="alert" className="form-errors">
            {t("search.invalid")}
          </p>
        ) : null}
        <div className="field search-form__query">
          <label htmlFor="search-q">{t("search.query")}</label>
          <p id="search-q-hint" className="hint">
            {t("search.queryHint")}
          </p>
          <input
            id="search-q"
            name="q"
            type="search"
            defaultValue={value("q")}
            maxLength={100}
            aria-describedby="search-q-hint"
          />
          <FieldErrors id="search-q-error" errors={fieldError("q") ?? undefined} />
        </div>
        <div className="search-form__filters">
          <SelectFilter
            name="kind"
            label={t("search.kind")}
            placeholder={t("search.anyKind")}
            value={value("kind")}
            options={POSTING_KINDS.map((kind) => ({ value: kind, label: t(`kind.${kind}`) }))}
            errors={fieldError("kind")}
          />
          <SelectFilter
            name="category"
            label={t("search.category")}
            placeholder={t("search.anyCategory")}
            value={value("category")}
            options={NEW_DEAL_CATEGORIES.map((c) => ({ value: c, label: t(`category.${c}`) }))}
            errors={fieldError("category")}
          />
          <SelectFilter
            name="district"
            label={t("search.district")}
            placeholder={t("search.anyDistrict")}
            value={value("district")}
            options={SEOUL_DISTRICTS.map((d) => ({
              value: d.code,
              label: t(`districts:${d.code}`),
            }))}
            errors={fieldError("district")}
          />
          <div className="field">
            <label htmlFor="search-minWage">{t("search.minWage")}</label>
            <input
              id="search-minWage"
              name="minWage"
              type="number"
              inputMode="numeric"
              min={0}
              step={10}
              defaultValue={value("minWage")}
              aria-invalid={fieldError("minWage") ? true : undefined}
              aria-describedby={fieldError("minWage") ? "search-minWage-error" : undefined}
            />
            <FieldErrors id="search-minWage-error" errors={fieldError("minWage") ?? undefined} />
          </div>
          <SelectFilter
            name="window"
            label={t("search.window")}
            value={value("window") || "current"}
            options={WINDOW_FILTERS.map((w) => ({
              value: w,
              label: t(`search.windowOption.${w}`),
            }))}
            errors={fieldError("window")}
          />
          <SelectFilter
            name="sort"
            label={t("search.sort")}
            value={value("sort") || "closing"}
            options={SORTS.map((s) => ({ value: s, label: t(`search.sortOption.${s}`) }))}
            errors={fieldError("sort")}
          />
        </div>
        {loggedIn ? (
          <div className="field checkbox">
            <input
              type="checkbox"
              id="search-eligible"
              name="eligible"
              defaultChecked={["true", "on"].includes(value("eligible"))}
              aria-describedby="search-eligible-hint"
            />
            <label htmlFor="search-eligible">{t("search.eligible")}</label>
            <p id="search-eligible-hint" className="hint">
              {t("search.eligibleHint")}
            </p>
          </div>
        ) : (
          <p className="hint">
            <Link to="/login?redirectTo=%2Fjobs%3Feligible%3Don">{t("search.eligibleLogin")}</Link>
          </p>
        )}
        <div className="actions">
          <button type="submit" className="button primary" disabled={searching}>
            {searching ? t("search.searching") : t("search.submit")}
          </button>
          <Link to="/jobs" className="button">
            {t("search.reset")}
          </Link>
        </div>
      </Form>

      {rounds.length > 0 ? (
        <section className="rounds-box" aria-labelledby="rounds-title">
          <h2 id="rounds-title">{t("search.roundsTitle")}</h2>
          <p>{t("search.roundsIntro")}</p>
          <ul className="plain-list stack">
            {rounds.map((round) => (
              <li key={round.slug} className="card">
                <h3>
                  <Link to={`/rounds/${round.slug}`}>
                    <Localized of={round.name} />
                  </Link>
                </h3>
                <p>
                  <WindowText words={round.window} /> ·{" "}
                  {t("search.roundSites", { count: round.siteCount })}
                </p>
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      <section aria-labelledby="results-title" aria-busy={searching}>
        <h2 id="results-title" aria-live="polite">
          {result ? t("search.results", { count: result.total }) : t("search.invalid")}
          {result && result.pageCount > 1 ? (
            <span className="hint">
              {" "}
              {t("search.resultsPage", { page: result.page, pages: result.pageCount })}
            </span>
          ) : null}
        </h2>
        {result?.eligibleIgnored ? <p className="notice">{t("search.eligibleIgnored")}</p> : null}
        {result && result.postings.length === 0 ? (
          <div className="notice">
            <p>{t("search.noResults")}</p>
            <p>{t("search.noResultsHint")}</p>
          </div>
        ) : null}
        {result && result.postings.length > 0 ? (
          <ol className="plain-list stack posting-list">
            {result.postings.map((posting) => (
              <PostingCardItem key={posting.slug} posting={posting} />
            ))}
          </ol>
        ) : null}
        {result ? (
          <Pagination
            page={result.page}
            pageCount={result.pageCount}
            href={(page) => `/jobs${searchHref(query, { page })}`}
          />
        ) : null}
      </section>

      <aside className="open-data" aria-labelledby="open-data-title">
        <h2 id="open-data-title">{t("search.openData")}</h2>
        <ul>
          <li>
            <a href="/feeds/postings.atom">{t("search.feed")}</a>
          </li>
          <li>
            <a href={`/api/postings${searchHref({ ...query, eligible: false })}`}>
              {t("search.api")}
            </a>
          </li>
        </ul>
      </aside>
    </section>
  );
}

function SelectFilter({
  name,
  label,
  placeholder,
  value,
  options,
  errors,
}: {
  name: string;
  label: string;
  placeholder?: string;
  value: string;
  options: { value: string; label: string }[];
  errors?: string[] | null;
}) {
  const id = `search-${name}`;
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select
        id={id}
        name={name}
        defaultValue={value}
        aria-invalid={errors ? true : undefined}
        aria-describedby={errors ? `${id}-error` : undefined}
      >
        {placeholder !== undefined ? <option value="">{placeholder}</option> : null}
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
      <FieldErrors id={`${id}-error`} errors={errors ?? undefined} />
    </div>
  );
}
