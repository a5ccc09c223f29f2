import { useRouteLoaderData } from "@remix-run/react";
import type { loader } from "~/root";

/**
 * What the root loader gives every page (the user, the locale, titles, public env). Lives outside
 * root.tsx so that the parts root.tsx renders (the site shell) can read it without importing
 * root.tsx back (ESLint's import-x/no-cycle).
 */
export function useRootData() {
  return useRouteLoaderData<typeof loader>("root");
}
