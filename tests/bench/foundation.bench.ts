// Baseline: the home page and the health check on the production build, on the seeded database.
import { seed } from "../../prisma/seed";
import { benchDatabase, initialJavaScriptBytes, load, printResults, startServer } from "./support";

const { url, db, close } = await benchDatabase("foundation");
await seed(db, { demoAccounts: false });
await close();
const server = await startServer(url);
try {
  const results = [
    await load("GET / (home, SSR)", { url: `${server.url}/`, duration: 8 }),
    await load("GET /healthz", { url: `${server.url}/healthz`, duration: 5 }),
  ];
  printResults("Foundation on the production build, 20 connections", results);
  const js = await initialJavaScriptBytes(`${server.url}/`);
  console.log(
    `Home page JavaScript before interaction: ${js.files} files, ${(js.gzipBytes / 1024).toFixed(1)} KB gzipped`,
  );
} finally {
  await server.stop();
}
