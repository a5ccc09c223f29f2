import type { LoaderFunctionArgs } from "@remix-run/node";
import { webAppManifest } from "~/routes-support/installable.server";
import { getLocale } from "~/utils/i18n.server";

/**
 * The web app manifest, in the browser's language: browsers fetch it without cookies, so
 * Accept-Language decides (Korean for anything but English).
 */
export async function loader({ request }: LoaderFunctionArgs) {
  return new Response(JSON.stringify(webAppManifest(await getLocale(request))), {
    headers: {
      "Content-Type": "application/manifest+json; charset=utf-8",
      "Cache-Control": "public, max-age=3600",
      Vary: "Accept-Language",
    },
  });
}
