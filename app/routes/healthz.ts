import { checkDatabase } from "~/domain/system/service.server";

/** Liveness and readiness for the load balancer: the process answers and the database does too. */
export async function loader() {
  const database = await checkDatabase();
  return Response.json(
    { status: database ? "ok" : "error", database: database ? "ok" : "unreachable" },
    { status: database ? 200 : 503, headers: { "Cache-Control": "no-store" } },
  );
}
