// The one Prisma client of the process, on the engine DATABASE_URL names (decision 0009):
//   file:…          SQLite through better-sqlite3 (the embedded default), one connection whose
//                   statements take turns (serialized-adapter.server.ts)
//   postgresql://…  PostgreSQL 15+ through node-postgres, a pool of DATABASE_POOL_SIZE connections
// Created on first use, so a test can point DATABASE_URL at its own database first. Both clients
// are generated from the same schema; code is written against the SQLite client's types, which the
// PostgreSQL client's are a superset of.
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import type {
  SqlDriverAdapter,
  SqlMigrationAwareDriverAdapterFactory,
  SqlQuery,
  Transaction,
} from "@prisma/driver-adapter-utils";
import pg from "pg";
import { isDatabaseBusy, isSerializationFailure } from "~/domain/shared/db-errors";
import { PrismaClient } from "~/generated/prisma/client";
import { PrismaClient as PostgresqlPrismaClient } from "~/generated/prisma-postgresql/client";
import { databaseEngine, databaseFileFromUrl, getEnv, type DatabaseEngine } from "./env.server";
import { serviceUnavailable } from "./http.server";
import { keepQueryPlans, queryPlanCounts } from "./query-plans.server";
import { serializedAdapter, sqliteQueueDepth } from "./serialized-adapter.server";
import { globalClientInTransaction, runInTransactionScope } from "./transaction-scope.server";

export { type DatabaseEngine };

export type Connection = { client: PrismaClient; engine: DatabaseEngine; pool?: pg.Pool };

declare global {
  // Kept on globalThis so that development reloads do not open new connections each time.
  var __portalDb: Connection | undefined;
}

/**
 * The process's client. Inside an interactive transaction's callback use its `tx`: a statement on
 * this client there would, on SQLite, wait for the transaction that waits for it, and on
 * PostgreSQL run outside the transaction — so calling getDb() there throws (development, tests,
 * and always on SQLite, where it could only hang).
 */
export function getDb(): PrismaClient {
  const current = connection();
  if (current.engine === "sqlite" || getEnv().appEnv !== "production") {
    const misuse = globalClientInTransaction();
    if (misuse) throw misuse;
  }
  return current.client;
}

function connection(): Connection {
  if (!globalThis.__portalDb) {
    const env = getEnv();
    globalThis.__portalDb = openDatabase(env.DATABASE_URL, {
      poolSize: env.DATABASE_POOL_SIZE,
    });
  }
  return globalThis.__portalDb;
}

type OpenOptions = {
  /** PostgreSQL connections in the pool */
  poolSize?: number;
};

/**
 * A client on either engine with the portal's rules. The app uses getDb(); the seed, tests and
 * benchmarks open their own with this, so that every client behaves alike.
 */
export function openDatabase(url: string, options: OpenOptions = {}): Connection {
  keepQueryPlans();
  return databaseEngine(url) === "postgresql"
    ? postgresql(url, options)
    : sqlite(databaseFileFromUrl(url));
}

function sqlite(file: string): Connection {
  // Wait up to 5 s for a lock held by another process (a seed or job run beside the server).
  const adapter = counted(
    serializedAdapter(new PrismaBetterSQLite3({ url: `file:${file}`, timeout: 5000 })),
  );
  const client = withTransactionRules(new PrismaClient({ adapter }));
  // WAL lets readers carry on while one writer writes (persists in the file).
  void client.$queryRawUnsafe("PRAGMA journal_mode = WAL").catch(() => undefined);
  return { client, engine: "sqlite" };
}

function postgresql(url: string, options: OpenOptions): Connection {
  const pool = new pg.Pool({
    connectionString: url,
    max: options.poolSize ?? 10,
    // A request should fail rather than hang when the database is unreachable.
    connectionTimeoutMillis: 10_000,
    idleTimeoutMillis: 30_000,
    application_name: "seoul-portal",
  });
  // An idle connection dropped by the server must not crash the process; the pool replaces it.
  pool.on("error", (error) => console.error("database pool:", error.message));
  const adapter = counted(endingReleases(new PrismaPg(pool)));
  const client = new PostgresqlPrismaClient({ adapter }) as unknown as PrismaClient;
  return { client: withTransactionRules(client), engine: "postgresql", pool };
}

/**
 * Interactive transactions run their callback in a known scope (so that the global client cannot
 * be used by mistake inside it) and are tried once more when the database reports a
 * serialization failure or a deadlock, which PostgreSQL asks the client to retry.
 */
function withTransactionRules(client: PrismaClient): PrismaClient {
  const original = client.$transaction.bind(client) as (
    arg: unknown,
    options?: unknown,
  ) => Promise<unknown>;
  const transaction = async (arg: unknown, options?: unknown) => {
    if (typeof arg !== "function") return original(arg, options);
    const attempt = () => original((tx: unknown) => runInTransactionScope(() => arg(tx)), options);
    try {
      return await attempt();
    } catch (error) {
      // Overload is answered "busy, try again" (503 + Retry-After), not as a fault (500).
      if (isDatabaseBusy(error)) throw serviceUnavailable();
      if (!isSerializationFailure(error)) throw error;
      return attempt().catch((again: unknown) => {
        throw isDatabaseBusy(again) ? serviceUnavailable() : again;
      });
    }
  };
  Object.defineProperty(client, "$transaction", { value: transaction });
  return client;
}

