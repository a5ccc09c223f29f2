import { useFormConstraint } from "~/components/ui/form";
import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { PlaceForm, type PlaceFields } from "~/components/places/place-form";
import { NewPlaceSchema } from "~/domain/places/schema";
import { createPlace, listOrganizations } from "~/domain/places/manage.server";
import { requirePlacesAdmin, saveErrors } from "~/routes-support/places.server";
import { now } from "~/utils/clock.server";
import { pageTitle } from "~/utils/meta";
import { invalid, refused } from "~/utils/http.server";
import { clientIp, readFormData } from "~/utils/request.server";
import { formConstraint } from "~/utils/form-constraint.server";
import type { z } from "zod";

export const handle = { i18n: ["places", "districts", "validation"] };
export const meta: MetaFunction = (args) => pageTitle(args, "staffPlaceNew");

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePlacesAdmin(request);
  return { constraint: formConstraint(NewPlaceSchema), organizations: await listOrganizations() };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requirePlacesAdmin(request);
  const submission = parseWithZod(await readFormData(request), { schema: NewPlaceSchema });
  if (submission.status !== "success") return invalid(submission);
  const result = await createPlace(submission.value, {
    actorId: user.id,
    ip: clientIp(context),
    now: now(),
  });
  if (!result.ok)
    return refused(result, { submission, reply: { fieldErrors: saveErrors(result) } });
  return redirect(`/staff/places/${result.id}/hours?created=1`);
}

export default function NewPlacePage() {
  const { t } = useTranslation("places");
  const { organizations } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>()?.result;
  const [form, fields] = useForm<z.input<typeof NewPlaceSchema>>({
    id: "new-place",
    lastResult,
    defaultValue: { coordinatesApproximate: "on", verified: "on" },
    constraint: useFormConstraint(),
  });
  return (
    <section className="page narrow" aria-labelledby="new-place-title">
      <p className="eyebrow">
        <Link to="/staff/places">{t("staff.title")}</Link>
      </p>
      <h1 id="new-place-title">{t("staff.new")}</h1>
      <PlaceForm
        formProps={getFormProps(form)}
        form={form}
        fields={fields as PlaceFields}
        admin
        isNew
        organizations={organizations}
        submitLabel={t("form.create")}
      />
    </section>
  );
}
