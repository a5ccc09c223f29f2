// HTTP belongs to the web layer (decision 0011): the responses routes throw, the status of every
// refusal code, and the one shape of action data. Domain functions return outcomes; routes turn
// them into answers here.
import type { Submission, SubmissionResult } from "@conform-to/react";
import { data } from "@remix-run/node";
import type { Code, Failure } from "~/domain/shared/outcome";
import type { ActionReply, RefusalData } from "./action-data";

/**
 * The HTTP status of each refusal: bad input 400, wrong credentials 401, not allowed 403,
 * unknown 404, too many attempts 429, the state of things does not allow it 409.
 */
const STATUS: Record<Code, number> = {
  notFound: 404,
  forbidden: 403,
  ownRole: 403,
  ineligible: 403,
  phoneRequired: 400,
  wrongService: 400,
  channelNotOffered: 400,
  channelsRequired: 400,
  formExpired: 400,
  siteRequired: 400,
  unknownSite: 400,
  unknownPlace: 400,
  unknownOrganization: 400,
  organizationRequired: 400,
  wrongPassword: 400,
  invalidCredentials: 401,
  rateLimited: 429,
  emailTaken: 409,
  notMobile: 400,
  wrongCode: 400,
  codeExpired: 409,
  // a link sent by e-mail that is expired, used or unknown (they look the same on purpose)
  linkExpired: 410,
  past: 409,
  blocked: 409,
  full: 409,
  notFull: 409,
  alreadyBooked: 409,
  alreadyWaiting: 409,
  overlap: 409,
  limit: 409,
  yearlyLimit: 409,
  tooLate: 409,
  notLive: 409,
  sameSlot: 409,
  offerGone: 409,
  notStarted: 409,
  outsideHours: 409,
  alreadyApplied: 409,
  closed: 409,
  notOpenYet: 409,
  notPublished: 409,
  roundSite: 409,
  notAllowed: 409,
  changed: 409,
  positionsBelowSelected: 409,
  duplicateRound: 409,
  slugTaken: 409,
  // a session (or event) its organiser called off
  cancelled: 409,
  // fewer seats than the people already registered
  seatsBelowRegistered: 409,
  allocationLocked: 409,
};

export function statusFor(code: Code): number {
  return STATUS[code];
}

// ───────────── responses to throw ─────────────

export function notFound() {
  return new Response("Not found", { status: 404 });
}

export function forbidden() {
  return new Response("Forbidden", { status: 403, statusText: "Forbidden" });
}

export function badRequest(message = "Bad request") {
  return new Response(message, { status: 400, statusText: "Bad Request" });
}

/** The site is too busy for this request now: try again in `retryAfterSeconds`. */
export function serviceUnavailable(retryAfterSeconds = 5) {
  return new Response("Service unavailable: too busy, try again shortly", {
    status: 503,
    headers: { "Retry-After": String(retryAfterSeconds) },
  });
}

export function payloadTooLarge(message = "Request body too large") {
  return new Response(message, { status: 413 });
}

/**
 * Throws `response` (400 "Bad request" unless given) when `condition` is falsy:
 * `invariantResponse(place, notFound)`, `invariantResponse(page > 0, () => badRequest("Invalid page"))`.
 */
export function invariantResponse(
  condition: unknown,
  response: () => Response = badRequest,
): asserts condition {
  if (!condition) throw response();
}

/**
 * A refusal as a response to throw from a loader (or an action whose page cannot show it):
 * "notFound" and "forbidden" as everywhere else, any other code with its status.
 */
export function refusalResponse(failure: { code: Code }): Response {
  if (failure.code === "notFound") return notFound();
  if (failure.code === "forbidden") return forbidden();
  return new Response(failure.code, { status: statusFor(failure.code) });
}

// ───────────── action data ─────────────

export type ReplyOptions = {
  formErrors?: string[];
  fieldErrors?: Record<string, string[]>;
  hideFields?: string[];
  resetForm?: boolean;
};

/** What the page needs to show a refusal: its code, the message's values, eligibility reasons. */
function refusalData<F extends Failure>(
  failure: F,
  params: Record<string, string | number> = {},
): RefusalData {
  const reasons = "reasons" in failure ? (failure.reasons as RefusalData["reasons"]) : null;
  return { code: failure.code, params, reasons: reasons ?? null };
}

/** The form did not validate: its errors and what was typed, 400. */
export function invalid(submission: Submission<unknown>, options?: ReplyOptions) {
  const body: ActionReply = { result: submission.reply(options), refusal: null };
  return data(body, { status: 400 });
}

/**
 * The domain refused: the form again (with the refusal as a form or field error when `reply`
 * says so) and the refusal, with the status of its code.
 */
export function refused<F extends Failure>(
  failure: F,
  options: {
    submission?: Submission<unknown>;
    reply?: ReplyOptions;
    params?: Record<string, string | number>;
    headers?: HeadersInit;
  } = {},
) {
  const result: SubmissionResult<string[]> | null = options.submission
    ? options.submission.reply(options.reply)
    : null;
  const body: ActionReply = { result, refusal: refusalData(failure, options.params) };
  return data(body, { status: statusFor(failure.code), headers: options.headers });
}
