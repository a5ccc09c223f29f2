// Plain-text server errors (Remix answers a failing resource route or data request with a bare
// "Unexpected Server Error") end with the request id, so that a resident can quote it as on the
// error pages.

/**
 * Express middleware: appends `reference(req)` to every 5xx `text/plain` answer given after it.
 * @param {(req: any) => string} reference
 */
export function plainErrorReference(reference) {
  return (req, res, next) => {
    if (req.method === "HEAD") return next();
    const write = res.write;
    const end = res.end;
    /** @type {Buffer[]} */
    const chunks = [];
    let decided = false;
    let held = false;
    const decide = () => {
      if (decided) return;
      decided = true;
      const type = String(res.getHeader("content-type") ?? "");
      held = !res.headersSent && res.statusCode >= 500 && type.startsWith("text/plain");
      if (held) res.removeHeader("content-length");
    };
    const keep = (chunk, encoding) => {
      if (chunk == null || typeof chunk === "function") return;
      chunks.push(
        Buffer.isBuffer(chunk)
          ? chunk
          : Buffer.from(chunk, typeof encoding === "string" ? encoding : "utf8"),
      );
    };
    res.write = function (chunk, encoding, callback) {
      decide();
      if (!held) return write.call(this, chunk, encoding, callback);
      keep(chunk, encoding);
      const done = typeof encoding === "function" ? encoding : callback;
      if (typeof done === "function") process.nextTick(done);
      return true;
    };
    res.end = function (chunk, encoding, callback) {
      decide();
      if (!held) return end.call(this, chunk, encoding, callback);
      keep(chunk, encoding);
      const done = [chunk, encoding, callback].find((value) => typeof value === "function");
      const body = Buffer.concat(chunks).toString("utf8").trimEnd();
      return end.call(this, `${body}\n\n${reference(req)}\n`, "utf8", done);
    };
    next();
  };
}
