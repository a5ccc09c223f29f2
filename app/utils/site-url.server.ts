// Absolute links for what leaves the page (e-mails, texts, structured data, feeds, the open-data
// APIs): always the site's canonical origin (the first of APP_ORIGINS, or http://localhost:PORT),
// never the Host a request claims — a forged Host must not end up in what others see.
import { getEnv } from "./env.server";

export function siteOrigin(): string {
  return getEnv().allowedOrigins[0]!;
}

/** `path` ("/jobs/…", with its query) on the site's canonical origin. */
export function siteUrl(path: string): string {
  return `${siteOrigin()}${path.startsWith("/") ? path : `/${path}`}`;
}
