// A posting: what the job is, what it pays per month, when applications open or close (in words),
// whether the logged-in resident can apply and why not, and schema.org JobPosting data.
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, Link, useLoaderData, useNavigation, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { EligibilityPanel } from "~/components/jobs/eligibility";
import { SafetyRules } from "~/components/jobs/safety-rules";
import { WindowText } from "~/components/jobs/window-text";
import { followPosting, isFollowing, unfollowPosting } from "~/domain/jobs/follows.server";
import { jobPostingJsonLd, serializeJsonLd } from "~/domain/jobs/json-ld";
import { getUser, requireUser } from "~/utils/auth.server";
import { siteOrigin } from "~/utils/site-url.server";
import { estimateMonthlyPay } from "~/domain/jobs/pay";
import { canManage } from "~/domain/jobs/common.server";
import { floorSummaries } from "~/domain/jobs/wage-floors";
import { listWageFloors } from "~/domain/jobs/wage-floors.server";
import { WageFloors } from "~/components/jobs/wage-floors";
import { findOwnApplication, getPostingBySlug, verdictFor } from "~/domain/jobs/postings.server";
import { NEW_DEAL_MAX_MONTHS } from "~/domain/jobs/types";
import { currentWindow } from "~/domain/jobs/window";
import { now } from "~/utils/clock.server";
import { formatCalendarDate, formatDateTime, formatWon } from "~/utils/format";
import { getLocale, getServerT } from "~/utils/i18n.server";
import { sharedRead } from "~/utils/public-reads.server";
import { withSiteName } from "~/utils/meta";
import { useNonce } from "~/utils/nonce";
import { badRequest, invariantResponse, notFound } from "~/utils/http.server";
import { readFormData, singleField } from "~/utils/request.server";
import { localized } from "~/domain/shared/localized";
import { requirements } from "~/domain/eligibility/judge";
import { OwnApplicationNotice } from "~/components/jobs/own-application";
import { Confirmation } from "~/components/ui/form";
import { Localized } from "~/components/localized";
import { withFragments } from "~/components/localized-fragments";

export const handle = { i18n: ["jobs", "eligibility", "districts", "account"] };

