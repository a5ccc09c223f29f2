import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { Confirmation } from "~/components/ui/form";
import { muteTopic, readUnsubscribeToken } from "~/domain/notifications/unsubscribe.server";
import { invariantResponse, notFound } from "~/utils/http.server";
import { pageTitle } from "~/utils/meta";

export const handle = { i18n: ["account"] };
export const meta: MetaFunction = (args) => pageTitle(args, "unsubscribe");

/**
 * The link at the foot of an optional e-mail. Opening it changes nothing (mail scanners open
 * links); the button, or a mail client's one-click POST (RFC 8058), turns the topic off. The
 * signed token is the only credential: no login needed.
 */
export async function loader({ params }: LoaderFunctionArgs) {
  const named = readUnsubscribeToken(params.token ?? "");
  invariantResponse(named, notFound);
  return { topic: named.topic };
}

export async function action({ params }: ActionFunctionArgs) {
  const named = readUnsubscribeToken(params.token ?? "");
  invariantResponse(named, notFound);
  invariantResponse(await muteTopic(named.residentId, named.topic), notFound);
  return { done: true };
}

export default function UnsubscribePage() {
  const { t } = useTranslation(["account"]);
  const { topic } = useLoaderData<typeof loader>();
  const done = useActionData<typeof action>()?.done;
  const topicName = t(`messages.topic.${topic}`);
  return (
    <section className="page narrow" aria-labelledby="unsubscribe-title">
      <h1 id="unsubscribe-title">{t("unsubscribe.title")}</h1>
      {done ? (
        <Confirmation>{t("unsubscribe.done", { topic: topicName })}</Confirmation>
      ) : (
        <>
          <p>{t("unsubscribe.question", { topic: topicName })}</p>
          <Form method="post">
            <button type="submit" className="button primary">
              {t("unsubscribe.submit")}
            </button>
          </Form>
        </>
      )}
      <p>
        {t("unsubscribe.required")} <Link to="/account/messages">{t("unsubscribe.settings")}</Link>
      </p>
    </section>
  );
}
