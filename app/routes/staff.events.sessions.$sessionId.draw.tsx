// The draw of a lottery session, for the host organisation's staff and admins (decision 0027):
// the seed, every applicant in drawn order with their tier and result, and how to re-run it.
// Before the draw, and once its time has come, staff may run it here (else the task does).
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { SessionHeading } from "~/components/events/session-heading";
import { Confirmation } from "~/components/ui/form";
import { drawForStaff, drawSession } from "~/domain/events/allocation.server";
import { canManage } from "~/domain/jobs/common.server";
import { requireRole } from "~/utils/auth.server";
import { now } from "~/utils/clock.server";
import { formatDateTime } from "~/utils/format";
import { invariantResponse, notFound, refused } from "~/utils/http.server";
import { pageTitle } from "~/utils/meta";
import { clientIp } from "~/utils/request.server";

export const handle = { i18n: ["events"] };
export const meta: MetaFunction = (args) => pageTitle(args, "staffEventDraw");

/** The draw of a lottery session that this user may see (host organisation's staff, admins). */
async function load(request: Request, sessionId: string) {
  const user = await requireRole(request, ["staff", "admin"]);
  const view = await drawForStaff(sessionId);
  // another organisation's session is "not found" to them
  invariantResponse(
    view &&
      view.session.allocation === "lottery" &&
      canManage(user, view.session.program.organizationId),
    notFound,
  );
  return { user, view };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { view } = await load(request, params.sessionId ?? "");
  const { session, drawn, pending, drawnByName } = view;
  const current = now();
  return {
    session: {
      id: session.id,
      startsAt: session.startsAt.toISOString(),
      drawAt: session.drawAt?.toISOString() ?? null,
      capacity: session.capacity,
      status: session.status,
      program: session.program,
    },
    draw: session.draw
      ? {
          seed: session.draw.seed,
          seats: session.draw.seats,
          drawnAt: session.draw.drawnAt.toISOString(),
          drawnByName,
          applicants: session.draw.applicants,
          drawnOrder: session.draw.drawnOrder,
        }
      : null,
    drawn,
    pending,
    mayRunNow:
      !session.draw &&
      session.status === "scheduled" &&
      session.drawAt !== null &&
      session.drawAt <= current,
  };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { user, view } = await load(request, params.sessionId ?? "");
  const outcome = await drawSession(view.session.id, {
    now: now(),
    staffId: user.id,
    ip: clientIp(context),
  });
  if (outcome.ok) return redirect(`/staff/events/sessions/${view.session.id}/draw?ran=1`);
  return refused(outcome, {});
}

export default function StaffEventDraw() {
  const { t, i18n } = useTranslation("events");
  const data = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [searchParams] = useSearchParams();
  const lang = i18n.language;
  const { session, draw } = data;
  const refusal = actionData?.refusal ?? null;
  return (
    <article className="page" aria-labelledby="draw-title">
      <SessionHeading
        session={session}
        programTitle={{ ko: session.program.titleKo, en: session.program.titleEn }}
        titleId="draw-title"
      >
        {t("draw.title")}
      </SessionHeading>
      <p>
        <Link to={`/events/${session.program.slug}#session-${session.id}`}>
          {t("staff.form.view")}
        </Link>
      </p>
      {searchParams.has("ran") && !actionData ? <Confirmation>{t("draw.ran")}</Confirmation> : null}
      {refusal ? (
        <div role="alert" className="form-errors" tabIndex={-1} data-arrival-focus="">
          <p>
            {t(`draw.refusal.${refusal.code as "changed"}`, {
              defaultValue: t("refusal.title"),
            })}
          </p>
        </div>
      ) : null}
      {!draw ? (
        <section aria-labelledby="pending-title">
          <h2 id="pending-title">{t("draw.facts")}</h2>
          <p>
            {session.drawAt
              ? t("draw.notYet", { drawAt: formatDateTime(session.drawAt, lang) })
              : t("draw.noDrawAt")}
          </p>
          <p>
            {t("draw.applicants")}: {data.pending}
          </p>
          {data.mayRunNow ? (
            <Form method="post">
              <button type="submit" className="button primary">
                {t("draw.runNow")}
              </button>
            </Form>
          ) : null}
        </section>
      ) : (
        <>
          <section aria-labelledby="record-title">
            <h2 id="record-title">{t("draw.facts")}</h2>
            <dl className="facts">
              <dt>{t("draw.seed")}</dt>
              <dd>
                <code>{draw.seed}</code>
              </dd>
              <dt>{t("draw.drawnAt")}</dt>
              <dd>{formatDateTime(draw.drawnAt, lang)}</dd>
              <dt>{t("draw.drawnBy")}</dt>
              <dd>{draw.drawnByName ?? t("draw.drawnByTask")}</dd>
              <dt>{t("draw.seats")}</dt>
              <dd>{draw.seats}</dd>
              <dt>{t("draw.applicants")}</dt>
              <dd>{data.drawn.length}</dd>
              <dt>{t("draw.winners")}</dt>
              <dd>{data.drawn.filter((row) => row.won).length}</dd>
            </dl>
          </section>
          <section aria-labelledby="order-title">
            <h2 id="order-title">{t("draw.order")}</h2>
            <div className="table-scroll">
              <table>
                <thead>
                  <tr>
                    <th scope="col">{t("draw.position")}</th>
                    <th scope="col">{t("draw.applicant")}</th>
                    <th scope="col">{t("draw.application")}</th>
                    <th scope="col">{t("draw.tier")}</th>
                    <th scope="col">{t("draw.result")}</th>
                    <th scope="col">{t("draw.status")}</th>
                  </tr>
                </thead>
                <tbody>
                  {data.drawn.map((row) => (
                    <tr key={row.id}>
                      <td>{row.position}</td>
                      <td>{row.name}</td>
                      <td>
                        <code>{row.id}</code>
                      </td>
                      <td>{row.tier === 0 ? t("draw.tierNormal") : t("draw.tierNoShow")}</td>
                      <td>{row.won ? t("draw.won") : t("draw.waitlisted")}</td>
                      <td>
                        {t(`draw.status_${row.status as "won"}`, { defaultValue: row.status })}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </section>
          <section aria-labelledby="rerun-title">
            <h2 id="rerun-title">{t("draw.rerunTitle")}</h2>
            <p>{t("draw.rerun", { seats: draw.seats })}</p>
            <details>
              <summary>{t("draw.input")}</summary>
              <pre className="prose">{draw.applicants}</pre>
            </details>
          </section>
        </>
      )}
    </article>
  );
}
