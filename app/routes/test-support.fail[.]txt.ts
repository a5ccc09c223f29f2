import { getEnv } from "~/utils/env.server";
import { invariantResponse, notFound } from "~/utils/http.server";

// Test-only seam: a resource route that fails, answered by Remix in plain text (the server adds
// the request id to quote). Outside APP_ENV=test this route does not exist.
export async function loader() {
  invariantResponse(getEnv().appEnv === "test", notFound);
  throw new Error("Deliberate failure (test support)");
}
