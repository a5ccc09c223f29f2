// Prisma 6.19 in its Rust-free mode: the query engine and the schema engine both run as
// JavaScript/WebAssembly over a driver adapter, so no native engine binary has to be downloaded
// (docs/decisions/0001-prisma-rust-free.md). One config for both engines, chosen by the scheme of
// DATABASE_URL (docs/decisions/0009-postgresql-and-several-processes.md):
//   file:…           SQLite, prisma/schema.prisma and prisma/migrations (the embedded default)
//   postgresql://…   PostgreSQL 15+, prisma/postgresql/schema.prisma (generated from the SQLite one)
//                    and prisma/postgresql/migrations; DIRECT_DATABASE_URL, when set, is used here
//                    instead (a pooler's URL is fine for the site, not for migrations)
import fs from "node:fs";
import path from "node:path";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import { defineConfig } from "prisma/config";
import { CatalogTextClient } from "./prisma/postgresql/catalog-types";

const databaseUrl = process.env.DATABASE_URL ?? "file:./data/portal.db";
process.env.DATABASE_URL = databaseUrl;
const postgresql = /^postgres(ql)?:\/\//.test(databaseUrl);

export default postgresql
  ? defineConfig({
      experimental: { adapter: true },
      engine: "js",
      schema: path.join("prisma", "postgresql", "schema.prisma"),
      migrations: {
        path: path.join("prisma", "postgresql", "migrations"),
        seed: "tsx prisma/seed.ts",
      },
      // One connection: the adapter applies a migration statement by statement through the pool.
      adapter: async () =>
        new PrismaPg({
          connectionString: process.env.DIRECT_DATABASE_URL || databaseUrl,
          max: 1,
          Client: CatalogTextClient,
        }),
    })
  : defineConfig({
      experimental: { adapter: true },
      engine: "js",
      schema: path.join("prisma", "schema.prisma"),
      migrations: { path: path.join("prisma", "migrations"), seed: "tsx prisma/seed.ts" },
      adapter: async () => {
        const databaseFile = path.resolve(databaseUrl.replace(/^file:/, ""));
        // A fresh clone has no ./data yet; SQLite creates the file but not its folder.
        fs.mkdirSync(path.dirname(databaseFile), { recursive: true });
        return new PrismaBetterSQLite3({ url: `file:${databaseFile}` });
      },
    });
