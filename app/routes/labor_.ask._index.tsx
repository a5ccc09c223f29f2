// Ask a labor-rights center without an account (decision 0025): a short form that works without
// JavaScript; on success the case code and passphrase, shown once.
import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import type { z } from "zod";
import {
  CheckboxField,
  ErrorSummary,
  FieldErrors,
  RadioGroup,
  TextAreaField,
  TextField,
  useFormConstraint,
} from "~/components/ui/form";
import {
  ANSWERED_KEEP_DAYS,
  ASK_TOPICS,
  CONTACT_KINDS,
  OPEN_KEEP_DAYS,
  QUESTION_MAX,
} from "~/domain/labor/ask";
import { AskPrefillSchema, AskSchema } from "~/domain/labor/ask-schema";
import {
  askQuestion,
  DEFAULT_CENTER,
  formStamp,
  listAskCenters,
} from "~/domain/labor/questions.server";
import { messageWithValues } from "~/domain/shared/message-values";
import { now } from "~/utils/clock.server";
import { formConstraint } from "~/utils/form-constraint.server";
import { invalid, refused } from "~/utils/http.server";
import { getLocale } from "~/utils/i18n.server";
import { isSupportedLanguage } from "~/utils/i18n";
import { pageTitle } from "~/utils/meta";
import { clientIp, readFormData } from "~/utils/request.server";
import { Localized } from "~/components/localized";

export const handle = { i18n: ["labor", "validation"] };
export const meta: MetaFunction = (args) => pageTitle(args, "laborAsk");

const CENTER_GROUPS = ["city", "emotional_labor", "ombudsman", "district"] as const;

export async function loader({ request }: LoaderFunctionArgs) {
  const prefill = AskPrefillSchema.parse(
    Object.fromEntries(new URL(request.url).searchParams.entries()),
  );
  const centers = await listAskCenters(await getLocale(request));
  return {
    constraint: formConstraint(AskSchema),
    centers,
    prefill: {
      topic: prefill.topic,
      question: prefill.summary,
      center: centers.some((c) => c.slug === prefill.center) ? prefill.center : DEFAULT_CENTER,
    },
    // when the form was shown, signed: a form sent back faster than a person types is refused
    stamp: formStamp(),
  };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const formData = await readFormData(request);
  const submission = parseWithZod(formData, { schema: AskSchema });
  if (submission.status !== "success") return invalid(submission);
  const locale = await getLocale(request);
  const outcome = await askQuestion({
    value: submission.value,
    language: isSupportedLanguage(locale) ? locale : "ko",
    ip: clientIp(context),
    now: now(),
  });
  if (!outcome.ok) {
    const message =
      outcome.code === "rateLimited"
        ? messageWithValues("labor:ask.refusal.rateLimited", {
            minutes: Math.ceil((outcome.retryAfterSeconds ?? 60) / 60),
          })
        : `labor:ask.refusal.${outcome.code}`;
    return refused(outcome, {
      submission,
      reply:
        outcome.code === "unknownPlace"
          ? { fieldErrors: { center: [message] } }
          : { formErrors: [message] },
    });
  }
  // The passphrase is on this answer only: never kept by a cache or the browser's history.
  const received: Received = {
    code: outcome.code,
    passphrase: outcome.passphrase,
    contacted: submission.value.contactKind !== "none",
  };
  return data(
    { result: null, refusal: null, received },
    { headers: { "Cache-Control": "no-store" } },
  );
}

type Received = { code: string; passphrase: string; contacted: boolean };

export default function AskQuestion() {
  const { t } = useTranslation(["labor", "common"]);
  const actionData = useActionData<typeof action>();
  const received =
    actionData && "received" in actionData ? (actionData.received as Received) : null;
  return (
    <section className="page narrow" aria-labelledby="ask-title">
      <p className="no-print">
        <Link to="/labor">{t("common:titles.labor")}</Link>
      </p>
      {received ? (
        <Received {...received} />
      ) : (
        <>
          <h1 id="ask-title">{t("ask.title")}</h1>
          <p className="lead">{t("ask.lead")}</p>
          <p>{t("ask.noAccount")}</p>
          <p className="hint">{t("ask.urgent")}</p>
          <AskForm />
        </>
      )}
    </section>
  );
}

