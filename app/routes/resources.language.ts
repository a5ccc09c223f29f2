import type { ActionFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { getUser } from "~/utils/auth.server";
import { safeRedirect } from "~/utils/safe-redirect";
import { setPreferredLanguage } from "~/domain/residents/service.server";
import { isSupportedLanguage } from "~/utils/i18n";
import { badRequest } from "~/utils/http.server";
import { readFormData, singleField } from "~/utils/request.server";
import { languageCookieHeader } from "~/utils/session.server";

export async function loader() {
  return redirect("/");
}

/** The language switcher: kept in a cookie, and for a signed-in resident in the profile too. */
export async function action({ request }: ActionFunctionArgs) {
  const formData = await readFormData(request);
  const lng = singleField(formData, "lng");
  if (!isSupportedLanguage(lng)) throw badRequest("Unsupported language");
  const user = await getUser(request);
  if (user) await setPreferredLanguage(user.id, lng);
  const redirectTo = singleField(formData, "redirectTo");
  return redirect(safeRedirect(typeof redirectTo === "string" ? redirectTo : null, "/"), {
    headers: { "Set-Cookie": await languageCookieHeader(lng) },
  });
}
