import { describe, expect, it } from "vitest";
import {
  bodySizeProblem,
  contentSecurityPolicy,
  isAllowedMutationOrigin,
  isSiteHost,
  requestTarget,
  siteOrigins,
} from "./security.js";

const base = {};
const site = ["https://portal.seoul.test"];

describe("mutation origin check", () => {
  it("lets reads through whatever their origin", () => {
    expect(
      isAllowedMutationOrigin({ ...base, method: "GET", origin: "https://evil.test" }, site),
    ).toBe(true);
  });

  it("accepts a POST from the site itself", () => {
    expect(
      isAllowedMutationOrigin(
        { ...base, method: "POST", origin: "https://portal.seoul.test" },
        site,
      ),
    ).toBe(true);
  });

  it("refuses a POST from another site, from a null origin (even with our Referer), or from nowhere", () => {
    expect(
      isAllowedMutationOrigin({ ...base, method: "POST", origin: "https://evil.test" }, site),
    ).toBe(false);
    expect(isAllowedMutationOrigin({ ...base, method: "POST", origin: "null" }, site)).toBe(false);
    expect(
      isAllowedMutationOrigin(
        { method: "POST", origin: "null", referer: "https://portal.seoul.test/login" },
        site,
      ),
    ).toBe(false);
    expect(isAllowedMutationOrigin({ ...base, method: "DELETE" }, site)).toBe(false);
  });

  it("lets mail providers POST a one-click unsubscribe (RFC 8058) without Origin, nothing else", () => {
    const oneClick = { method: "POST", path: "/unsubscribe/abc.reminders.sig-_1" };
    expect(isAllowedMutationOrigin(oneClick, site)).toBe(true);
    expect(isAllowedMutationOrigin({ ...oneClick, origin: "https://evil.test" }, site)).toBe(false);
    expect(isAllowedMutationOrigin({ ...oneClick, path: "/account/delete" }, site)).toBe(false);
    expect(isAllowedMutationOrigin({ ...oneClick, path: "/unsubscribe/a/b" }, site)).toBe(false);
  });

  it("falls back to the Referer when there is no Origin", () => {
    expect(
      isAllowedMutationOrigin(
        { ...base, method: "POST", referer: "https://portal.seoul.test/login" },
        site,
      ),
    ).toBe(true);
    expect(
      isAllowedMutationOrigin({ ...base, method: "POST", referer: "https://evil.test/x" }, site),
    ).toBe(false);
    expect(isAllowedMutationOrigin({ ...base, method: "POST", referer: "not a url" }, site)).toBe(
      false,
    );
  });

  it("uses the site's origins, never the Host header", () => {
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

describe("site origins and hosts", () => {
  it("are APP_ORIGINS, normalised, the first one canonical", () => {
    expect(siteOrigins(" https://jobs.seoul.go.kr/ , https://www.jobs.seoul.go.kr", 3000)).toEqual({
      origins: ["https://jobs.seoul.go.kr", "https://www.jobs.seoul.go.kr"],
      configured: true,
    });
    expect(() => siteOrigins("jobs.seoul.go.kr", 3000)).toThrow(/APP_ORIGINS/);
    expect(() => siteOrigins("ftp://jobs.seoul.go.kr", 3000)).toThrow(/APP_ORIGINS/);
  });

  it("are this machine's loopback names when APP_ORIGINS is unset", () => {
    expect(siteOrigins(undefined, 3000).origins).toEqual([
      "http://localhost:3000",
      "http://127.0.0.1:3000",
      "http://[::1]:3000",
    ]);
  });

  it("answer only requests addressed to them; forged and malformed hosts are not", () => {
    const { origins } = siteOrigins("https://jobs.seoul.go.kr", 3000);
    expect(isSiteHost("jobs.seoul.go.kr", origins)).toBe(true);
    expect(isSiteHost("JOBS.seoul.go.kr", origins)).toBe(true);
    expect(isSiteHost("evil.example", origins)).toBe(false);
    expect(isSiteHost("jobs.seoul.go.kr:8443", origins)).toBe(false);
    expect(isSiteHost("jobs.seoul.go.kr/../x", origins)).toBe(false);
    expect(isSiteHost("", origins)).toBe(false);
    expect(isSiteHost(undefined, origins)).toBe(false);
    expect(isSiteHost("a".repeat(1000), origins)).toBe(false);
    expect(isSiteHost("127.0.0.1:3000", siteOrigins("", 3000).origins)).toBe(true);
    expect(isSiteHost("[::1]:3000", siteOrigins("", 3000).origins)).toBe(true);
  });
});

describe("request target", () => {
  it("takes a path as it is, and a whole URL as its host and path", () => {
    expect(requestTarget("/jobs?q=%EC%B2%AD")).toEqual({
      problem: null,
      path: "/jobs?q=%EC%B2%AD",
      host: undefined,
    });
    expect(requestTarget("http://evil.example/jobs?page=2")).toEqual({
      problem: null,
      path: "/jobs?page=2",
      host: "evil.example",
    });
  });

  it.each(["*", "evil", "/%zz", "/jobs/%E0%A4%A", "/%ED%A0%80", "/book/%FF/x", "http://[::1"])(
    "refuses %s",
    (target) => {
      expect(requestTarget(target).problem).toBe(400);
    },
  );

  it("leaves the query string's encoding to the query checks, and refuses two Host lines", () => {
    expect(requestTarget("/jobs?q=%zz").problem).toBeNull();
    expect(requestTarget("/jobs", 2)).toMatchObject({ problem: 400 });
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
