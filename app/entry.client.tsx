import { RemixBrowser } from "@remix-run/react";
import i18next from "i18next";
import { startTransition, StrictMode } from "react";
import { hydrateRoot } from "react-dom/client";
import { I18nextProvider, initReactI18next } from "react-i18next";
import { getInitialNamespaces } from "remix-i18next/client";
import { i18nConfig } from "./utils/i18n";
import { fetchBackend } from "./utils/i18n-backend";
import { REQUEST_ID_ATTRIBUTE, RequestIdProvider } from "./utils/request-id";

async function hydrate() {
  const html = document.documentElement;
  // The server decided the language (cookie → Accept-Language → Korean) and wrote it into <html>.
  const lng = html.lang || i18nConfig.fallbackLng;
  const version = html.dataset.localesVersion ?? "0";
  // An error page names the request that failed; hydration must render the same id, for the
  // history entry the server rendered (its key was set by Remix's scroll restoration script).
  const rendered = {
    id:
      document.querySelector(`[${REQUEST_ID_ATTRIBUTE}]`)?.getAttribute(REQUEST_ID_ATTRIBUTE) ?? "",
    locationKey: (window.history.state as { key?: string } | null)?.key ?? "default",
  };
  await i18next
    .use(initReactI18next)
    .use(
      fetchBackend(
        (language, namespace) => `/resources/locales/${language}/${namespace}?v=${version}`,
      ),
    )
    // Suspense in the browser: a move to a page whose translations are not here yet waits for
    // them (Remix navigates in a transition, so the old page stays until they arrive) instead of
    // showing, and focusing, raw keys such as "directories.shelters.title".
    .init({ ...i18nConfig, lng, ns: getInitialNamespaces(), react: { useSuspense: true } });

  startTransition(() => {
    hydrateRoot(
      document,
      <I18nextProvider i18n={i18next}>
        <RequestIdProvider value={rendered}>
          <StrictMode>
            <RemixBrowser />
          </StrictMode>
        </RequestIdProvider>
      </I18nextProvider>,
    );
  });
}

void hydrate();
