// Every periodic task of the portal, in the order they run, and how they are run. The server's
// scheduler and `npm run jobs -- --watch` call runDueTasks: each task is started by at most one
// process at a time and once per interval across every process and machine, through a lease row
// (TaskLease) taken by one conditional update. Tests and `npm run jobs` call runPeriodicTasks,
// which runs them all now. Every task is also safe to run twice at once (each claims its rows).
import os from "node:os";
import { runSlotDraws } from "~/domain/booking/lottery.server";
import { expireWaitlistOffers } from "~/domain/booking/waitlist.server";
import { syncAllSlots } from "~/domain/booking/schedule.server";
import { runAllocationTasks } from "~/domain/events/allocation.server";
import { sendEventReminders } from "~/domain/events/reminders.server";
import { sendFollowNotices } from "~/domain/jobs/follows.server";
import { pruneLaborQuestions } from "~/domain/labor/questions.server";
import { dispatchDueNotifications } from "~/domain/notifications/service.server";
import { pruneSessionsAndLoginAttempts } from "~/domain/residents/service.server";
import { isUniqueViolation } from "~/domain/shared/db-errors";
import { getDb } from "~/utils/db.server";

export type PeriodicTask = {
  name: string;
  /** least time between two starts, in seconds; "tick" = every scheduler tick */
  every: number | "tick";
  run: (now: Date) => Promise<Record<string, number>>;
};

/** In order: what makes messages (offers, follow notices) runs before the outbox is sent. */
export const PERIODIC_TASKS: readonly PeriodicTask[] = [
  { name: "booking.waitlist-offers", every: "tick", run: expireWaitlistOffers },
  { name: "booking.draws", every: "tick", run: runSlotDraws },
  { name: "events.allocation", every: "tick", run: runAllocationTasks },
  { name: "jobs.follow-notices", every: 300, run: sendFollowNotices },
  { name: "events.reminders", every: 300, run: sendEventReminders },
  { name: "notifications.dispatch", every: "tick", run: (now) => dispatchDueNotifications(now) },
  { name: "booking.slot-horizon", every: 3600, run: syncAllSlots },
  { name: "residents.prune", every: 3600, run: pruneSessionsAndLoginAttempts },
  { name: "labor.questions-retention", every: 3600, run: pruneLaborQuestions },
];

/** A task that runs longer than this is presumed dead; another process may then start it. */
const LONGEST_RUN_MS = 10 * 60_000;
/** Ticks of different processes are not in step: a lease ending this soon counts as ended. */
const TOLERANCE_MS = 2_000;

export type TaskResult = Record<string, number> | { error: string } | { skipped: "leased" };

const PROCESS_HOLDER = `${os.hostname()}:${process.pid}`;

async function runOne(task: PeriodicTask, now: Date): Promise<TaskResult> {
  try {
    return await task.run(now);
  } catch (error) {
    return { error: error instanceof Error ? error.message : String(error) };
  }
}

/** Runs every task now, without leases (tests; `npm run jobs` once). */
export async function runPeriodicTasks(now: Date) {
  const results: Record<string, TaskResult> = {};
  for (const task of PERIODIC_TASKS) results[task.name] = await runOne(task, now);
  return results;
}

/**
 * Runs the tasks whose interval has passed and that no other process is running, each under a
 * lease. `now` is the app's clock (what the task reasons about); leases use real time, because
 * they coordinate processes, not business rules. `tickMs` is the scheduler's interval.
 */
export async function runDueTasks(
  now: Date,
  options: { tickMs: number; holder?: string; tasks?: readonly PeriodicTask[] },
) {
  const holder = options.holder ?? PROCESS_HOLDER;
  const results: Record<string, TaskResult> = {};
  for (const task of options.tasks ?? PERIODIC_TASKS) {
    const startedAt = new Date();
    if (!(await takeLease(task.name, holder, startedAt))) {
      results[task.name] = { skipped: "leased" };
      continue;
    }
    const result = await runOne(task, now);
    results[task.name] = result;
    const intervalMs = task.every === "tick" ? options.tickMs : task.every * 1000;
    await getDb().taskLease.updateMany({
      where: { name: task.name, holder },
      data: {
        leasedUntil: new Date(startedAt.getTime() + intervalMs),
        lastFinishedAt: new Date(),
        lastOutcome: JSON.stringify(result).slice(0, 1000),
        failures: "error" in result ? { increment: 1 } : 0,
      },
    });
  }
  return results;
}

/** One conditional update decides who runs the task; the row is made on first use. */
async function takeLease(name: string, holder: string, at: Date): Promise<boolean> {
  const db = getDb();
  const claim = () =>
    db.taskLease.updateMany({
      where: { name, leasedUntil: { lte: new Date(at.getTime() + TOLERANCE_MS) } },
      data: { holder, leasedUntil: new Date(at.getTime() + LONGEST_RUN_MS), lastStartedAt: at },
    });
  if ((await claim()).count === 1) return true;
  const exists = await db.taskLease.findUnique({ where: { name }, select: { name: true } });
  if (exists) return false;
  try {
    await db.taskLease.create({ data: { name, leasedUntil: new Date(0) } });
  } catch (error) {
    if (!isUniqueViolation(error)) throw error; // another process made it first
  }
  return (await claim()).count === 1;
}
