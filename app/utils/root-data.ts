// The root loader's data (user, locale, titles, public env) for any component or route. Lives
// apart from root.tsx so that components never import the root module (only its loader's type).
import { useRouteLoaderData } from "@remix-run/react";
import type { loader } from "~/root";

export function useRootData() {
  return useRouteLoaderData<typeof loader>("root");
}
