import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import {
  isRouteErrorResponse,
  Links,
  Meta,
  Outlet,
  Scripts,
  ScrollRestoration,
  useLocation,
  useNavigation,
  useNavigationType,
  useRouteError,
} from "@remix-run/react";
import { useEffect, useRef, type ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { useChangeLanguage } from "remix-i18next/react";
import { SiteFooter, SiteHeader } from "./components/site-shell";
import { getUser } from "./utils/auth.server";
import appStyles from "./styles/app.css?url";
import { getPublicEnv } from "./utils/env.server";
import { DEFAULT_LANGUAGE, LANGUAGE_PARAMETER, SUPPORTED_LANGUAGES } from "./utils/i18n";
import { siteOrigin } from "./utils/site-url.server";
import { getLocale, getLocaleResources, pageTitles } from "./utils/i18n.server";
import { useNonce } from "./utils/nonce";
import { useRequestId } from "./utils/request-id";
import { useRootData } from "./utils/root-data";
import { errorKind } from "./utils/error-kind";
import { pageTitle } from "./utils/meta";
import { THEME_COLOR } from "./utils/theme";

export const links: LinksFunction = () => [
  { rel: "stylesheet", href: appStyles },
  { rel: "icon", href: "/favicon.svg", type: "image/svg+xml" },
  // in the browser's language (Accept-Language: browsers fetch it without cookies); iOS finds
  // its home-screen icon at /apple-touch-icon.png by itself, without a link
  { rel: "manifest", href: "/manifest.webmanifest" },
];

export const handle = { i18n: ["common", "errors"] };

export async function loader({ request }: LoaderFunctionArgs) {
  const [user, locale] = await Promise.all([getUser(request), getLocale(request)]);
  return {
    user,
    locale,
    titles: pageTitles(locale),
    localesVersion: getLocaleResources().version,
    origin: siteOrigin(),
    env: getPublicEnv(),
  };
}
export type RootLoaderData = Awaited<ReturnType<typeof loader>>;

// A page that failed shows the root's error boundary, and only the root's meta runs: the error
// page's own title ("Page not found | …"), so that a screen reader and the tab say what happened.
export const meta: MetaFunction = (args) =>
  args.error
    ? pageTitle(
        args,
        `error.${errorKind(isRouteErrorResponse(args.error) ? args.error.status : 500)}`,
      )
    : [];

export function Layout({ children }: { children: ReactNode }) {
  const data = useRootData();
  const nonce = useNonce();
  const locale = data?.locale ?? DEFAULT_LANGUAGE;
  const { i18n } = useTranslation();
  useChangeLanguage(locale);
  return (
    <html lang={locale} dir={i18n.dir(locale)} data-locales-version={data?.localesVersion}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width,initial-scale=1" />
        <meta name="color-scheme" content="light" />
        <meta name="theme-color" content={THEME_COLOR} />
        <Meta />
        <Links />
        {data ? <LanguageAlternates origin={data.origin} /> : null}
      </head>
      <body>
        {children}
        <ScrollRestoration nonce={nonce} />
        <Scripts nonce={nonce} />
      </body>
    </html>
  );
}

/**
 * The page in every site language (`?lang=zh`, which wins over the cookie and Accept-Language),
 * and x-default without it (negotiated), for search engines and for sharing a page in a language.
 */
function LanguageAlternates({ origin }: { origin: string }) {
  const location = useLocation();
  const href = (language: string | null) => {
    const params = new URLSearchParams(location.search);
    params.delete(LANGUAGE_PARAMETER);
    if (language) params.set(LANGUAGE_PARAMETER, language);
    const query = params.toString();
    return `${origin}${location.pathname}${query ? `?${query}` : ""}`;
  };
  return (
    <>
      {SUPPORTED_LANGUAGES.map((language) => (
        <link key={language} rel="alternate" hrefLang={language} href={href(language)} />
      ))}
      <link rel="alternate" hrefLang="x-default" href={href(null)} />
    </>
  );
}

export default function App() {
  return (
    <Shell>
      <Outlet />
    </Shell>
  );
}

function Shell({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  // Marks the moment React has taken over the server-rendered page, error pages included
  // (progressive enhancement starts here; end-to-end tests wait for it).
  useEffect(() => {
    document.documentElement.dataset.hydrated = "true";
  }, []);
  useFocusOnArrival();
  return (
    <>
      <a className="skip-link" href="#main">
        {t("skipToContent")}
      </a>
      <SiteHeader />
      <main id="main" tabIndex={-1}>
        {children}
      </main>
      <SiteFooter />
    </>
  );
}

/** What a page or a form's answer brought to say first: an error summary, a confirmation. */
function focusNews(): boolean {
  const news = document.querySelector<HTMLElement>("main [data-arrival-focus]");
  news?.focus();
  return Boolean(news);
}

/**
 * After a client-side move to another page, focus goes to its news (a confirmation, an error
 * summary) or else its heading (as a page load would put a screen reader at the top): it is read
 * out, and Tab continues from there. Not on the first load, not on Back/Forward (the browser
 * restores the reading position), and not when only the query changes (a filter: the results'
 * live region says what changed). After a form's answer on the same page (errors, "saved"), focus
 * goes to that news — a tick later, as conform shows errors one render after the answer and
 * focuses the first invalid field first.
 */
function useFocusOnArrival() {
  const { pathname } = useLocation();
  // read when the path changes; a change of the navigation type alone is no arrival
  const type = useNavigationType();
  const navigationType = useRef(type);
  navigationType.current = type;
  const arrived = useRef(false);
  useEffect(() => {
    if (!arrived.current) {
      arrived.current = true;
      return;
    }
    if (navigationType.current === "POP" || focusNews()) return;
    const heading = document.querySelector<HTMLElement>("main h1");
    const target = heading ?? document.getElementById("main");
    if (!target) return;
    if (!target.hasAttribute("tabindex")) target.setAttribute("tabindex", "-1");
    target.focus({ preventScroll: true });
  }, [pathname]);

  const navigation = useNavigation();
  const answering = useRef(false);
  useEffect(() => {
    if (navigation.state !== "idle") {
      answering.current ||= Boolean(navigation.formMethod && navigation.formMethod !== "GET");
    } else if (answering.current) {
      answering.current = false;
      setTimeout(focusNews);
    }
  }, [navigation.state, navigation.formMethod]);
}

export function ErrorBoundary() {
  const error = useRouteError();
  const { t } = useTranslation("errors");
  const status = isRouteErrorResponse(error) ? error.status : 500;
  const key = errorKind(status);
  // In the browser's console; on the server, handleError (entry.server.tsx) has logged it already
  // with the request id.
  if (typeof document !== "undefined" && !isRouteErrorResponse(error)) console.error(error);
  const reference = useRequestId();
  return (
    <Shell>
      <section className="page narrow" aria-labelledby="error-title">
        <p className="eyebrow">{t("status", { status })}</p>
        <h1 id="error-title">{t(`${key}.title`)}</h1>
        <p>{t(`${key}.body`)}</p>
        {reference ? (
          <p className="error-reference" data-request-id={reference}>
            {`${t("reference")}: `}
            <code>{reference}</code>
            <br />
            {t("referenceHint")}
          </p>
        ) : null}
        <p>
          <a href="/">{t("backHome")}</a>
        </p>
      </section>
    </Shell>
  );
}
