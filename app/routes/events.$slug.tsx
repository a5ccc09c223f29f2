// An event page: what the program is, who hosts it and where, who may come (the eligibility
// verdict for a logged-in resident), its sessions with seats left, and schema.org Event data.
// A logged-in resident registers for a session or cancels, with plain forms (no JavaScript).
import { parseWithZod } from "@conform-to/zod";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { AllocationAction, FairnessRules, LotteryNotice } from "~/components/events/allocation";
import { EligibilityPanel, ReasonList } from "~/components/jobs/eligibility";
import { Confirmation } from "~/components/ui/form";
import { requirements } from "~/domain/eligibility/judge";
import {
  allocationRules,
  applyForSession,
  confirmSeat,
  standingsOf,
  withdrawApplication,
} from "~/domain/events/allocation.server";
import { eventJsonLd } from "~/domain/events/json-ld";
import { getProgram, registeredSessionIds, residentVerdict } from "~/domain/events/reads.server";
import { cancelRegistration, registerForSession } from "~/domain/events/register.server";
import { registrationState, seatsLeft } from "~/domain/events/rules";
import { SessionActionSchema } from "~/domain/events/schema";
import { serializeJsonLd } from "~/domain/jobs/json-ld";
import { localized } from "~/domain/shared/localized";
import { getUser, requireUser } from "~/utils/auth.server";
import { now } from "~/utils/clock.server";
import { formatDate, formatDateTime, formatTime } from "~/utils/format";
import { invalid, invariantResponse, notFound, refused } from "~/utils/http.server";
import { getLocale, getServerT } from "~/utils/i18n.server";
import { withSiteName } from "~/utils/meta";
import { useNonce } from "~/utils/nonce";
import { clientIp, readFormData } from "~/utils/request.server";
import { siteOrigin } from "~/utils/site-url.server";
import { Localized } from "~/components/localized";
import { withFragments } from "~/components/localized-fragments";

export const handle = { i18n: ["events", "jobs", "eligibility", "districts", "account"] };

export const meta: MetaFunction<typeof loader> = (args) =>
  withSiteName(args, args.data?.pageTitle ?? "");

export async function loader({ request, params }: LoaderFunctionArgs) {
  const [program, user, locale] = await Promise.all([
    getProgram(params.slug ?? ""),
    getUser(request),
    getLocale(request),
  ]);
  invariantResponse(program, notFound);
  const current = now();
  const sessionIds = program.sessions.map((session) => session.id);
  const [verdict, registered, standings] = user
    ? await Promise.all([
        residentVerdict(user.id, program.criteria, current),
        registeredSessionIds(user.id, sessionIds),
        standingsOf(user.id, sessionIds),
      ])
    : [null, [] as string[], {} as Awaited<ReturnType<typeof standingsOf>>];
  const t = await getServerT(request);
  const sessions = program.sessions.map((session) => ({
    id: session.id,
    startsAt: session.startsAt.toISOString(),
    endsAt: session.endsAt.toISOString(),
    registrationOpensAt: session.registrationOpensAt.toISOString(),
    registrationClosesAt: session.registrationClosesAt.toISOString(),
    capacity: session.capacity,
    seatsLeft: seatsLeft(session),
    state: registrationState(session, current),
    registered: registered.includes(session.id),
    // fair allocation (decision 0027)
    allocation: session.allocation,
    drawAt: session.drawAt?.toISOString() ?? null,
    confirmHours: session.confirmHours,
    drawn: session.drawAt !== null && session.drawAt <= current,
    standing: standings[session.id] ?? null,
  }));
  const venue = program.place
    ? {
        name: localized(program.place, locale, "name"),
        streetAddress: localized(program.place, locale, "address"),
      }
    : { name: localized(program, locale, "venue"), streetAddress: null };
  const jsonLd = serializeJsonLd(
    eventJsonLd(
      {
        url: `${siteOrigin()}/events/${program.slug}`,
        name: localized(program, locale, "title"),
        description: localized(program, locale, "description"),
        format: program.format,
        onlineUrl: program.onlineUrl,
        organizer: {
          name: localized(program.organization, locale, "name"),
          website: program.organization.website,
        },
        location: venue.name
          ? {
              ...venue,
              locality: program.district ? t(`districts:${program.district as "mapo"}`) : null,
            }
          : null,
        sessions: program.sessions.map((session) => ({
          startsAt: session.startsAt,
          endsAt: session.endsAt,
          status: session.status,
          seatsLeft: seatsLeft(session),
          registrationOpensAt: session.registrationOpensAt,
        })),
        language: locale,
        isAccessibleForFree: true,
      },
      current,
    ),
  );
  return {
    pageTitle: localized(program, locale, "title"),
    program: {
      slug: program.slug,
      kind: program.kind,
      title: { ko: program.titleKo, en: program.titleEn },
      description: { ko: program.descriptionKo, en: program.descriptionEn },
      organization: {
        ko: program.organization.nameKo,
        en: program.organization.nameEn,
        phone: program.organization.phone,
      },
      place: program.place,
      venue: { ko: program.venueKo, en: program.venueEn },
      district: program.district,
      format: program.format,
      onlineUrl: program.onlineUrl,
      languages: program.languages.split(",").filter(Boolean),
      accessibility: { ko: program.accessibilityNotesKo, en: program.accessibilityNotesEn },
      isSampleData: program.isSampleData,
      requirements: requirements(program.criteria),
    },
    sessions,
    loggedIn: user !== null,
    profileHref: user ? `/residents/${user.id}` : null,
    verdict,
    jsonLd,
    allocationRules: allocationRules(),
  };
}

