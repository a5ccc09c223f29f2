import {
  databaseEngineName,
  migrationState,
  processInfo,
  type MigrationState,
} from "~/domain/system/operations.server";
import { checkDatabase } from "~/domain/system/service.server";

/**
 * Liveness and readiness for the load balancer: the process answers, the database does too and
 * has every migration this code expects (503 otherwise). `status` and `database` keep their
 * original meaning; the rest tells an operator which process answered, on which engine.
 */
export async function loader() {
  const database = await checkDatabase();
  let migrations: (Omit<MigrationState, "engine"> & { state: string }) | { state: "unknown" } = {
    state: "unknown",
  };
  if (database) {
    try {
      const { engine: _engine, ...state } = await migrationState();
      migrations = { state: state.pending.length > 0 ? "pending" : "ok", ...state };
    } catch {
      migrations = { state: "unknown" };
    }
  }
  const healthy = database && migrations.state === "ok";
  return Response.json(
    {
      status: healthy ? "ok" : "error",
      database: database ? "ok" : "unreachable",
      engine: databaseEngineName(),
      process: processInfo(),
      migrations,
    },
    { status: healthy ? 200 : 503, headers: { "Cache-Control": "no-store" } },
  );
}
