// The better-sqlite3 adapter has one connection per process. It makes interactive transactions
// wait for each other, but runs every other statement straight away — inside whichever
// transaction happens to be open. A write outside a transaction could then be rolled back with a
// stranger's transaction after its caller was told it succeeded, and a read could see rows that
// are then rolled back. This wrapper puts statements outside transactions in the same queue as
// transactions, so each runs alone, as it would on its own connection. (PostgreSQL, with a
// connection per transaction, does not need it.)
import type {
  SqlDriverAdapter,
  SqlMigrationAwareDriverAdapterFactory,
  SqlQuery,
  Transaction,
} from "@prisma/driver-adapter-utils";

/** First come, first served: `run` holds the turn until its work settles. */
class Queue {
  private tail: Promise<void> = Promise.resolve();

  /** Waits for its turn and returns the function that hands the turn on. */
  async turn(): Promise<() => void> {
    let release!: () => void;
    const done = new Promise<void>((resolve) => (release = resolve));
    const previous = this.tail;
    this.tail = previous.then(() => done);
    await previous;
    return release;
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

function serialize(adapter: SqlDriverAdapter): SqlDriverAdapter {
  const queue = new Queue();
  return {
    provider: adapter.provider,
    adapterName: adapter.adapterName,
    queryRaw: (query: SqlQuery) => queue.run(() => adapter.queryRaw(query)),
    executeRaw: (query: SqlQuery) => queue.run(() => adapter.executeRaw(query)),
    executeScript: (script: string) => queue.run(() => adapter.executeScript(script)),
    getConnectionInfo: adapter.getConnectionInfo?.bind(adapter),
    dispose: () => adapter.dispose(),
    async startTransaction(isolationLevel): Promise<Transaction> {
      const release = await queue.turn();
      try {
        const transaction = await adapter.startTransaction(isolationLevel);
        const finish = (end: () => Promise<void>) => async () => {
          try {
            await end();
          } finally {
            release();
          }
        };
        return {
          provider: transaction.provider,
          adapterName: transaction.adapterName,
          options: transaction.options,
          queryRaw: (query: SqlQuery) => transaction.queryRaw(query),
          executeRaw: (query: SqlQuery) => transaction.executeRaw(query),
          commit: finish(() => transaction.commit()),
          rollback: finish(() => transaction.rollback()),
        };
      } catch (error) {
        release();
        throw error;
      }
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
