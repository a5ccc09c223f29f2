// Admission to the app in arrival order. Node answers every request it has read at once, so under
// load each turn of the event loop carries a slice of every request in flight and every request
// waits for all the others: the answers come late and in no order (the booking tail in
// docs/decisions/0013). Here at most `limit` requests are inside the app at a time; the others
// wait their turn in the order they arrived, and are admitted only once their body has arrived,
// so that a slow sender cannot hold a place while the app waits for its bytes.
import { AsyncResource } from "node:async_hooks";

/**
 * @param {{ limit: number }} options `limit` 0 admits every request at once (no queue)
 * @returns {{ middleware: import("express").RequestHandler, state: () => { inApp: number, waiting: number } }}
 */
export function createAdmission({ limit }) {
  let inApp = 0;
  /** @type {(() => void)[]} */
  let waiting = [];
  let head = 0;

  const admitNext = () => {
    while (inApp < limit && head < waiting.length) {
      const start = waiting[head];
      waiting[head++] = () => {};
      start();
    }
    if (head === waiting.length) {
      waiting = [];
      head = 0;
    } else if (head > 1024 && head * 2 > waiting.length) {
      waiting = waiting.slice(head);
      head = 0;
    }
  };

  /** @type {import("express").RequestHandler} */
  const middleware = (req, res, next) => {
    if (limit <= 0) return next();
    let gone = false;
    let released = false;
    const release = () => {
      if (released) return;
      released = true;
      inApp -= 1;
      admitNext();
    };
    // A request is let in when another ends, or when its body arrives: it must go on in its own
    // async context, not in that of the request or the socket that happened to make room — what
    // a request keeps there (who is asking, server/request-scope.js) would else be another's.
    const start = AsyncResource.bind(() => {
      if (gone) return;
      inApp += 1;
      // The app's work ends when it ends the response; what compression and the socket still do
      // with the bytes is not the app's turn. A connection closed early ends it too.
      const end = res.end;
      res.end = function (...args) {
        release();
        return end.apply(this, args);
      };
      res.once("close", release);
      next();
    });
    res.once("close", () => {
      gone = true;
    });
    whenBodyArrived(req, () => {
      if (gone) return;
      if (inApp < limit && head === waiting.length) start();
      else waiting.push(start);
    });
  };

  return { middleware, state: () => ({ inApp, waiting: waiting.length - head }) };
}

/**
 * Calls `then` once the request's body has been received (at once without a body). The body
 * stays in the request's buffer for the app to read; a body larger than that buffer (16 KB, far
 * more than any form of ours) is admitted once the buffer is full, as Node then stops reading.
 * @param {import("node:http").IncomingMessage} req
 * @param {() => void} then
 */
function whenBodyArrived(req, then) {
  const hasBody =
    req.headers["transfer-encoding"] !== undefined ||
    Number(req.headers["content-length"] ?? 0) > 0;
  if (!hasBody || req.complete) return then();
  const arrived = () => req.complete || req.readableLength >= req.readableHighWaterMark;
  const check = () => {
    if (!arrived()) return;
    req.off("readable", check);
    // after the stream has seen the listener go (a tick), so that the app's reader flows
    process.nextTick(then);
  };
  req.on("readable", check);
}
