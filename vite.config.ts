import path from "node:path";
import { vitePlugin as remix } from "@remix-run/dev";
import license from "rollup-plugin-license";
import { defineConfig, type Plugin } from "vite";
import { compression } from "vite-plugin-compression2";
import tsconfigPaths from "vite-tsconfig-paths";
import remixConfig from "./remix.config.js";

declare module "@remix-run/node" {
  interface Future {
    v3_singleFetch: true;
  }
}

// The licences of the libraries the browser gets, in one file (served at /third-party-licenses.txt)
// instead of as comments in every chunk: those comments cost every page about 1.1 KB gzip of its
// JavaScript budget (decision 0012).
const browserLicenses: Plugin = {
  ...(license({
    thirdParty: {
      includePrivate: false,
      output: { file: path.join(import.meta.dirname, "build/client/third-party-licenses.txt") },
    },
  }) as Plugin),
  apply: (_config, env) => !env.isSsrBuild,
};

// The browser's scripts and styles compressed once, at their strongest (brotli 11, gzip 9), beside
// each file: the server sends these (server/app.js) instead of compressing every download again,
// and a first visit is about 14% smaller than with brotli at the quality a live response can
// afford (decision 0013).
const precompressedAssets: Plugin = {
  ...compression({ include: /^assets\/[^/]+\.(js|css)$/, algorithms: ["brotliCompress", "gzip"] }),
  apply: (_config, env) => env.command === "build" && !env.isSsrBuild,
};

export default defineConfig({
  plugins: [remix(remixConfig), tsconfigPaths(), browserLicenses, precompressedAssets],
  build: {
    // The Prisma client (and its query compiler wasm) and better-sqlite3 stay external on the server.
    target: "es2022",
  },
  esbuild: { legalComments: "none" },
  server: { port: 3000 },
});
