// The HTTP side of app/utils/request-scope.server.ts: runs each GET (and HEAD) request in a scope
// of its own, in which the app keeps what it works out once per request (who is asking, say).
import { AsyncLocalStorage } from "node:async_hooks";

const STORAGE = Symbol.for("seoul-portal.request-scope");
const storage = (globalThis[STORAGE] ??= new AsyncLocalStorage());

/**
 * Express middleware: GET and HEAD requests continue inside a fresh request scope, every other
 * request outside any (never inside one it might have come to share).
 */
export function requestScope(req, _res, next) {
  if (req.method !== "GET" && req.method !== "HEAD") return storage.exit(next);
  storage.run(new Map(), next);
}
