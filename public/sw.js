// The portal's service worker (issue 13; docs/decisions/0015-installable-offline.md). When the
// connection drops, the shelter list and the resident's own bookings are shown as last seen,
// marked "saved copy from <date, time>"; any other page gets the offline page. Online, it stays
// out of the way: every page comes from the network.
//
// Hand-written, no build step. The server (server/service-worker.js) fills in the version: a
// deploy is a new worker, which replaces the shell cache. Saved copies outlive deploys: each one
// keeps the stylesheet it was rendered with.
const VERSION = "__SERVICE_WORKER_VERSION__";
const SHELL = `shell-${VERSION}`; // the offline page in both languages, its stylesheet, the texts
const SAVED = "saved-pages-v1"; // bump when the format of a saved copy changes
const LANGUAGES = ["ko", "en"];

/** Pages whose last good copy is kept, per URL (filters included). */
const SAVED_PAGES = [
  { path: "/shelters", personal: false },
  { path: "/bookings", personal: true }, // only for the person it was rendered for
];
const COPIES_PER_PAGE = 8;
/** A client-side visit (Remix's .data request) renews the copy when it is older than this. */
const RENEW_AFTER_MS = 60_000;
/** Forms that change who is logged in: copies made for a person are dropped as they are sent. */
const SESSION_CHANGES = ["/login", "/signup", "/logout", "/account/delete"];

// Set by the server on every page (app/entry.server.tsx): whom it was rendered for
// ("anonymous", or a tag of the resident), and its language.
const OWNER = "X-Offline-Owner";
const ANONYMOUS = "anonymous";
const SAVED_AT = "X-Saved-At";
const LANGUAGE_KEY = "/sw-state/language"; // in SAVED: the language of the last page seen

// What the worker itself serves runs no script at all (the copies' scripts are removed).
const OFFLINE_HEADERS = {
  "Content-Type": "text/html; charset=utf-8",
  "Content-Security-Policy":
    "default-src 'self'; script-src 'none'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'",
};

self.addEventListener("install", (event) => {
  event.waitUntil(
    (async () => {
      const shell = await caches.open(SHELL);
      for (const language of LANGUAGES) {
        // as a visitor who is not logged in, in this language
        const page = await fetch("/offline", {
          credentials: "omit",
          headers: { "Accept-Language": language },
        });
        if (!page.ok) throw new Error(`offline page: ${page.status}`);
        const html = withoutScripts(await page.text());
        await shell.put(
          `/offline?lng=${language}`,
          new Response(html, { headers: OFFLINE_HEADERS }),
        );
        await shell.addAll([...stylesheetsOf(html), `/resources/locales/${language}/common`]);
      }
      await self.skipWaiting(); // a deploy takes over open pages at once: nothing here is tied to a build
    })(),
  );
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    (async () => {
      for (const name of await caches.keys()) {
        if (name !== SHELL && name !== SAVED) await caches.delete(name);
      }
      await forgetUnusedStylesheets();
      // the page request starts while the worker is still waking up
      await self.registration.navigationPreload?.enable();
      await self.clients.claim();
    })(),
  );
});

self.addEventListener("fetch", (event) => {
  const { request } = event;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  if (request.method !== "GET") {
    // never stored; a form sent offline gets the offline page instead of the browser's error
    if (SESSION_CHANGES.includes(pagePath(url))) event.waitUntil(forgetPersonCopies(null));
    if (request.mode === "navigate") event.respondWith(fetch(request).catch(offlinePage));
    return;
  }
  if (request.mode === "navigate") event.respondWith(visit(event, url));
  else if (url.pathname.endsWith(".data")) event.respondWith(clientSideVisit(event, url));
  else if (url.pathname === "/__manifest") event.respondWith(routeDiscovery(request));
  else if (url.pathname.startsWith("/assets/") && url.pathname.endsWith(".css")) {
    event.respondWith(caches.match(request).then((kept) => kept ?? fetch(request)));
  }
});

/** A page load: the network's answer, else the saved copy, else the offline page. */
async function visit(event, url) {
  let response;
  try {
    response = (await event.preloadResponse) ?? (await fetch(event.request));
  } catch {
    return (await savedCopy(url)) ?? offlinePage();
  }
  event.waitUntil(learnFrom(response.clone(), url));
  return response;
}

