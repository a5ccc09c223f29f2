// The applicant list, decisions and CSV export of a posting or a round: the same HTTP handling
// for /staff/postings/:id/applicants and /staff/rounds/:id/applicants (and their .csv).
import { parseWithZod } from "@conform-to/zod";
import type { AppLoadContext } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { toExcelCsv } from "~/domain/jobs/csv";
import { canMoveTo, DECISION_STATUS } from "~/domain/jobs/rules";
import { ApplicantFilterSchema, DecisionSchema } from "~/domain/jobs/schema";
import {
  decideApplication,
  exportApplicants,
  listApplicants,
  type Applicant,
} from "~/domain/jobs/decisions.server";
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

function applicantView(applicant: Applicant) {
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
    decisions: DECISIONS.filter((d) => canMoveTo(applicant.status, DECISION_STATUS[d])),
  };
}
export type ApplicantView = ReturnType<typeof applicantView>;

export async function applicantsLoader(request: Request, scope: Scope) {
  const user = await requireJobsStaff(request);
  const submission = parseWithZod(new URL(request.url).searchParams, {
    schema: ApplicantFilterSchema,
  });
  invariantResponse(submission.status === "success", () => badRequest("Invalid filter"));
  const filter = submission.value;
  const list = await listApplicants(user, scope, filter);
  if (!list.ok) throw refusalResponse(list);
  // A public-work site's applicants applied to its round: show them there.
  if (list.posting?.roundId)
    throw redirect(`/staff/rounds/${list.posting.roundId}/applicants?site=${list.posting.id}`);
  return {
    filter,
    total: list.total,
    pageCount: list.pageCount,
    counts: list.counts,
    posting: list.posting,
    round: list.round,
    sites: list.sites,
    applicants: list.applicants.map(applicantView),
  };
}

/**
 * A decision from the list, answered with a redirect back to the same filtered list (so a reload
 * never sends it twice), or the list again with why it was refused.
 */
export async function applicantsAction(
  request: Request,
  context: AppLoadContext | undefined,
  scope: Scope,
) {
  const user = await requireJobsStaff(request);
  const submission = parseWithZod(await readFormData(request), { schema: DecisionSchema });
  if (submission.status !== "success") return invalid(submission);
  const outcome = await decideApplication(
    user,
    scope,
    {
      applicationId: submission.value.applicationId,
      decision: submission.value.intent,
      sitePostingId: submission.value.sitePostingId,
    },
    { now: now(), ip: clientIp(context) },
  );
  if (!outcome.ok) {
    if (outcome.code === "forbidden") throw refusalResponse(outcome);
    return refused(outcome);
  }
  const url = new URL(request.url);
  url.searchParams.set("decided", outcome.status);
  url.searchParams.set("application", submission.value.applicationId);
  return redirect(`${url.pathname}${url.search}`);
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
