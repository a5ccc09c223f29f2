import type { LoaderFunctionArgs } from "@remix-run/node";
import { getEnv } from "~/utils/env.server";
import { invariantResponse, notFound } from "~/utils/http.server";

// Test-only seam: a request that takes `ms` milliseconds (at most 30 s), for the graceful
// shutdown tests (an answer in flight when the server is told to stop). Outside APP_ENV=test
// this route does not exist.
export async function loader({ request, context }: LoaderFunctionArgs) {
  invariantResponse(getEnv().appEnv === "test", notFound);
  // Tests wait for this line to know the request is in flight.
  context.log?.info({ event: "test-support.slow.started" }, "slow request started");
  const ms = Math.min(
    30_000,
    Math.max(0, Number(new URL(request.url).searchParams.get("ms")) || 0),
  );
  await new Promise((resolve) => setTimeout(resolve, ms));
  return Response.json({ waitedMs: ms, pid: process.pid });
}
