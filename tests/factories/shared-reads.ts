// Runs test code as production shares public reads (RESPONSE_CACHE_SECONDS, decision 0008):
// tests share nothing by default, so what is shared, and what never is, has to be asked for.
import { vi } from "vitest";
import { resetEnvCache } from "~/utils/env.server";
import { forgetSharedReads } from "~/utils/public-reads.server";

export async function withSharedReads<T>(work: () => Promise<T>): Promise<T> {
  const undo = useSettings({ RESPONSE_CACHE_SECONDS: "15" });
  try {
    return await work();
  } finally {
    undo();
  }
}

/**
 * Settings for what follows (e.g. in a describe's beforeAll, which runs the returned undo after
 * it), with nothing shared yet; `sharing: "shared"` adds production's sharing window.
 */
export function useSettings(
  env: Record<string, string>,
  sharing: "afresh" | "shared" = "afresh",
): () => void {
  for (const [name, value] of Object.entries(env)) vi.stubEnv(name, value);
  if (sharing === "shared") vi.stubEnv("RESPONSE_CACHE_SECONDS", "15");
  resetEnvCache();
  forgetSharedReads();
  return () => {
    vi.unstubAllEnvs();
    resetEnvCache();
    forgetSharedReads();
  };
}
