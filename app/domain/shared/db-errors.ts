// Recognising database refusals, on both engines, in one place: the capabilities answer some in
// words instead of a 500, and the database client retries the others once.

function code(error: unknown): unknown {
  return typeof error === "object" && error !== null && "code" in error ? error.code : undefined;
}

/** A unique constraint refused the write (Prisma's P2002): someone else, or a resend, was first. */
export function isUniqueViolation(error: unknown): boolean {
  return code(error) === "P2002";
}

/**
 * PostgreSQL gave up on a transaction that another one conflicted with (serialization failure
 * 40001, which Prisma reports as P2034) or chose it as a deadlock victim (40P01): running it again
 * is the documented answer. SQLite, whose transactions take turns, never reports either.
 */
export function isSerializationFailure(error: unknown): boolean {
  if (code(error) === "P2034") return true;
  const message = error instanceof Error ? error.message : "";
  return /\b40P01\b|deadlock detected/i.test(message);
}

/**
 * The database could not take the work in time: a transaction found no connection or no turn
 * within its wait (Prisma's P2028), or the pool gave none (P2024, or pg's connect timeout).
 * Overload, not a fault of the request: the web layer answers 503 with Retry-After.
 */
export function isDatabaseBusy(error: unknown): boolean {
  const found = code(error);
  if (found === "P2028" || found === "P2024") return true;
  const message = error instanceof Error ? error.message : "";
  return /timeout exceeded when trying to connect/i.test(message);
}
