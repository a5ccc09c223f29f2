// /account/phone: a phone is verified with a one-time code before any text goes to it. Two steps,
// each a plain form that works without JavaScript: the number (a code is texted to it), then the
// code. The rules (mobile numbers only, limits, expiry, tries) are app/domain/residents.
import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { Confirmation, ErrorSummary, TextField, useFormConstraint } from "~/components/ui/form";
import {
  confirmPhoneCode,
  pendingPhoneCode,
  PHONE_CODE_MINUTES,
  phoneStatus,
  sendPhoneCode,
} from "~/domain/residents/phone-verification.server";
import { PhoneCodeSchema, PhoneNumberSchema } from "~/domain/residents/schema";
import { getProfile } from "~/domain/residents/service.server";
import { seoulParts } from "~/domain/shared/seoul-time";
import { requireUser } from "~/utils/auth.server";
import { now } from "~/utils/clock.server";
import { badRequest, invalid, refused } from "~/utils/http.server";
import { pageTitle } from "~/utils/meta";
import { clientIp, readFormData } from "~/utils/request.server";
import { formConstraint } from "~/utils/form-constraint.server";
import type { z } from "zod";

export const handle = { i18n: ["account", "validation"] };
export const meta: MetaFunction = (args) => pageTitle(args, "phone");

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const url = new URL(request.url);
  const [status, pending, profile] = await Promise.all([
    phoneStatus(user.id),
    pendingPhoneCode(user.id, now()),
    getProfile(user.id),
  ]);
  const verifiedNow = url.searchParams.has("verified");
  // the code step while a code is waiting, unless the resident chose another number
  const codeStep = pending && !url.searchParams.has("change") && !verifiedNow ? pending : null;
  return {
    constraint: formConstraint(codeStep ? PhoneCodeSchema : PhoneNumberSchema),
    status,
    verifiedNow,
    codeStep: codeStep
      ? {
          maskedPhone: codeStep.maskedPhone,
          // the resident's own number, for "send a new code" (their page only)
          phone: codeStep.phone,
          until: seoulParts(codeStep.expiresAt).time,
        }
      : null,
    typedPhone: profile?.phone ?? "",
    minutes: PHONE_CODE_MINUTES,
  };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const formData = await readFormData(request);
  const intent = formData.get("intent");
  if (intent === "send") {
    const submission = parseWithZod(formData, { schema: PhoneNumberSchema });
    if (submission.status !== "success") return invalid(submission);
    const result = await sendPhoneCode(user.id, submission.value.phone, now());
    if (result.ok) return redirect("/account/phone");
    if (result.code === "notMobile") {
      return refused(result, {
        submission,
        reply: { fieldErrors: { phone: ["account:phone.notMobile"] } },
      });
    }
    if (result.code === "rateLimited") {
      return refused(result, {
        submission,
        reply: { formErrors: ["account:phone.tooManyCodes"] },
        headers: { "Retry-After": String(result.retryAfterSeconds) },
      });
    }
    return refused(result, { submission });
  }
  if (intent === "confirm") {
    const submission = parseWithZod(formData, { schema: PhoneCodeSchema });
    if (submission.status !== "success") return invalid(submission);
    const result = await confirmPhoneCode(user.id, submission.value.code, now(), {
      ip: clientIp(context),
    });
    if (result.ok) return redirect("/account/phone?verified=1");
    const message = {
      wrongCode: "account:phone.wrongCode",
      codeExpired: "account:phone.codeExpired",
      rateLimited: "account:phone.tooManyTries",
    }[result.code];
    return refused(result, {
      submission,
      reply:
        result.code === "wrongCode"
          ? { fieldErrors: { code: [message] } }
          : { formErrors: [message], resetForm: true },
    });
  }
  throw badRequest("Unknown intent");
}

export default function PhonePage() {
  const { t } = useTranslation(["account", "common"]);
  const { status, verifiedNow, codeStep, typedPhone, minutes } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>()?.result;
  const navigation = useNavigation();
  const constraint = useFormConstraint();
  const [numberForm, numberFields] = useForm<z.input<typeof PhoneNumberSchema>>({
    id: "phone-number",
    lastResult: codeStep ? undefined : lastResult,
    defaultValue: { phone: typedPhone },
    constraint,
  });
  const [codeForm, codeFields] = useForm<z.input<typeof PhoneCodeSchema>>({
    id: "phone-code",
    lastResult: codeStep ? lastResult : undefined,
    constraint,
  });
  const busy = navigation.state === "submitting";
  return (
    <section className="page narrow" aria-labelledby="phone-title">
      <h1 id="phone-title">{t("phone.title")}</h1>
      {verifiedNow && status.maskedPhone ? (
        <Confirmation>{t("phone.done", { phone: status.maskedPhone })}</Confirmation>
      ) : null}
      {codeStep && !lastResult ? (
        <Confirmation>
          {t("phone.sent", { phone: codeStep.maskedPhone, minutes, until: codeStep.until })}
        </Confirmation>
      ) : null}
      <p>{t("phone.intro")}</p>
      <dl className="facts">
        <dt>{t("phone.current")}</dt>
        <dd>
          {status.maskedPhone
            ? `${status.maskedPhone} (${status.verified ? t("phone.verified") : t("phone.notVerified")})`
            : t("phone.none")}
        </dd>
      </dl>
      {codeStep ? (
        <>
          {lastResult ? (
            <p>
              {t("phone.sent", { phone: codeStep.maskedPhone, minutes, until: codeStep.until })}
            </p>
          ) : null}
          <Form method="post" {...getFormProps(codeForm)} className="stack">
            <ErrorSummary form={codeForm} />
            <input type="hidden" name="intent" value="confirm" />
            <TextField
              field={codeFields.code}
              label={t("phone.code")}
              hint={t("phone.codeHint")}
              autoComplete="one-time-code"
              inputMode="numeric"
            />
            <button type="submit" className="button primary" disabled={busy}>
              {t("phone.confirm")}
            </button>
          </Form>
          <Form method="post" className="stack">
            <input type="hidden" name="intent" value="send" />
            <input type="hidden" name="phone" value={codeStep.phone} />
            <button type="submit" className="button" disabled={busy}>
              {t("phone.resend")}
            </button>
          </Form>
          <p>
            <Link to="/account/phone?change=1">{t("phone.otherNumber")}</Link>
          </p>
        </>
      ) : (
        <Form method="post" {...getFormProps(numberForm)} className="stack">
          <ErrorSummary form={numberForm} />
          <input type="hidden" name="intent" value="send" />
          <TextField
            field={numberFields.phone}
            label={t("phone.number")}
            hint={t("phone.numberHint")}
            type="tel"
            autoComplete="tel"
            inputMode="tel"
          />
          <button type="submit" className="button primary" disabled={busy}>
            {t("phone.send")}
          </button>
        </Form>
      )}
      <p>
        <Link to="/account">{t("profile.title")}</Link>
      </p>
    </section>
  );
}
