// How a domain function says "done" or "not done, because …": one vocabulary for every capability
// (decision 0011). A refusal is a value, `{ ok: false, code }`, never an HTTP response; the web
// layer turns its code into a status (`statusFor`, app/utils/http.server.ts) and a message.

/**
 * Every reason a capability refuses something. A code means the same thing wherever it is used
 * and always answers with the same HTTP status; the message is chosen by the page (each
 * capability has its own texts, e.g. `booking:refusal.<code>`, `jobs:apply.problem.<code>`).
 */
export const CODES = [
  // who and what
  "notFound",
  "forbidden",
  "ownRole",
  "ineligible",
  "phoneRequired",
  // input that no form of ours sends, or that names something that is not there
  "wrongService",
  "channelNotOffered",
  "channelsRequired",
  "formExpired",
  "siteRequired",
  "unknownSite",
  "unknownPlace",
  "unknownOrganization",
  "organizationRequired",
  "wrongPassword",
  // accounts
  "invalidCredentials",
  "rateLimited",
  "emailTaken",
  "notMobile",
  "wrongCode",
  "codeExpired",
  "linkExpired",
  // the state of things does not allow it (now)
  "past",
  "blocked",
  "full",
  "notFull",
  "alreadyBooked",
  "alreadyWaiting",
  "overlap",
  "limit",
  "yearlyLimit",
  "tooLate",
  "notLive",
  "sameSlot",
  "offerGone",
  "notStarted",
  "outsideHours",
  "alreadyApplied",
  "closed",
  "notOpenYet",
  "notPublished",
  "roundSite",
  "notAllowed",
  "changed",
  "positionsBelowSelected",
  "duplicateRound",
  "slugTaken",
  "cancelled",
  "seatsBelowRegistered",
  "allocationLocked",
] as const;
export type Code = (typeof CODES)[number];

/** "Not done": the code says why; `Details` carries what the page needs to explain it. */
export type Failure<C extends Code = Code, Details extends object = object> = {
  ok: false;
  code: C;
} & Details;

/** What a domain function that may refuse returns: `{ ok: true, …T }` or a `Failure`. */
export type Outcome<T extends object = object, F extends Failure = Failure> =
  ({ ok: true } & T) | F;

/**
 * A refusal decided inside a transaction, thrown so that everything the transaction wrote is
 * rolled back, then caught by the same function and returned as its `failure`.
 */
export class Refused<C extends Code = Code> extends Error {
  constructor(readonly code: C) {
    super(code);
    this.name = "Refused";
  }

  get failure(): Failure<C> {
    return { ok: false, code: this.code };
  }
}
