// SQLite only. The better-sqlite3 adapter has one connection per process. It makes interactive
// transactions wait for each other, but runs every other statement straight away — inside
// whichever transaction happens to be open. A write outside a transaction could then be rolled
// back with a stranger's transaction after its caller was told it succeeded, and a read could see
// rows that are then rolled back. This wrapper puts statements outside transactions in the same
// queue as transactions, so each runs alone, as it would on its own connection. (PostgreSQL, with
// a connection per transaction, does not need it: docs/decisions/0009.)
//
// It also runs the transactions itself (BEGIN … COMMIT on the same connection) instead of through
// the adapter's own mutex, because that mutex is never released when BEGIN fails or when the
// engine's COMMIT/ROLLBACK statement fails (the engine then never calls commit()/rollback():
// prisma/orm#29933), after which every later query waits forever. Here the turn is handed on
// whatever the end of a transaction does.
//
// Its transactions begin IMMEDIATE, taking the file's write lock (waiting, like any lock, up to the
// busy timeout) before they read. A deferred BEGIN reads first and asks for the lock at its first
// write; if another process (a job run, a second server) wrote in between, SQLite refuses that
// upgrade at once with SQLITE_BUSY_SNAPSHOT, which no timeout waits out. Within this process the
// transactions already take turns, so taking the lock early costs it nothing.
import type {
  SqlDriverAdapter,
  SqlMigrationAwareDriverAdapterFactory,
  SqlQuery,
  Transaction,
} from "@prisma/driver-adapter-utils";

/** First come, first served: `run` holds the turn until its work settles. */
class Queue {
  private tail: Promise<void> = Promise.resolve();
  /** Work currently queued or running, for the metrics (transaction waits). */
  waiting = 0;

  /** Waits for its turn and returns the function that hands the turn on (idempotent). */
  async turn(): Promise<() => void> {
    let release!: () => void;
    const done = new Promise<void>((resolve) => (release = resolve));
    const previous = this.tail;
    this.tail = previous.then(() => done);
    this.waiting += 1;
    await previous;
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.waiting -= 1;
      release();
    };
  }

  async run<T>(work: () => Promise<T>): Promise<T> {
    const release = await this.turn();
    try {
      return await work();
    } finally {
      release();
    }
  }
}

const statement = (sql: string): SqlQuery => ({ sql, args: [], argTypes: [] });
const ENDS = /^\s*(COMMIT|ROLLBACK)\b/i;

/** The queue's current length, per connection (one per process on SQLite). */
export const sqliteQueueDepth = { value: () => 0 };

function serialize(adapter: SqlDriverAdapter): SqlDriverAdapter {
  const queue = new Queue();
  sqliteQueueDepth.value = () => queue.waiting;
  const outside = <T>(work: () => Promise<T>): Promise<T> => queue.run(work);
  return {
    provider: adapter.provider,
    adapterName: adapter.adapterName,
    queryRaw: (query: SqlQuery) => outside(() => adapter.queryRaw(query)),
    executeRaw: (query: SqlQuery) => outside(() => adapter.executeRaw(query)),
    executeScript: (script: string) => outside(() => adapter.executeScript(script)),
    getConnectionInfo: adapter.getConnectionInfo?.bind(adapter),
    dispose: () => adapter.dispose(),
    async startTransaction(isolationLevel): Promise<Transaction> {
      if (isolationLevel && isolationLevel !== "SERIALIZABLE")
        throw new Error(`SQLite transactions are serializable; ${isolationLevel} is not offered`);
      const release = await queue.turn();
      try {
        await adapter.executeRaw(statement("BEGIN IMMEDIATE"));
      } catch (error) {
        release();
        throw error;
      }
      // The engine sends COMMIT/ROLLBACK as statements, then calls commit()/rollback() only if
      // they succeeded: hand the turn on as soon as the statement settles, either way.
      const run = async <T>(query: SqlQuery, work: () => Promise<T>): Promise<T> => {
        if (!ENDS.test(query.sql)) return work();
        try {
          return await work();
        } catch (error) {
          // A failed COMMIT leaves SQLite's transaction open: end it before the next one begins.
          await adapter.executeRaw(statement("ROLLBACK")).catch(() => undefined);
          throw error;
        } finally {
          release();
        }
      };
      return {
        provider: adapter.provider,
        adapterName: adapter.adapterName,
        options: { usePhantomQuery: false },
        queryRaw: (query: SqlQuery) => run(query, () => adapter.queryRaw(query)),
        executeRaw: (query: SqlQuery) => run(query, () => adapter.executeRaw(query)),
        commit: async () => release(),
        rollback: async () => release(),
      };
    },
  };
}

export function serializedAdapter(
  factory: SqlMigrationAwareDriverAdapterFactory,
): SqlMigrationAwareDriverAdapterFactory {
  return {
    provider: factory.provider,
    adapterName: factory.adapterName,
    connect: async () => serialize(await factory.connect()),
    connectToShadowDb: async () => serialize(await factory.connectToShadowDb()),
  };
}
