// The same-run reference of every benchmark (issue 12): a bare Remix app — one route listing 50
// items from its loader, no database, no i18n, no session — built for production with the
// portal's Remix and Vite, and served by the same Express + @remix-run/express + compression
// stack (./server.js). A portal page's figures are read as a ratio to this page's.
import { vitePlugin as remix } from "@remix-run/dev";
import path from "node:path";
import { defineConfig } from "vite";

const here = import.meta.dirname;

export default defineConfig({
  // the Remix plugin reads package.json from the root: the repository's (same Remix, same React)
  root: path.join(here, "../../.."),
  publicDir: false,
  plugins: [
    remix({
      appDirectory: path.join(here, "app"),
      buildDirectory: path.join(here, "../../.tmp/reference-build"),
      serverModuleFormat: "esm",
      future: {
        v3_fetcherPersist: true,
        v3_relativeSplatPath: true,
        v3_throwAbortReason: true,
        v3_singleFetch: true,
        v3_lazyRouteDiscovery: true,
      },
    }),
  ],
  build: { target: "es2022" },
  logLevel: "warn",
});
