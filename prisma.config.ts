// Prisma 6.19 in its Rust-free mode: the query engine and the schema engine both run as
// JavaScript/WebAssembly over the better-sqlite3 driver adapter, so no native engine binary has
// to be downloaded (see docs/decisions/0001-prisma-rust-free.md).
import fs from "node:fs";
import path from "node:path";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { defineConfig } from "prisma/config";

const databaseUrl = process.env.DATABASE_URL ?? "file:./data/portal.db";
process.env.DATABASE_URL = databaseUrl;
const databaseFile = path.resolve(databaseUrl.replace(/^file:/, ""));

export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: path.join("prisma", "schema.prisma"),
  migrations: { path: path.join("prisma", "migrations"), seed: "tsx prisma/seed.ts" },
  adapter: async () => {
    // A fresh clone has no ./data yet; SQLite creates the file but not its folder.
    fs.mkdirSync(path.dirname(databaseFile), { recursive: true });
    return new PrismaBetterSQLite3({ url: `file:${databaseFile}` });
  },
});
