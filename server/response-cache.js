// A small shared cache in front of Remix for public pages seen by visitors who are not logged in
// (what a CDN would do at the edge): on deadline day and at 2 a.m. most requests are the same
// directory and search pages. Only anonymous GETs of listed paths are cached, only 200 HTML
// without Set-Cookie, for a few seconds, keyed by URL and language hints. Every hit gets its own
// CSP nonce: the cached page's nonce is rewritten to the nonce of the current response. A public
// page's data for a client navigation (`/jobs.data`) is kept like the page. The
// open-data postings search (GET /api/postings, JSON) is kept the same way: its answer is the
// same for everyone and already says any shared cache may keep it for a minute; a hit honours
// If-None-Match with the ETag the app gave it.
// The cache lives in the memory of one server process: with several processes (WEB_CONCURRENCY)
// each keeps its own copy, so a page may be rendered once per process per period, and a change
// shows everywhere within the same few seconds.

/** Paths whose anonymous GET renders the same page for everyone (with the same query). */
const PUBLIC_PATHS = [
  /^\/$/,
  /^\/(places|cafes|shelters|labor-centers|youth-center|jobs|privacy|accessibility)$/,
  /^\/places\/[\w-]+$/,
  /^\/jobs\/[\w-]+$/,
];

/** Open-data paths whose JSON answer is the same for everyone (with the same query). */
const OPEN_DATA_PATHS = [/^\/api\/postings$/];

/** Every path looked up in the cache (made once: the test runs on every request). */
const CACHEABLE_PATHS = [...PUBLIC_PATHS, ...OPEN_DATA_PATHS];

/**
 * The page a client navigation's data request loads (Remix single fetch: `/jobs.data` for /jobs,
 * `/_root.data` for /), or null for any other request.
 */
function pageOfData(path) {
  if (path === "/_root.data") return "/";
  return path.endsWith(".data") ? path.slice(0, -".data".length) : null;
}

/**
 * What a kept response may be: HTML of a public page, the same page's data for a client
 * navigation (turbo-stream, served as text/x-script), JSON of an open-data path.
 */
function keptType(path, contentType) {
  const page = pageOfData(path);
  if (page !== null)
    return contentType.startsWith("text/x-script") && PUBLIC_PATHS.some((p) => p.test(page))
      ? "data"
      : null;
  if (contentType.startsWith("text/html")) return "html";
  if (contentType.startsWith("application/json") && OPEN_DATA_PATHS.some((p) => p.test(path)))
    return "json";
  return null;
}

