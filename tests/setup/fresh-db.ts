// Runs before each integration test file: a fresh copy of the migrated template database
// (tests/setup/template-db.ts), used by everything the file imports (the app's Prisma client is
// created lazily from DATABASE_URL), and removed after the file.
import { afterAll, inject } from "vitest";
import { disconnectDb } from "~/utils/db.server";
import { resetEnvCache } from "~/utils/env.server";
import { copyDatabase, dropDatabase, newDatabaseUrl } from "./databases";

const url = newDatabaseUrl(inject("databaseEngine"), "test");
await copyDatabase(inject("templateDatabaseUrl"), url);
process.env.DATABASE_URL = url;
process.env.APP_ENV = "test";
resetEnvCache();

afterAll(async () => {
  // a test that timed out may still be using the database: do not wait for it for ever (the
  // drop closes whatever is still open)
  await Promise.race([disconnectDb(), new Promise((resolve) => setTimeout(resolve, 5000))]);
  await dropDatabase(url);
});
