// The same-run reference of every benchmark (issue 12): a bare Remix app — one route listing 50
// items from its loader, no database, no i18n, no session — built for production with the
// portal's Remix and Vite, and served by the same Express + @remix-run/express + compression
// stack (./server.js). A portal page's figures are read as a ratio to this page's.
import { vitePlugin as remix } from "@remix-run/dev";
import path from "node:path";
import { defineConfig } from "vite";
import remixConfig from "../../../remix.config.js";

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
      // the portal's own future flags, so that both run the same Remix code paths
      future: remixConfig.future,
    }),
  ],
  build: { target: "es2022" },
  logLevel: "warn",
});
