// `npm run jobs`: runs the periodic tasks once (default) or every 30 seconds (--watch).
import { runPeriodicTasks } from "../app/domain/system/periodic.server";
// Capabilities register their periodic tasks when loaded.
import "../app/domain/booking/service.server";
import "../app/domain/jobs/follows.server";
import "../app/domain/residents/service.server";
import { now } from "../app/utils/clock.server";
import { disconnectDb } from "../app/utils/db.server";

const watch = process.argv.includes("--watch");

async function once() {
  const results = await runPeriodicTasks(now());
  console.log(new Date().toISOString(), JSON.stringify(results));
}

if (watch) {
  await once();
  setInterval(() => void once(), 30_000);
} else {
  await once();
  await disconnectDb();
}
