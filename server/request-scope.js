// The HTTP side of app/utils/request-scope.server.ts: runs each request in a scope of its own, in
// which the app keeps what it works out once per request (who is asking, say), and each route's
// action in a scope of its own inside it.
import { AsyncLocalStorage } from "node:async_hooks";

const STORAGE = Symbol.for("seoul-portal.request-scope");
const storage = (globalThis[STORAGE] ??= new AsyncLocalStorage());

/**
 * Express middleware: every request continues inside a fresh request scope (never inside one it
 * might have come to share).
 */
export function requestScope(_req, _res, next) {
  storage.run(new Map(), next);
}

/**
 * The server build with each route's action run in a scope of its own. An action may change what
 * the loaders after it must see (it logs someone in or out, changes their name or language, books
 * a place), so what it worked out is not kept for them; they share the request's scope among
 * themselves, as on a GET: a form shown again with an error looks its resident up once, not once
 * per loader.
 */
export function withActionsInScopesOfTheirOwn(build) {
  const routes = {};
  for (const [id, route] of Object.entries(build.routes)) {
    const action = route.module.action;
    routes[id] = action
      ? {
          ...route,
          module: { ...route.module, action: (args) => storage.run(new Map(), () => action(args)) },
        }
      : route;
  }
  return { ...build, routes };
}