export const meta: MetaFunction<typeof loader> = (args) =>
  withSiteName(args, args.data?.pageTitle ?? "");

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await getUser(request);
  const slug = params.slug ?? "";
  // Residents and visitors see the same published posting: shared for a few seconds. Staff may
  // see drafts and their own changes at once.
  const posting =
    user && user.role !== "resident"
      ? await getPostingBySlug(slug, user)
      : await sharedRead(`posting:${slug}`, () => getPostingBySlug(slug, null));
  invariantResponse(posting, notFound);
  const [at, locale] = [now(), await getLocale(request)];
  const floors = floorSummaries(
    await sharedRead("wage-floors", listWageFloors),
    posting,
    posting.kind,
  );
  const bindingFloor = floors
    .map((f) => f.binding)
    .reduce<(typeof floors)[number]["binding"]>(
      (best, f) => (f && (!best || f.hourlyKrw > best.hourlyKrw) ? f : best),
      null,
    );
  const window = currentWindow(
    posting.status,
    { opensAt: posting.applicationOpensAt, closesAt: posting.applicationClosesAt },
    at,
  );
  const [eligibility, application, following] = user
    ? await Promise.all([
        verdictFor(user.id, posting.criteria, at),
        findOwnApplication(user.id, { postingId: posting.id }),
        isFollowing(user.id, posting.id),
      ])
    : [null, null, false];
  const t = await getServerT(request);
  const jsonLd = serializeJsonLd(
    jobPostingJsonLd({
      url: `${siteOrigin()}/jobs/${posting.slug}`,
      slug: posting.slug,
      title: localized(posting, locale, "title"),
      description: localized(posting, locale, "description"),
      publishedAt: posting.publishedAt ?? posting.applicationOpensAt,
      applicationClosesAt: posting.applicationClosesAt,
      hourlyWageKrw: posting.hourlyWageKrw,
      hoursPerDay: posting.hoursPerDay,
      daysPerWeek: posting.daysPerWeek,
      startDate: posting.startDate,
      organization: {
        name: localized(posting.organization, locale, "name"),
        website: posting.organization.website,
      },
      location: {
        streetAddress: posting.place ? localized(posting.place, locale, "address") : null,
        locality: posting.district ? t(`districts:${posting.district as "mapo"}`) : null,
      },
      language: locale,
    }),
  );
  return {
    pageTitle: localized(posting, locale, "title"),
    posting: {
      slug: posting.slug,
      kind: posting.kind,
      newDealCategory: posting.newDealCategory,
      status: posting.status,
      title: { ko: posting.titleKo, en: posting.titleEn },
      description: { ko: posting.descriptionKo, en: posting.descriptionEn },
      organization: {
        ko: posting.organization.nameKo,
        en: posting.organization.nameEn,
        phone: posting.organization.phone,
      },
      place: posting.place,
      district: posting.district,
      positions: posting.positions,
      selectedCount: posting.selectedCount,
      hourlyWageKrw: posting.hourlyWageKrw,
      hoursPerDay: posting.hoursPerDay,
      daysPerWeek: posting.daysPerWeek,
      durationMonths: posting.durationMonths,
      startDate: posting.startDate,
      endDate: posting.endDate,
      applicationOpensAt: posting.applicationOpensAt.toISOString(),
      applicationClosesAt: posting.applicationClosesAt.toISOString(),
      outdoor: posting.outdoor,
      isSampleData: posting.isSampleData,
      round: posting.round,
      requirements: requirements(posting.criteria),
    },
    pay: estimateMonthlyPay(posting),
    floors,
    // the same hours at the highest floor that applies: what the estimate is measured against
    floorPay: bindingFloor
      ? {
          kind: bindingFloor.kind,
          year: bindingFloor.fromYear,
          hourlyKrw: bindingFloor.hourlyKrw,
          monthlyPayKrw: estimateMonthlyPay({ ...posting, hourlyWageKrw: bindingFloor.hourlyKrw })
            .monthlyPayKrw,
        }
      : null,
    window,
    loggedIn: Boolean(user),
    profileHref: user ? `/residents/${user.id}` : null,
    verdict: eligibility?.verdict ?? null,
    application,
    following,
    manageHref:
      user && canManage(user, posting.organizationId) ? `/staff/postings/${posting.id}` : null,
    jsonLd,
  };
}

/** Follow or stop following the posting (told when applications open and before they close). */
export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const posting = await getPostingBySlug(params.slug ?? "", user);
  invariantResponse(posting, notFound);
  const intent = singleField(await readFormData(request), "intent");
  const back = `/jobs/${posting.slug}`;
  if (intent === "unfollow") {
    await unfollowPosting(user.id, posting.id);
    return redirect(`${back}?unfollowed=1`);
  }
  invariantResponse(intent === "follow", () => badRequest("Unknown intent"));
  const followed = await followPosting(user.id, posting.id, now());
  // a closed (or draft) posting has nothing left to follow: the page says so
  return redirect(followed.ok ? `${back}?followed=1` : back);
}

