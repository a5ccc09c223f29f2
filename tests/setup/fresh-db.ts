// Runs before each integration test file: a fresh copy of the migrated template database, used by
// everything the file imports (the app's Prisma client is created lazily from DATABASE_URL).
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { afterAll } from "vitest";
import { disconnectDb } from "~/utils/db.server";
import { resetEnvCache } from "~/utils/env.server";
import { TEMPLATE_DB, TMP } from "./paths";

const file = path.join(TMP, `test-${process.pid}-${crypto.randomBytes(4).toString("hex")}.db`);
fs.copyFileSync(TEMPLATE_DB, file);
process.env.DATABASE_URL = `file:${file}`;
process.env.APP_ENV = "test";
resetEnvCache();

afterAll(async () => {
  await disconnectDb();
  for (const suffix of ["", "-wal", "-shm", "-journal"])
    fs.rmSync(`${file}${suffix}`, { force: true });
});
