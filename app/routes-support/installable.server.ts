// What makes the site installable and readable offline (docs/decisions/0015): the web app
// manifest in the browser's language, and the tag by which the service worker (public/sw.js) tells
// whose saved copies it holds.
import crypto from "node:crypto";
import { getUser } from "~/utils/auth.server";
import { getEnv } from "~/utils/env.server";
import { getBaseI18n } from "~/utils/i18n.server";
import { BACKGROUND_COLOR, THEME_COLOR } from "~/utils/theme";

/** The response header naming the person a page was rendered for (public/sw.js reads it). */
export const OFFLINE_OWNER_HEADER = "X-Offline-Owner";
const ANONYMOUS = "anonymous";

/**
 * Who a page is for, as the service worker may know it: "anonymous", or an opaque tag of the
 * logged-in resident (an HMAC of their id: stable across their sessions, meaningless to anyone
 * else). The worker keeps copies of personal pages only under the tag of the page that made them
 * and drops them as soon as a page arrives for someone else.
 */
export async function offlineOwner(request: Request): Promise<string> {
  const user = await getUser(request);
  if (!user) return ANONYMOUS;
  const [secret] = getEnv().sessionSecrets;
  return crypto
    .createHmac("sha256", secret ?? "")
    .update(`offline-owner:${user.id}`)
    .digest("base64url")
    .slice(0, 22);
}

const ICONS = [
  { src: "/icons/icon-192.png", sizes: "192x192", type: "image/png", purpose: "any" },
  { src: "/icons/icon-512.png", sizes: "512x512", type: "image/png", purpose: "any" },
  { src: "/icons/icon-maskable-192.png", sizes: "192x192", type: "image/png", purpose: "maskable" },
  { src: "/icons/icon-maskable-512.png", sizes: "512x512", type: "image/png", purpose: "maskable" },
];

/** The web app manifest in a language. `id` is fixed, so either language installs the same app. */
export function webAppManifest(locale: string) {
  const t = getBaseI18n().getFixedT(locale, "common");
  return {
    id: "/",
    lang: locale,
    dir: "ltr",
    name: t("siteName"),
    short_name: t("app.shortName"),
    description: t("app.description"),
    start_url: "/",
    scope: "/",
    display: "standalone",
    theme_color: THEME_COLOR,
    background_color: BACKGROUND_COLOR,
    icons: ICONS,
    shortcuts: [
      { name: t("titles.shelters"), url: "/shelters", icons: [ICONS[0]] },
      { name: t("titles.myBookings"), url: "/bookings", icons: [ICONS[0]] },
    ],
  };
}
