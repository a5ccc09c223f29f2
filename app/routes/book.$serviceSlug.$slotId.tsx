import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { IneligibleNotice } from "~/components/booking/eligibility";
import { PrivacyNotice } from "~/components/booking/privacy-notice";
import { RefusalAlert } from "~/components/booking/refusal";
import { usePlacesLeft, useTimeRange } from "~/components/booking/time-text";
import {
  CheckboxField,
  Confirmation,
  ErrorSummary,
  RadioGroup,
  SelectField,
  TextAreaField,
  TextField,
  useFormConstraint,
} from "~/components/ui/form";
import {
  BookSchema,
  LaborBookSchema,
  LaborChoiceSchema,
  recordId,
  type LaborBookInput,
} from "~/domain/booking/schema";
import { bookingRules } from "~/domain/booking/capacity.server";
import { bookSlot } from "~/domain/booking/book.server";
import {
  findBookingTarget,
  findBookingTargetToShow,
  isLaborConsultation,
  residentSlotContext,
  toTimeChoice,
} from "~/domain/booking/reads.server";
import { joinWaitlist } from "~/domain/booking/waitlist.server";
import {
  applicationFor,
  applyForSlot,
  withdrawSlotApplication,
} from "~/domain/booking/lottery.server";
import { slotDrawAt } from "~/domain/booking/rules";
import { getEnv } from "~/utils/env.server";
import { DESCRIPTION_MAX, LABOR_TOPICS, type Channel } from "~/domain/booking/types";
import { useRootData } from "~/utils/root-data";
import { refusedBooking } from "~/routes-support/booking.server";
import { getUser, requireUser } from "~/utils/auth.server";
import { now } from "~/utils/clock.server";
import { formatCalendarDate, formatDateTime } from "~/utils/format";
import { invalid, invariantResponse, notFound } from "~/utils/http.server";
import { pageTitle } from "~/utils/meta";
import { clientIp, readFormData, singleField } from "~/utils/request.server";
import { seoulDate } from "~/domain/shared/seoul-time";
import { formConstraint } from "~/utils/form-constraint.server";
import type { z } from "zod";
import { Localized } from "~/components/localized";

export const handle = { i18n: ["booking", "eligibility", "districts", "account", "validation"] };
export const meta: MetaFunction = (args) => pageTitle(args, "bookSlot");

/** The slot asked for: read afresh for a form (`decide`), its service shared for the page. */
async function requireTarget(params: LoaderFunctionArgs["params"], use: "decide" | "show") {
  const slotId = recordId.safeParse(params.slotId);
  const find = use === "decide" ? findBookingTarget : findBookingTargetToShow;
  const target = slotId.success ? await find(params.serviceSlug ?? "", slotId.data) : null;
  invariantResponse(target, notFound);
  return target;
}