type Run<T> = () => Promise<T>;

/** What a wrapped adapter does around the statements it passes on. */
type StatementHooks = {
  /** around each statement outside a transaction */
  statement?: <T>(query: SqlQuery, run: Run<T>) => Promise<T>;
  /** before a transaction is begun */
  beginning?: () => void;
  /** around each statement inside `transaction` (COMMIT and ROLLBACK included) */
  inTransaction?: <T>(transaction: Transaction, query: SqlQuery, run: Run<T>) => Promise<T>;
};

/** A driver adapter factory whose adapters pass every statement through `hooks`. */
function aroundStatements(
  factory: SqlMigrationAwareDriverAdapterFactory,
  hooks: StatementHooks,
): SqlMigrationAwareDriverAdapterFactory {
  const outside = hooks.statement ?? (<T>(_query: SqlQuery, run: Run<T>) => run());
  const inside =
    hooks.inTransaction ?? (<T>(_transaction: Transaction, _query: SqlQuery, run: Run<T>) => run());
  const wrap = (adapter: SqlDriverAdapter): SqlDriverAdapter => ({
    provider: adapter.provider,
    adapterName: adapter.adapterName,
    queryRaw: (query: SqlQuery) => outside(query, () => adapter.queryRaw(query)),
    executeRaw: (query: SqlQuery) => outside(query, () => adapter.executeRaw(query)),
    executeScript: (script: string) => adapter.executeScript(script),
    getConnectionInfo: adapter.getConnectionInfo?.bind(adapter),
    dispose: () => adapter.dispose(),
    async startTransaction(isolationLevel): Promise<Transaction> {
      hooks.beginning?.();
      const transaction = await adapter.startTransaction(isolationLevel);
      return {
        provider: transaction.provider,
        adapterName: transaction.adapterName,
        options: transaction.options,
        queryRaw: (query: SqlQuery) =>
          inside(transaction, query, () => transaction.queryRaw(query)),
        executeRaw: (query: SqlQuery) =>
          inside(transaction, query, () => transaction.executeRaw(query)),
        commit: () => transaction.commit(),
        rollback: () => transaction.rollback(),
      };
    },
  });
  return {
    provider: factory.provider,
    adapterName: factory.adapterName,
    connect: async () => wrap(await factory.connect()),
    connectToShadowDb: async () => wrap(await factory.connectToShadowDb()),
  };
}

/**
 * PostgreSQL: the engine sends COMMIT/ROLLBACK as statements and calls commit()/rollback() — which
 * give the connection back to the pool — only when they succeed; after a failure the connection
 * would be lost to the pool for good.
 */
function endingReleases(
  factory: SqlMigrationAwareDriverAdapterFactory,
): SqlMigrationAwareDriverAdapterFactory {
  return aroundStatements(factory, {
    async inTransaction(transaction, query, run) {
      if (!/^\s*(COMMIT|ROLLBACK)\b/i.test(query.sql)) return run();
      try {
        return await run();
      } catch (error) {
        await transaction.rollback().catch(() => undefined);
        throw error;
      }
    },
  });
}

let statementsSent = 0;

/**
 * How many statements this process has sent to its database so far (a transaction's BEGIN
 * counts as one). Tests take the difference around a page's loaders, so that the statements a
 * page costs cannot creep up unnoticed.
 */
export function statementCount(): number {
  return statementsSent;
}

function counted(
  factory: SqlMigrationAwareDriverAdapterFactory,
): SqlMigrationAwareDriverAdapterFactory {
  const count = <T>(_query: SqlQuery, run: Run<T>) => {
    statementsSent += 1;
    return run();
  };
  return aroundStatements(factory, {
    statement: count,
    beginning: () => (statementsSent += 1),
    inTransaction: (_transaction, query, run) => count(query, run),
  });
}

/** The engine of the process's database (for /healthz, /metrics and engine-specific queries). */
export function currentEngine(): DatabaseEngine {
  return databaseEngine(getEnv().DATABASE_URL);
}

/**
 * "Contains this text, ignoring case" on either engine: SQLite's LIKE already ignores ASCII case,
 * PostgreSQL's does not (ILIKE through Prisma's `mode`). Korean has no case.
 */
export function containsText(value: string): { contains: string } {
  return currentEngine() === "postgresql"
    ? ({ contains: value, mode: "insensitive" } as { contains: string })
    : { contains: value };
}

/** Connections in use and waiting, for /metrics. */
export function poolStatistics() {
  const current = globalThis.__portalDb;
  if (!current) return null;
  const plans = queryPlanCounts();
  if (current.pool)
    return {
      engine: current.engine,
      total: current.pool.totalCount,
      idle: current.pool.idleCount,
      waiting: current.pool.waitingCount,
      plans,
    };
  return { engine: current.engine, total: 1, idle: 0, waiting: sqliteQueueDepth.value(), plans };
}

export async function closeDatabase(connection: Connection | undefined) {
  await connection?.client.$disconnect();
  await connection?.pool?.end().catch(() => undefined);
}

export async function disconnectDb() {
  const current = globalThis.__portalDb;
  globalThis.__portalDb = undefined;
  await closeDatabase(current);
}

export type Db = PrismaClient;
