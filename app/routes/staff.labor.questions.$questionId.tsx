// One question asked without an account, for the staff of its center (an admin: any): read it
// (audited), answer it in the asker's language when possible, and invite the asker to book a
// consultation (decision 0025).
import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import {
  Form,
  Link,
  useActionData,
  useLoaderData,
  useNavigation,
  useSearchParams,
} from "@remix-run/react";
import { useTranslation } from "react-i18next";
import type { z } from "zod";
import {
  CheckboxField,
  Confirmation,
  ErrorSummary,
  TextAreaField,
  useFormConstraint,
} from "~/components/ui/form";
import { ANSWER_MAX, languageOf } from "~/domain/labor/ask";
import { StaffAnswerSchema } from "~/domain/labor/ask-schema";
import {
  answerQuestion,
  canAnswerQuestions,
  openStaffQuestion,
} from "~/domain/labor/questions.server";
import { requireRecordId } from "~/routes-support/booking.server";
import { requireRole } from "~/utils/auth.server";
import { now } from "~/utils/clock.server";
import { formatDateTime } from "~/utils/format";
import { forbidden, invalid, invariantResponse, notFound } from "~/utils/http.server";
import { pageTitle } from "~/utils/meta";
import { clientIp, readFormData } from "~/utils/request.server";
import { useLocale } from "~/utils/i18n";
import { formConstraint } from "~/utils/form-constraint.server";
import { Localized } from "~/components/localized";

export const handle = { i18n: ["labor", "validation"] };
export const meta: MetaFunction = (args) => pageTitle(args, "staffLaborQuestion");

async function requireQuestionStaff(request: Request) {
  const user = await requireRole(request, ["staff", "admin"]);
  invariantResponse(canAnswerQuestions(user), forbidden);
  return user;
}

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const user = await requireQuestionStaff(request);
  const question = await openStaffQuestion(
    user,
    requireRecordId(params.questionId),
    clientIp(context),
  );
  invariantResponse(question, notFound);
  return { question, constraint: formConstraint(StaffAnswerSchema) };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const user = await requireQuestionStaff(request);
  const id = requireRecordId(params.questionId);
  const submission = parseWithZod(await readFormData(request), { schema: StaffAnswerSchema });
  if (submission.status !== "success") return invalid(submission);
  const outcome = await answerQuestion({
    user,
    id,
    answer: submission.value.answer,
    invite: submission.value.invite,
    now: now(),
    ip: clientIp(context),
  });
  // another center's question, or one deleted meanwhile: the same "not found"
  invariantResponse(outcome.ok, notFound);
  return redirect(`/staff/labor/questions/${id}?posted=1`);
}

export default function StaffLaborQuestion() {
  const { t } = useTranslation(["labor", "common"]);
  const { question } = useLoaderData<typeof loader>();
  const [searchParams] = useSearchParams();
  const locale = useLocale();
  const language = t(`ask.staff.languages.${languageOf(question.language)}`);
  return (
    <section className="page narrow" aria-labelledby="question-title">
      <p>
        <Link to="/staff/labor/questions">{t("ask.staff.back")}</Link>
      </p>
      <h1 id="question-title">{t("ask.staff.detailTitle", { code: question.code })}</h1>
      {searchParams.get("posted") ? <Confirmation>{t("ask.staff.posted")}</Confirmation> : null}
      <p className="hint">{t("ask.staff.audited")}</p>
      <p className="notice" data-testid="language-hint">
        {t("ask.staff.languageHint", { language })}
      </p>
      <dl className="facts">
        <dt>{t("ask.read.status")}</dt>
        <dd>{t(`ask.read.statuses.${question.status === "answered" ? "answered" : "open"}`)}</dd>
        <dt>{t("ask.staff.center")}</dt>
        <dd>
          <Localized of={question.place} field="name" />
        </dd>
        <dt>{t("ask.staff.topic")}</dt>
        <dd>{t(`ask.topics.${question.topic as "other"}`)}</dd>
        <dt>{t("ask.staff.asked")}</dt>
        <dd>{formatDateTime(question.createdAt, locale)}</dd>
        <dt>{t("ask.staff.contact")}</dt>
        <dd>
          {question.contactKind === "none"
            ? t("ask.staff.contactNone")
            : `${t(`ask.contactKinds.${question.contactKind === "email" ? "email" : "phone"}`)}: ${
                question.contact ?? t("ask.staff.contactUnreadable")
              }`}
        </dd>
        <dt>{t("ask.staff.language")}</dt>
        <dd>{language}</dd>
      </dl>
      <section aria-labelledby="the-question">
        <h2 id="the-question">{t("ask.staff.question")}</h2>
        <p className="message-body">{question.question ?? t("ask.read.unreadable")}</p>
      </section>
      <AnswerSection />
    </section>
  );
}

function AnswerSection() {
  const { t } = useTranslation(["labor", "validation"]);
  const { question } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>()?.result;
  const locale = useLocale();
  const busy = useNavigation().state === "submitting";
  const [form, fields] = useForm<z.input<typeof StaffAnswerSchema>>({
    id: "answer",
    lastResult,
    defaultValue: {
      answer: question.answer ?? undefined,
      invite: question.bookingInvitedAt ? "on" : undefined,
    },
    constraint: useFormConstraint(),
    shouldValidate: "onSubmit",
  });
  return (
    <section aria-labelledby="answer-title" className="stack">
      <h2 id="answer-title">{t("ask.staff.answerTitle")}</h2>
      {question.answeredAt ? (
        <p className="hint">
          {t("ask.staff.currentAnswer", {
            when: formatDateTime(question.answeredAt, locale),
            who: question.answeredBy?.name ?? "—",
          })}
        </p>
      ) : null}
      {question.bookingInvitedAt ? (
        <p className="hint">
          {t("ask.staff.invited", { when: formatDateTime(question.bookingInvitedAt, locale) })}
        </p>
      ) : null}
      <p className="hint">
        {question.lastReadAt
          ? t("ask.staff.readByAsker", { when: formatDateTime(question.lastReadAt, locale) })
          : t("ask.staff.notReadYet")}
      </p>
      <Form method="post" {...getFormProps(form)} className="stack">
        <ErrorSummary form={form} />
        <input type="hidden" name="intent" value="answer" />
        <TextAreaField
          field={fields.answer}
          label={t("ask.staff.answerField")}
          hint={t("ask.staff.answerHint")}
          rows={10}
          maxLength={ANSWER_MAX}
          counter={(count) => t("ask.counter", { count, max: ANSWER_MAX })}
        />
        <CheckboxField field={fields.invite} label={t("ask.staff.invite")} />
        <p className="hint">{t("ask.staff.inviteHint")}</p>
        <button type="submit" className="button primary" disabled={busy}>
          {t(question.status === "answered" ? "ask.staff.update" : "ask.staff.submit")}
        </button>
      </Form>
    </section>
  );
}
