// The staff's to-do of place facts nobody confirmed (decision 0021): staff see their place's,
// admins every place's, a page at a time. "Confirm as correct" is one POST (no JavaScript needed),
// audited; a wrong fact is corrected on the place's own forms.
import { parseWithZod } from "@conform-to/zod";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { Confirmation, ErrorSummary } from "~/components/ui/form";
import { Pagination } from "~/components/ui/pagination";
import { usePlaceLabels } from "~/components/places/labels";
import { isPlaceFact, type FactSource, type PlaceFactKind } from "~/domain/places/provenance";
import { listUnverifiedFacts, verifyPlaceFact } from "~/domain/places/provenance.server";
import { VerifyFactSchema } from "~/domain/places/schema";
import { pageFromUrl } from "~/domain/shared/page-parameter";
import { requireRole } from "~/utils/auth.server";
import { now } from "~/utils/clock.server";
import { invalid, refused } from "~/utils/http.server";
import { pageTitle } from "~/utils/meta";
import { clientIp, readFormData } from "~/utils/request.server";

export const handle = { i18n: ["places", "validation"] };
export const meta: MetaFunction = (args) => pageTitle(args, "staffPlaceFacts");

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireRole(request, ["staff", "admin"]);
  const page = pageFromUrl(new URL(request.url));
  const result = await listUnverifiedFacts(user, page);
  return {
    ...result,
    facts: result.facts.map((row) => ({
      ...row,
      fact: row.fact as PlaceFactKind,
      source: row.source as FactSource,
    })),
  };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requireRole(request, ["staff", "admin"]);
  const submission = parseWithZod(await readFormData(request), { schema: VerifyFactSchema });
  if (submission.status !== "success") return invalid(submission);
  const { placeId, fact } = submission.value;
  const outcome = await verifyPlaceFact(user, placeId, fact, { ip: clientIp(context), now: now() });
  if (!outcome.ok)
    return refused(outcome, {
      submission,
      reply: { formErrors: ["places:provenance.todo.refused"] },
    });
  const done = new URLSearchParams({ done: fact });
  if (!outcome.changed) done.set("already", "1");
  return redirect(`/staff/places/facts?${done}`);
}

export default function StaffPlaceFacts() {
  const { t } = useTranslation(["places", "common"]);
  const labels = usePlaceLabels();
  const { facts, total, page, pageCount } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>()?.result;
  const [searchParams] = useSearchParams();
  // the fact named in the address after a confirmation (anything else is not shown)
  const confirmed = searchParams.get("done");
  const done = confirmed && isPlaceFact(confirmed) ? confirmed : null;
  const doneFact = done ? t(`provenance.fact.${done}`) : "";
  return (
    <section className="page" aria-labelledby="place-facts-title">
      <p className="eyebrow">
        <Link to="/staff/places">{t("staff.title")}</Link>
      </p>
      <h1 id="place-facts-title">{t("provenance.todo.title")}</h1>
      {done ? (
        <Confirmation>
          {searchParams.get("already")
            ? t("provenance.todo.alreadyConfirmed")
            : t("provenance.todo.confirmed", { fact: doneFact })}
        </Confirmation>
      ) : null}
      {lastResult ? (
        <ErrorSummary
          form={{
            id: "place-facts",
            errorId: "place-facts-errors",
            allErrors: { "": lastResult.error?.[""] },
          }}
        />
      ) : null}
      <p>{t("provenance.todo.intro")}</p>
      {facts.length === 0 ? (
        <p>{t("provenance.todo.none")}</p>
      ) : (
        <div className="table-scroll">
          <table className="data-table">
            <caption>{t("provenance.todo.caption", { count: total })}</caption>
            <thead>
              <tr>
                <th scope="col">{t("provenance.todo.place")}</th>
                <th scope="col">{t("provenance.todo.fact")}</th>
                <th scope="col">{t("provenance.todo.source")}</th>
                <th scope="col">{t("provenance.todo.actions")}</th>
              </tr>
            </thead>
            <tbody>
              {facts.map((row) => {
                const place = labels.name(row.place);
                const fact = t(`provenance.fact.${row.fact}`);
                const editHref =
                  row.fact === "days" || row.fact === "hours"
                    ? `/staff/places/${row.place.id}/hours`
                    : `/staff/places/${row.place.id}`;
                return (
                  <tr key={`${row.place.id}-${row.fact}`}>
                    <td>
                      <Link to={`/places/${row.place.slug}`}>{place}</Link>
                    </td>
                    <td>{fact}</td>
                    <td>
                      {t(`provenance.source.${row.source}`)}
                      {row.reference ? <span className="hint"> · {row.reference}</span> : null}
                    </td>
                    <td>
                      <Form method="post" className="actions">
                        <input type="hidden" name="placeId" value={row.place.id} />
                        <input type="hidden" name="fact" value={row.fact} />
                        <button
                          type="submit"
                          className="button"
                          aria-label={t("provenance.todo.confirmLabel", { place, fact })}
                        >
                          {t("provenance.todo.confirm")}
                        </button>{" "}
                        <Link to={editHref}>{t("provenance.todo.edit")}</Link>
                      </Form>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
      <Pagination page={page} pageCount={pageCount} href={(target) => `?page=${target}`} />
    </section>
  );
}
