import { parseWithZod } from "@conform-to/zod";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Link, useActionData, useLoaderData, useParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ServiceForm } from "~/components/places/service-form";
import { requirePlaceEditor } from "~/routes-support/places.server";
import { ServiceSchema } from "~/domain/places/schema";
import { getServiceForEdit, updateService } from "~/domain/places/manage.server";
import { pendingApplicationCount } from "~/domain/booking/lottery.server";
import { now } from "~/utils/clock.server";
import { pageTitle } from "~/utils/meta";
import { invalid, invariantResponse, notFound } from "~/utils/http.server";
import { clientIp, readFormData } from "~/utils/request.server";
import { formConstraint } from "~/utils/form-constraint.server";
import { Localized } from "~/components/localized";

export const handle = { i18n: ["places", "booking", "districts", "validation"] };
export const meta: MetaFunction = (args) => pageTitle(args, "staffPlaceServices");

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requirePlaceEditor(request, params.placeId);
  const service = await getServiceForEdit(params.placeId!, params.serviceId ?? "");
  invariantResponse(service, notFound);
  // saving it as first come ends these (decision 0031): said before saving
  const pendingApplications =
    service.allocation === "lottery" ? await pendingApplicationCount(service.id) : 0;
  return { service, pendingApplications, constraint: formConstraint(ServiceSchema) };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const user = await requirePlaceEditor(request, params.placeId);
  const placeId = params.placeId!;
  const formData = await readFormData(request);
  const submission = parseWithZod(formData, { schema: ServiceSchema });
  if (submission.status !== "success") return invalid(submission);
  const saved = await updateService(placeId, params.serviceId ?? "", submission.value, {
    actorId: user.id,
    ip: clientIp(context),
    now: now(),
  });
  invariantResponse(saved, notFound);
  return redirect(`/staff/places/${placeId}/services?saved=1`);
}

export default function StaffPlaceService() {
  const { t } = useTranslation("places");
  const { t: tBooking } = useTranslation("booking");
  const { service, pendingApplications } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>()?.result ?? undefined;
  const { placeId } = useParams();
  return (
    <>
      <p>
        <Link to={`/staff/places/${placeId}/services`}>{t("serviceForm.back")}</Link>
      </p>
      <h2>
        <Localized of={service} field="name" />
      </h2>
      <p className="hint">{t("serviceForm.keepsBookings")}</p>
      {service.bookable ? (
        <p>
          <Link to={`/book/${service.slug}`}>{t("serviceForm.bookingPage")}</Link>
        </p>
      ) : null}
      {pendingApplications > 0 ? (
        <p className="notice" id="pending-applications">
          {tBooking("lottery.staff.pendingEnd", { count: pendingApplications })}
        </p>
      ) : null}
      <ServiceForm
        id="edit-service"
        lastResult={lastResult}
        defaultValue={{
          kind: service.kind,
          nameKo: service.nameKo,
          nameEn: service.nameEn,
          descriptionKo: service.descriptionKo,
          descriptionEn: service.descriptionEn,
          durationMinutes: service.durationMinutes ? String(service.durationMinutes) : "",
          yearlyLimitPerResident: service.yearlyLimitPerResident
            ? String(service.yearlyLimitPerResident)
            : "",
          bookable: service.bookable ? "on" : "",
          active: service.active ? "on" : "",
          allocation: service.allocation,
          drawLeadHours: String(service.drawLeadHours),
        }}
        submitLabel={t("serviceForm.save")}
      />
    </>
  );
}
