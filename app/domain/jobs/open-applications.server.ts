// Jobs: the resident's own applications still waiting on a decision or on the start of work, with
// what happens next — "my next steps" on the "for me" page.
import type { Bilingual } from "~/domain/shared/localized";
import type { Prisma } from "~/generated/prisma/client";
import { getDb } from "~/utils/db.server";
import { isOpenApplication, nextStep, type NextStep } from "./next-step";
import { LIVE_STATUSES } from "./rules";
import type { ApplicationStatus } from "./types";

/** What an application's next step is judged on, without its posting or round. */
export const APPLICATION_STEP_SELECT = {
  id: true,
  status: true,
  postingId: true,
  roundId: true,
  decidedAt: true,
  withdrawnAt: true,
  waitlistRank: true,
} as const satisfies Prisma.ApplicationSelect;
type StepRow = Prisma.ApplicationGetPayload<{ select: typeof APPLICATION_STEP_SELECT }>;

export type OpenApplication = {
  id: string;
  status: ApplicationStatus;
  title: Bilingual;
  step: NextStep;
};

const isLive = (status: string) => (LIVE_STATUSES as readonly string[]).includes(status);

/**
 * The first `limit` of `rows` (newest first) that are still open, with their titles and next
 * steps; `more` when the resident has others. Decided and withdrawn applications cost no read,
 * and at most a few times `limit` postings or rounds are read, however many the resident has.
 */
export async function describeOpenApplications(
  rows: readonly StepRow[],
  now: Date,
  limit: number,
): Promise<{ shown: OpenApplication[]; more: boolean }> {
  const live = rows.filter((row) => isLive(row.status));
  const candidates = live.slice(0, limit * 4);
  if (candidates.length === 0) return { shown: [], more: false };
  const postingIds = candidates.flatMap((row) => (row.postingId ? [row.postingId] : []));
  const roundIds = candidates.flatMap((row) => (row.roundId ? [row.roundId] : []));
  const db = getDb();
  const [postings, rounds] = await Promise.all([
    postingIds.length > 0
      ? db.posting.findMany({
          where: { id: { in: postingIds } },
          select: {
            id: true,
            titleKo: true,
            titleEn: true,
            applicationOpensAt: true,
            applicationClosesAt: true,
            startDate: true,
          },
        })
      : [],
    roundIds.length > 0
      ? db.publicWorkRound.findMany({
          where: { id: { in: roundIds } },
          select: {
            id: true,
            nameKo: true,
            nameEn: true,
            applicationOpensAt: true,
            applicationClosesAt: true,
            workStartDate: true,
          },
        })
      : [],
  ]);
  const subjects = new Map([
    ...postings.map(
      (p) =>
        [
          p.id,
          {
            title: { ko: p.titleKo, en: p.titleEn },
            window: { opensAt: p.applicationOpensAt, closesAt: p.applicationClosesAt },
            workStartDate: p.startDate,
          },
        ] as const,
    ),
    ...rounds.map(
      (r) =>
        [
          r.id,
          {
            title: { ko: r.nameKo, en: r.nameEn },
            window: { opensAt: r.applicationOpensAt, closesAt: r.applicationClosesAt },
            workStartDate: r.workStartDate,
          },
        ] as const,
    ),
  ]);
  const open = candidates.flatMap((row): OpenApplication[] => {
    const subject = subjects.get(row.postingId ?? row.roundId ?? "");
    if (!subject) return [];
    const status = row.status as ApplicationStatus;
    const step = nextStep({ ...row, status }, subject, now);
    return isOpenApplication(step) ? [{ id: row.id, status, title: subject.title, step }] : [];
  });
  return {
    shown: open.slice(0, limit),
    more: open.length > limit || live.length > candidates.length,
  };
}