/** Register for a session of this program, or cancel one's registration. */
export async function action({ request, params, context }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const program = await getProgram(params.slug ?? "");
  invariantResponse(program, notFound);
  const submission = parseWithZod(await readFormData(request), { schema: SessionActionSchema });
  if (submission.status !== "success") return invalid(submission);
  const { intent, sessionId } = submission.value;
  if (!program.sessions.some((session) => session.id === sessionId))
    return refused({ ok: false, code: "notFound" }, { submission });
  const actor = { residentId: user.id, now: now(), ip: clientIp(context) };
  const back = `/events/${program.slug}`;
  if (intent === "apply" || intent === "confirm" || intent === "withdraw") {
    const outcome =
      intent === "apply"
        ? await applyForSession(sessionId, actor)
        : intent === "confirm"
          ? await confirmSeat(sessionId, actor)
          : await withdrawApplication(sessionId, actor);
    if (outcome.ok) return redirect(`${back}?${intent}=${encodeURIComponent(sessionId)}`);
    return refused(outcome, { submission });
  }
  if (intent === "cancel") {
    const outcome = await cancelRegistration(sessionId, actor);
    if (outcome.ok) return redirect(`${back}?cancelled=${encodeURIComponent(sessionId)}`);
    return refused(outcome, { submission });
  }
  const outcome = await registerForSession(sessionId, actor);
  if (outcome.ok) return redirect(`${back}?registered=${encodeURIComponent(sessionId)}`);
  return refused(outcome, { submission });
}