function AskForm() {
  const { t } = useTranslation(["labor", "validation"]);
  const { centers, prefill, stamp } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const busy = useNavigation().state === "submitting";
  const [form, fields] = useForm<z.input<typeof AskSchema>>({
    id: "ask",
    lastResult: actionData && "result" in actionData ? actionData.result : undefined,
    defaultValue: { topic: prefill.topic, question: prefill.question, center: prefill.center },
    constraint: useFormConstraint(),
    shouldValidate: "onSubmit",
  });
  const currentCenter = fields.center.initialValue ?? prefill.center;
  return (
    <Form method="post" {...getFormProps(form)} className="stack">
      <ErrorSummary form={form} />
      {prefill.question && !actionData ? <p className="notice">{t("ask.fromCalculator")}</p> : null}
      <input type="hidden" name="stamp" value={stamp} />
      <RadioGroup
        field={fields.topic}
        legend={t("ask.topic")}
        options={ASK_TOPICS.map((topic) => ({ value: topic, label: t(`ask.topics.${topic}`) }))}
      />
      <TextAreaField
        field={fields.question}
        label={t("ask.question")}
        hint={t("ask.questionHint", { max: QUESTION_MAX })}
        rows={8}
        maxLength={QUESTION_MAX}
        counter={(count) => t("ask.counter", { count, max: QUESTION_MAX })}
      />
      <RadioGroup
        field={fields.contactKind}
        legend={t("ask.contact")}
        options={CONTACT_KINDS.map((kind) => ({
          value: kind,
          label: t(`ask.contactKinds.${kind}`),
        }))}
      />
      <p className="hint">{t("ask.contactHint")}</p>
      <TextField
        field={fields.phone}
        label={t("ask.phone")}
        hint={t("ask.phoneHint")}
        type="tel"
        autoComplete="tel"
        inputMode="tel"
      />
      <TextField
        field={fields.email}
        label={t("ask.email")}
        hint={t("ask.emailHint")}
        type="email"
        autoComplete="email"
        inputMode="email"
      />
      <fieldset
        id={fields.center.id}
        className="field radio-group"
        aria-describedby={fields.center.errors ? fields.center.errorId : `${fields.center.id}-hint`}
      >
        <legend id={`${fields.center.id}-label`}>{t("ask.center")}</legend>
        <p id={`${fields.center.id}-hint`} className="hint">
          {t("ask.centerHint")}
        </p>
        {CENTER_GROUPS.map((group) => {
          const members = centers.filter((c) => c.subKind === group);
          if (members.length === 0) return null;
          return (
            <div key={group} className="radio-subgroup">
              <p className="eyebrow">{t(`ask.centerGroup.${group}`)}</p>
              {members.map((center) => (
                <div key={center.slug} className="radio">
                  <input
                    type="radio"
                    id={`${fields.center.id}-${center.slug}`}
                    name={fields.center.name}
                    value={center.slug}
                    defaultChecked={currentCenter === center.slug}
                    key={`${fields.center.key ?? ""}-${center.slug}`}
                  />
                  <label htmlFor={`${fields.center.id}-${center.slug}`}>
                    <Localized of={center} field="name" />
                  </label>
                </div>
              ))}
            </div>
          );
        })}
        <FieldErrors id={fields.center.errorId} errors={fields.center.errors} />
      </fieldset>
      {/* The honeypot: hidden from people and screen readers; a script filling every field fills it. */}
      <div className="visually-hidden" aria-hidden="true">
        <label htmlFor="ask-website">{t("ask.honeypot")}</label>
        <input type="text" id="ask-website" name="website" tabIndex={-1} autoComplete="off" />
      </div>
      <section aria-labelledby="ask-privacy" className="notice">
        <h2 id="ask-privacy">{t("ask.privacyTitle")}</h2>
        <p>{t("ask.privacy", { answeredDays: ANSWERED_KEEP_DAYS, openDays: OPEN_KEEP_DAYS })}</p>
      </section>
      <CheckboxField field={fields.consent} label={t("ask.consent")} />
      <button type="submit" className="button primary" disabled={busy}>
        {busy ? t("ask.sending") : t("ask.send")}
      </button>
    </Form>
  );
}

/** The code and passphrase, shown once, to write down or print. */
function Received({ code, passphrase, contacted }: Received) {
  const { t } = useTranslation("labor");
  const path = `/labor/ask/${code}`;
  return (
    <>
      <h1 id="ask-title">{t("ask.received.title")}</h1>
      <div
        role="status"
        className="notice success"
        tabIndex={-1}
        data-arrival-focus=""
        // eslint-disable-next-line jsx-a11y/no-autofocus -- the page's news, where reading starts
        autoFocus
      >
        <p>{t("ask.received.lead")}</p>
        <dl className="facts">
          <dt>{t("ask.received.code")}</dt>
          <dd>
            <strong className="case-code" data-testid="case-code">
              {code}
            </strong>
          </dd>
          <dt>{t("ask.received.passphrase")}</dt>
          <dd>
            <strong className="case-code" data-testid="passphrase">
              {passphrase}
            </strong>
          </dd>
          <dt>{t("ask.received.where")}</dt>
          <dd>
            <Link to={path}>{path}</Link>
          </dd>
        </dl>
      </div>
      <p>{t(contacted ? "ask.received.contactNote" : "ask.received.noContactNote")}</p>
      <p className="hint no-print">{t("ask.received.print")}</p>
      <p className="no-print">
        <Link to={path} className="button">
          {t("ask.received.check")}
        </Link>
      </p>
    </>
  );
}
