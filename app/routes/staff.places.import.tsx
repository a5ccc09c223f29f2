import { getFormProps, getInputProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { usePlaceLabels } from "~/components/places/labels";
import { FieldErrors, ErrorSummary, SelectField, useFormConstraint } from "~/components/ui/form";
import { requirePlacesAdmin } from "~/routes-support/places.server";
import { decodeCsv, MAX_IMPORT_ROWS, readPlacesCsv, type Reason } from "~/domain/places/csv-import";
import { ImportSchema } from "~/domain/places/schema";
import { importPlaces, type ImportOutcome } from "~/domain/places/import.server";
import { PLACE_KINDS, SUB_KINDS } from "~/domain/places/types";
import { now } from "~/utils/clock.server";
import type { ActionReply } from "~/utils/action-data";
import { getEnv } from "~/utils/env.server";
import { pageTitle } from "~/utils/meta";
import { clientIp, readFormData } from "~/utils/request.server";
import { formConstraint } from "~/utils/form-constraint.server";
import type { z } from "zod";

export const handle = { i18n: ["places", "districts", "validation"] };
export const meta: MetaFunction = (args) => pageTitle(args, "staffPlaceImport");

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePlacesAdmin(request);
  return {
    constraint: formConstraint(ImportSchema),
    maxBytes: getEnv().MAX_BODY_BYTES,
    maxRows: MAX_IMPORT_ROWS,
  };
}

type ImportReply = ActionReply & {
  /** the file could not be read as a facility list: nothing was changed */
  problems: Reason[];
  report: ImportOutcome[] | null;
  applied: boolean;
};

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requirePlacesAdmin(request);
  const submission = parseWithZod(await readFormData(request), { schema: ImportSchema });
  if (submission.status !== "success") {
    return data<ImportReply>(
      { result: submission.reply(), refusal: null, problems: [], report: null, applied: false },
      { status: 400 },
    );
  }
  const { file, kind, subKind, intent } = submission.value;
  const reading = readPlacesCsv(decodeCsv(new Uint8Array(await file.arrayBuffer())));
  if (!reading.ok) {
    return data<ImportReply>(
      {
        result: submission.reply(),
        refusal: null,
        problems: reading.problems,
        report: null,
        applied: false,
      },
      { status: 400 },
    );
  }
  const report = await importPlaces(reading.rows, {
    kind,
    subKind,
    apply: intent === "import",
    actorId: user.id,
    ip: clientIp(context),
    now: now(),
  });
  return data<ImportReply>({
    result: submission.reply(),
    refusal: null,
    problems: [],
    report,
    applied: intent === "import",
  });
}

function ReasonText({ reason }: { reason: Reason }) {
  const { t } = useTranslation("places");
  return <>{t(reason.key as "import.reasons.district", reason.params ?? {})}</>;
}

export default function ImportPlacesPage() {
  const { t } = useTranslation("places");
  const labels = usePlaceLabels();
  const { maxBytes, maxRows } = useLoaderData<typeof loader>();
  const outcome = useActionData<typeof action>();
  const navigation = useNavigation();
  const busy = navigation.state === "submitting";
  const [form, fields] = useForm<z.input<typeof ImportSchema>>({
    id: "import-places",
    lastResult: outcome?.result,
    constraint: useFormConstraint(),
  });
  const report = outcome?.report ?? null;
  const counts = report
    ? {
        created: report.filter((row) => row.outcome === "created").length,
        updated: report.filter((row) => row.outcome === "updated").length,
        refused: report.filter((row) => row.outcome === "refused").length,
      }
    : null;
  return (
    <section className="page" aria-labelledby="import-title">
      <p className="eyebrow">
        <Link to="/staff/places">{t("staff.title")}</Link>
      </p>
      <h1 id="import-title">{t("import.title")}</h1>
      <p>{t("import.intro")}</p>
      <p className="hint">{t("import.shape", { maxRows, maxKb: Math.floor(maxBytes / 1024) })}</p>
      <Form
        method="post"
        encType="multipart/form-data"
        {...getFormProps(form)}
        className="stack narrow"
      >
        <ErrorSummary form={form} />
        <div className="field">
          <label htmlFor={fields.file.id}>{t("import.file")}</label>
          <input
            {...getInputProps(fields.file, { type: "file" })}
            key={fields.file.key}
            accept=".csv,text/csv"
          />
          <FieldErrors id={fields.file.errorId} errors={fields.file.errors} />
        </div>
        <SelectField
          field={fields.kind}
          label={t("import.kind")}
          placeholder=""
          options={PLACE_KINDS.map((kind) => ({ value: kind, label: labels.kind(kind) }))}
        />
        <SelectField
          field={fields.subKind}
          label={t("import.subKind")}
          placeholder={t("form.none")}
          options={Object.values(SUB_KINDS)
            .flat()
            .map((sub) => ({ value: sub, label: labels.subKind(sub) }))}
        />
        <p className="actions">
          <button type="submit" name="intent" value="check" className="button" disabled={busy}>
            {t("import.check")}
          </button>
          <button
            type="submit"
            name="intent"
            value="import"
            className="button primary"
            disabled={busy}
          >
            {t("import.import")}
          </button>
        </p>
        <p role="status" aria-live="polite" className={busy ? "notice" : "visually-hidden"}>
          {busy ? t("import.working") : ""}
        </p>
      </Form>

      {outcome?.problems.length ? (
        <div role="alert" className="form-errors">
          <p>{t("import.refusedFile")}</p>
          <ul>
            {outcome.problems.map((problem, index) => (
              <li key={index}>
                <ReasonText reason={problem} />
              </li>
            ))}
          </ul>
        </div>
      ) : null}

      {report && counts ? (
        <section aria-labelledby="import-report-title">
          <h2 id="import-report-title">
            {outcome?.applied ? t("import.reportApplied") : t("import.reportChecked")}
          </h2>
          <p role="status" className={outcome?.applied ? "notice success" : "notice"}>
            {t(outcome?.applied ? "import.summaryApplied" : "import.summaryChecked", counts)}
          </p>
          <div className="table-scroll">
            <table className="data-table">
              <caption className="visually-hidden">{t("import.reportCaption")}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("import.line")}</th>
                  <th scope="col">{t("import.name")}</th>
                  <th scope="col">{t("import.outcome")}</th>
                </tr>
              </thead>
              <tbody>
                {report.map((row) => (
                  <tr key={row.line} className={`import-${row.outcome}`}>
                    <td>{row.line}</td>
                    <td>{row.name || "—"}</td>
                    <td>
                      {row.outcome === "refused" ? (
                        <>
                          <strong>{t("import.outcomes.refused")}</strong>
                          <ul>
                            {row.reasons.map((reason) => (
                              <li key={reason.key}>
                                <ReasonText reason={reason} />
                              </li>
                            ))}
                          </ul>
                        </>
                      ) : outcome?.applied ? (
                        <Link to={`/places/${row.slug}`}>
                          {t(`import.outcomes.${row.outcome}`)}
                        </Link>
                      ) : (
                        t(
                          `import.outcomes.${row.outcome === "created" ? "wouldCreate" : "wouldUpdate"}`,
                        )
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
      ) : null}
    </section>
  );
}
