import { getDb } from "~/utils/db.server";

/** Portable (SQLite and PostgreSQL) readiness check for /healthz. */
export async function checkDatabase(): Promise<boolean> {
  try {
    await getDb().$queryRaw`SELECT 1`;
    return true;
  } catch {
    return false;
  }
}
