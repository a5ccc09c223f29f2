// What is worth working out once per page request — who is asking, in which language — shared by
// the root loader, the route's loaders and the document render. Remix hands every loader its own
// copy of the Request, so nothing keyed by the Request object is ever shared; instead the HTTP
// server (server/app.js) runs each request inside this scope, and each action in a scope of its
// own within it: an action may change what the loaders after it must see (a new name, a
// language, a logout, a place booked), so they do not see what it worked out
// (server/request-scope.js). Outside a scope (tests calling a loader directly) nothing is kept
// and every call computes afresh.
import { AsyncLocalStorage } from "node:async_hooks";

type Scope = Map<string, unknown>;

// One storage per process, shared with server/request-scope.js through a global symbol: the
// server and the app bundle are separate module graphs.
const STORAGE = Symbol.for("seoul-portal.request-scope");
const globals = globalThis as typeof globalThis & { [STORAGE]?: AsyncLocalStorage<Scope> };
const storage = (globals[STORAGE] ??= new AsyncLocalStorage<Scope>());

/** The value of `compute()` for this request, computed by its first caller. */
export function oncePerRequest<T>(key: string, compute: () => T): T {
  const scope = storage.getStore();
  if (!scope) return compute();
  if (!scope.has(key)) scope.set(key, compute());
  return scope.get(key) as T;
}

/**
 * Keeps `value` under `key` for the rest of this request, as if computed by oncePerRequest: for
 * what one read brings along for a later one (the session's row carries the profile's facts).
 * Outside a scope, or once the key is set, nothing changes.
 */
export function rememberForRequest<T>(key: string, value: T): void {
  const scope = storage.getStore();
  if (scope && !scope.has(key)) scope.set(key, value);
}

/** Runs `work` in a scope of its own, as server/app.js runs a request, and an action in it. */
export function inRequestScope<T>(work: () => T): T {
  return storage.run(new Map(), work);
}
