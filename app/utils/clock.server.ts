// The one source of "now" on the server. Business rules take `now` as a parameter; routes ask
// this module. Only the test environment (APP_ENV=test) can fix the clock, so production always
// runs on real time. With TEST_CLOCK_FILE (tests only) the fixed instant is kept in that file
// instead of in memory, so that every process of a server started with WEB_CONCURRENCY > 1 — and
// any other process given the same file — sees the same clock.
import fs from "node:fs";
import { getEnv } from "./env.server";

let testNow: Date | null = null;

function storedTestNow(): Date | null {
  const file = getEnv().TEST_CLOCK_FILE;
  if (!file) return testNow;
  let text = "";
  try {
    text = fs.readFileSync(file, "utf8").trim();
  } catch {
    // no file: the clock was never set
  }
  return text ? new Date(text) : null;
}

export function now(): Date {
  if (getEnv().appEnv === "test") {
    const set = storedTestNow();
    if (set) return new Date(set);
    const fixed = getEnv().TEST_FIXED_NOW;
    if (fixed) return new Date(fixed);
  }
  return new Date();
}

/** Test-only: fix (or with null, release) the clock. Refused outside APP_ENV=test. */
export function setTestNow(instant: Date | null) {
  if (getEnv().appEnv !== "test") throw new Error("The clock can only be set in tests");
  testNow = instant ? new Date(instant) : null;
  const file = getEnv().TEST_CLOCK_FILE;
  if (file) {
    // written whole, then renamed into place: a reader never sees half an instant
    const next = `${file}.${process.pid}.tmp`;
    fs.writeFileSync(next, testNow ? testNow.toISOString() : "");
    fs.renameSync(next, file);
  }
}
