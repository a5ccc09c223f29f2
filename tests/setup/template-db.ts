// Global setup of the integration tests: one database migrated with the real migrations, which
// every test file then copies (tests/setup/fresh-db.ts; a copy takes milliseconds, a migration
// seconds). The project's engine (`databaseEngine` in vitest.config.ts) says where: a SQLite file,
// or a database on the PostgreSQL server in TEST_POSTGRESQL_URL.
import type { TestProject } from "vitest/node";
import { dropDatabase, newDatabaseUrl, removeAbandonedSqliteFiles, untilUnused } from "./databases";
import { migrateDatabase } from "./migrate";
import { TEMPLATE_DB } from "./paths";

declare module "vitest" {
  export interface ProvidedContext {
    databaseEngine: "sqlite" | "postgresql";
    templateDatabaseUrl: string;
  }
}

export default async function setup(project: TestProject) {
  const engine = project.getProvidedContext().databaseEngine;
  if (engine === "sqlite") removeAbandonedSqliteFiles();
  const url =
    engine === "sqlite" ? `file:${TEMPLATE_DB}` : newDatabaseUrl("postgresql", "portal_template");
  await migrateDatabase(url);
  await untilUnused(url);
  project.provide("templateDatabaseUrl", url);
  return async () => {
    if (engine === "postgresql") await dropDatabase(url);
  };
}
