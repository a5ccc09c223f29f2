// The HTTP side of jobs: who may use the back office (staff bound to an organisation manage its
// postings and rounds; admins all), the posting or round a back-office page is about, the answer
// to an application form, and the public search the page and the API share.
import type { Submission } from "@conform-to/react";
import { redirect } from "@remix-run/node";
import { getManagedPosting, getManagedRound } from "~/domain/jobs/manage.server";
import { mayUseJobsBackOffice } from "~/domain/jobs/common.server";
import { type ApplyOutcome } from "~/domain/jobs/apply.server";
import { searchPostings } from "~/domain/jobs/postings.server";
import type { SearchQuery } from "~/domain/jobs/schema";
import { requireRole } from "~/utils/auth.server";
import {
  forbidden,
  invariantResponse,
  notFound,
  refusalResponse,
  refused,
} from "~/utils/http.server";
import { sharedRead } from "~/utils/public-reads.server";

/**
 * The postings a search finds, without a resident's eligibility filter: the same for everyone, so
 * the search page and GET /api/postings share one copy (public-reads.server.ts).
 */
export function publicPostingSearch(query: SearchQuery, now: Date) {
  return sharedRead(`postings:${JSON.stringify(query)}`, () =>
    searchPostings(query, { now, residentId: null }),
  );
}

/** Staff of an organisation, or an admin; other staff (e.g. of a place only) and residents get 403. */
export async function requireJobsStaff(request: Request) {
  const user = await requireRole(request, ["staff", "admin"]);
  invariantResponse(mayUseJobsBackOffice(user), forbidden);
  return user;
}

/** A posting the jobs staff member manages: 404 if there is none, 403 if it is not theirs. */
export async function requireManagedPosting(request: Request, postingId: string | undefined) {
  const user = await requireJobsStaff(request);
  const found = await getManagedPosting(user, postingId ?? "");
  if (!found.ok) throw refusalResponse(found);
  return { user, posting: found.value };
}

/** A round the jobs staff member manages: 404 if there is none, 403 if it is not theirs. */
export async function requireManagedRound(request: Request, roundId: string | undefined) {
  const user = await requireJobsStaff(request);
  const found = await getManagedRound(user, roundId ?? "");
  if (!found.ok) throw refusalResponse(found);
  return { user, round: found.value };
}

/**
 * The answer to an application form, shared by the posting and the round forms: the new
 * application's page, or the form again with why it was refused (never a 500).
 */
export function applyResponse(outcome: ApplyOutcome, submission: Submission<unknown>) {
  if (outcome.ok) return redirect(`/applications/${outcome.applicationId}?submitted=1`);
  if (outcome.code === "notFound") throw notFound();
  return refused(outcome, {
    submission,
    params: "applicationId" in outcome ? { applicationId: outcome.applicationId } : {},
  });
}
