// The one source of "now" on the server. Business rules take `now` as a parameter; routes ask
// this module. Only the test environment (APP_ENV=test) can fix the clock, so production always
// runs on real time.
import { getEnv } from "./env.server";

let testNow: Date | null = null;

export function now(): Date {
  if (getEnv().appEnv === "test") {
    if (testNow) return new Date(testNow);
    const fixed = getEnv().TEST_FIXED_NOW;
    if (fixed) return new Date(fixed);
  }
  return new Date();
}

/** Test-only: fix (or with null, release) the clock. Refused outside APP_ENV=test. */
export function setTestNow(instant: Date | null) {
  if (getEnv().appEnv !== "test") throw new Error("The clock can only be set in tests");
  testNow = instant ? new Date(instant) : null;
}
