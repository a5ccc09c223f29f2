import { parseWithZod } from "@conform-to/zod";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ServiceForm } from "~/components/places/service-form";
import { requirePlaceEditor } from "~/routes-support/places.server";
import { ServiceSchema } from "~/domain/places/schema";
import { createService, listServicesForEdit } from "~/domain/places/manage.server";
import type { ServiceKind } from "~/domain/places/types";
import { now } from "~/utils/clock.server";
import { pageTitle } from "~/utils/meta";
import { invalid } from "~/utils/http.server";
import { clientIp, readFormData } from "~/utils/request.server";
import { formConstraint } from "~/utils/form-constraint.server";
import { Confirmation } from "~/components/ui/form";
import { Localized } from "~/components/localized";

export const handle = { i18n: ["places", "booking", "districts", "validation"] };
export const meta: MetaFunction = (args) => pageTitle(args, "staffPlaceServices");

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requirePlaceEditor(request, params.placeId);
  return {
    services: await listServicesForEdit(params.placeId!),
    constraint: formConstraint(ServiceSchema),
  };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const user = await requirePlaceEditor(request, params.placeId);
  const placeId = params.placeId!;
  const formData = await readFormData(request);
  const submission = parseWithZod(formData, { schema: ServiceSchema });
  if (submission.status !== "success") return invalid(submission);
  await createService(placeId, submission.value, {
    actorId: user.id,
    ip: clientIp(context),
    now: now(),
  });
  return redirect(`/staff/places/${placeId}/services?added=1`);
}

export default function StaffPlaceServices() {
  const { t } = useTranslation("places");
  const { services } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>()?.result ?? undefined;
  const [searchParams] = useSearchParams();
  const notice = searchParams.has("added") ? "added" : searchParams.has("saved") ? "saved" : null;
  return (
    <>
      <h2>{t("staff.services")}</h2>
      <p className="hint">{t("serviceForm.intro")}</p>
      {notice && !lastResult ? <Confirmation>{t(`serviceForm.${notice}`)}</Confirmation> : null}
      {services.length === 0 ? (
        <p>{t("serviceForm.none")}</p>
      ) : (
        <ul className="plain-list stack">
          {services.map((service) => (
            <li key={service.id} className="card">
              <h3>
                <Link to={service.id}>
                  <Localized of={service} field="name" />
                </Link>
              </h3>
              <p>
                {t(`services.${service.kind as ServiceKind}`)}
                {" · "}
                {service.bookable ? t("serviceForm.isBookable") : t("serviceForm.notBookable")}
                {service.durationMinutes
                  ? ` · ${t("serviceForm.minutes", { count: service.durationMinutes })}`
                  : ""}
                {service.active ? "" : ` · ${t("serviceForm.inactive")}`}
              </p>
            </li>
          ))}
        </ul>
      )}
      <h3>{t("serviceForm.add")}</h3>
      <ServiceForm
        id="new-service"
        lastResult={lastResult}
        defaultValue={{ active: "on", allocation: "first_come", drawLeadHours: "24" }}
        submitLabel={t("serviceForm.addSubmit")}
      />
    </>
  );
}
