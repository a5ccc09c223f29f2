// `npm run jobs`: runs every periodic task once, now (default), or — with --watch — runs the due
// ones every SCHEDULER_INTERVAL_MS (30 s) under the same leases as the server's scheduler, for
// deployments that run the scheduler as its own process (SCHEDULER=off on the web servers).
import { runDueTasks, runPeriodicTasks } from "../app/domain/system/tasks.server";
import { now } from "../app/utils/clock.server";
import { disconnectDb } from "../app/utils/db.server";

const watch = process.argv.includes("--watch");
const tickMs = Number(process.env.SCHEDULER_INTERVAL_MS ?? 30_000);

function report(results: unknown) {
  console.log(JSON.stringify({ time: new Date().toISOString(), results }));
}

if (watch) {
  const tick = async () => report(await runDueTasks(now(), { tickMs }));
  await tick();
  const timer = setInterval(() => void tick().catch((error) => console.error(error)), tickMs);
  const stop = () => {
    clearInterval(timer);
    void disconnectDb().then(() => process.exit(0));
  };
  process.on("SIGTERM", stop);
  process.on("SIGINT", stop);
} else {
  report(await runPeriodicTasks(now()));
  await disconnectDb();
}
