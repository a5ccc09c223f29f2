import type { ActionFunctionArgs } from "@remix-run/node";
import { now, setTestNow } from "~/utils/clock.server";
import { getEnv } from "~/utils/env.server";
import { badRequest, invariantResponse, notFound } from "~/utils/http.server";
import { readFormData } from "~/utils/request.server";

// Test-only seam: end-to-end tests move the server's clock (e.g. past a cancellation cut-off).
// Outside APP_ENV=test this route does not exist.
function requireTestEnvironment() {
  invariantResponse(getEnv().appEnv === "test", notFound);
}

export async function loader() {
  requireTestEnvironment();
  return Response.json({ now: now().toISOString() });
}

export async function action({ request }: ActionFunctionArgs) {
  requireTestEnvironment();
  const value = (await readFormData(request)).get("now");
  if (value === "" || value === null) {
    setTestNow(null);
    return Response.json({ now: null });
  }
  const instant = new Date(String(value));
  invariantResponse(!Number.isNaN(instant.getTime()), () => badRequest("Invalid instant"));
  setTestNow(instant);
  return Response.json({ now: instant.toISOString() });
}
