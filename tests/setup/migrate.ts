// Makes a fresh database with the real migrations (prisma migrate deploy), or from the schema
// (prisma db push), on either engine: prisma.config.ts picks the schema and migrations folder from
// the URL's scheme. A target is a database URL (file:… or postgresql://…) or a SQLite file's path.
import { spawn } from "node:child_process";
import path from "node:path";
import { createEmptyDatabase } from "./databases";
import { ROOT } from "./paths";

const PRISMA = path.join(ROOT, "node_modules/.bin/prisma");

function databaseUrl(target: string): string {
  return /^(file:|postgres(ql)?:\/\/)/.test(target) ? target : `file:${target}`;
}

/**
 * Runs the Prisma CLI until it prints `success`. The wasm schema engine finishes its work in a
 * second or so but then may keep the process alive (about 10 s after migrate deploy on
 * PostgreSQL, a minute after db push): once it has said it succeeded, we give it a moment to end
 * by itself (it does on SQLite, leaving no journal file behind) and then end it.
 */
function prisma(args: string[], url: string, success: RegExp): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(PRISMA, args, {
      cwd: ROOT,
      env: { ...process.env, DATABASE_URL: url, DIRECT_DATABASE_URL: "", CHECKPOINT_DISABLE: "1" },
    });
    let output = "";
    let done = false;
    let lingering: NodeJS.Timeout | undefined;
    const finish = (error?: Error) => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      if (error) reject(error);
      else resolve();
    };
    const timer = setTimeout(() => {
      child.kill();
      finish(new Error(`prisma ${args.join(" ")} timed out:\n${output}`));
    }, 90_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (success.test(output) && !lingering) {
        lingering = setTimeout(() => child.kill(), 500);
      }
    };
    child.stdout.on("data", onData);
    child.stderr.on("data", onData);
    child.on("error", (error) => finish(error));
    child.on("exit", (code) => {
      clearTimeout(lingering);
      if (success.test(output)) finish();
      else finish(new Error(`prisma ${args.join(" ")} failed (${code}):\n${output}`));
    });
  });
}

/** A fresh database at `target` with every migration applied. */
export async function migrateDatabase(target: string): Promise<void> {
  const url = databaseUrl(target);
  await createEmptyDatabase(url);
  await prisma(
    ["migrate", "deploy"],
    url,
    /All migrations have been successfully applied|No pending migrations to apply/,
  );
}

/** A fresh database at `target` made from the schema alone. */
export async function pushSchema(target: string): Promise<void> {
  const url = databaseUrl(target);
  await createEmptyDatabase(url);
  await prisma(["db", "push", "--skip-generate"], url, /in sync with your Prisma schema/);
}
