import { getEnv } from "~/utils/env.server";

// Test-only seam: a resource route that fails, answered by Remix in plain text (the server adds
// the request id to quote). Outside APP_ENV=test this route does not exist.
export async function loader() {
  if (getEnv().appEnv !== "test") throw new Response("Not found", { status: 404 });
  throw new Error("Deliberate failure (test support)");
}
