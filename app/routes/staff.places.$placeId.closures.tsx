import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { Confirmation, ErrorSummary, TextField, useFormConstraint } from "~/components/ui/form";
import { requirePlaceEditor } from "~/routes-support/places.server";
import { ClosureSchema } from "~/domain/places/schema";
import { addClosure, deleteClosure, getPlaceForEdit } from "~/domain/places/manage.server";
import { now } from "~/utils/clock.server";
import { formatCalendarDate } from "~/utils/format";
import { pageTitle } from "~/utils/meta";
import { badRequest, invalid, invariantResponse, notFound } from "~/utils/http.server";
import { clientIp, readFormData, singleField } from "~/utils/request.server";
import { localized } from "~/domain/shared/localized";
import { formConstraint } from "~/utils/form-constraint.server";
import type { z } from "zod";

export const handle = { i18n: ["places", "districts", "validation"] };
export const meta: MetaFunction = (args) => pageTitle(args, "staffPlaceClosures");

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requirePlaceEditor(request, params.placeId);
  const place = await getPlaceForEdit(params.placeId!);
  invariantResponse(place, notFound);
  return { constraint: formConstraint(ClosureSchema), closures: place.closures };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const user = await requirePlaceEditor(request, params.placeId);
  const placeId = params.placeId!;
  const formData = await readFormData(request);
  const actor = { actorId: user.id, ip: clientIp(context), now: now() };
  invariantResponse(await getPlaceForEdit(placeId), notFound);
  const intent = singleField(formData, "intent");
  if (intent === "delete") {
    const closureId = singleField(formData, "closureId");
    invariantResponse(
      typeof closureId === "string" && (await deleteClosure(placeId, closureId, actor)),
      notFound,
    );
    return { result: null, refusal: null, done: "deleted" as const };
  }
  invariantResponse(intent === "add", () => badRequest("Unknown intent"));
  const submission = parseWithZod(formData, { schema: ClosureSchema });
  if (submission.status !== "success") return invalid(submission);
  await addClosure(placeId, submission.value, actor);
  return { result: submission.reply({ resetForm: true }), refusal: null, done: "added" as const };
}

export default function StaffPlaceClosures() {
  const { t, i18n } = useTranslation("places");
  const { closures } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const done = actionData && "done" in actionData ? actionData.done : null;
  const navigation = useNavigation();
  const [form, fields] = useForm<z.input<typeof ClosureSchema>>({
    id: "closure",
    lastResult: actionData?.result,
    constraint: useFormConstraint(),
  });
  const date = (value: string) => formatCalendarDate(value, i18n.language, "medium");
  return (
    <>
      <h2>{t("staff.closures")}</h2>
      <p className="hint">{t("closures.hint")}</p>
      {done ? (
        <Confirmation>{t(done === "added" ? "closures.added" : "closures.deleted")}</Confirmation>
      ) : null}
      {closures.length === 0 ? (
        <p>{t("closures.none")}</p>
      ) : (
        <ul className="closure-list">
          {closures.map((closure) => (
            <li key={closure.id}>
              <span>
                {t("place.closureRange", {
                  start: date(closure.startDate),
                  end: date(closure.endDate),
                })}
                {closure.reasonKo || closure.reasonEn
                  ? ` (${localized(closure, i18n.language, "reason")})`
                  : ""}
              </span>
              <Form method="post">
                <input type="hidden" name="intent" value="delete" />
                <input type="hidden" name="closureId" value={closure.id} />
                <button
                  type="submit"
                  className="button"
                  aria-label={t("closures.deleteLabel", {
                    start: date(closure.startDate),
                    end: date(closure.endDate),
                  })}
                >
                  {t("closures.delete")}
                </button>
              </Form>
            </li>
          ))}
        </ul>
      )}
      <h3>{t("closures.add")}</h3>
      <Form method="post" {...getFormProps(form)} className="stack">
        <ErrorSummary form={form} />
        <input type="hidden" name="intent" value="add" />
        <TextField field={fields.startDate} label={t("closures.startDate")} type="date" />
        <TextField field={fields.endDate} label={t("closures.endDate")} type="date" />
        <TextField field={fields.reasonKo} label={t("closures.reasonKo")} />
        <TextField field={fields.reasonEn} label={t("closures.reasonEn")} />
        <button
          type="submit"
          className="button primary"
          disabled={navigation.state === "submitting"}
        >
          {t("closures.submit")}
        </button>
      </Form>
    </>
  );
}
