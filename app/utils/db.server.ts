// The one Prisma client of the process. Created on first use, so a test can point DATABASE_URL at
// its own database file before anything touches the database.
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaClient } from "~/generated/prisma/client";
import { getEnv } from "./env.server";
import { serializedAdapter } from "./serialized-adapter.server";

declare global {
  // Kept on globalThis so that development reloads do not open a new connection each time.
  var __portalPrisma: PrismaClient | undefined;
}

export function getDb(): PrismaClient {
  if (!globalThis.__portalPrisma) {
    // Wait up to 5 s for a lock held by another process (a seed or job run beside the server).
    const adapter = serializedAdapter(
      new PrismaBetterSQLite3({ url: `file:${getEnv().databaseFile}`, timeout: 5000 }),
    );
    const client = new PrismaClient({ adapter });
    // WAL lets readers carry on while one writer writes (SQLite only; persists in the file).
    void client.$queryRawUnsafe("PRAGMA journal_mode = WAL").catch(() => undefined);
    globalThis.__portalPrisma = client;
  }
  return globalThis.__portalPrisma;
}

export async function disconnectDb() {
  await globalThis.__portalPrisma?.$disconnect();
  globalThis.__portalPrisma = undefined;
}

export type Db = PrismaClient;
