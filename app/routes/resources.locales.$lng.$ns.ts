import type { LoaderFunctionArgs } from "@remix-run/node";
import { isSupportedLanguage } from "~/utils/i18n";
import { invariantResponse, notFound } from "~/utils/http.server";
import { getLocaleResources } from "~/utils/i18n.server";

/** One namespace of translations for the browser, cached for a year under its content version. */
export async function loader({ params, request }: LoaderFunctionArgs) {
  const { resources, version } = getLocaleResources();
  const namespace =
    params.lng && isSupportedLanguage(params.lng)
      ? resources[params.lng]?.[params.ns ?? ""]
      : undefined;
  invariantResponse(namespace, notFound);
  const versioned = new URL(request.url).searchParams.get("v") === version;
  return Response.json(namespace, {
    headers: {
      "Cache-Control": versioned ? "public, max-age=31536000, immutable" : "public, max-age=300",
    },
  });
}
