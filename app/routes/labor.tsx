import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { PrivacyNotice } from "~/components/booking/privacy-notice";
import { DayList, LiveTimeList } from "~/components/booking/time-picker";
import { useTimeRange } from "~/components/booking/time-text";
import { LaborChoiceSchema } from "~/domain/booking/schema";
import {
  getAvailability,
  getBookableService,
  listLaborCenters,
} from "~/domain/booking/reads.server";
import { CHANNELS, LABOR_TOPICS } from "~/domain/booking/types";
import { LaborContactNow } from "~/components/places/contact-now";
import { laborCentersNow } from "~/domain/places/directory.server";
import { useRootData } from "~/utils/root-data";
import { getLocale } from "~/utils/i18n.server";
import { sharedRead } from "~/utils/public-reads.server";
import { now } from "~/utils/clock.server";
import { formatCalendarDate } from "~/utils/format";
import { pageTitle } from "~/utils/meta";
import { Localized } from "~/components/localized";

export const handle = { i18n: ["booking", "labor", "places"] };
export const meta: MetaFunction = (args) => pageTitle(args, "labor");

const CENTER_GROUPS = ["city", "emotional_labor", "ombudsman", "district"] as const;

/**
 * The labor-rights consultation finder: center → topic → channel, kept in the URL (a GET form),
 * then the times of that center in that channel. Details and consent are the booking's last step.
 */
export async function loader({ request }: LoaderFunctionArgs) {
  const choice = LaborChoiceSchema.parse(
    Object.fromEntries(new URL(request.url).searchParams.entries()),
  );
  const current = now();
  const locale = await getLocale(request);
  const [centers, contact] = await Promise.all([
    listLaborCenters(locale),
    sharedRead(`labor-now:${locale}:${current.toISOString().slice(0, 16)}`, () =>
      laborCentersNow({ now: current, locale }),
    ),
  ]);
  const center = centers.find((c) => c.slug === choice.center);
  const service =
    center && choice.topic && choice.channel ? await getBookableService(center.serviceSlug) : null;
  const availability =
    service && choice.channel
      ? await getAvailability(service.id, current, { date: choice.date, channel: choice.channel })
      : null;
  return { centers, choice, service, availability, contact };
}

export default function LaborConsultation() {
  const { t } = useTranslation("booking");
  const { t: tLabor } = useTranslation("labor");
  const { centers, choice, service, availability, contact } = useLoaderData<typeof loader>();
  const locale = useRootData()?.locale ?? "ko";
  const range = useTimeRange();
  const params = (extra: Record<string, string>) =>
    new URLSearchParams({
      ...(choice.center ? { center: choice.center } : {}),
      ...(choice.topic ? { topic: choice.topic } : {}),
      ...(choice.channel ? { channel: choice.channel } : {}),
      ...(choice.note ? { note: choice.note } : {}),
      ...extra,
    }).toString();
  return (
    <section className="page narrow booking" aria-labelledby="labor-title">
      <h1 id="labor-title">{t("labor.title")}</h1>
      <p className="lead">{t("labor.lead")}</p>
      <p className="notice">{t("labor.confidential")}</p>
      <LaborContactNow now={contact} />
      <ul className="link-list">
        <li>
          <Link to="/labor/calculators">{t("labor.calculators")}</Link>
        </li>
        <li>
          <Link to="/labor/guides">{tLabor("guides.link")}</Link>
        </li>
        <li>
          <Link to="/labor/ask">{t("labor.askWithoutAccount")}</Link>
        </li>
      </ul>

      <Form method="get" className="stack" aria-label={t("labor.steps")}>
        {choice.note ? (
          <>
            {/* a calculator's result, carried on to the booking form's description */}
            <input type="hidden" name="note" value={choice.note} />
            <p className="notice">{tLabor("calc.noteCarried")}</p>
          </>
        ) : null}
        <fieldset className="field radio-group">
          <legend>{t("labor.centerStep")}</legend>
          {CENTER_GROUPS.map((group) => {
            const members = centers.filter((c) => c.subKind === group);
            if (members.length === 0) return null;
            return (
              <div key={group} className="radio-subgroup">
                <p className="eyebrow">{t(`labor.centerGroup.${group}`)}</p>
                {members.map((center) => (
                  <div key={center.slug} className="radio">
                    <input
                      type="radio"
                      id={`center-${center.slug}`}
                      name="center"
                      value={center.slug}
                      defaultChecked={choice.center === center.slug}
                      required
                    />
                    <label htmlFor={`center-${center.slug}`}>
                      <Localized of={center} field="name" />
                    </label>
                  </div>
                ))}
              </div>
            );
          })}
        </fieldset>
        <fieldset className="field radio-group">
          <legend>{t("labor.topicStep")}</legend>
          {LABOR_TOPICS.map((topic) => (
            <div key={topic} className="radio">
              <input
                type="radio"
                id={`topic-${topic}`}
                name="topic"
                value={topic}
                defaultChecked={choice.topic === topic}
                required
              />
              <label htmlFor={`topic-${topic}`}>{t(`topic.${topic}`)}</label>
            </div>
          ))}
        </fieldset>
        <fieldset className="field radio-group">
          <legend>{t("labor.channelStep")}</legend>
          {CHANNELS.map((channel) => (
            <div key={channel} className="radio">
              <input
                type="radio"
                id={`channel-${channel}`}
                name="channel"
                value={channel}
                defaultChecked={choice.channel === channel}
                required
              />
              <label htmlFor={`channel-${channel}`}>{t(`channel.${channel}`)}</label>
            </div>
          ))}
        </fieldset>
        <button type="submit" className="button primary">
          {t("labor.showTimes")}
        </button>
      </Form>

      <section aria-labelledby="time-step" className="stack">
        <h2 id="time-step">{t("labor.timeStep")}</h2>
        {!service || !availability || !choice.channel ? (
          <p>{t("labor.chooseAll")}</p>
        ) : availability.days.length === 0 ? (
          <p className="notice">
            {t("labor.noTimesForChannel", { channel: t(`channel.${choice.channel}`) })}
          </p>
        ) : (
          <>
            <DayList
              days={availability.days}
              selected={availability.date}
              hrefFor={(date) => `/labor?${params({ date })}#time-step`}
            />
            {availability.date ? (
              <>
                <h3>
                  {t("picker.timesTitle", {
                    date: formatCalendarDate(availability.date, locale, "full"),
                  })}
                </h3>
                <LiveTimeList
                  source={`/book/${service.slug}/availability?date=${availability.date}&channel=${choice.channel}`}
                  times={availability.times}
                  action={(time) =>
                    time.state === "open" || time.state === "full" ? (
                      <Link
                        to={`/book/${service.slug}/${time.id}?${params({})}`}
                        aria-label={t(
                          time.state === "open" ? "picker.chooseLabel" : "picker.waitlistLabel",
                          { time: range(time) },
                        )}
                      >
                        {t(time.state === "open" ? "picker.choose" : "picker.waitlist")}
                      </Link>
                    ) : null
                  }
                />
              </>
            ) : null}
          </>
        )}
        <p className="hint">{t("labor.urgent")}</p>
      </section>

      <section aria-labelledby="details-step">
        <h2 id="details-step">{t("labor.detailsStep")}</h2>
        <PrivacyNotice heading="h3" />
      </section>
    </section>
  );
}
