// What the real server answers over HTTP: security headers, refused cross-site mutations,
// malformed and oversized bodies, errors in both languages, health.
import fs from "node:fs";
import http from "node:http";
import path from "node:path";
import zlib from "node:zlib";
import { describe, expect, it } from "vitest";
import { baseUrl, postForm, signUpOverHttp, uniqueEmail } from "./support";

describe("security headers", () => {
  it("sends a strict CSP with a per-request nonce on the inline scripts, and the usual headers", async () => {
    const first = await fetch(`${baseUrl()}/`);
    const second = await fetch(`${baseUrl()}/`);
    const csp = first.headers.get("content-security-policy") ?? "";
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("object-src 'none'");
    expect(csp).not.toContain("unsafe-eval");
    const nonce = /'nonce-([^']+)'/.exec(csp)?.[1];
    expect(nonce).toBeTruthy();
    expect(second.headers.get("content-security-policy")).not.toContain(nonce!);
    const html = await first.text();
    const inlineScripts = [...html.matchAll(/<script(?![^>]*\bsrc=)([^>]*)>/g)];
    expect(inlineScripts.length).toBeGreaterThan(0);
    for (const [, attributes] of inlineScripts) expect(attributes).toContain(`nonce="${nonce}"`);
    expect(first.headers.get("x-content-type-options")).toBe("nosniff");
    expect(first.headers.get("referrer-policy")).toBe("strict-origin-when-cross-origin");
    expect(first.headers.get("x-frame-options")).toBe("DENY");
    expect(first.headers.get("x-powered-by")).toBeNull();
  });
});

describe("mutations", () => {
  it("refuses a form posted from another site, and changes nothing", async () => {
    const resident = await signUpOverHttp(uniqueEmail("csrf"), "Before");
    const forged = await postForm(
      `/residents/${resident.id}`,
      { name: "After", preferredLanguage: "ko" },
      resident.cookie,
      {
        Origin: "https://evil.example",
      },
    );
    expect(forged.status).toBe(403);
    const page = await fetch(`${baseUrl()}/residents/${resident.id}`, {
      headers: { Cookie: resident.cookie },
    });
    expect(await page.text()).toContain('value="Before"');
  });

  it("answers 400 to a body that is not a form, 413 to one too large, never 500", async () => {
    const json = await fetch(`${baseUrl()}/login`, {
      method: "POST",
      headers: { "Content-Type": "application/json", Origin: baseUrl() },
      body: JSON.stringify({ email: "a@b.c" }),
    });
    expect(json.status).toBe(400);
    const huge = await postForm("/signup", { email: "x".repeat(1_100_000) });
    expect(huge.status).toBe(413);
    const garbage = await fetch(`${baseUrl()}/signup`, {
      method: "POST",
      headers: { "Content-Type": "multipart/form-data; boundary=nothing", Origin: baseUrl() },
      body: "this is not multipart",
    });
    expect(garbage.status).toBe(400);
  });

  it("validates on the server without JavaScript, in the language asked for, keeping the values", async () => {
    const response = await postForm("/signup", { email: "bad-address", name: "Typed Name" }, "", {
      "Accept-Language": "en-GB,en;q=0.9",
    });
    expect(response.status).toBe(400);
    const html = await response.text();
    expect(html).toContain("Please enter a valid e-mail address.");
    expect(html).toContain('value="bad-address"');
    expect(html).toContain('value="Typed Name"');
    const korean = await postForm("/signup", { email: "bad-address" }, "", {
      "Accept-Language": "ko-KR",
    });
    expect(await korean.text()).toContain("올바른 이메일 주소를 입력해 주세요.");
  });
});

describe("errors and health", () => {
  it("shows a 404 page in Korean by default and in English when asked", async () => {
    const ko = await fetch(`${baseUrl()}/no/such/page`);
    expect(ko.status).toBe(404);
    const koHtml = await ko.text();
    expect(koHtml).toContain('lang="ko"');
    expect(koHtml).toContain("페이지를 찾을 수 없습니다");
    expect(koHtml).toMatch(/<title>페이지를 찾을 수 없습니다 \| [^<]+<\/title>/);
    const en = await fetch(`${baseUrl()}/no/such/page`, {
      headers: { "Accept-Language": "en-US,en;q=0.8" },
    });
    const enHtml = await en.text();
    expect(enHtml).toContain('lang="en"');
    expect(enHtml).toContain("Page not found");
    expect(enHtml).toMatch(/<title>Page not found \| [^<]+<\/title>/);
    // a page whose own loader says "not found" is titled the same way
    const missing = await fetch(`${baseUrl()}/jobs/no-such-posting`);
    expect(missing.status).toBe(404);
    expect(await missing.text()).toMatch(/<title>페이지를 찾을 수 없습니다 \| [^<]+<\/title>/);
  });

  it("keeps the language chosen with the switcher over Accept-Language", async () => {
    const switched = await postForm("/resources/language", { lng: "en", redirectTo: "/" });
    expect(switched.status).toBe(302);
    const cookie = switched.headers.getSetCookie()[0]!.split(";")[0]!;
    const page = await fetch(`${baseUrl()}/`, {
      headers: { Cookie: cookie, "Accept-Language": "ko-KR" },
    });
    expect(await page.text()).toContain('lang="en"');
    const refused = await postForm("/resources/language", { lng: "fr", redirectTo: "/" });
    expect(refused.status).toBe(400);
  });

  it("reports health with the database checked", async () => {
    const response = await fetch(`${baseUrl()}/healthz`);
    expect(response.status).toBe(200);
    // the original fields keep their meaning; engine, process and migrations: operations.test.ts
    expect(await response.json()).toMatchObject({
      status: "ok",
      database: "ok",
      migrations: { state: "ok" },
    });
  });

  it("sends visitors to the back office to log in, and refuses residents", async () => {
    const anonymous = await fetch(`${baseUrl()}/staff`, { redirect: "manual" });
    expect(anonymous.status).toBe(302);
    expect(anonymous.headers.get("location")).toBe("/login?redirectTo=%2Fstaff");
    const resident = await signUpOverHttp(uniqueEmail("not-staff"));
    const refused = await fetch(`${baseUrl()}/staff`, { headers: { Cookie: resident.cookie } });
    expect(refused.status).toBe(403);
    expect(await refused.text()).toMatch(/<title>볼 수 없는 페이지입니다 \| [^<]+<\/title>/);
  });
});

