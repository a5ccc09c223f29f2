import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { PlaceForm, type PlaceFields } from "~/components/places/place-form";
import { AdminPlaceSchema, PlaceDetailsSchema } from "~/domain/places/schema";
import { getPlaceForEdit, listOrganizations, updatePlace } from "~/domain/places/manage.server";
import { requirePlaceEditor, saveErrors } from "~/routes-support/places.server";
import { now } from "~/utils/clock.server";
import { formatDate } from "~/utils/format";
import { pageTitle } from "~/utils/meta";
import { invalid, invariantResponse, notFound, refused } from "~/utils/http.server";
import { clientIp, readFormData } from "~/utils/request.server";
import type { z } from "zod";
import { formConstraint } from "~/utils/form-constraint.server";
import { Confirmation, useFormConstraint } from "~/components/ui/form";

export const handle = { i18n: ["places", "districts", "validation"] };
export const meta: MetaFunction = (args) => pageTitle(args, "staffPlaceEdit");

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requirePlaceEditor(request, params.placeId);
  const admin = user.role === "admin";
  const [place, organizations] = await Promise.all([
    getPlaceForEdit(params.placeId!),
    admin ? listOrganizations() : [],
  ]);
  invariantResponse(place, notFound);
  const { openingHours: _hours, closures: _closures, ...details } = place;
  const constraint = formConstraint(admin ? AdminPlaceSchema : PlaceDetailsSchema);
  return { place: details, admin, organizations, constraint };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const user = await requirePlaceEditor(request, params.placeId);
  const admin = user.role === "admin";
  const formData = await readFormData(request);
  // Admins also set what the place is and who runs it; staff cannot change those.
  const adminSubmission = admin ? parseWithZod(formData, { schema: AdminPlaceSchema }) : null;
  const submission = adminSubmission ?? parseWithZod(formData, { schema: PlaceDetailsSchema });
  if (submission.status !== "success") return invalid(submission);
  invariantResponse(await getPlaceForEdit(params.placeId!), notFound);
  const identity =
    adminSubmission?.status === "success"
      ? {
          kind: adminSubmission.value.kind,
          subKind: adminSubmission.value.subKind,
          operatorId: adminSubmission.value.operatorId,
        }
      : null;
  const result = await updatePlace(params.placeId!, submission.value, identity, {
    actorId: user.id,
    ip: clientIp(context),
    now: now(),
  });
  if (!result.ok)
    return refused(result, { submission, reply: { fieldErrors: saveErrors(result) } });
  return { result: submission.reply(), refusal: null, saved: true };
}

export default function StaffPlaceDetails() {
  const { t, i18n } = useTranslation("places");
  const { place, admin, organizations } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const saved = actionData !== undefined && "saved" in actionData;
  const { provenance: _provenance, ...values } = place;
  const defaultValue = {
    ...values,
    subKind: place.subKind ?? "",
    operatorId: place.operatorId ?? "",
    latitude: String(place.latitude),
    longitude: String(place.longitude),
    areaSquareMeters: place.areaSquareMeters ? String(place.areaSquareMeters) : "",
    phone: place.phone ?? "",
    email: place.email ?? "",
    website: place.website ?? "",
    coordinatesApproximate: place.coordinatesApproximate ? "on" : "",
    // a claim staff make on purpose (decision 0021): saving confirms only what was changed
    verified: "",
  };
  const [form, fields] = useForm<z.input<typeof AdminPlaceSchema>>({
    // a fresh form (from the saved values) after every save
    id: `place-${place.id}-${place.updatedAt}`,
    lastResult: saved ? undefined : actionData?.result,
    defaultValue,
    constraint: useFormConstraint(),
  });
  return (
    <>
      <h2>{t("staff.details")}</h2>
      {saved ? <Confirmation>{t("form.saved")}</Confirmation> : null}
      <p className="hint">
        {place.lastVerifiedAt
          ? t("place.lastVerified", { date: formatDate(place.lastVerifiedAt, i18n.language) })
          : t("place.notVerified")}{" "}
        <Link to="/staff/places/facts">{t("provenance.todo.title")}</Link>
      </p>
      <PlaceForm
        formProps={getFormProps(form)}
        form={form}
        fields={fields as PlaceFields}
        admin={admin}
        isNew={false}
        organizations={organizations}
        submitLabel={t("form.save")}
      />
    </>
  );
}