/** The booking's last step: details, eligibility, the rules that apply, and the confirm form. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const target = await requireTarget(params, "show");
  const user = await getUser(request);
  const url = new URL(request.url);
  const current = now();
  const context = user ? await residentSlotContext(user.id, target, current) : null;
  const prefill = LaborChoiceSchema.parse(Object.fromEntries(url.searchParams.entries()));
  const rules = bookingRules();
  const { eligibility: _criteria, ...service } = target.service;
  const drawAt = slotDrawAt(target.startsAt, service.drawLeadHours);
  const lottery =
    service.allocation === "lottery"
      ? {
          drawAt: drawAt.toISOString(),
          closed: drawAt <= current,
          drawn: target.draw !== null,
          application: user ? await applicationFor(user.id, target.id) : null,
          noShowMonths: getEnv().EVENTS_NO_SHOW_MONTHS,
        }
      : null;
  return {
    lottery,
    constraint: formConstraint(LaborBookSchema),
    service,
    slot: toTimeChoice(target, current),
    // the slot's Seoul day, worked out here so that the page's JavaScript need not carry the zone rules
    slotDay: seoulDate(target.startsAt),
    labor: isLaborConsultation(service),
    loggedIn: user !== null,
    context,
    prefill: { topic: prefill.topic, channel: prefill.channel, note: prefill.note },
    // A new token for each rendered form: a resent form makes one booking.
    idempotencyKey: crypto.randomUUID(),
    rules: {
      max: rules.maxPerKind,
      holdHours: rules.holdMinutes / 60,
      leadMinutes: rules.leadMinutes,
    },
    joined: url.searchParams.has("joined"),
    withdrawn: url.searchParams.has("withdrawn"),
    back: `${url.pathname}${url.search}`,
  };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const target = await requireTarget(params, "decide");
  const { service } = target;
  const formData = await readFormData(request);
  const current = now();
  const intent = singleField(formData, "intent");
  if (intent === "apply") {
    const outcome = await applyForSlot({
      residentId: user.id,
      serviceSlug: service.slug,
      slotId: target.id,
      now: current,
      ip: clientIp(context),
    });
    if (outcome.ok) return redirect(`/book/${service.slug}/${target.id}`);
    return refusedBooking(outcome);
  }
  if (intent === "withdraw") {
    const id = recordId.safeParse(singleField(formData, "applicationId"));
    const outcome = id.success
      ? await withdrawSlotApplication(user.id, id.data, current, clientIp(context))
      : ({ ok: false, code: "notLive" } as const);
    if (outcome.ok) return redirect(`/book/${service.slug}/${target.id}?withdrawn=1`);
    return refusedBooking(outcome, undefined, undefined, "application");
  }
  if (intent === "waitlist") {
    const outcome = await joinWaitlist({
      residentId: user.id,
      serviceSlug: service.slug,
      slotId: target.id,
      now: current,
    });
    if (outcome.ok) return redirect(`/book/${service.slug}/${target.id}?joined=1`);
    return refusedBooking(outcome, undefined, undefined, "waitlist");
  }
  const labor = isLaborConsultation(service);
  const submission = labor
    ? parseWithZod(formData, { schema: LaborBookSchema })
    : parseWithZod(formData, { schema: BookSchema });
  if (submission.status !== "success") return invalid(submission);
  const value = submission.value;
  const outcome = await bookSlot({
    residentId: user.id,
    serviceSlug: service.slug,
    slotId: target.id,
    target,
    idempotencyKey: value.idempotencyKey,
    // Labor consultations were parsed with LaborBookSchema above.
    labor: labor ? laborDetails(value as LaborBookInput) : undefined,
    now: current,
    ip: clientIp(context),
  });
  if (outcome.ok) return redirect(`/bookings/${outcome.bookingId}?confirmed=1`);
  if (outcome.code === "phoneRequired")
    return refusedBooking(outcome, submission, {
      fieldErrors: { phone: ["booking:errors.phoneRequired"] },
    });
  return refusedBooking(outcome, submission);
}

function laborDetails({ topic, channel, description, phone }: LaborBookInput) {
  return { topic, channel, description, phone };
}

export default function SlotPage() {
  const { t } = useTranslation("booking");
  const loaded = useLoaderData<typeof loader>();
  const { service, slot, context, loggedIn, labor, rules } = loaded;
  const actionData = useActionData<typeof action>();
  const locale = useRootData()?.locale ?? "ko";
  const left = usePlacesLeft();
  const range = useTimeRange();
  const place = service.place;
  const blockedByRules =
    context !== null &&
    (!context.verdict.eligible ||
      context.bookingId !== null ||
      context.overlappingBookingId !== null ||
      context.limitReached);
  const lottery = loaded.lottery;
  const awaitsDraw = lottery !== null && !lottery.drawn;
  const canBook =
    loggedIn &&
    !blockedByRules &&
    !awaitsDraw &&
    (slot.state === "open" || context?.heldOfferUntil != null);
  return (
    <section className="page narrow booking" aria-labelledby="slot-title">
      <p className="eyebrow">
        <Localized of={service} field="name" />
      </p>
      <h1 id="slot-title">{t("slot.title")}</h1>
      {loaded.joined && context?.waitlistEntryId ? (
        <Confirmation>{t("slot.joined")}</Confirmation>
      ) : null}
      {actionData?.refusal ? <RefusalAlert refusal={actionData.refusal} /> : null}
      <dl className="facts">
        <dt>{t("slot.service")}</dt>
        <dd>
          <Localized of={service} field="name" />
        </dd>
        <dt>{t("slot.where")}</dt>
        <dd>
          <Localized of={place} field="name" />
          <br />
          <Localized of={place} field="address" />
        </dd>
        <dt>{t("slot.when")}</dt>
        <dd>
          {formatCalendarDate(loaded.slotDay, locale, "full")} {range(slot)}
        </dd>
        <dt>{t("slot.places")}</dt>
        <dd>{left(slot)}</dd>
      </dl>

      {!loggedIn ? (
        <p className="notice">
          {t("slot.loginToBook")}{" "}
          <Link to={`/login?redirectTo=${encodeURIComponent(loaded.back)}`}>{t("slot.login")}</Link>
          {" · "}
          <Link to={`/signup?redirectTo=${encodeURIComponent(loaded.back)}`}>
            {t("slot.signup")}
          </Link>
        </p>
      ) : null}
      {context && !context.verdict.eligible ? (
        <IneligibleNotice reasons={context.verdict.reasons} />
      ) : null}
      {context?.bookingId ? (
        <p className="notice success">
          {t("slot.alreadyBooked")}{" "}
          <Link to={`/bookings/${context.bookingId}`}>{t("slot.viewBooking")}</Link>
        </p>
      ) : null}
      {context?.overlappingBookingId && !context.bookingId ? (
        <p className="notice">
          {t("slot.overlap")}{" "}
          <Link to={`/bookings/${context.overlappingBookingId}`}>{t("slot.viewBooking")}</Link>
        </p>
      ) : null}
      {context?.limitReached && !context.bookingId ? (
        <p className="notice">
          {t("slot.limit", { max: rules.max })} <Link to="/bookings">{t("slot.myBookings")}</Link>
        </p>
      ) : null}
      {slot.state === "past" || slot.state === "blocked" ? (
        <p className="notice">
          {t(slot.state === "past" ? "slot.pastNotice" : "slot.blockedNotice")}
        </p>
      ) : null}
      {context?.heldOfferUntil ? (
        <p className="notice success">
          {t("slot.heldOffer", { until: formatDateTime(context.heldOfferUntil, locale) })}
        </p>
      ) : null}

      {awaitsDraw && (slot.state === "open" || slot.state === "full") ? (
        <LotteryPanel canApply={loggedIn && !blockedByRules} />
      ) : null}
      {lottery?.application?.status === "won" ? (
        <p className="notice success">{t("lottery.won")}</p>
      ) : null}
      {lottery?.application?.status === "wonCancelled" ? (
        <p className="notice">{t("lottery.wonCancelled")}</p>
      ) : null}
      {lottery?.application?.status === "waitlisted" ? (
        <p className="notice">{t("lottery.waitlisted")}</p>
      ) : null}
      {canBook ? (
        labor ? (
          <LaborBookingForm />
        ) : (
          <BookingForm idempotencyKey={loaded.idempotencyKey} />
        )
      ) : null}
      {slot.state === "full" && !awaitsDraw && !context?.heldOfferUntil && !context?.bookingId ? (
        <WaitlistPanel />
      ) : null}
      <p>
        <Link to={`/book/${service.slug}`}>{t("slot.otherTimes")}</Link>
      </p>
    </section>
  );
}

/** A slot of a lottery service before its draw: apply, or see and withdraw one's application. */
function LotteryPanel({ canApply }: { canApply: boolean }) {
  const { t } = useTranslation("booking");
  const { lottery, withdrawn } = useLoaderData<typeof loader>();
  const locale = useRootData()?.locale ?? "ko";
  const navigation = useNavigation();
  const busy = navigation.state === "submitting";
  if (!lottery) return null;
  const drawAt = formatDateTime(lottery.drawAt, locale);
  const application = lottery.application;
  return (
    <section className="stack" aria-labelledby="lottery-title">
      <h2 id="lottery-title">{t("lottery.badge")}</h2>
      {withdrawn && !application ? <Confirmation>{t("lottery.withdrawn")}</Confirmation> : null}
      <p>{t("lottery.slotNotice", { drawAt })}</p>
      {application?.status === "applied" ? (
        <>
          <p className="notice success" data-arrival-focus tabIndex={-1}>
            {t("lottery.applied", { drawAt })}
          </p>
          <Form method="post">
            <input type="hidden" name="intent" value="withdraw" />
            <input type="hidden" name="applicationId" value={application.id} />
            <button type="submit" className="button" disabled={busy}>
              {t("lottery.withdraw")}
            </button>
          </Form>
        </>
      ) : lottery.closed ? (
        <p className="notice">{t("lottery.drawPending")}</p>
      ) : canApply ? (
        <Form method="post">
          <input type="hidden" name="intent" value="apply" />
          <button type="submit" className="button primary" disabled={busy}>
            {busy ? t("lottery.applying") : t("lottery.apply")}
          </button>
        </Form>
      ) : null}
    </section>
  );
}

