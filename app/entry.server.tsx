import type { AppLoadContext, EntryContext } from "@remix-run/node";
import { createReadableStreamFromReadable } from "@remix-run/node";
import { RemixServer } from "@remix-run/react";
import { renderToPipeableStream } from "react-dom/server";
import { I18nextProvider } from "react-i18next";
import { OFFLINE_OWNER_HEADER, offlineOwner } from "./routes-support/installable.server";
import {
  getBaseI18n,
  getLocale,
  getLocaleResources,
  getRouteNamespaces,
  getRenderI18n,
} from "./utils/i18n.server";
import { SUPPORTED_LANGUAGES } from "./utils/i18n";
import { htmlBody } from "./utils/html-stream.server";
import { NonceProvider } from "./utils/nonce";
import { RequestIdProvider } from "./utils/request-id";

const ABORT_DELAY = 5_000;
export const streamTimeout = ABORT_DELAY;

export default async function handleRequest(
  request: Request,
  responseStatusCode: number,
  responseHeaders: Headers,
  remixContext: EntryContext,
  loadContext: AppLoadContext,
) {
  const nonce = loadContext.cspNonce ?? "";
  const locale = await getLocale(request);
  const i18n = getRenderI18n(locale, getRouteNamespaces(remixContext));

  await describeForServiceWorker(request, responseHeaders, locale);

  // Everyone gets the whole document at once, as crawlers always did. Nothing of ours suspends
  // on the server (the maps and the live times render in the browser only), so all that would
  // stream after the shell is the end of Remix's data, a few hundred bytes a tick later. Sent
  // with the rest it makes the page one write, compressed in one go
  // (server/whole-body-compression.js) rather than through a zlib stream.

  return new Promise<Response>((resolve, reject) => {
    let documentSent = false;
    // An error inside a Suspense boundary before the document is sent (the render aborted after
    // ABORT_DELAY, say, when the process is overloaded) makes the answer a 500 but reaches neither
    // onShellError nor Remix's handleError: logged here once the document is sent, so that no
    // 500 goes unlogged. (A shell error is rejected below and logged by Remix's handleError.)
    const beforeSent: unknown[] = [];
    const sendDocument = () => {
      documentSent = true;
      for (const error of beforeSent.splice(0)) logError(error, loadContext);
      const body = htmlBody();
      responseHeaders.set("Content-Type", "text/html; charset=utf-8");
      resolve(
        new Response(createReadableStreamFromReadable(body), {
          headers: responseHeaders,
          status: responseStatusCode,
        }),
      );
      pipe(body);
    };
    const { pipe, abort } = renderToPipeableStream(
      <NonceProvider value={nonce}>
        <RequestIdProvider value={{ id: loadContext.requestId ?? "", locationKey: "default" }}>
          <I18nextProvider i18n={i18n}>
            <RemixServer
              context={remixContext}
              url={request.url}
              abortDelay={ABORT_DELAY}
              nonce={nonce}
            />
          </I18nextProvider>
        </RequestIdProvider>
      </NonceProvider>,
      {
        nonce,
        onAllReady() {
          // Done: the timer would otherwise keep this render (its data, its tree) alive for
          // six more seconds, and its abort would end a stream that has ended already.
          clearTimeout(abortTimer);
          sendDocument();
        },
        onShellError(error: unknown) {
          clearTimeout(abortTimer);
          reject(error);
        },
        onError(error: unknown) {
          responseStatusCode = 500;
          if (documentSent) logError(error, loadContext);
          else beforeSent.push(error);
        },
      },
    );
    // (React calls back from a later turn, setImmediate: the timer is set by then)
    const abortTimer = setTimeout(abort, ABORT_DELAY + 1000);
  });
}

/**
 * What the service worker (public/sw.js) learns from every page it sees: its language (for the
 * offline page) and whom it was rendered for (it drops saved copies made for anyone else). Only
 * on GETs, where the root loader has looked the user up already (request-scope.server.ts); a page
 * without the owner header tells the worker nothing about who is logged in.
 */
async function describeForServiceWorker(request: Request, headers: Headers, locale: string) {
  headers.set("Content-Language", locale);
  if (request.method !== "GET") return;
  try {
    headers.set(OFFLINE_OWNER_HEADER, await offlineOwner(request));
  } catch {
    // the database failed the root loader too: this page is an error page, and says nothing
  }
}

export function handleError(
  error: unknown,
  { request, context }: { request: Request; context: AppLoadContext },
) {
  // Aborted requests (the person navigated away) are not errors worth logging.
  if (request.signal.aborted) return;
  logError(error, context);
}

/** On the request's logger (a JSON line with its request id) when the server gave one. */
function logError(error: unknown, context: AppLoadContext | undefined) {
  if (context?.log) context.log.error({ err: error }, "unhandled error");
  else console.error(error);
}

/**
 * Periodic work for the scheduler that server.js starts beside the HTTP server (the same tasks
 * `npm run jobs` runs). Exported here because the server build exposes this module.
 */
export { runDueTasks, runPeriodicTasks } from "./domain/system/tasks.server";
export { now as serverNow } from "./utils/clock.server";

/** For the server's operations (server/app.js): metrics, shutdown, error texts. */
export { operationalSnapshot, poolStatistics } from "./domain/system/operations.server";
export { disconnectDb } from "./utils/db.server";

/** The version of the translations, part of the service worker's version (server/service-worker.js). */
export function localesVersion(): string {
  return getLocaleResources().version;
}

/**
 * The line a plain-text error answer ends with, in every site language (no page, so no language
 * choice): "오류 번호: …" / "Error reference: …" / ….
 */
export function errorReferenceText(requestId: string): string {
  const i18n = getBaseI18n();
  return SUPPORTED_LANGUAGES.map(
    (lng) => `${i18n.getFixedT(lng, "errors")("reference")}: ${requestId}`,
  ).join("\n");
}