export default function PostingPage() {
  const { t, i18n } = useTranslation(["jobs", "districts"]);
  const nonce = useNonce();
  const data = useLoaderData<typeof loader>();
  const { posting, pay, window } = data;
  const lang = i18n.language;
  const newDeal = posting.kind === "new_deal";
  return (
    <article className="page narrow posting-page" aria-labelledby="posting-title">
      <script
        type="application/ld+json"
        nonce={nonce}
        // Escaped by serializeJsonLd: no posting text can close this element.
        dangerouslySetInnerHTML={{ __html: data.jsonLd }}
      />
      <p>
        <Link to="/jobs">{t("posting.back")}</Link>
      </p>
      <p className="eyebrow">
        {withFragments((fragment) =>
          t("posting.kindLine", {
            kind: posting.newDealCategory
              ? `${t("kind.new_deal")} · ${t(`category.${posting.newDealCategory as "city"}`)}`
              : t(`kind.${posting.kind as "new_deal"}`),
            organization: fragment(<Localized of={posting.organization} />),
          }),
        )}
      </p>
      <h1 id="posting-title">
        <Localized of={posting.title} />
      </h1>
      {posting.status === "draft" ? <p className="notice">{t("posting.draftPreview")}</p> : null}

      <div className="apply-box card">
        <p className="apply-box__window">
          <WindowText words={window.words} />
        </p>
        <ApplyAction />
        <FollowAction />
      </div>

      {posting.isSampleData ? (
        <p className="hint">
          {t("posting.sampleData")} {t(`posting.sampleBasis.${posting.kind as "new_deal"}`)}
        </p>
      ) : null}

      <EligibilityPanel
        requirements={posting.requirements}
        verdict={data.verdict}
        profileHref={data.profileHref}
        loginHref={`/login?redirectTo=${encodeURIComponent(`/jobs/${posting.slug}`)}`}
        headingId="eligibility-title"
      />

      <section aria-labelledby="terms-title">
        <h2 id="terms-title">{t("posting.facts")}</h2>
        <dl className="facts">
          <dt>{t("posting.organization")}</dt>
          <dd>
            <Localized of={posting.organization} />
            {posting.organization.phone ? ` (${posting.organization.phone})` : null}
          </dd>
          {posting.place ? (
            <>
              <dt>{t("posting.place")}</dt>
              <dd>
                <Localized of={posting.place} field="name" />
                <br />
                <Localized of={posting.place} field="address" />
              </dd>
            </>
          ) : null}
          {posting.district ? (
            <>
              <dt>{t("posting.district")}</dt>
              <dd>{t(`districts:${posting.district as "mapo"}`)}</dd>
            </>
          ) : null}
          <dt>{t("posting.positions")}</dt>
          <dd>
            {t("posting.positionsValue", { count: posting.positions })}{" "}
            {posting.selectedCount > 0
              ? t("posting.selected", { count: posting.selectedCount })
              : null}
          </dd>
          <dt>{t("posting.wage")}</dt>
          <dd>
            {formatWon(posting.hourlyWageKrw, lang)}
            <WageFloors floors={data.floors} />
          </dd>
          <dt>{t("posting.hours")}</dt>
          <dd>
            {t("posting.hoursValue", {
              hours: posting.hoursPerDay,
              days: posting.daysPerWeek,
              weekly: pay.weeklyHours,
            })}
          </dd>
          <dt>{t("posting.monthlyPay")}</dt>
          <dd>
            <strong>
              {t("posting.monthlyPayValue", { pay: formatWon(pay.monthlyPayKrw, lang) })}
            </strong>
            <br />
            <span className="hint">
              {t("posting.monthlyPayHow", {
                hours: pay.monthlyPaidHours,
                weekly: pay.weeklyHours,
                rest: pay.weeklyRestHours,
                allowance: formatWon(pay.monthlyRestAllowanceKrw, lang),
              })}
            </span>
            {data.floorPay ? (
              <>
                <br />
                <span className="hint">
                  {t(`posting.floorPay.${data.floorPay.kind}`, {
                    year: data.floorPay.year,
                    wage: formatWon(data.floorPay.hourlyKrw, lang),
                    pay: formatWon(data.floorPay.monthlyPayKrw, lang),
                  })}
                </span>
              </>
            ) : null}
          </dd>
          {posting.durationMonths ? (
            <>
              <dt>{t("posting.duration")}</dt>
              <dd>
                {t("posting.durationValue", { count: posting.durationMonths })}
                {newDeal ? (
                  <span className="hint">
                    {" "}
                    {t("posting.newDealMax", { max: NEW_DEAL_MAX_MONTHS })}
                  </span>
                ) : null}
              </dd>
            </>
          ) : null}
          <dt>{t("posting.workPeriod")}</dt>
          <dd>
            {t("posting.period", {
              start: formatCalendarDate(posting.startDate, lang),
              end: formatCalendarDate(posting.endDate, lang),
            })}
          </dd>
          <dt>{t("posting.applicationWindow")}</dt>
          <dd>
            {t("posting.period", {
              start: formatDateTime(posting.applicationOpensAt, lang),
              end: formatDateTime(posting.applicationClosesAt, lang),
            })}
          </dd>
        </dl>
      </section>

      <section aria-labelledby="duties-title">
        <h2 id="duties-title">{t("posting.duties")}</h2>
        <p className="prose">
          <Localized of={posting.description} />
        </p>
      </section>

      {posting.outdoor && posting.kind === "public_work" ? (
        <SafetyRules headingId="safety-title" />
      ) : null}

      {data.manageHref ? (
        <p>
          <Link to={data.manageHref}>{t("posting.manage")}</Link>
        </p>
      ) : null}
    </article>
  );
}

