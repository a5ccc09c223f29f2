import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { IneligibleNotice } from "~/components/booking/eligibility";
import { RequirementList } from "~/components/booking/requirement-list";
import { DayList, LiveTimeList } from "~/components/booking/time-picker";
import { useTimeRange } from "~/components/booking/time-text";
import { isoDate } from "~/domain/shared/validation";
import { bookingRules } from "~/domain/booking/capacity.server";
import { getAvailability, sharedBookableService } from "~/domain/booking/reads.server";
import { judge } from "~/domain/eligibility/judge";
import { getCriteria, getProfileFacts } from "~/domain/eligibility/service.server";
import { seoulDate } from "~/domain/shared/seoul-time";
import { useRootData } from "~/utils/root-data";
import { getUser } from "~/utils/auth.server";
import { now } from "~/utils/clock.server";
import { sharedRead } from "~/utils/public-reads.server";
import { formatCalendarDate, formatDateTime } from "~/utils/format";
import { getEnv } from "~/utils/env.server";
import { invariantResponse, notFound } from "~/utils/http.server";
import { withSiteName } from "~/utils/meta";
import { localized } from "~/domain/shared/localized";
import { Localized } from "~/components/localized";
import { withFragments } from "~/components/localized-fragments";

export const handle = { i18n: ["booking", "eligibility", "districts", "account"] };

export const meta: MetaFunction<typeof loader> = (args) => {
  const root = args.matches.find((m) => m.id === "root")?.data as { locale?: string } | undefined;
  return withSiteName(
    args,
    args.data ? localized(args.data.service, root?.locale ?? "ko", "name") : "",
  );
};

/** A bookable service: who it is for, the days with free times and the times of one day. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  // what the service is and whom it is for is shared a few seconds; the times and places left
  // below are read for every request
  const service = await sharedBookableService(params.serviceSlug ?? "");
  invariantResponse(service, notFound);
  const date = isoDate.safeParse(new URL(request.url).searchParams.get("date")).data;
  const current = now();
  const user = await getUser(request);
  const [availability, criteria, facts] = await Promise.all([
    getAvailability(service.id, current, { date }),
    sharedRead(`criteria:${service.eligibilityId}`, () => getCriteria(service.eligibilityId)),
    user ? getProfileFacts(user.id) : null,
  ]);
  const rules = bookingRules();
  return {
    service,
    criteria,
    // For a logged-in resident: eligible today? (confirmed again for the slot's own day)
    verdict: facts ? judge(criteria, facts, seoulDate(current)) : null,
    availability,
    rules: { hours: rules.cutoffMinutes / 60, max: rules.maxPerKind },
    // decision 0031: a lottery service's times are applied for until their draw
    lottery:
      service.allocation === "lottery"
        ? { hours: service.drawLeadHours, months: getEnv().EVENTS_NO_SHOW_MONTHS, now: current }
        : null,
  };
}

export default function ServicePage() {
  const { t } = useTranslation("booking");
  const { service, criteria, verdict, availability, rules, lottery } =
    useLoaderData<typeof loader>();
  const locale = useRootData()?.locale ?? "ko";
  const range = useTimeRange();
  const base = `/book/${service.slug}`;
  return (
    <section className="page narrow booking" aria-labelledby="service-title">
      <p className="eyebrow">{t("service.eyebrow")}</p>
      <h1 id="service-title">
        <Localized of={service} field="name" />
      </h1>
      <p>
        {withFragments((fragment) =>
          t("service.at", { place: fragment(<Localized of={service.place} field="name" />) }),
        )}
      </p>
      <p>
        <Localized of={service} field="description" />
      </p>
      {service.durationMinutes ? (
        <p>{t("service.duration", { minutes: service.durationMinutes })}</p>
      ) : null}
      {service.yearlyLimitPerResident ? (
        <p>{t("service.yearlyLimit", { limit: service.yearlyLimitPerResident })}</p>
      ) : null}
      <RequirementList criteria={criteria} />
      {verdict && !verdict.eligible ? <IneligibleNotice reasons={verdict.reasons} /> : null}
      <p className="hint">
        {t("service.rules", rules)} {t("service.sample")}
      </p>
      {lottery ? <p className="notice">{t("lottery.serviceNotice", lottery)}</p> : null}

      <h2>{t("service.chooseDay")}</h2>
      {availability.days.length === 0 ? (
        <p className="notice">{t("service.noSlots")}</p>
      ) : (
        <DayList
          days={availability.days}
          selected={availability.date}
          hrefFor={(date) => `${base}?date=${date}`}
        />
      )}
      {availability.date ? (
        <>
          <h2>
            {t("picker.timesTitle", {
              date: formatCalendarDate(availability.date, locale, "full"),
            })}
          </h2>
          <LiveTimeList
            source={`${base}/availability?date=${availability.date}`}
            times={availability.times}
            action={(time) => {
              const drawAt = lottery
                ? new Date(Date.parse(time.startsAt) - lottery.hours * 3_600_000)
                : null;
              return drawAt && drawAt > new Date(lottery!.now) && time.state !== "blocked" ? (
                <Link
                  to={`${base}/${time.id}`}
                  aria-label={t("lottery.applyLabel", {
                    time: range(time),
                    drawAt: formatDateTime(drawAt.toISOString(), locale),
                  })}
                >
                  {t("lottery.applyShort", {
                    drawAt: formatDateTime(drawAt.toISOString(), locale),
                  })}
                </Link>
              ) : time.state === "open" ? (
                <Link
                  to={`${base}/${time.id}`}
                  aria-label={t("picker.chooseLabel", { time: range(time) })}
                >
                  {t("picker.choose")}
                </Link>
              ) : time.state === "full" ? (
                <Link
                  to={`${base}/${time.id}`}
                  aria-label={t("picker.waitlistLabel", { time: range(time) })}
                >
                  {t("picker.waitlist")}
                </Link>
              ) : null;
            }}
          />
        </>
      ) : null}
    </section>
  );
}
