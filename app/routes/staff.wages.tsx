// The wage floors (administrators only): the statutory minimum wage and the Seoul living wage by
// year, with their sources. Every posting form checks wages against this table; every change is
// audited. A floor is recorded or corrected by kind and year ("Edit" fills the form).
import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import type { z } from "zod";
import {
  asTextField,
  Confirmation,
  ErrorSummary,
  SelectField,
  TextField,
  useFormConstraint,
} from "~/components/ui/form";
import { WageFloorSchema } from "~/domain/jobs/schema";
import { WAGE_FLOOR_KINDS, type WageFloorKind } from "~/domain/jobs/wage-floors";
import { listWageFloorsForAdmin, saveWageFloor } from "~/domain/jobs/wage-floors.server";
import { requireRole } from "~/utils/auth.server";
import { formatDateTime, formatWon } from "~/utils/format";
import { formConstraint } from "~/utils/form-constraint.server";
import { invalid, refused } from "~/utils/http.server";
import { pageTitle } from "~/utils/meta";
import { clientIp, readFormData } from "~/utils/request.server";

export const handle = { i18n: ["jobs", "validation"] };
export const meta: MetaFunction = (args) => pageTitle(args, "staffWages");

export async function loader({ request }: LoaderFunctionArgs) {
  await requireRole(request, ["admin"]);
  const url = new URL(request.url);
  const floors = await listWageFloorsForAdmin();
  const editing =
    floors.find(
      (f) =>
        f.kind === url.searchParams.get("kind") && String(f.year) === url.searchParams.get("year"),
    ) ?? null;
  const saved = url.searchParams.get("saved");
  return {
    floors: floors.map((f) => ({
      kind: f.kind as WageFloorKind,
      year: f.year,
      hourlyKrw: f.hourlyKrw,
      source: f.source,
      updatedAt: f.updatedAt.toISOString(),
      updatedBy: f.updatedBy?.name ?? null,
    })),
    editing: editing
      ? {
          kind: editing.kind,
          year: String(editing.year),
          hourlyKrw: String(editing.hourlyKrw),
          source: editing.source,
        }
      : null,
    saved: saved ? { kind: url.searchParams.get("savedKind") ?? "minimum", year: saved } : null,
    constraint: formConstraint(WageFloorSchema),
  };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requireRole(request, ["admin"]);
  const submission = parseWithZod(await readFormData(request), { schema: WageFloorSchema });
  if (submission.status !== "success") return invalid(submission);
  const outcome = await saveWageFloor(user, submission.value, { ip: clientIp(context) });
  if (!outcome.ok) return refused(outcome, { submission });
  const { kind, year } = submission.value;
  return redirect(`/staff/wages?saved=${year}&savedKind=${kind}`);
}

export default function WageFloors() {
  const { t, i18n } = useTranslation(["jobs", "common"]);
  const { floors, editing, saved } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>()?.result;
  const navigation = useNavigation();
  const formId = editing ? `wage-floor-${editing.kind}-${editing.year}` : "wage-floor";
  const [form, fields] = useForm<z.input<typeof WageFloorSchema>>({
    id: formId,
    lastResult,
    defaultValue: editing ?? { kind: "minimum" },
    constraint: useFormConstraint(),
  });
  const lang = i18n.language;
  return (
    <section className="page" aria-labelledby="wages-title">
      <p>
        <Link to="/staff">{t("common:titles.backOffice")}</Link>
      </p>
      <h1 id="wages-title">{t("wages.title")}</h1>
      {saved ? (
        <Confirmation>
          {t("wages.saved", {
            year: saved.year,
            kind: t(`wages.kind.${saved.kind as WageFloorKind}`),
          })}
        </Confirmation>
      ) : null}
      <p>{t("wages.intro")}</p>
      {floors.length ? (
        <div className="table-scroll">
          <table className="data-table">
            <caption>{t("wages.table.caption")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("wages.table.kind")}</th>
                <th scope="col">{t("wages.table.year")}</th>
                <th scope="col">{t("wages.table.hourly")}</th>
                <th scope="col">{t("wages.table.source")}</th>
                <th scope="col">{t("wages.table.updated")}</th>
                <th scope="col">
                  <span className="visually-hidden">{t("wages.table.edit")}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {floors.map((floor) => (
                <tr key={`${floor.kind}-${floor.year}`}>
                  <td>{t(`wages.kind.${floor.kind}`)}</td>
                  <td>{floor.year}</td>
                  <td>{formatWon(floor.hourlyKrw, lang)}</td>
                  <td>{floor.source}</td>
                  <td>
                    {formatDateTime(floor.updatedAt, lang)}
                    <br />
                    <span className="hint">{floor.updatedBy ?? t("wages.table.migration")}</span>
                  </td>
                  <td>
                    <Link
                      to={`/staff/wages?kind=${floor.kind}&year=${floor.year}#wage-form-title`}
                      aria-label={t("wages.table.editLabel", {
                        year: floor.year,
                        kind: t(`wages.kind.${floor.kind}`),
                      })}
                    >
                      {t("wages.table.edit")}
                    </Link>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : (
        <p>{t("wages.empty")}</p>
      )}

      <h2 id="wage-form-title">{t("wages.form.title")}</h2>
      <p className="hint">{t("wages.form.hint")}</p>
      <Form method="post" {...getFormProps(form)} className="stack narrow">
        <ErrorSummary form={form} />
        <SelectField
          field={asTextField(fields.kind)}
          label={t("wages.form.kind")}
          options={WAGE_FLOOR_KINDS.map((kind) => ({
            value: kind,
            label: t(`wages.kind.${kind}`),
          }))}
        />
        <TextField
          field={asTextField(fields.year)}
          label={t("wages.form.year")}
          type="number"
          inputMode="numeric"
        />
        <TextField
          field={asTextField(fields.hourlyKrw)}
          label={t("wages.form.hourlyKrw")}
          type="number"
          inputMode="numeric"
        />
        <TextField
          field={asTextField(fields.source)}
          label={t("wages.form.source")}
          hint={t("wages.form.sourceHint")}
        />
        <button
          type="submit"
          className="button primary"
          disabled={navigation.state === "submitting"}
        >
          {t("wages.form.submit")}
        </button>
      </Form>
    </section>
  );
}
