import { useEffect } from "react";

/**
 * Registers the service worker (public/sw.js) once the page is interactive. Called by the pages
 * whose copies it keeps and by the home page (the installed app's start), not by the root: every
 * byte there counts against the heaviest page's JavaScript budget, and one registration serves the
 * whole site. Production builds only (in development it would answer for pages under edit); a
 * browser that refuses workers simply stays online-only.
 */
export function useServiceWorker() {
  useEffect(() => {
    if (import.meta.env.PROD) navigator.serviceWorker?.register("/sw.js").catch(() => undefined);
  }, []);
}
