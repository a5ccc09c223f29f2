// What an action answers when it does not redirect (decision 0011), shared by the routes that
// build it and the components that show it.
import type { SubmissionResult } from "@conform-to/react";
import type { Reason } from "~/domain/eligibility/judge";
import type { Code } from "~/domain/shared/outcome";

/** A refusal as a page shows it: its code (the page picks the message), values, reasons. */
export type RefusalData = {
  code: Code;
  /** values the message needs (`{ phone }`, `{ max }`) or links it offers (`{ applicationId }`) */
  params: Record<string, string | number>;
  /** eligibility reasons, for "ineligible" */
  reasons: Reason[] | null;
};

/**
 * The one shape of action data: Conform's reply to the form (errors next to the fields, what was
 * typed kept; null when the request had no form to validate) and, when the domain refused, the
 * refusal. Successes that stay on the page add a notice of their own (`saved`, `done`).
 */
export type ActionReply = {
  result: SubmissionResult<string[]> | null;
  refusal: RefusalData | null;
};