export default function EventPage() {
  const { t, i18n } = useTranslation(["events", "districts"]);
  const nonce = useNonce();
  const data = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [searchParams] = useSearchParams();
  const { program } = data;
  const lang = i18n.language;
  // a form that did not validate is one no page of ours sends (a stale or forged one)
  const refusal =
    actionData?.refusal ?? (actionData ? { code: "formExpired" as const, reasons: null } : null);
  const venue = program.place
    ? localized(program.place, lang, "name")
    : localized(program.venue, lang);
  return (
    <article className="page narrow event-page" aria-labelledby="event-title">
      <script
        type="application/ld+json"
        nonce={nonce}
        // Escaped by serializeJsonLd: no program text can close this element.
        dangerouslySetInnerHTML={{ __html: data.jsonLd }}
      />
      <p>
        <Link to="/events">{t("page.back")}</Link>
      </p>
      <p className="eyebrow">
        {withFragments((fragment) =>
          t("page.kindLine", {
            kind: t(`kind.${program.kind as "lecture"}`),
            organization: fragment(<Localized of={program.organization} />),
          }),
        )}
      </p>
      <h1 id="event-title">
        <Localized of={program.title} />
      </h1>
      {searchParams.has("registered") && !actionData ? (
        <Confirmation>{t("confirmation.registered")}</Confirmation>
      ) : null}
      {searchParams.has("cancelled") && !actionData ? (
        <Confirmation>{t("confirmation.cancelled")}</Confirmation>
      ) : null}
      {(["apply", "confirm", "withdraw"] as const).map((done) =>
        searchParams.has(done) && !actionData ? (
          <Confirmation key={done}>
            {t(
              done === "apply"
                ? data.sessions.find((s) => s.id === searchParams.get(done))?.allocation ===
                  "lottery"
                  ? "allocationConfirmation.applied"
                  : "allocationConfirmation.waitlisted"
                : done === "confirm"
                  ? "allocationConfirmation.confirmed"
                  : "allocationConfirmation.withdrawn",
            )}
          </Confirmation>
        ) : null,
      )}
      {refusal ? (
        <div role="alert" className="form-errors" tabIndex={-1} data-arrival-focus="">
          <p>
            {t(`refusal.${refusal.code as "full"}`, {
              defaultValue: t(`refusalMore.${refusal.code as "limit"}`, {
                defaultValue: t("refusal.title"),
              }),
            })}
          </p>
          {refusal.code === "ineligible" && refusal.reasons?.length ? (
            <ReasonList reasons={refusal.reasons} />
          ) : null}
        </div>
      ) : null}
      {program.isSampleData ? <p className="hint">{t("page.sampleData")}</p> : null}

      <section aria-labelledby="sessions-title">
        <h2 id="sessions-title">{t("page.sessions")}</h2>
        <ol className="agenda">
          {data.sessions.map((session) => (
            <li key={session.id} id={`session-${session.id}`} className="card">
              <p>
                <strong>
                  <time dateTime={session.startsAt}>
                    {formatDate(session.startsAt, lang, "full")}{" "}
                    {formatTime(session.startsAt, lang)}
                  </time>
                  –<time dateTime={session.endsAt}>{formatTime(session.endsAt, lang)}</time>
                </strong>
              </p>
              <p>
                {t(`state.${session.state}`)}
                {session.state !== "cancelled" && session.state !== "past"
                  ? ` · ${t("session.seatsLeft", { left: session.seatsLeft, capacity: session.capacity })}`
                  : null}
              </p>
              <p className="hint">
                {t("session.window", {
                  start: formatDateTime(session.registrationOpensAt, lang),
                  end: formatDateTime(session.registrationClosesAt, lang),
                })}
              </p>
              <LotteryNotice session={session} />
              <SessionAction session={session} />
            </li>
          ))}
        </ol>
      </section>

      <FairnessRules
        rules={data.allocationRules}
        hasLottery={data.sessions.some((session) => session.allocation === "lottery")}
      />

      <EligibilityPanel
        requirements={program.requirements}
        verdict={data.verdict}
        profileHref={data.profileHref}
        loginHref={`/login?redirectTo=${encodeURIComponent(`/events/${program.slug}`)}`}
        headingId="eligibility-title"
      />

      <section aria-labelledby="facts-title">
        <h2 id="facts-title">{t("page.facts")}</h2>
        <dl className="facts">
          <dt>{t("page.host")}</dt>
          <dd>
            <Localized of={program.organization} />
            {program.organization.phone ? ` (${program.organization.phone})` : null}
          </dd>
          {venue ? (
            <>
              <dt>{t("page.venue")}</dt>
              <dd>
                {program.place ? <Link to={`/places/${program.place.slug}`}>{venue}</Link> : venue}
                {program.place ? (
                  <>
                    <br />
                    <Localized of={program.place} field="address" />
                  </>
                ) : null}
              </dd>
            </>
          ) : null}
          {program.district ? (
            <>
              <dt>{t("page.district")}</dt>
              <dd>{t(`districts:${program.district as "mapo"}`)}</dd>
            </>
          ) : null}
          <dt>{t("page.format")}</dt>
          <dd>{t(`format.${program.format as "online"}`)}</dd>
          {program.onlineUrl ? (
            <>
              <dt>{t("page.onlineLink")}</dt>
              <dd>
                <a href={program.onlineUrl} rel="noopener noreferrer">
                  {program.onlineUrl}
                </a>
              </dd>
            </>
          ) : null}
          <dt>{t("page.languages")}</dt>
          <dd>{program.languages.map((code) => t(`language.${code as "ko"}`)).join(", ")}</dd>
          {localized(program.accessibility, lang) ? (
            <>
              <dt>{t("page.accessibility")}</dt>
              <dd>
                <Localized of={program.accessibility} />
              </dd>
            </>
          ) : null}
        </dl>
      </section>

      <section aria-labelledby="about-title">
        <h2 id="about-title">{t("page.about")}</h2>
        <p className="prose">
          <Localized of={program.description} />
        </p>
      </section>
    </article>
  );
}

type SessionView = ReturnType<typeof useLoaderData<typeof loader>>["sessions"][number];

/** What the resident can do with one session: register, cancel, log in, or nothing (and why). */
function SessionAction({ session }: { session: SessionView }) {
  const { t } = useTranslation("events");
  const data = useLoaderData<typeof loader>();
  if (session.registered) {
    return (
      <>
        <p className="notice success">{t("page.registered")}</p>
        <p>
          <a href={`/events/${data.program.slug}/${session.id}/calendar.ics`} download>
            {t("page.addToCalendar")}
          </a>
        </p>
        {session.state !== "past" ? (
          <Form method="post">
            <input type="hidden" name="sessionId" value={session.id} />
            <button type="submit" name="intent" value="cancel" className="button">
              {t("page.cancel")}
            </button>
          </Form>
        ) : null}
      </>
    );
  }
  const lotteryOrFull = session.allocation === "lottery" || session.state === "full";
  if (session.standing || (data.loggedIn && data.verdict?.eligible !== false && lotteryOrFull))
    return (
      <AllocationAction session={session} offerHoldHours={data.allocationRules.offerHoldHours} />
    );
  if (session.state !== "open") return null;
  if (!data.loggedIn) {
    return (
      <Link
        to={`/login?redirectTo=${encodeURIComponent(`/events/${data.program.slug}`)}`}
        className="button primary"
      >
        {t("page.loginToRegister")}
      </Link>
    );
  }
  if (data.verdict && !data.verdict.eligible) return <p>{t("page.notEligibleNotice")}</p>;
  return (
    <Form method="post">
      <input type="hidden" name="sessionId" value={session.id} />
      <button type="submit" name="intent" value="register" className="button primary">
        {t("page.register")}
      </button>
    </Form>
  );
}
