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
import {
  Confirmation,
  ErrorSummary,
  RadioGroup,
  SelectField,
  useFormConstraint,
} from "~/components/ui/form";
import { RoleAssignmentSchema } from "~/domain/residents/schema";
import { assignRole, getAccountForRoles } from "~/domain/residents/service.server";
import { ROLES } from "~/domain/residents/types";
import { useRootData } from "~/utils/root-data";
import { requireRole } from "~/utils/auth.server";
import { pageTitle } from "~/utils/meta";
import { invalid, notFound, refused } from "~/utils/http.server";
import { clientIp, readFormData } from "~/utils/request.server";
import { localized } from "~/domain/shared/localized";
import { formConstraint } from "~/utils/form-constraint.server";
import type { z } from "zod";

export const handle = { i18n: ["account", "validation"] };
export const meta: MetaFunction = (args) => pageTitle(args, "staffPerson");

/** Administrators only: one account's role and workplace. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireRole(request, ["admin"]);
  const found = await getAccountForRoles(params.residentId ?? "");
  if (!found) throw notFound();
  return {
    constraint: formConstraint(RoleAssignmentSchema),
    ...found,
    isSelf: found.account.id === user.id,
  };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const user = await requireRole(request, ["admin"]);
  const formData = await readFormData(request);
  const submission = parseWithZod(formData, { schema: RoleAssignmentSchema });
  if (submission.status !== "success") return invalid(submission);
  const residentId = params.residentId ?? "";
  const outcome = await assignRole(user, residentId, submission.value, { ip: clientIp(context) });
  if (outcome.ok) return redirect(`/staff/people/${residentId}?saved=1`);
  switch (outcome.code) {
    case "notFound":
      throw notFound();
    case "ownRole":
      return refused(outcome, { submission, reply: { formErrors: ["account:people.ownRole"] } });
    case "unknownPlace":
      return refused(outcome, {
        submission,
        reply: { fieldErrors: { staffPlaceId: ["validation:invalidChoice"] } },
      });
    case "unknownOrganization":
      return refused(outcome, {
        submission,
        reply: { fieldErrors: { staffOrganizationId: ["validation:invalidChoice"] } },
      });
  }
}

export default function StaffPerson() {
  const { t } = useTranslation("account");
  const { account, places, organizations, isSelf } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>()?.result;
  const navigation = useNavigation();
  const locale = useRootData()?.locale ?? "ko";
  const name = (row: { nameKo: string; nameEn: string }) => localized(row, locale, "name");
  const [searchParams] = useSearchParams();
  const saved = searchParams.has("saved") && !lastResult;
  const [form, fields] = useForm<z.input<typeof RoleAssignmentSchema>>({
    id: "role-assignment",
    lastResult,
    defaultValue: {
      role: account.role,
      staffPlaceId: account.staffPlaceId ?? "",
      staffOrganizationId: account.staffOrganizationId ?? "",
    },
    constraint: useFormConstraint(),
  });
  return (
    <section className="page narrow" aria-labelledby="person-title">
      <p className="eyebrow">
        <Link to="/staff/people">{t("people.title")}</Link>
      </p>
      <h1 id="person-title">{account.name}</h1>
      <p className="hint">{account.email}</p>
      {saved ? <Confirmation>{t("people.saved")}</Confirmation> : null}
      {isSelf ? <p className="notice">{t("people.ownRole")}</p> : null}
      <Form method="post" {...getFormProps(form)} className="stack">
        <ErrorSummary form={form} />
        <RadioGroup
          field={fields.role}
          legend={t("people.role")}
          options={ROLES.map((role) => ({ value: role, label: t(`roles.${role}`) }))}
        />
        <p className="hint">{t("people.workplaceHint")}</p>
        <SelectField
          field={fields.staffPlaceId}
          label={t("people.place")}
          placeholder={t("people.none")}
          options={places.map((place) => ({ value: place.id, label: name(place) }))}
        />
        <SelectField
          field={fields.staffOrganizationId}
          label={t("people.organization")}
          placeholder={t("people.none")}
          options={organizations.map((org) => ({ value: org.id, label: name(org) }))}
        />
        <button
          type="submit"
          className="button primary"
          disabled={isSelf || navigation.state === "submitting"}
        >
          {t("people.save")}
        </button>
      </Form>
    </section>
  );
}
