// Applies the real migrations (prisma migrate deploy), or pushes the schema (prisma db push), to
// a database file.
import { execFileSync, spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { ROOT } from "./paths";

const PRISMA = path.join(ROOT, "node_modules/.bin/prisma");

function removeDatabase(file: string) {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  for (const suffix of ["", "-wal", "-shm", "-journal"])
    fs.rmSync(`${file}${suffix}`, { force: true });
}

function prismaEnv(file: string) {
  return { ...process.env, DATABASE_URL: `file:${file}`, CHECKPOINT_DISABLE: "1" };
}

export function migrateDatabase(file: string) {
  removeDatabase(file);
  execFileSync(PRISMA, ["migrate", "deploy"], { cwd: ROOT, env: prismaEnv(file), stdio: "pipe" });
}

/**
 * `prisma db push` with the wasm schema engine finishes its work in well under a second but then
 * keeps its process alive for about a minute; we wait for its success line and end it there.
 */
export function pushSchema(file: string): Promise<void> {
  removeDatabase(file);
  return new Promise((resolve, reject) => {
    const child = spawn(PRISMA, ["db", "push", "--skip-generate"], {
      cwd: ROOT,
      env: prismaEnv(file),
    });
    let output = "";
    const timer = setTimeout(() => {
      child.kill();
      reject(new Error(`prisma db push timed out:\n${output}`));
    }, 90_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes("in sync with your Prisma schema")) {
        clearTimeout(timer);
        child.kill();
        resolve();
      }
    };
    child.stdout.on("data", onData);
    child.stderr.on("data", onData);
    child.on("exit", (code) => {
      clearTimeout(timer);
      if (output.includes("in sync with your Prisma schema")) resolve();
      else reject(new Error(`prisma db push failed (${code}):\n${output}`));
    });
  });
}
