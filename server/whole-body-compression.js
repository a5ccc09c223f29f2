// Pages and data compressed in one go. The `compression` middleware compresses every response as
// a stream: a zlib stream made for each response, and each write, flush and end of it a round
// trip through libuv's thread pool. A page is written at once (app/utils/html-stream.server.ts),
// so for pages that machinery costs more than the compressing itself: about 1 ms of server CPU
// per logged-in page against 0.2–0.3 ms for compressing the same 35 KB in one synchronous call
// (docs/decisions/0013, twelfth session). Here a response's body is held until it ends and then
// gzipped at once. What does not end right away (a body still streaming when its writer flushes
// and the event loop moves on), a large body, a client that takes no gzip, or a type not worth
// compressing goes on to `compression` unchanged, as before.
import zlib from "node:zlib";
import compressible from "compressible";

/** Level 4 of 9: on our pages 40–60% of the CPU of zlib's default (6), for 2–5% more bytes. */
const LEVEL = 4;
/** Below this, compression saves nothing worth a header (the `compression` middleware's own). */
const THRESHOLD_BYTES = 1024;
/** Above this, a body is not held and compressed on the main thread, but streamed as before. */
const MAX_HELD_BYTES = 512 * 1024;

/**
 * Express middleware, after `compression()` (whose `res.write`, `res.end` and `res.flush` it
 * wraps) and before the handlers whose answers it compresses.
 * @returns {import("express").RequestHandler}
 */
export function wholeBodyCompression() {
  return (req, res, next) => {
    if (req.method === "HEAD" || req.acceptsEncodings("gzip", "identity") !== "gzip") return next();
    const write = res.write;
    const end = res.end;
    const flush = res.flush;
    /** @type {Buffer[]} */
    let held = [];
    let heldBytes = 0;
    /** "undecided" until the first write or end, then "holding" or "passing" (to `compression`) */
    let mode = "undecided";
    let checkScheduled = false;

    const decide = () => {
      if (mode !== "undecided") return;
      mode = res.headersSent || !worthHolding(res) ? "passing" : "holding";
    };
    const passOn = () => {
      if (mode === "passing") return;
      mode = "passing";
      for (const chunk of held) write.call(res, chunk);
      held = [];
      heldBytes = 0;
    };
    const hold = (chunk, encoding) => {
      if (chunk == null || typeof chunk === "function") return;
      const buffer = Buffer.isBuffer(chunk)
        ? chunk
        : chunk instanceof Uint8Array
          ? Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength)
          : Buffer.from(String(chunk), typeof encoding === "string" ? encoding : "utf8");
      held.push(buffer);
      heldBytes += buffer.length;
    };

    res.write = function (chunk, encoding, callback) {
      decide();
      if (mode === "passing") return write.call(this, chunk, encoding, callback);
      hold(chunk, encoding);
      const done = typeof encoding === "function" ? encoding : callback;
      if (typeof done === "function") process.nextTick(done);
      if (heldBytes > MAX_HELD_BYTES) passOn();
      return true;
    };

    // Remix flushes after every chunk it writes. A body that ends before the event loop moves on
    // (a page rendered at once) is still compressed whole; one that is still open then (deferred
    // data streaming in) goes on as a stream, and what is held so far is sent now.
    res.flush = function () {
      if (mode !== "holding") return flush?.call(this);
      if (checkScheduled) return;
      checkScheduled = true;
      setImmediate(() => {
        checkScheduled = false;
        if (mode !== "holding" || res.writableEnded) return;
        passOn();
        flush?.call(res);
      });
    };

    res.end = function (chunk, encoding, callback) {
      decide();
      if (mode === "passing") return end.call(this, chunk, encoding, callback);
      hold(chunk, encoding);
      const done = [chunk, encoding, callback].find((value) => typeof value === "function");
      const body = held.length === 1 ? held[0] : Buffer.concat(held);
      held = [];
      mode = "passing";
      if (body.length < THRESHOLD_BYTES || body.length > MAX_HELD_BYTES || res.headersSent)
        return end.call(this, body, done);
      const compressed = zlib.gzipSync(body, { level: LEVEL });
      res.setHeader("Content-Encoding", "gzip");
      res.setHeader("Content-Length", String(compressed.length));
      res.vary("Accept-Encoding");
      // `compression` sees the encoding and leaves the body alone
      return end.call(this, compressed, done);
    };

    next();
  };
}

/** Whether a response, its status and headers known, may be held and gzipped here. */
function worthHolding(res) {
  const status = res.statusCode;
  // 5xx plain text gets the request id appended further in (server/error-reference.js)
  if (status < 200 || status >= 500 || status === 204 || status === 304) return false;
  if (res.getHeader("Content-Encoding")) return false;
  if (/\bno-transform\b/i.test(String(res.getHeader("Cache-Control") ?? ""))) return false;
  const type = String(res.getHeader("Content-Type") ?? "");
  // an event stream must reach the client as it is written
  if (!type || /^text\/event-stream/i.test(type)) return false;
  return compressible(type) === true;
}