/** Does If-None-Match name this ETag (weak comparison, RFC 9110 §13.1.2)? */
function etagMatches(ifNoneMatch, etag) {
  if (!ifNoneMatch || !etag) return false;
  if (ifNoneMatch.trim() === "*") return true;
  const bare = (tag) => tag.trim().replace(/^W\//, "");
  return ifNoneMatch.split(",").some((tag) => bare(tag) === bare(etag));
}

/**
 * @param {{ method: string, path: string, cookie?: string | null, authorization?: string | null }} request
 * @param {RegExp[]} paths
 */
export function isCacheableRequest(request, paths = CACHEABLE_PATHS) {
  if (request.method !== "GET" && request.method !== "HEAD") return false;
  if (request.authorization) return false;
  if (request.cookie && /(?:^|;\s*)__session=/.test(request.cookie)) return false;
  const path = pageOfData(request.path) ?? request.path;
  return paths.some((pattern) => pattern.test(path));
}

/** The language hints that change the page: the switcher cookie, else Accept-Language. */
export function cacheKey(url, cookie, acceptLanguage) {
  const lng = /(?:^|;\s*)lng=([^;]*)/.exec(cookie ?? "")?.[1] ?? "";
  return `${url}\n${lng}\n${(acceptLanguage ?? "").slice(0, 100)}`;
}

/**
 * @param {{ ttlSeconds?: number, maxEntries?: number, maxBodyBytes?: number, now?: () => number, waitMs?: number }} options
 */
export function createResponseCache(options = {}) {
  const ttl = (options.ttlSeconds ?? 15) * 1000;
  const maxEntries = options.maxEntries ?? 500;
  const maxBodyBytes = options.maxBodyBytes ?? 512 * 1024;
  const clock = options.now ?? Date.now;
  /** @type {Map<string, { status: number, headers: Record<string, string>, body: string, nonce: string | null, storedAt: number }>} */
  const entries = new Map();

  /**
   * Renders under way, by key: a miss that finds one waits for it instead of rendering the same
   * page again (a new URL asked by 200 visitors at once is rendered once). Resolves with the
   * stored entry, or null when the render could not be shared (then each waiter renders).
   * @type {Map<string, Promise<any>>}
   */
  const rendering = new Map();
  const waitMs = options.waitMs ?? 10_000;

  function remember(key, entry) {
    if (entries.size >= maxEntries) entries.delete(entries.keys().next().value);
    entries.set(key, entry);
  }

  function serve(entry, req, res, label) {
    const now = clock();
    for (const [name, value] of Object.entries(entry.headers)) res.setHeader(name, value);
    res.setHeader("Age", String(Math.floor((now - entry.storedAt) / 1000)));
    res.setHeader("X-Cache", label);
    if (etagMatches(req.get("if-none-match"), entry.headers.etag)) {
      res.removeHeader("content-type");
      return res.status(304).end();
    }
    res.status(entry.status);
    if (req.method === "HEAD") return res.end();
    return res.end(
      entry.nonce ? entry.body.replaceAll(entry.nonce, res.locals.cspNonce) : entry.body,
    );
  }

  /** Express middleware; `res.locals.cspNonce` must already hold this response's nonce. */
  function middleware(req, res, next) {
    if (
      !isCacheableRequest({
        method: req.method,
        path: req.path,
        cookie: req.get("cookie"),
        authorization: req.get("authorization"),
      })
    ) {
      return next();
    }
    const key = cacheKey(req.originalUrl, req.get("cookie"), req.get("accept-language"));
    const hit = entries.get(key);
    const now = clock();
    if (hit && now - hit.storedAt < ttl) return serve(hit, req, res, "HIT");
    if (hit) entries.delete(key);
    const underWay = rendering.get(key);
    if (underWay) {
      const timeout = new Promise((resolve) => setTimeout(() => resolve(null), waitMs).unref());
      Promise.race([underWay, timeout]).then(
        (entry) => (entry ? serve(entry, req, res, "HIT-SHARED") : next()),
        () => next(),
      );
      return;
    }
    /** @type {(entry: any) => void} */
    let settle = () => undefined;
    const rendered = new Promise((resolve) => (settle = resolve));
    rendering.set(key, rendered);
    const finish = (entry) => {
      if (rendering.get(key) === rendered) rendering.delete(key);
      settle(entry);
    };
    res.on("close", () => finish(null));
    res.setHeader("X-Cache", "MISS");

    const chunks = [];
    let size = 0;
    let tooBig = false;
    const write = res.write.bind(res);
    const end = res.end.bind(res);
    const collect = (chunk, encoding) => {
      if (chunk == null || tooBig) return;
      const buffer = Buffer.isBuffer(chunk)
        ? chunk
        : Buffer.from(chunk, typeof encoding === "string" ? encoding : "utf8");
      size += buffer.length;
      if (size > maxBodyBytes) tooBig = true;
      else chunks.push(buffer);
    };
    res.write = (chunk, encoding, callback) => {
      collect(chunk, encoding);
      return write(chunk, encoding, callback);
    };
    res.end = (chunk, encoding, callback) => {
      if (typeof chunk !== "function") collect(chunk, encoding);
      const type = keptType(req.path, String(res.getHeader("content-type") ?? ""));
      if (
        res.statusCode === 200 &&
        !tooBig &&
        req.method === "GET" &&
        type !== null &&
        !res.getHeader("set-cookie")
      ) {
        /** @type {Record<string, string>} */
        const headers = {};
        // x-offline-owner: "anonymous" here, which the service worker reads (public/sw.js); and
        // for open data its validator, how long others may keep it, and that any site may read it
        for (const name of [
          "content-type",
          "content-language",
          "vary",
          "link",
          "x-offline-owner",
          "etag",
          "cache-control",
          "access-control-allow-origin",
        ]) {
          const value = res.getHeader(name);
          if (value !== undefined) headers[name] = String(value);
        }
        const entry = {
          status: 200,
          headers,
          body: Buffer.concat(chunks).toString("utf8"),
          // data and JSON carry no nonce to rewrite
          nonce: type === "html" ? res.locals.cspNonce : null,
          storedAt: clock(),
        };
        remember(key, entry);
        finish(entry);
      } else finish(null);
      return end(chunk, encoding, callback);
    };
    next();
  }

  return { middleware, size: () => entries.size, clear: () => entries.clear() };
}
