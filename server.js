// The HTTP server's entry (`npm start`, `npm run serve`, `npm run dev`). WEB_CONCURRENCY=N (default:
// 1 on SQLite, one per CPU core on PostgreSQL) starts N processes sharing the port under a cluster
// primary that restarts any that crash (server/cluster.js); one process runs alone, without a
// primary. Each process is server/app.js: Express in front of Remix. Migrations and the seed are
// `npm run setup`, run once before the server starts, never per process.
import cluster from "node:cluster";
import { serverConfig } from "./server/config.js";

let config;
try {
  config = serverConfig(process.env);
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
}

if (cluster.isPrimary && config.workers > 1) {
  const { runPrimary } = await import("./server/cluster.js");
  runPrimary(config);
} else {
  const { startServer } = await import("./server/app.js");
  try {
    await startServer(config);
  } catch (error) {
    console.error("The server could not start:", error);
    process.exit(1);
  }
}
