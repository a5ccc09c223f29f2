// Runs before each end-to-end test file: waits until the project's server is up (the global setup,
// tests/setup/e2e-server.ts, prepares it in the background), or fails the file with the reason.
import fs from "node:fs";
import { inject } from "vitest";

const file = inject("serverStatusFile");
const deadline = Date.now() + 300_000;
let status = "";
while (!status) {
  if (fs.existsSync(file)) status = fs.readFileSync(file, "utf8");
  else if (Date.now() > deadline) status = "failed: the e2e server was not ready after 5 minutes";
  else await new Promise((resolve) => setTimeout(resolve, 200));
}
if (status !== "ready") throw new Error(status);
