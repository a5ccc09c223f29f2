// Knows whether the code running now is inside an interactive transaction's callback, so that a
// query made there on the global client (instead of the callback's `tx`) fails loudly: on SQLite
// it would wait for the transaction that waits for it, on PostgreSQL it would run on another
// connection, outside the transaction, and see or write the wrong data.
import { AsyncLocalStorage } from "node:async_hooks";

const scope = new AsyncLocalStorage<true>();

export function runInTransactionScope<T>(work: () => T): T {
  return scope.run(true, work);
}

/** The error to fail with when the global client is used inside a transaction, else null. */
export function globalClientInTransaction(): Error | null {
  if (!scope.getStore()) return null;
  return new Error(
    "A query on the global Prisma client (getDb()) was made inside a transaction: use the transaction's client (tx).",
  );
}
