// The applicant list, decisions and CSV export of a posting or a round: the same HTTP handling
// for /staff/postings/:id/applicants and /staff/rounds/:id/applicants (and their .csv).
import { parseWithZod } from "@conform-to/zod";
import type { AppLoadContext } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { toExcelCsv } from "~/domain/jobs/csv";
import { canMoveTo, DECISION_STATUS, isSettling } from "~/domain/jobs/rules";
import {
  ApplicantFilterSchema,
  ConfirmDecisionQuerySchema,
  DecisionSchema,
  UndoDecisionSchema,
} from "~/domain/jobs/schema";
import {
  decideApplication,
  exportApplicants,
  listApplicants,
  previewDecision,
  type Applicant,
} from "~/domain/jobs/decisions.server";
import { undoableDecision, undoDecision } from "~/domain/jobs/undo.server";
import { DECISIONS } from "~/domain/jobs/types";
import { ageOn } from "~/domain/shared/seoul-time";
import { now } from "~/utils/clock.server";
import { formatCalendarDate, formatDateTime } from "~/utils/format";
import {
  badRequest,
  invalid,
  invariantResponse,
  refusalResponse,
  refused,
} from "~/utils/http.server";
import { getLocale, getServerT } from "~/utils/i18n.server";
import { clientIp, readFormData } from "~/utils/request.server";
import { requireJobsStaff } from "./jobs.server";
import { localized } from "~/domain/shared/localized";

type Scope = { postingId: string } | { roundId: string };

function applicantView(applicant: Applicant, posting: { full: boolean }) {
  const { facts, judgedOn } = applicant.snapshot;
  return {
    id: applicant.id,
    status: applicant.status,
    name: applicant.name,
    email: applicant.email,
    phone: applicant.phone,
    motivation: applicant.motivation,
    availability: applicant.availability,
    submittedAt: applicant.submittedAt.toISOString(),
    waitlistRank: applicant.waitlistRank,
    sitePostingId: applicant.sitePostingId,
    preferences: applicant.sitePreferences.map((p) => p.postingId),
    judgedOn,
    age: facts.birthDate && judgedOn ? ageOn(facts.birthDate, judgedOn) : null,
    district: facts.district ?? null,
    employmentStatus: facts.employmentStatus ?? null,
    // with every place of the posting taken, "select" could only be refused: it is not offered
    decisions: DECISIONS.filter(
      (d) => canMoveTo(applicant.status, DECISION_STATUS[d]) && !(d === "select" && posting.full),
    ),
  };
}
export type ApplicantView = ReturnType<typeof applicantView>;

/** The query parameters of the two steps around a decision, dropped once it is made or undone. */
const STEP_PARAMETERS = ["confirm", "decision", "confirmSite", "decided", "undone", "application"];

function listUrl(request: Request, add: Record<string, string> = {}) {
  const url = new URL(request.url);
  for (const name of STEP_PARAMETERS) url.searchParams.delete(name);
  for (const [name, value] of Object.entries(add)) url.searchParams.set(name, value);
  return `${url.pathname}${url.search}`;
}

export async function applicantsLoader(request: Request, scope: Scope) {
  const user = await requireJobsStaff(request);
  const searchParams = new URL(request.url).searchParams;
  const submission = parseWithZod(searchParams, { schema: ApplicantFilterSchema });
  invariantResponse(submission.status === "success", () => badRequest("Invalid filter"));
  const filter = submission.value;
  const current = now();
  const confirmQuery = ConfirmDecisionQuerySchema.safeParse(Object.fromEntries(searchParams));
  const [list, preview] = await Promise.all([
    listApplicants(user, scope, filter),
    confirmQuery.success
      ? previewDecision(
          user,
          scope,
          {
            applicationId: confirmQuery.data.confirm,
            decision: confirmQuery.data.decision,
            sitePostingId: confirmQuery.data.confirmSite,
          },
          current,
        )
      : null,
  ]);
  if (!list.ok) throw refusalResponse(list);
  if (preview && !preview.ok && preview.code === "forbidden") throw refusalResponse(preview);
  // A public-work site's applicants applied to its round: show them there.
  if (list.posting?.roundId)
    throw redirect(`/staff/rounds/${list.posting.roundId}/applicants?site=${list.posting.id}`);
  // Just decided: the decision, and whether it can still be undone (until its message goes).
  const decidedId = searchParams.get("decided") ? searchParams.get("application") : null;
  const undo = decidedId ? await undoableDecision(user, scope, decidedId, current) : null;
  const full = list.posting ? list.posting.selectedCount >= list.posting.positions : false;
  return {
    filter,
    total: list.total,
    pageCount: list.pageCount,
    counts: list.counts,
    posting: list.posting,
    round: list.round,
    sites: list.sites,
    full,
    applicants: list.applicants.map((applicant) => applicantView(applicant, { full })),
    confirm: preview?.ok
      ? {
          ...preview,
          closesAt: preview.closesAt.toISOString(),
          notifyAt: preview.notifyAt.toISOString(),
        }
      : null,
    /** why the confirmation asked for cannot be given (the list says it, once) */
    confirmRefusal: preview && !preview.ok ? preview.code : null,
    undo: undo ? { ...undo, until: undo.until.toISOString() } : null,
  };
}

