// The session cookie: signed, httpOnly, SameSite=Lax. It carries only the id of a Session row, so
// sessions can be revoked (logout everywhere, password change, account deletion) and every server
// behind a load balancer sees the same sessions.
import { createCookie, createCookieSessionStorage } from "@remix-run/node";
import { SESSION_MAX_AGE_SECONDS } from "~/domain/residents/types";
import { getEnv } from "./env.server";

let storage: ReturnType<typeof createStorage> | undefined;

function createStorage() {
  const env = getEnv();
  return createCookieSessionStorage<{ sessionId: string }, { toast: string }>({
    cookie: {
      name: "__session",
      httpOnly: true,
      sameSite: "lax",
      path: "/",
      secure: env.secureCookies,
      secrets: env.sessionSecrets,
      maxAge: SESSION_MAX_AGE_SECONDS,
    },
  });
}

export function getSessionStorage() {
  storage ??= createStorage();
  return storage;
}

export async function getCookieSession(request: Request) {
  return getSessionStorage().getSession(request.headers.get("Cookie"));
}

/** The language chosen with the switcher; read by remix-i18next before Accept-Language. */
export const languageCookie = createCookie("lng", {
  path: "/",
  sameSite: "lax",
  httpOnly: true,
  maxAge: 60 * 60 * 24 * 365,
});

/** The Set-Cookie header that keeps a language (Secure, like the session, on an https site). */
export function languageCookieHeader(language: string): Promise<string> {
  return languageCookie.serialize(language, { secure: getEnv().secureCookies });
}
