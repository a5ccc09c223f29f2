import { describe, expect, it } from "vitest";
import { bodySizeProblem, contentSecurityPolicy, isAllowedMutationOrigin } from "./security.js";

const base = { host: "portal.seoul.test", protocol: "https" };

describe("mutation origin check", () => {
  it("lets reads through whatever their origin", () => {
    expect(
      isAllowedMutationOrigin({ ...base, method: "GET", origin: "https://evil.test" }, []),
    ).toBe(true);
  });

  it("accepts a POST from the site itself", () => {
    expect(
      isAllowedMutationOrigin({ ...base, method: "POST", origin: "https://portal.seoul.test" }, []),
    ).toBe(true);
  });

  it("refuses a POST from another site, from a null origin, or from nowhere", () => {
    expect(
      isAllowedMutationOrigin({ ...base, method: "POST", origin: "https://evil.test" }, []),
    ).toBe(false);
    expect(isAllowedMutationOrigin({ ...base, method: "POST", origin: "null" }, [])).toBe(false);
    expect(isAllowedMutationOrigin({ ...base, method: "DELETE" }, [])).toBe(false);
  });

  it("falls back to the Referer when there is no Origin", () => {
    expect(
      isAllowedMutationOrigin(
        { ...base, method: "POST", referer: "https://portal.seoul.test/login" },
        [],
      ),
    ).toBe(true);
    expect(
      isAllowedMutationOrigin({ ...base, method: "POST", referer: "https://evil.test/x" }, []),
    ).toBe(false);
    expect(isAllowedMutationOrigin({ ...base, method: "POST", referer: "not a url" }, [])).toBe(
      false,
    );
  });

  it("uses the configured origins, not the Host header, when there are some", () => {
    const allowed = ["https://jobs.seoul.go.kr"];
    expect(
      isAllowedMutationOrigin(
        { ...base, method: "POST", origin: "https://portal.seoul.test" },
        allowed,
      ),
    ).toBe(false);
    expect(
      isAllowedMutationOrigin(
        { ...base, method: "POST", origin: "https://jobs.seoul.go.kr" },
        allowed,
      ),
    ).toBe(true);
  });
});

describe("body size", () => {
  it("answers 413 above the limit, 400 to a nonsense length, 411 to an unsized stream", () => {
    expect(bodySizeProblem({ method: "POST", contentLength: "2000001" }, 1_000_000)).toBe(413);
    expect(bodySizeProblem({ method: "POST", contentLength: "12" }, 1_000_000)).toBeNull();
    expect(bodySizeProblem({ method: "POST", contentLength: "-5" }, 1_000_000)).toBe(400);
    expect(bodySizeProblem({ method: "POST", transferEncoding: "chunked" }, 1_000_000)).toBe(411);
    expect(bodySizeProblem({ method: "GET", contentLength: "99999999" }, 1_000_000)).toBeNull();
  });
});

describe("content security policy", () => {
  it("allows own scripts with the nonce, the tile server's images, and no framing", () => {
    const { directives } = contentSecurityPolicy({
      nonce: "abc",
      tileUrl: "https://tile.openstreetmap.org/{z}/{x}/{y}.png",
      development: false,
      https: false,
    });
    expect(directives["script-src"]).toEqual(["'self'", "'nonce-abc'"]);
    expect(directives["img-src"]).toContain("https://tile.openstreetmap.org");
    expect(directives["frame-ancestors"]).toEqual(["'none'"]);
    expect(directives["object-src"]).toEqual(["'none'"]);
    expect(directives).not.toHaveProperty("upgrade-insecure-requests");
  });
});
