// Request-level protections that must run before Remix sees a request: the Origin check on
// every mutation, the body-size limit and the security headers. Plain JavaScript (with JSDoc
// types) because the production server runs it directly with Node.

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * May this request change something? Browsers send `Origin` on every POST; when a request has
 * none (old browsers, some privacy extensions) the `Referer` is checked instead, and a mutation
 * with neither is refused: forged cross-site forms must never get through.
 *
 * @param {{ method: string, origin?: string | null, referer?: string | null, host?: string | null, protocol: string }} request
 * @param {string[]} allowedOrigins explicit list; empty = the origin the request was addressed to
 * @returns {boolean}
 */
export function isAllowedMutationOrigin(request, allowedOrigins) {
  if (SAFE_METHODS.has(request.method.toUpperCase())) return true;
  const allowed =
    allowedOrigins.length > 0
      ? allowedOrigins
      : request.host
        ? [`${request.protocol}://${request.host}`]
        : [];
  let claimed = request.origin && request.origin !== "null" ? request.origin : null;
  if (!claimed && request.referer) {
    try {
      claimed = new URL(request.referer).origin;
    } catch {
      claimed = null;
    }
  }
  return claimed !== null && allowed.includes(claimed);
}

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