/**
 * The list's one action, in steps that each answer with a redirect back to the same filtered list
 * (so a reload never sends anything twice): a settling decision first asks to be confirmed
 * (`?confirm=…`), then is made (`?decided=…`), then can be undone for a while (`?undone=…`);
 * "start review" is made at once. A refusal shows the list again with why.
 */
export async function applicantsAction(
  request: Request,
  context: AppLoadContext | undefined,
  scope: Scope,
) {
  const user = await requireJobsStaff(request);
  const formData = await readFormData(request);
  const meta = { now: now(), ip: clientIp(context) };
  if (formData.get("intent") === "undo") {
    const submission = parseWithZod(formData, { schema: UndoDecisionSchema });
    if (submission.status !== "success") return invalid(submission);
    const outcome = await undoDecision(user, scope, submission.value, meta);
    if (!outcome.ok) {
      if (outcome.code === "forbidden") throw refusalResponse(outcome);
      return refused(outcome);
    }
    return redirect(
      listUrl(request, { undone: outcome.status, application: submission.value.applicationId }),
    );
  }
  const submission = parseWithZod(formData, { schema: DecisionSchema });
  if (submission.status !== "success") return invalid(submission);
  const { intent, applicationId, sitePostingId, confirm } = submission.value;
  if (isSettling(intent) && confirm !== "yes") {
    // Not yet: show what it would do and ask. (Checked now, so that a decision that cannot be
    // made is refused here rather than on the confirmation page.)
    const preview = await previewDecision(
      user,
      scope,
      { applicationId, decision: intent, sitePostingId },
      meta.now,
    );
    if (!preview.ok) {
      if (preview.code === "forbidden") throw refusalResponse(preview);
      return refused(preview);
    }
    return redirect(
      listUrl(request, {
        confirm: applicationId,
        decision: intent,
        ...(sitePostingId ? { confirmSite: sitePostingId } : {}),
      }),
    );
  }
  const outcome = await decideApplication(
    user,
    scope,
    { applicationId, decision: intent, sitePostingId },
    meta,
  );
  if (!outcome.ok) {
    if (outcome.code === "forbidden") throw refusalResponse(outcome);
    return refused(outcome);
  }
  return redirect(listUrl(request, { decided: outcome.status, application: applicationId }));
}

const CSV_COLUMNS = [
  "applicationId",
  "name",
  "email",
  "phone",
  "birthDate",
  "district",
  "employmentStatus",
  "status",
  "waitlistRank",
  "site",
  "preferences",
  "submittedAt",
  "decidedAt",
  "motivation",
  "availability",
] as const;
type CsvColumn = (typeof CSV_COLUMNS)[number];

/** Every applicant as a CSV file for Excel, with headers in the staff member's language. */
export async function applicantsCsv(
  request: Request,
  context: AppLoadContext | undefined,
  scope: Scope,
) {
  const user = await requireJobsStaff(request);
  const exported = await exportApplicants(user, scope, { ip: clientIp(context) });
  if (!exported.ok) throw refusalResponse(exported);
  const [t, language] = [await getServerT(request), await getLocale(request)];
  const siteTitle = new Map(exported.sites.map((s) => [s.id, localized(s, language, "title")]));
  const header = CSV_COLUMNS.filter(
    (column) => "roundId" in scope || (column !== "site" && column !== "preferences"),
  );
  const rows = exported.applicants.map((a) => {
    const facts = a.snapshot.facts;
    const cells: Record<CsvColumn, string | number | null> = {
      applicationId: a.id,
      name: a.name,
      email: a.email,
      phone: a.phone,
      birthDate: facts.birthDate ? formatCalendarDate(facts.birthDate, language, "medium") : null,
      district: facts.district ? t(`districts:${facts.district as "mapo"}`) : null,
      employmentStatus: facts.employmentStatus
        ? t(`account:employmentStatus.${facts.employmentStatus as "employed"}`)
        : null,
      status: t(`jobs:status.${a.status}`),
      waitlistRank: a.waitlistRank,
      site: a.sitePostingId ? (siteTitle.get(a.sitePostingId) ?? null) : null,
      preferences: a.sitePreferences.map((p) => siteTitle.get(p.postingId) ?? "").join(" > "),
      submittedAt: formatDateTime(a.submittedAt, language),
      decidedAt: a.decidedAt ? formatDateTime(a.decidedAt, language) : null,
      motivation: a.motivation,
      availability: a.availability,
    };
    return header.map((key) => cells[key]);
  });
  const csv = toExcelCsv(
    header.map((key) => t(`jobs:staff.csv.${key}`)),
    rows,
  );
  const slug = (exported.posting ?? exported.round)!.slug;
  return new Response(csv, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="applicants-${slug}.csv"`,
      // Personal data: never kept by a shared cache.
      "Cache-Control": "private, no-store",
    },
  });
}
