// The lottery draw of program sessions (decision 0027) and of bookable services' slots (0031): a
// pure function of a seed, the applicants with their priority tiers, and the seats. Anyone holding
// a draw's record (ProgramDraw, SlotDraw) can re-run it and get the same order: sort by tier (0
// before 1), then by the hex SHA-256 of `${seed}:${applicationId}` (then by id, should two hashes
// ever be equal); the first `seats` win, the rest are the waitlist in that order.
import { createHash, randomBytes } from "node:crypto";

export type DrawApplicant = { id: string; tier: number };

export type DrawResult = {
  /** every application id in drawn order */
  order: string[];
  winners: string[];
  waitlist: string[];
};

export const drawKey = (seed: string, applicationId: string) =>
  createHash("sha256").update(`${seed}:${applicationId}`, "utf8").digest("hex");

export function runDrawFromSeed(
  seed: string,
  applicants: readonly DrawApplicant[],
  seats: number,
): DrawResult {
  const keyed = applicants.map((applicant) => ({ ...applicant, key: drawKey(seed, applicant.id) }));
  keyed.sort(
    (a, b) =>
      a.tier - b.tier ||
      (a.key < b.key ? -1 : a.key > b.key ? 1 : 0) ||
      (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
  );
  const order = keyed.map((applicant) => applicant.id);
  const taken = Math.max(0, Math.min(seats, order.length));
  return { order, winners: order.slice(0, taken), waitlist: order.slice(taken) };
}

/** A new draw's seed: 128 random bits as 32 hex characters. */
export const newSeed = () => randomBytes(16).toString("hex");

/** The applicants as recorded: sorted by id, so the record does not depend on reading order. */
export function canonicalApplicants(applicants: readonly DrawApplicant[]): DrawApplicant[] {
  return [...applicants]
    .map(({ id, tier }) => ({ id, tier }))
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}
