// Structured logs: one JSON line per event on stdout (pino), one line per request (pino-http) with
// a request id that is also sent back as `X-Request-Id` and shown on error pages, so that a
// resident can quote it and the operator can find the request in the logs of any process.
// Request lines hold the method, the path without its query string (queries can carry what a
// resident typed), the matched route, the status and the duration; never headers or cookies.
import crypto from "node:crypto";
import os from "node:os";
import { pino } from "pino";
import { pinoHttp } from "pino-http";
import { withoutSecrets } from "./security.js";

/** An incoming id is kept only when it is a short token of safe characters (a proxy's UUID, say). */
const SAFE_REQUEST_ID = /^[A-Za-z0-9][A-Za-z0-9._:-]{0,63}$/;
/** Crockford's base32: no I, L, O or U, so an id read out over the phone is not misheard. */
const ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

/** A new request id: 12 characters, 60 random bits. */
export function newRequestId() {
  const bytes = crypto.randomBytes(12);
  let id = "";
  for (const byte of bytes) id += ALPHABET[byte & 31];
  return id;
}

/** The id to use for a request: the incoming `X-Request-Id` when it is safe, else a new one. */
export function requestIdFor(header) {
  const value = Array.isArray(header) ? header[0] : header;
  return typeof value === "string" && SAFE_REQUEST_ID.test(value) ? value : newRequestId();
}

/**
 * @param {{ level: string, worker: number }} options
 * @param {import("pino").DestinationStream} [destination] stdout unless given
 */
export function createLogger({ level, worker }, destination) {
  return pino(
    {
      level,
      base: { pid: process.pid, hostname: os.hostname(), worker },
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
    },
    // Written synchronously: lines stay in order and none is lost when the process exits.
    destination ?? pino.destination({ dest: 1, sync: true }),
  );
}

/** The path of a request without its query string, and without the secret of an e-mailed link. */
export function pathOf(req) {
  const url = req.originalUrl ?? req.url ?? "/";
  const end = url.indexOf("?");
  const path = end === -1 ? url : url.slice(0, end);
  // the secret of an e-mailed link is logged as ":token" (security.js)
  return withoutSecrets(path);
}

/**
 * The request middleware: sets `req.id`, `req.log` (a child logger carrying the id) and the
 * `X-Request-Id` response header on every request; logs one line per request unless `enabled`
 * is false (LOG_REQUESTS=false).
 * @param {import("pino").Logger} logger
 * @param {{ enabled: boolean, routeOf: (req: any, res: any) => string }} options
 */
export function requestLogger(logger, { enabled, routeOf }) {
  const line = (req, res, responseTime) => ({
    method: req.method,
    path: pathOf(req),
    route: routeOf(req, res),
    status: res.statusCode,
    durationMs: responseTime,
    ...(res.writableFinished ? {} : { aborted: true }),
  });
  return pinoHttp({
    logger,
    autoLogging: enabled,
    quietReqLogger: true,
    quietResLogger: true,
    genReqId(req, res) {
      const id = requestIdFor(req.headers["x-request-id"]);
      res.setHeader("X-Request-Id", id);
      return id;
    },
    customLogLevel: (_req, res, error) =>
      error || res.statusCode >= 500 ? "error" : res.statusCode >= 400 ? "warn" : "info",
    customSuccessObject: (req, res, value) => line(req, res, value.responseTime),
    customErrorObject: (req, res, error, value) => ({
      ...line(req, res, value.responseTime),
      // a 5xx without an exception is reported by the app's own error line
      ...(res.err || !/^failed with status code/.test(error.message) ? { err: error } : {}),
    }),
    customSuccessMessage: () => "request",
    customErrorMessage: () => "request",
  });
}