describe("server-rendered text", () => {
  it("never carries NUL bytes, however the Korean text falls on the renderer's 2 KB chunks", async () => {
    const pages = [
      "/",
      "/jobs",
      "/places",
      "/shelters",
      "/cafes?page=2",
      "/labor",
      "/signup",
      "/privacy",
    ];
    for (const language of ["ko-KR", "en-GB"]) {
      for (const page of pages) {
        const response = await fetch(`${baseUrl()}${page}`, {
          headers: { "Accept-Language": language },
        });
        const bytes = new Uint8Array(await response.arrayBuffer());
        expect(bytes.includes(0), `${page} (${language})`).toBe(false);
      }
    }
  });
});

describe("compression", () => {
  /** The answer as sent, not decompressed (fetch would undo the encoding). */
  const raw = (path: string, headers: Record<string, string>) =>
    new Promise<{ headers: http.IncomingHttpHeaders; body: Buffer }>((resolve, reject) => {
      http
        .get(`${baseUrl()}${path}`, { headers }, (res) => {
          const chunks: Buffer[] = [];
          res.on("data", (chunk: Buffer) => chunks.push(chunk));
          res.on("end", () => resolve({ headers: res.headers, body: Buffer.concat(chunks) }));
        })
        .on("error", reject);
    });

  it("gzips a logged-in page and its data whole, with their length, and brotli still streams", async () => {
    const resident = await signUpOverHttp(uniqueEmail("gzip"));
    const browser = { "accept-encoding": "gzip, deflate, br, zstd", cookie: resident.cookie };
    for (const path of ["/for-me", "/for-me.data", "/jobs?q=%EC%B2%AD%EB%85%84"]) {
      const answer = await raw(path, browser);
      expect(answer.headers["content-encoding"], path).toBe("gzip");
      expect(Number(answer.headers["content-length"]), path).toBe(answer.body.length);
      expect(answer.headers.vary, path).toMatch(/accept-encoding/i);
      const text = zlib.gunzipSync(answer.body).toString("utf8");
      expect(text.length, path).toBeGreaterThan(answer.body.length);
      // the page with the end of Remix's data, which used to follow a tick later
      if (!path.includes(".data"))
        expect(text, path).toMatch(/<\/html>.*streamController\.close\(\)/s);
    }
    // a client that takes brotli alone gets it from the streaming middleware, as before
    const brotli = await raw("/for-me", { "accept-encoding": "br", cookie: resident.cookie });
    expect(brotli.headers["content-encoding"]).toBe("br");
    expect(zlib.brotliDecompressSync(brotli.body).toString("utf8")).toContain("</html>");
    const plain = await raw("/for-me", { cookie: resident.cookie });
    expect(plain.headers["content-encoding"]).toBeUndefined();
    expect(plain.body.toString("utf8")).toContain("</html>");
  });

  it("sends scripts as the build compressed them: brotli, else gzip, else the file itself", async () => {
    const page = await (await fetch(`${baseUrl()}/`)).text();
    const script = page.match(/\/assets\/entry\.client-[\w-]+\.js/)?.[0];
    expect(script).toBeTruthy();
    const file = path.join(process.cwd(), "build/client", script!);
    const original = fs.readFileSync(file);
    const browser = await raw(script!, { "accept-encoding": "gzip, deflate, br, zstd" });
    expect(browser.headers["content-encoding"]).toBe("br");
    // the build's file, byte for byte: nothing was compressed for this request
    expect(browser.body.equals(fs.readFileSync(`${file}.br`))).toBe(true);
    expect(zlib.brotliDecompressSync(browser.body).equals(original)).toBe(true);
    expect(browser.headers["content-type"]).toMatch(/^text\/javascript/);
    expect(browser.headers["cache-control"]).toContain("immutable");
    expect(browser.headers.vary).toMatch(/accept-encoding/i);
    const gzip = await raw(script!, { "accept-encoding": "gzip" });
    expect(gzip.headers["content-encoding"]).toBe("gzip");
    expect(gzip.body.equals(fs.readFileSync(`${file}.gz`))).toBe(true);
    expect(zlib.gunzipSync(gzip.body).equals(original)).toBe(true);
    const plain = await raw(script!, { "accept-encoding": "identity" });
    expect(plain.headers["content-encoding"]).toBeUndefined();
    expect(plain.body.equals(original)).toBe(true);
    // a brotli file is smaller than what the server would make of it on the fly (quality 4)
    const live = zlib.brotliCompressSync(original, {
      params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 4 },
    });
    expect(browser.body.length).toBeLessThan(live.length);
  });
});
