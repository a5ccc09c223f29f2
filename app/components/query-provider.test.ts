import { afterEach, describe, expect, it, vi } from "vitest";

afterEach(() => {
  vi.unstubAllGlobals();
  vi.resetModules();
});

describe("the app's QueryClient", () => {
  it("is one for the whole visit in the browser", async () => {
    vi.stubGlobal("document", {});
    const { getQueryClient } = await import("./query-provider");
    const first = getQueryClient();
    expect(getQueryClient()).toBe(first);
    // another part of the page, or another page, gets the same client (and so the same cache)
    first.setQueryData(["probe"], 1);
    expect(getQueryClient().getQueryData(["probe"])).toBe(1);
  });

  it("is never shared between server renders", async () => {
    expect(typeof document).toBe("undefined");
    const { getQueryClient } = await import("./query-provider");
    const first = getQueryClient();
    first.setQueryData(["probe"], "another visitor's");
    expect(getQueryClient()).not.toBe(first);
    expect(getQueryClient().getQueryData(["probe"])).toBeUndefined();
  });
});
