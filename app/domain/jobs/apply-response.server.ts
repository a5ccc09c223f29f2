// The answer to an application form, shared by the posting and the round forms: the new
// application's page, or the form again with why it was refused (never a 500).
import type { SubmissionResult } from "@conform-to/react";
import { data, redirect } from "@remix-run/node";
import type { Reason } from "~/domain/eligibility/judge";
import type { ApplyOutcome } from "./service.server";

export type ApplyActionData = {
  result: SubmissionResult<string[]>;
  problem: string | null;
  reasons: Reason[];
  applicationId: string | null;
};

const STATUS: Record<string, number> = {
  notEligible: 403,
  alreadyApplied: 409,
  closed: 409,
  notOpenYet: 409,
  notPublished: 409,
  roundSite: 409,
  unknownSite: 400,
};

export function applyResponse(
  outcome: ApplyOutcome,
  reply: (options?: { formErrors?: string[] }) => SubmissionResult<string[]>,
) {
  if (outcome.ok) return redirect(`/applications/${outcome.applicationId}?submitted=1`);
  if (outcome.problem === "notFound") throw new Response("Not found", { status: 404 });
  const body: ApplyActionData = {
    result: reply(),
    problem: outcome.problem,
    reasons: "reasons" in outcome ? outcome.reasons : [],
    applicationId: "applicationId" in outcome ? outcome.applicationId : null,
  };
  return data(body, { status: STATUS[outcome.problem] ?? 400 });
}
