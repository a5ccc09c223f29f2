// Request-level protections that must run before Remix sees a request: the Origin check on
// every mutation, the body-size limit and the security headers. Plain JavaScript (with JSDoc
// types) because the production server runs it directly with Node.

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * The site's public origins: APP_ORIGINS (comma-separated, the first is canonical: every absolute
 * link the site writes uses it), or — when unset, the embedded default of `npm start` — this
 * machine's loopback names on PORT. The server answers only requests addressed (Host) to one of
 * them, so a forged Host can change nothing that others see.
 * @param {string | undefined} appOrigins
 * @param {number | string} port
 * @returns {{ origins: string[], configured: boolean }}
 */
export function siteOrigins(appOrigins, port) {
  const configured = (appOrigins ?? "")
    .split(",")
    .map((origin) => origin.trim())
    .filter(Boolean)
    .map((origin) => {
      let url;
      try {
        url = new URL(origin);
      } catch {
        throw new Error(
          `APP_ORIGINS: "${origin}" is not an origin such as https://jobs.seoul.go.kr`,
        );
      }
      if (url.protocol !== "https:" && url.protocol !== "http:")
        throw new Error(`APP_ORIGINS: "${origin}" must be http or https`);
      return url.origin;
    });
  if (configured.length > 0) return { origins: configured, configured: true };
  return {
    origins: [`http://localhost:${port}`, `http://127.0.0.1:${port}`, `http://[::1]:${port}`],
    configured: false,
  };
}

/**
 * Is the request addressed to one of the site's origins? Compares the Host header (as sent by the
 * browser, or passed on by a proxy) with the origins' hosts; a missing or malformed Host is not.
 * @param {string | undefined | null} host
 * @param {string[]} origins
 */
export function isSiteHost(host, origins) {
  if (!host || host.length > 300 || /[^\w.:[\]-]/.test(host)) return false;
  const wanted = host.toLowerCase();
  return origins.some((origin) => new URL(origin).host === wanted);
}

/**
 * The request line's target, read before anything else does. A path ("origin form") is the usual;
 * a whole URL ("absolute form", what clients send to proxies) names its own host, which then
 * counts instead of the Host header (RFC 9112 §3.2.2). Anything else (`*`, `evil`) and paths that
 * do not decode (`/%zz`, `/%E0%A4%A`: Express and Remix would throw on them) are malformed.
 * @param {string} target the request line's target (Node's `req.url`)
 * @param {number} headerCount how many Host header lines the request has (more than one: malformed)
 * @returns {{ problem: 400, reason: string } | { problem: null, path: string, host: string | undefined }}
 */