function BookingForm({ idempotencyKey }: { idempotencyKey: string }) {
  const { t } = useTranslation("booking");
  const navigation = useNavigation();
  const busy = navigation.state === "submitting";
  return (
    <Form method="post" className="stack">
      <input type="hidden" name="intent" value="book" />
      <input type="hidden" name="idempotencyKey" value={idempotencyKey} />
      <button type="submit" className="button primary" disabled={busy}>
        {busy ? t("slot.confirming") : t("slot.confirm")}
      </button>
    </Form>
  );
}

function LaborBookingForm() {
  const { t } = useTranslation(["booking", "validation"]);
  const { slot, prefill, idempotencyKey, context } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const busy = navigation.state === "submitting";
  const channels = slot.channels;
  const [form, fields] = useForm<z.input<typeof LaborBookSchema>>({
    id: "labor-booking",
    lastResult: actionData?.result,
    defaultValue: {
      topic: prefill.topic,
      description: prefill.note,
      channel:
        prefill.channel && channels.includes(prefill.channel)
          ? prefill.channel
          : channels.length === 1
            ? channels[0]
            : undefined,
    },
    constraint: useFormConstraint(),
  });
  return (
    <Form method="post" {...getFormProps(form)} className="stack">
      <ErrorSummary form={form} />
      <input type="hidden" name="intent" value="book" />
      <input type="hidden" name="idempotencyKey" value={idempotencyKey} />
      <SelectField
        field={fields.topic}
        label={t("labor.topic")}
        placeholder=""
        options={LABOR_TOPICS.map((topic) => ({ value: topic, label: t(`topic.${topic}`) }))}
      />
      <RadioGroup
        field={fields.channel}
        legend={t("labor.channelLabel")}
        options={channels.map((channel: Channel) => ({
          value: channel,
          label: t(`channel.${channel}`),
        }))}
      />
      {channels.includes("phone") && context && !context.hasPhone ? (
        <TextField
          field={fields.phone}
          label={t("labor.phone")}
          hint={t("labor.phoneHint")}
          type="tel"
          autoComplete="tel"
          inputMode="tel"
        />
      ) : null}
      <TextAreaField
        field={fields.description}
        label={t("labor.description")}
        hint={t("labor.descriptionHint", { max: DESCRIPTION_MAX })}
        rows={8}
        maxLength={DESCRIPTION_MAX}
        counter={(count) => t("labor.counter", { count, max: DESCRIPTION_MAX })}
      />
      <PrivacyNotice />
      <CheckboxField field={fields.consent} label={t("labor.consent")} />
      <button type="submit" className="button primary" disabled={busy}>
        {busy ? t("slot.confirming") : t("slot.confirm")}
      </button>
    </Form>
  );
}

function WaitlistPanel() {
  const { t } = useTranslation("booking");
  const { context, loggedIn, rules } = useLoaderData<typeof loader>();
  const navigation = useNavigation();
  const busy = navigation.state === "submitting";
  return (
    <section className="stack" aria-labelledby="full-title">
      <h2 id="full-title">{t("slot.fullTitle")}</h2>
      <p>{t("slot.waitlistIntro", { hours: rules.holdHours, lead: rules.leadMinutes })}</p>
      {context?.waitlistEntryId ? (
        <>
          <p className="notice">{t("slot.waiting")}</p>
          <Form method="post" action={`/bookings/waitlist/${context.waitlistEntryId}`}>
            <button type="submit" className="button">
              {t("slot.leaveWaitlist")}
            </button>
          </Form>
        </>
      ) : loggedIn && context?.verdict.eligible ? (
        <Form method="post">
          <input type="hidden" name="intent" value="waitlist" />
          <button type="submit" className="button primary" disabled={busy}>
            {busy ? t("slot.joining") : t("slot.joinWaitlist")}
          </button>
        </Form>
      ) : null}
    </section>
  );
}
