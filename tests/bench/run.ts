// `npm run bench`: runs every tests/bench/*.bench.ts in turn (one at a time, so they do not
// compete for the machine's two cores) and prints their figures. npm run bench starts it under
// scripts/postgresql-cluster.js, so a throwaway PostgreSQL server is there (TEST_POSTGRESQL_URL)
// for the benchmarks that compare engines; `npx tsx tests/bench/run.ts <name>` runs the
// benchmarks whose file name contains <name> (under the same wrapper for PostgreSQL).
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { ROOT } from "../setup/paths";

const only = process.argv.slice(2);
const dir = path.join(ROOT, "tests/bench");
const benches = fs
  .readdirSync(dir)
  .filter((f) => f.endsWith(".bench.ts"))
  .filter((f) => only.length === 0 || only.some((o) => f.includes(o)))
  .sort();

if (benches.length === 0) console.log("No benchmarks found.");
let failed = 0;
for (const bench of benches) {
  console.log(`\n# ${bench}`);
  const result = spawnSync(path.join(ROOT, "node_modules/.bin/tsx"), [path.join(dir, bench)], {
    cwd: ROOT,
    stdio: "inherit",
    env: { ...process.env, CHECKPOINT_DISABLE: "1" },
  });
  if (result.status !== 0) failed += 1;
}
process.exit(failed > 0 ? 1 : 0);
