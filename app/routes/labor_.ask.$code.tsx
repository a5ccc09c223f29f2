// A question asked without an account, read with its case code (in the address) and passphrase
// (POSTed, never in an address): the question, its status, the answer and, when the center invites
// the asker to a consultation, where to book it (decision 0025).
import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import type { z } from "zod";
import { ErrorSummary, TextField, useFormConstraint } from "~/components/ui/form";
import { displayCode, parseCaseCode } from "~/domain/labor/ask";
import { PassphraseSchema } from "~/domain/labor/ask-schema";
import { readQuestionAsAsker, type AskerView } from "~/domain/labor/questions.server";
import { messageWithValues } from "~/domain/shared/message-values";
import { now } from "~/utils/clock.server";
import { formatDateTime } from "~/utils/format";
import { formConstraint } from "~/utils/form-constraint.server";
import { invalid, invariantResponse, notFound, refused } from "~/utils/http.server";
import { pageTitle } from "~/utils/meta";
import { clientIp, readFormData } from "~/utils/request.server";
import { useRootData } from "~/utils/root-data";
import { Localized } from "~/components/localized";

export const handle = { i18n: ["labor", "validation"] };
export const meta: MetaFunction = (args) => pageTitle(args, "laborAskCase");

/** The code from the address; one that cannot be a code is "not found" (a real-looking one is not checked here). */
function requireCode(params: LoaderFunctionArgs["params"]): string {
  const code = parseCaseCode(params.code ?? "");
  invariantResponse(code, notFound);
  return code;
}

export function loader({ params }: LoaderFunctionArgs) {
  // No lookup: whether a code exists is told to nobody without its passphrase.
  return { code: displayCode(requireCode(params)), constraint: formConstraint(PassphraseSchema) };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const code = requireCode(params);
  const formData = await readFormData(request);
  const submission = parseWithZod(formData, { schema: PassphraseSchema });
  if (submission.status !== "success") return invalid(submission, { hideFields: ["passphrase"] });
  const outcome = await readQuestionAsAsker({
    code,
    passphrase: submission.value.passphrase,
    ip: clientIp(context),
    now: now(),
  });
  if (!outcome.ok) {
    const reply =
      outcome.code === "rateLimited"
        ? {
            formErrors: [
              messageWithValues("labor:ask.refusal.rateLimited", {
                minutes: Math.ceil((outcome.retryAfterSeconds ?? 60) / 60),
              }),
            ],
          }
        : { fieldErrors: { passphrase: ["labor:ask.errors.wrongPassphrase"] } };
    return refused(outcome, { submission, reply: { ...reply, hideFields: ["passphrase"] } });
  }
  return data(
    { result: null, refusal: null, question: outcome.question },
    { headers: { "Cache-Control": "no-store" } },
  );
}

export default function AskedQuestion() {
  const { t } = useTranslation(["labor", "common"]);
  const { code } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const question =
    actionData && "question" in actionData ? (actionData.question as AskerView) : null;
  return (
    <section className="page narrow" aria-labelledby="asked-title">
      <p className="no-print">
        <Link to="/labor">{t("common:titles.labor")}</Link>
      </p>
      <h1 id="asked-title">{t("ask.read.title", { code })}</h1>
      {question ? <QuestionView question={question} /> : <PassphraseForm />}
      <p className="no-print">
        <Link to="/labor/ask">{t("ask.read.another")}</Link>
      </p>
    </section>
  );
}

function PassphraseForm() {
  const { t } = useTranslation(["labor", "validation"]);
  const actionData = useActionData<typeof action>();
  const busy = useNavigation().state === "submitting";
  const [form, fields] = useForm<z.input<typeof PassphraseSchema>>({
    id: "passphrase",
    lastResult: actionData && "result" in actionData ? actionData.result : undefined,
    constraint: useFormConstraint(),
    shouldValidate: "onSubmit",
  });
  return (
    <Form method="post" {...getFormProps(form)} className="stack">
      <ErrorSummary form={form} />
      <p>{t("ask.read.lead")}</p>
      <TextField
        field={fields.passphrase}
        label={t("ask.read.passphrase")}
        hint={t("ask.read.passphraseHint")}
        type="password"
        autoComplete="off"
      />
      <button type="submit" className="button primary" disabled={busy}>
        {t("ask.read.submit")}
      </button>
      <p className="hint">{t("ask.read.lost")}</p>
    </Form>
  );
}

function QuestionView({ question }: { question: AskerView }) {
  const { t } = useTranslation("labor");
  const locale = useRootData()?.locale ?? "ko";
  return (
    <div
      className="stack"
      tabIndex={-1}
      data-arrival-focus=""
      // eslint-disable-next-line jsx-a11y/no-autofocus -- what the passphrase opened
      autoFocus
    >
      <dl className="facts">
        <dt>{t("ask.read.status")}</dt>
        <dd data-testid="question-status">{t(`ask.read.statuses.${question.status}`)}</dd>
        <dt>{t("ask.read.center")}</dt>
        <dd>
          <Localized of={question.center} field="name" />
        </dd>
        <dt>{t("ask.read.topic")}</dt>
        <dd>{t(`ask.topics.${question.topic}`)}</dd>
        <dt>{t("ask.read.asked")}</dt>
        <dd>{formatDateTime(question.createdAt, locale)}</dd>
      </dl>
      <section aria-labelledby="your-question">
        <h2 id="your-question">{t("ask.read.yourQuestion")}</h2>
        <p className="message-body">{question.question ?? t("ask.read.unreadable")}</p>
      </section>
      <section aria-labelledby="the-answer">
        <h2 id="the-answer">{t("ask.read.answer")}</h2>
        {question.status === "answered" ? (
          <>
            {question.answeredAt ? (
              <p className="hint">
                {t("ask.read.answeredAt", { when: formatDateTime(question.answeredAt, locale) })}
              </p>
            ) : null}
            <p className="message-body" data-testid="answer">
              {question.answer ?? t("ask.read.unreadable")}
            </p>
          </>
        ) : (
          <p>{t("ask.read.noAnswer")}</p>
        )}
      </section>
      {question.booking ? (
        <section aria-labelledby="booking-title" className="notice">
          <h2 id="booking-title">{t("ask.read.bookingTitle")}</h2>
          <p>{t("ask.read.booking")}</p>
          <p>
            <Link
              to={`/labor?${new URLSearchParams({
                center: question.booking.center,
                topic: question.booking.topic,
              }).toString()}`}
              className="button"
            >
              {t("ask.read.bookingLink")}
            </Link>
          </p>
        </section>
      ) : null}
      {question.center.phone ? (
        <p>{t("ask.read.callCenter", { phone: question.center.phone })}</p>
      ) : null}
    </div>
  );
}
