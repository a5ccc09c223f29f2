import js from "@eslint/js";
import path from "node:path";
import i18next from "eslint-plugin-i18next";
import { createNodeResolver, importX } from "eslint-plugin-import-x";
import jsxA11y from "eslint-plugin-jsx-a11y";
import react from "eslint-plugin-react";
import reactHooks from "eslint-plugin-react-hooks";
import globals from "globals";
import tseslint from "typescript-eslint";

// What a capability module (app/domain) may not touch: decision 0011.
const HTTP_GLOBALS = ["Request", "Response", "Headers"];
const HTTP_NAMES = `/^(${HTTP_GLOBALS.join("|")})$/`;
const HTTP_MESSAGE =
  "HTTP stays in the web layer: capability modules take values and return outcomes (decision 0011).";

export default tseslint.config(
  { ignores: ["build/**", "app/generated/**", "node_modules/**", "data/**", "tests/.tmp/**"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ["**/*.{ts,tsx,js}"],
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      "@typescript-eslint/no-unused-vars": [
        "error",
        { argsIgnorePattern: "^_", varsIgnorePattern: "^_" },
      ],
      "@typescript-eslint/consistent-type-imports": ["error", { fixStyle: "inline-type-imports" }],
    },
  },
  {
    // No import cycles: a module that needs another's parts must not be needed by it (wire the
    // two through a third). Resolves `~/…` and `#tests/…` with tsconfig.json's paths.
    files: ["**/*.{ts,tsx,js}"],
    plugins: { "import-x": importX },
    settings: {
      "import-x/extensions": [".ts", ".tsx", ".js", ".mjs", ".cjs"],
      "import-x/parsers": { "@typescript-eslint/parser": [".ts", ".tsx"] },
      "import-x/resolver-next": [
        createNodeResolver({
          extensions: [".ts", ".tsx", ".js", ".mjs", ".cjs", ".json"],
          tsconfig: { configFile: path.resolve(import.meta.dirname, "tsconfig.json") },
        }),
      ],
    },
    rules: { "import-x/no-cycle": ["error", { ignoreExternal: true }] },
  },
  {
    files: ["app/**/*.tsx"],
    plugins: { react, "react-hooks": reactHooks, "jsx-a11y": jsxA11y, i18next },
    settings: { react: { version: "detect" } },
    rules: {
      ...react.configs.recommended.rules,
      ...react.configs["jsx-runtime"].rules,
      ...reactHooks.configs.recommended.rules,
      ...jsxA11y.configs.strict.rules,
      "react/prop-types": "off",
      // Every user-facing string goes through i18next: no literal text in JSX.
      "i18next/no-literal-string": ["error", { mode: "jsx-text-only" }],
    },
  },
  {
    // HTTP stays in the web layer (decision 0011): capability modules take ids, values, `now` and
    // an actor and return outcomes; they never see a request nor build a response.
    files: ["app/domain/**"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          paths: [
            {
              name: "~/utils/i18n.server",
              importNames: ["getLocale", "getServerT", "getRemixI18n"],
              message: "A request's language is the web layer's: take the language as a value.",
            },
          ],
          patterns: [
            {
              group: ["@remix-run/*"],
              message: "HTTP stays in the web layer (app/routes, app/routes-support, app/utils).",
            },
            {
              // (also written relatively: "../../utils/auth.server")
              group: [
                "**/utils/http.server",
                "**/utils/auth.server",
                "**/utils/session.server",
                "**/utils/request.server",
                "**/utils/action-data",
                "**/routes-support/*",
                "**/routes/*",
                "~/root",
                "**/components/*",
              ],
              message:
                "Web-only module: return an Outcome and let the route answer (decision 0011).",
            },
          ],
        },
      ],
      // `new Response(…)`, `Response.json`, `instanceof Request` …
      "no-restricted-globals": [
        "error",
        ...HTTP_GLOBALS.map((name) => ({ name, message: HTTP_MESSAGE })),
      ],
      // … and the same names as types (`request: Request`, `Promise<Response>`), which
      // no-restricted-globals does not see.
      "no-restricted-syntax": [
        "error",
        { selector: `TSTypeReference[typeName.name=${HTTP_NAMES}]`, message: HTTP_MESSAGE },
        { selector: `TSTypeQuery[exprName.name=${HTTP_NAMES}]`, message: HTTP_MESSAGE },
        {
          selector: `TSQualifiedName[left.name='globalThis'][right.name=${HTTP_NAMES}]`,
          message: HTTP_MESSAGE,
        },
        {
          selector: `MemberExpression[object.name='globalThis'][property.name=${HTTP_NAMES}]`,
          message: HTTP_MESSAGE,
        },
      ],
    },
  },
  {
    // Prisma is reached only from the capability modules' *.server.ts files (and tooling).
    files: ["app/routes/**", "app/components/**", "app/root.tsx"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: ["~/generated/*", "**/generated/prisma/*"],
              message: "Use a capability module (app/domain/*/service.server.ts).",
            },
            {
              group: ["~/utils/db.server"],
              message: "Use a capability module (app/domain/*/service.server.ts).",
            },
          ],
        },
      ],
    },
  },
);
