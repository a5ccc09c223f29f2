// Runs test code as production shares public reads (RESPONSE_CACHE_SECONDS, decision 0008):
// tests share nothing by default, so what is shared, and what never is, has to be asked for.
import { vi } from "vitest";
import { resetEnvCache } from "~/utils/env.server";
import { forgetSharedReads } from "~/utils/public-reads.server";

export async function withSharedReads<T>(work: () => Promise<T>): Promise<T> {
  vi.stubEnv("RESPONSE_CACHE_SECONDS", "15");
  resetEnvCache();
  forgetSharedReads();
  try {
    return await work();
  } finally {
    vi.unstubAllEnvs();
    resetEnvCache();
    forgetSharedReads();
  }
}