export function requestTarget(target, headerCount = 1) {
  if (headerCount > 1) return { problem: 400, reason: "more than one Host header" };
  let path = target;
  let host;
  if (!target.startsWith("/")) {
    if (!/^https?:\/\//i.test(target)) return { problem: 400, reason: "not a path" };
    try {
      const url = new URL(target);
      path = `${url.pathname}${url.search}`;
      host = url.host;
    } catch {
      return { problem: 400, reason: "not a URL" };
    }
  }
  const question = path.indexOf("?");
  try {
    decodeURIComponent(question === -1 ? path : path.slice(0, question));
  } catch {
    return { problem: 400, reason: "a path that does not decode" };
  }
  return { problem: null, path, host };
}

/** The methods any page or API of the site answers; others get 405. */
export const SITE_METHODS = ["GET", "HEAD", "POST", "OPTIONS"];

/**
 * Browser features the site uses: geolocation for "near me" on its own pages; nothing else.
 */
export const PERMISSIONS_POLICY =
  "geolocation=(self), camera=(), microphone=(), payment=(), usb=(), serial=(), bluetooth=(), " +
  "midi=(), magnetometer=(), gyroscope=(), accelerometer=(), display-capture=(), " +
  "interest-cohort=(), browsing-topics=()";

/** The path of the one-click unsubscribe link in optional e-mails (app/routes/unsubscribe.$token). */
const ONE_CLICK_UNSUBSCRIBE = /^\/unsubscribe\/[\w.-]+$/;

/**
 * May this request change something? Browsers send `Origin` on every POST; when a request has
 * none (old browsers, some privacy extensions) the `Referer` is checked instead, and a mutation
 * with neither is refused: forged cross-site forms must never get through. One exception: the
 * one-click unsubscribe of RFC 8058, which mail providers POST from their servers with neither
 * header; that link's signed token is its only credential (no cookie is read), so a forged POST
 * would need the token it carries.
 *
 * @param {{ method: string, origin?: string | null, referer?: string | null, path?: string }} request
 * @param {string[]} allowedOrigins the site's origins (siteOrigins): never the Host header
 * @returns {boolean}
 */
export function isAllowedMutationOrigin(request, allowedOrigins) {
  if (SAFE_METHODS.has(request.method.toUpperCase())) return true;
  // "null" is what sandboxed frames, file: pages and cross-site redirect chains send: never ours.
  if (request.origin === "null") return false;
  if (!request.origin && !request.referer && ONE_CLICK_UNSUBSCRIBE.test(request.path ?? "")) {
    return true;
  }
  let claimed = request.origin || null;
  if (!claimed && request.referer) {
    try {
      claimed = new URL(request.referer).origin;
    } catch {
      claimed = null;
    }
  }
  return claimed !== null && allowedOrigins.includes(claimed);
}

/**
 * Pages whose address holds a secret: the token of a link e-mailed to one person (unsubscribe, a
 * new password, a confirmed address). Whoever has the address can use the link, so it must not be
 * written to logs, sent to other sites as a Referer, or stored by a cache.
 */
const SECRET_PATH = /^(\/(?:unsubscribe|reset-password|verify-email))\/[^/]+\/?$/;

/** @param {string} path */
export function isSecretPath(path) {
  return SECRET_PATH.test(path);
}

/** The path with its secret replaced (`/reset-password/:token`), for logs. */
export function withoutSecrets(path) {
  return path.replace(SECRET_PATH, "$1/:token");
}

/**
 * Headers of a secret page. `same-origin`, not `no-referrer`: the page's own form must still
 * say where it comes from — under `no-referrer` browsers send `Origin: null` with the POST, which
 * `isAllowedMutationOrigin` refuses — while other sites get no Referer at all.
 */
export const SECRET_PAGE_HEADERS = {
  "Referrer-Policy": "same-origin",
  "Cache-Control": "no-store",
};

/**
 * Is the declared body within the limit? Returns the HTTP status to answer with, or null.
 * @param {{ method: string, contentLength?: string | null, transferEncoding?: string | null }} request
 * @param {number} maxBytes
 * @returns {null | 411 | 413 | 400}
 */
export function bodySizeProblem(request, maxBytes) {
  if (SAFE_METHODS.has(request.method.toUpperCase())) return null;
  if (request.contentLength == null || request.contentLength === "") {
    // A streamed body of unknown length could be any size: only accept bodies that say theirs.
    return request.transferEncoding ? 411 : null;
  }
  const length = Number(request.contentLength);
  if (!Number.isSafeInteger(length) || length < 0) return 400;
  return length > maxBytes ? 413 : null;
}

/**
 * The Content-Security-Policy directives (helmet format). Only what the site needs: its own
 * scripts (plus the per-request nonce for Remix's inline scripts), its own styles, images from
 * itself and the configured map tile server, no framing.
 * @param {{ nonce: string | ((req: unknown, res: { locals: { cspNonce: string } }) => string), tileUrl: string, development: boolean, https: boolean }} options
 *   `nonce` is a value, or a function of the response (helmet then asks it on every request).
 */
export function contentSecurityPolicy({ nonce, tileUrl, development, https }) {
  let tileOrigin = null;
  try {
    tileOrigin = new URL(tileUrl.replace(/\{s\}/g, "a")).origin;
  } catch {
    tileOrigin = null;
  }
  const tileSources = tileOrigin
    ? [tileOrigin, tileOrigin.replace("://tile.", "://*.tile.")].filter(
        (v, i, a) => a.indexOf(v) === i,
      )
    : [];
  return {
    useDefaults: false,
    directives: {
      "default-src": ["'self'"],
      "script-src": [
        "'self'",
        typeof nonce === "function"
          ? (req, res) => `'nonce-${nonce(req, res)}'`
          : `'nonce-${nonce}'`,
        ...(development ? ["'unsafe-inline'"] : []),
      ],
      "style-src": ["'self'", "'unsafe-inline'"],
      "img-src": ["'self'", "data:", "blob:", ...tileSources],
      "font-src": ["'self'"],
      "connect-src": ["'self'", ...(development ? ["ws:", "wss:"] : [])],
      "object-src": ["'none'"],
      "base-uri": ["'self'"],
      "form-action": ["'self'"],
      "frame-ancestors": ["'none'"],
      "manifest-src": ["'self'"],
      "worker-src": ["'self'", "blob:"],
      ...(https ? { "upgrade-insecure-requests": [] } : {}),
    },
  };
}
