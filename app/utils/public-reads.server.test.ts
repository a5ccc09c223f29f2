import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { resetEnvCache } from "./env.server";
import { forgetSharedReads, sharedRead } from "./public-reads.server";

function reader() {
  let calls = 0;
  return {
    read: async () => (calls += 1),
    calls: () => calls,
  };
}

function shareFor(seconds: string) {
  vi.stubEnv("RESPONSE_CACHE_SECONDS", seconds);
  resetEnvCache();
}

beforeEach(() => {
  vi.useFakeTimers({ toFake: ["Date"] });
  forgetSharedReads();
});
afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllEnvs();
  resetEnvCache();
});

describe("sharedRead", () => {
  it("reads once for everyone asking alike within the window, then afresh", async () => {
    shareFor("15");
    const { read, calls } = reader();
    expect(await Promise.all([sharedRead("a", read), sharedRead("a", read)])).toEqual([1, 1]);
    vi.advanceTimersByTime(14_999);
    expect(await sharedRead("a", read)).toBe(1);
    expect(await sharedRead("b", read)).toBe(2);
    vi.advanceTimersByTime(1);
    expect(await sharedRead("a", read)).toBe(3);
    expect(calls()).toBe(3);
  });

  it("keeps no failure: the next request reads again", async () => {
    shareFor("15");
    let calls = 0;
    const failing = async () => {
      calls += 1;
      if (calls === 1) throw new Error("database busy");
      return "list";
    };
    await expect(sharedRead("a", failing)).rejects.toThrow("database busy");
    expect(await sharedRead("a", failing)).toBe("list");
  });

  it("shares nothing when RESPONSE_CACHE_SECONDS is 0 (development and tests)", async () => {
    shareFor("0");
    const { read, calls } = reader();
    await sharedRead("a", read);
    await sharedRead("a", read);
    expect(calls()).toBe(2);
  });

  it("keeps at most 500 reads, dropping the oldest", async () => {
    shareFor("15");
    const { read, calls } = reader();
    for (let i = 0; i <= 500; i += 1) await sharedRead(`k${i}`, read);
    expect(calls()).toBe(501);
    await sharedRead("k500", read);
    expect(calls()).toBe(501);
    await sharedRead("k0", read);
    expect(calls()).toBe(502);
  });

  it("keeps large reads within a byte budget, dropping the oldest, and none alone over it", async () => {
    shareFor("15");
    const { read, calls } = reader();
    const megabytes = (n: number) => () => n * 1024 * 1024;
    for (let i = 0; i < 3; i += 1) await sharedRead(`big${i}`, read, { bytes: megabytes(12) });
    expect(calls()).toBe(3);
    // 36 MB asked for, 32 kept: the first went
    await sharedRead("big2", read);
    await sharedRead("big1", read);
    expect(calls()).toBe(3);
    await sharedRead("big0", read, { bytes: megabytes(12) });
    expect(calls()).toBe(4);
    // a read larger than the whole budget is answered but not kept
    await sharedRead("huge", read, { bytes: megabytes(40) });
    await sharedRead("huge", read, { bytes: megabytes(40) });
    expect(calls()).toBe(6);
    // forgetting every read gives the budget back
    forgetSharedReads();
    for (let i = 0; i < 2; i += 1) await sharedRead(`big${i}`, read, { bytes: megabytes(15) });
    await sharedRead("big0", read);
    expect(calls()).toBe(8);
  });
});
