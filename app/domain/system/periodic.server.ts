// Work that falls due with time rather than with a request: sending the outbox (and, as other
// capabilities add them, reminders and expiring offers). Run by `npm run jobs` or by the
// scheduler the server starts; every task is safe to run from several processes at once.
import { dispatchDueNotifications } from "~/domain/notifications/service.server";

export type PeriodicTask = { name: string; run: (now: Date) => Promise<Record<string, number>> };

const tasks: PeriodicTask[] = [
  { name: "notifications.dispatch", run: (now) => dispatchDueNotifications(now) },
];

/** Capabilities register their due-work here (order matters: e.g. schedule reminders, then send). */
export function registerPeriodicTask(task: PeriodicTask, options: { before?: string } = {}) {
  if (tasks.some((t) => t.name === task.name)) return;
  const index = options.before ? tasks.findIndex((t) => t.name === options.before) : -1;
  if (index >= 0) tasks.splice(index, 0, task);
  else tasks.push(task);
}

export async function runPeriodicTasks(now: Date) {
  const results: Record<string, Record<string, number> | { error: string }> = {};
  for (const task of tasks) {
    try {
      results[task.name] = await task.run(now);
    } catch (error) {
      results[task.name] = { error: error instanceof Error ? error.message : String(error) };
    }
  }
  return results;
}