/**
 * A move inside the running app fetches `<page>.data`. Its document is what a copy keeps, so it
 * is fetched beside it now and then. Offline, Remix is told to load the page as a document
 * instead, which `visit` then answers.
 */
async function clientSideVisit(event, url) {
  const page = documentUrl(url);
  let response;
  try {
    response = await fetch(event.request);
  } catch (error) {
    if (error?.name === "AbortError") throw error; // the app itself gave up on it
    return reloadDocument(page);
  }
  if (response.status === 200 && savedPageOf(page)) event.waitUntil(renewCopy(page));
  return response;
}

/** Remix's lazy route discovery, offline: "reload the document" (Remix then loads the page). */
async function routeDiscovery(request) {
  try {
    return await fetch(request);
  } catch {
    return new Response(null, { status: 204, headers: { "X-Remix-Reload-Document": "yes" } });
  }
}

/**
 * What a page of the site tells the worker: its language, and whom it is for: copies made for
 * anyone else are dropped at once. A page it keeps copies of is stored.
 */
async function learnFrom(response, url) {
  const owner = response.headers.get(OWNER);
  if (owner === null) return; // not a page of the site (a redirect, a file, a feed)
  await rememberLanguage(response.headers.get("Content-Language"));
  if (owner !== knownOwner) await forgetPersonCopies(owner);
  const page = savedPageOf(url);
  const html = (response.headers.get("Content-Type") ?? "").startsWith("text/html");
  if (!page || response.status !== 200 || !html) return;
  if (page.personal && owner === ANONYMOUS) return;
  const saved = await caches.open(SAVED);
  const text = withoutScripts(await response.text());
  // the stylesheets first: a copy is never stored without them
  for (const href of stylesheetsOf(text)) if (!(await saved.match(href))) await saved.add(href);
  await saved.put(
    copyKey(url),
    new Response(text, {
      headers: {
        ...OFFLINE_HEADERS,
        [OWNER]: owner,
        [SAVED_AT]: new Date().toISOString(),
        "Content-Language": response.headers.get("Content-Language") ?? "",
      },
    }),
  );
  // the oldest copies of this page go first (a cache lists its entries oldest first)
  const copies = (await saved.keys()).filter((key) => new URL(key.url).pathname === page.path);
  for (const key of copies.slice(0, -COPIES_PER_PAGE)) await saved.delete(key);
}

async function renewCopy(url) {
  const copy = await (await caches.open(SAVED)).match(copyKey(url));
  const savedAt = Date.parse(copy?.headers.get(SAVED_AT) ?? "");
  if (Date.now() - savedAt < RENEW_AFTER_MS) return;
  await learnFrom(await fetch(url, { redirect: "manual" }), url);
}

/** The saved copy of a page, marked with its date; for the bare list, its latest copy of any filter. */
async function savedCopy(url) {
  const page = savedPageOf(url);
  if (!page) return undefined;
  const saved = await caches.open(SAVED);
  let copy = await saved.match(copyKey(url));
  if (!copy && !url.search) {
    const copies = (await saved.keys()).filter((key) => new URL(key.url).pathname === page.path);
    if (copies.length > 0) copy = await saved.match(copies[copies.length - 1]);
  }
  if (!copy) return undefined;
  const html = await copy.text();
  const savedAt = copy.headers.get(SAVED_AT);
  const language = /<html[^>]*\slang="(\w+)"/.exec(html)?.[1] ?? "ko";
  const notice = `<p class="notice offline-notice" role="status" data-saved-at="${savedAt}">${escapeHtml(
    await savedCopyText(language, savedAt),
  )}</p>`;
  return new Response(
    html.replace(/<main\b[^>]*>/, (main) => main + notice),
    { headers: OFFLINE_HEADERS },
  );
}

async function offlinePage() {
  const shell = await caches.open(SHELL);
  const page =
    (await shell.match(`/offline?lng=${await language()}`)) ??
    (await shell.match(`/offline?lng=${LANGUAGES[0]}`));
  return page ?? Response.error();
}

