import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import type { z } from "zod";
import {
  asTextField,
  CheckboxGroup,
  Confirmation,
  ErrorSummary,
  RadioGroup,
  useFormConstraint,
} from "~/components/ui/form";
import { OPTIONAL_TOPICS } from "~/domain/notifications/catalog";
import { maskMobile } from "~/domain/notifications/phone";
import {
  getMessagePreferences,
  saveMessagePreferences,
} from "~/domain/notifications/preferences.server";
import { MessagePreferencesSchema } from "~/domain/notifications/schema";
import { requireUser } from "~/utils/auth.server";
import { formConstraint } from "~/utils/form-constraint.server";
import { invalid, invariantResponse, notFound, refused } from "~/utils/http.server";
import { pageTitle } from "~/utils/meta";
import { clientIp, readFormData } from "~/utils/request.server";

export const handle = { i18n: ["account", "validation"] };
export const meta: MetaFunction = (args) => pageTitle(args, "messages");

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const preferences = await getMessagePreferences(user.id);
  invariantResponse(preferences, notFound);
  return {
    constraint: formConstraint(MessagePreferencesSchema),
    preferences: {
      ...preferences,
      phone: preferences.phone ? maskMobile(preferences.phone) : null,
    },
  };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const submission = parseWithZod(await readFormData(request), {
    schema: MessagePreferencesSchema,
  });
  if (submission.status !== "success") return invalid(submission);
  const result = await saveMessagePreferences(user.id, submission.value, { ip: clientIp(context) });
  if (!result.ok) {
    return refused(result, {
      submission,
      reply: { fieldErrors: { channels: [`account:messages.refusal.${result.code}`] } },
    });
  }
  return data({ result: submission.reply(), refusal: null, saved: true });
}

export default function MessagePreferencesPage() {
  const { t } = useTranslation(["account"]);
  const { preferences } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const [form, fields] = useForm<z.input<typeof MessagePreferencesSchema>>({
    id: "message-preferences",
    lastResult: actionData?.result,
    defaultValue: { channels: preferences.channels, topics: preferences.wantedTopics },
    constraint: useFormConstraint(),
  });
  return (
    <section className="page narrow" aria-labelledby="messages-title">
      <h1 id="messages-title">{t("messages.title")}</h1>
      {actionData && "saved" in actionData ? (
        <Confirmation>{t("messages.saved")}</Confirmation>
      ) : null}
      <p>{t("messages.intro")}</p>
      <dl className="facts">
        <dt>{t("messages.email")}</dt>
        <dd>{preferences.email}</dd>
        <dt>{t("messages.phone")}</dt>
        <dd>
          {preferences.phone
            ? `${preferences.phone} · ${t(preferences.phoneVerified ? "messages.phoneVerified" : "messages.phoneNotVerified")}`
            : t("messages.noPhone")}{" "}
          <Link to="/account/phone">
            {t(preferences.phoneVerified ? "messages.changePhone" : "messages.verifyPhone")}
          </Link>
        </dd>
      </dl>
      <Form method="post" {...getFormProps(form)} className="stack">
        <ErrorSummary form={form} />
        <RadioGroup
          field={fields.channels}
          legend={t("messages.channels")}
          options={(["email", "sms", "both"] as const).map((value) => ({
            value,
            label: t(`messages.channel.${value}`),
          }))}
        />
        {!preferences.phoneVerified ? <p className="hint">{t("messages.textsNeedPhone")}</p> : null}
        <CheckboxGroup
          field={asTextField(fields.topics)}
          legend={t("messages.topics")}
          hint={t("messages.topicsHint")}
          options={OPTIONAL_TOPICS.map((topic) => ({
            value: topic,
            label: t(`messages.topic.${topic}`),
          }))}
        />
        <section aria-labelledby="messages-required">
          <h2 id="messages-required">{t("messages.requiredTitle")}</h2>
          <p>{t("messages.required")}</p>
        </section>
        <button
          type="submit"
          className="button primary"
          disabled={navigation.state === "submitting"}
        >
          {t("messages.save")}
        </button>
      </Form>
    </section>
  );
}