/** What the resident can do now: apply, see their application, or why not. */
function ApplyAction() {
  const { t } = useTranslation("jobs");
  const data = useLoaderData<typeof loader>();
  const { posting, window } = data;
  if (posting.round) {
    return (
      <>
        <p>
          {withFragments((fragment) =>
            t("posting.partOfRound", {
              round: fragment(<Localized of={posting.round!} field="name" />),
            }),
          )}
        </p>
        <Link to={`/rounds/${posting.round.slug}`} className="button primary">
          {t("posting.goToRound")}
        </Link>
      </>
    );
  }
  if (data.application) return <OwnApplicationNotice application={data.application} />;
  if (window.state === "upcoming") return <p>{t("posting.notOpenYet")}</p>;
  if (window.state === "closed") return <p>{t("posting.closedNotice")}</p>;
  if (!data.loggedIn) {
    return (
      <Link
        to={`/login?redirectTo=${encodeURIComponent(`/jobs/${posting.slug}/apply`)}`}
        className="button primary"
      >
        {t("posting.loginToApply")}
      </Link>
    );
  }
  if (data.verdict && !data.verdict.eligible) return <p>{t("posting.notEligibleNotice")}</p>;
  return (
    <>
      <p>{t("posting.applyNow")}</p>
      <Link to={`/jobs/${posting.slug}/apply`} className="button primary">
        {t("posting.apply")}
      </Link>
    </>
  );
}

/** Following: for a published posting not yet closed, that the resident has not applied to. */
function FollowAction() {
  const { t } = useTranslation("jobs");
  const data = useLoaderData<typeof loader>();
  const navigation = useNavigation();
  const [searchParams] = useSearchParams();
  const { posting, window } = data;
  if (posting.status !== "published" || window.state === "closed" || data.application) return null;
  const notice = searchParams.has("followed")
    ? t("follow.followed")
    : searchParams.has("unfollowed")
      ? t("follow.unfollowed")
      : null;
  return (
    <div className="follow-box">
      {notice ? <Confirmation>{notice}</Confirmation> : null}
      {!data.loggedIn ? (
        <p>
          <Link to={`/login?redirectTo=${encodeURIComponent(`/jobs/${posting.slug}`)}`}>
            {t("follow.loginToFollow")}
          </Link>
        </p>
      ) : (
        <Form method="post" preventScrollReset>
          <p className="hint">{data.following ? t("follow.following") : t("follow.explain")}</p>
          <button
            type="submit"
            name="intent"
            value={data.following ? "unfollow" : "follow"}
            className="button"
            disabled={navigation.state === "submitting"}
          >
            {data.following ? t("follow.unfollow") : t("follow.follow")}
          </button>
        </Form>
      )}
    </div>
  );
}
