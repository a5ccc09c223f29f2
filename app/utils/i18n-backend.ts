// The browser's i18next backend: a page's namespaces come from the server's JSON route
// (/resources/locales/<lng>/<ns>) through fetch. i18next-http-backend did the same with XHR
// fallbacks and options this site does not use, for about 4 KB gzip on every page (decision 0012).
import type { BackendModule, ReadCallback } from "i18next";

export function fetchBackend(loadPath: (language: string, namespace: string) => string) {
  const backend: BackendModule = {
    type: "backend",
    init() {},
    read(language: string, namespace: string, callback: ReadCallback) {
      fetch(loadPath(language, namespace)).then(
        async (response) => {
          if (!response.ok) {
            // i18next tries again (a few times, backing off) when the second argument is true:
            // worth it for a server error, not for a namespace that does not exist
            callback(
              new Error(`${response.status} for ${language}/${namespace}`),
              response.status >= 500,
            );
            return;
          }
          try {
            callback(null, await response.json());
          } catch (error) {
            callback(error instanceof Error ? error : new Error(String(error)), false);
          }
        },
        (error: unknown) =>
          callback(error instanceof Error ? error : new Error(String(error)), true),
      );
    },
  };
  return backend;
}
