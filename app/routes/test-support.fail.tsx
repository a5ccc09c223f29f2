import { getEnv } from "~/utils/env.server";
import { invariantResponse, notFound } from "~/utils/http.server";

// Test-only seam: a page whose loader fails, so that tests see the 500 page a resident would
// (with the request id to quote). Outside APP_ENV=test this route does not exist.
export async function loader() {
  invariantResponse(getEnv().appEnv === "test", notFound);
  throw new Error("Deliberate failure (test support)");
}

export default function Fail() {
  return null;
}