/** "Saved copy from …" in the page's language, its time as the site writes times (app/utils/format.ts). */
async function savedCopyText(language, savedAt) {
  const time = new Intl.DateTimeFormat(language === "en" ? "en-GB" : "ko-KR", {
    dateStyle: "medium",
    timeStyle: "short",
    hourCycle: "h23",
    timeZone: "Asia/Seoul",
  }).format(new Date(savedAt));
  const texts = await (
    await caches.open(SHELL)
  )
    .match(`/resources/locales/${language}/common`)
    .then((response) => response?.json());
  const template = texts?.offline?.savedCopy ?? "{{time}}";
  return template.replace("{{time}}", time);
}

/**
 * Drops every copy made for a person other than `keep` (null: for anyone). Copies made for a
 * visitor who was not logged in (the shelter list) stay.
 */
let knownOwner; // the person of the last page seen, while this worker runs
async function forgetPersonCopies(keep) {
  knownOwner = keep ?? undefined;
  const saved = await caches.open(SAVED);
  for (const key of await saved.keys()) {
    const owner = (await saved.match(key))?.headers.get(OWNER);
    if (owner && owner !== ANONYMOUS && owner !== keep) await saved.delete(key);
  }
}

/** After a deploy: the stylesheets no saved copy uses any more. */
async function forgetUnusedStylesheets() {
  const saved = await caches.open(SAVED);
  const keys = await saved.keys();
  const used = new Set();
  for (const key of keys) {
    if (!savedPageOf(new URL(key.url))) continue;
    const html = await (await saved.match(key)).text();
    for (const href of stylesheetsOf(html)) used.add(new URL(href, self.location.origin).href);
  }
  for (const key of keys) {
    if (new URL(key.url).pathname.startsWith("/assets/") && !used.has(key.url)) {
      await saved.delete(key);
    }
  }
}

let knownLanguage;
async function rememberLanguage(value) {
  if (!LANGUAGES.includes(value) || value === knownLanguage) return;
  knownLanguage = value;
  await (await caches.open(SAVED)).put(LANGUAGE_KEY, new Response(value));
}
async function language() {
  knownLanguage ??= await (
    await caches.open(SAVED)
  )
    .match(LANGUAGE_KEY)
    .then((response) => response?.text());
  return LANGUAGES.includes(knownLanguage) ? knownLanguage : LANGUAGES[0];
}

/**
 * Remix's single-fetch answer "redirect to this page, reloading the document", encoded as
 * @remix-run/server-runtime 2.17 encodes it (turbo-stream). Should a later Remix read it
 * differently, the move fails as any request does offline: with the app's error page.
 */
function reloadDocument(page) {
  const target = JSON.stringify(page.pathname + page.search);
  const body = `[["SingleFetchRedirect",1],{"_2":3,"_4":5,"_6":7,"_8":9,"_10":7},"redirect",${target},"status",302,"revalidate",false,"reload",true,"replace"]\n`;
  return new Response(body, { status: 202, headers: { "Content-Type": "text/x-script" } });
}

/** `/shelters.data?x=1&_routes=…` → `/shelters?x=1`; `/_root.data` → `/`. */
function documentUrl(url) {
  const page = new URL(url);
  page.pathname = page.pathname === "/_root.data" ? "/" : page.pathname.replace(/\.data$/, "");
  page.searchParams.delete("_routes");
  return page;
}

function pagePath(url) {
  return url.pathname.replace(/\.data$/, "");
}

function savedPageOf(url) {
  return SAVED_PAGES.find((page) => page.path === url.pathname);
}

function copyKey(url) {
  return url.pathname + url.search;
}

function stylesheetsOf(html) {
  const links = html.match(/<link\b[^>]*\brel="stylesheet"[^>]*>/g) ?? [];
  return links
    .map((link) => /\bhref="([^"]+)"/.exec(link)?.[1])
    .filter((href) => href?.startsWith("/"));
}

/** A copy is a static page: no scripts, and nothing that would fetch them. */
function withoutScripts(html) {
  return html
    .replace(/<script\b[^>]*>[\s\S]*?<\/script>/gi, "")
    .replace(/<link\b[^>]*\brel="modulepreload"[^>]*>/gi, "");
}

function escapeHtml(text) {
  return text.replace(
    /[&<>"]/g,
    (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" })[c],
  );
}
