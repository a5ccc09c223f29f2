import path from "node:path";
import { vitePlugin as remix } from "@remix-run/dev";
import license from "rollup-plugin-license";
import { defineConfig, type Plugin } from "vite";
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

export default defineConfig({
  plugins: [remix(remixConfig), tsconfigPaths(), browserLicenses],
  build: {
    // The Prisma client (and its query compiler wasm) and better-sqlite3 stay external on the server.
    target: "es2022",
  },
  esbuild: { legalComments: "none" },
  server: { port: 3000 },
});
