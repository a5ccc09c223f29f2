// Who is asking: the helpers every loader and action uses before touching data. The session is
// HTTP (a cookie); who may do what is decided by the capabilities (e.g. `canEditPlace`), and the
// guards here and in app/routes-support turn a "no" into a redirect or a 403/404.
import { redirect } from "@remix-run/node";
import { createSession, deleteSession, getSessionUser } from "~/domain/residents/service.server";
import type { Role, SessionUser } from "~/domain/residents/types";
import { now } from "./clock.server";
import { oncePerRequest } from "./request-scope.server";
import { forbidden } from "./http.server";
import { safeRedirect } from "./safe-redirect";
import { getCookieSession, getSessionStorage } from "./session.server";

/**
 * The logged-in user, or null. The root loader and the route's loader both ask: one database
 * look-up per page request (request-scope.server.ts).
 */
export function getUser(request: Request): Promise<SessionUser | null> {
  return oncePerRequest("user", () => lookUpUser(request));
}

async function lookUpUser(request: Request): Promise<SessionUser | null> {
  const session = await getCookieSession(request);
  const sessionId = session.get("sessionId");
  if (!sessionId) return null;
  return getSessionUser(sessionId, now());
}

/** The logged-in user; anyone else is sent to the login page and brought back afterwards. */
export async function requireUser(request: Request): Promise<SessionUser> {
  const user = await getUser(request);
  if (!user) {
    const url = new URL(request.url);
    const back = `${url.pathname}${url.search}`;
    throw redirect(`/login?redirectTo=${encodeURIComponent(back)}`);
  }
  return user;
}

/** The logged-in user with one of `roles`; others get 403. */
export async function requireRole(request: Request, roles: readonly Role[]): Promise<SessionUser> {
  const user = await requireUser(request);
  if (!roles.includes(user.role)) throw forbidden();
  return user;
}

export async function requireAnonymous(request: Request) {
  if (await getUser(request)) throw redirect("/account");
}

/** Starts a session and redirects; the cookie carries only the session id, signed. */
export async function startSession(residentId: string, redirectTo: string | null | undefined) {
  const sessionId = await createSession(residentId, now());
  return commitSessionRedirect(sessionId, safeRedirect(redirectTo, "/account"));
}

export async function commitSessionRedirect(
  sessionId: string,
  to: string,
  headers = new Headers(),
) {
  const storage = getSessionStorage();
  const session = await storage.getSession();
  session.set("sessionId", sessionId);
  headers.append("Set-Cookie", await storage.commitSession(session));
  return redirect(to, { headers });
}

export async function endSession(request: Request, to = "/") {
  const storage = getSessionStorage();
  const session = await getCookieSession(request);
  const sessionId = session.get("sessionId");
  if (sessionId) await deleteSession(sessionId);
  return redirect(to, { headers: { "Set-Cookie": await storage.destroySession(session) } });
}
