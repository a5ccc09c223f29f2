// The JavaScript a page needs before it is interactive, from the production build's manifest:
// the entry, and every route module of the page's route chain with the chunks they import (what
// Remix preloads with <link rel="modulepreload">). Chunks loaded later (the map, loaded when it
// is shown) are not counted. Sizes are gzip, as the server sends them (compression middleware).
// A phone on a slow connection waits for every byte of it; the budget (issue 12) keeps it small.
import fs from "node:fs";
import path from "node:path";
import zlib from "node:zlib";
import { describe, expect, it } from "vitest";
import { ROOT } from "../setup/paths";

const BUDGET_BYTES = 120 * 1024;

type ManifestRoute = { id: string; parentId?: string; module: string; imports?: string[] };
type Manifest = {
  entry: { module: string; imports: string[] };
  routes: Record<string, ManifestRoute>;
};

const client = path.join(ROOT, "build/client");

function readManifest(): Manifest {
  const assets = path.join(client, "assets");
  const file = fs.readdirSync(assets).find((name) => /^manifest-[\w-]+\.js$/.test(name));
  if (!file) throw new Error("No build manifest: run `npm run build` first");
  const text = fs.readFileSync(path.join(assets, file), "utf8");
  return JSON.parse(text.slice(text.indexOf("{"), text.lastIndexOf("}") + 1)) as Manifest;
}

const gzipSizes = new Map<string, number>();
function gzipSize(asset: string): number {
  let size = gzipSizes.get(asset);
  if (size === undefined) {
    size = zlib.gzipSync(fs.readFileSync(path.join(client, asset))).length;
    gzipSizes.set(asset, size);
  }
  return size;
}

/** Every chunk a page of `routeId` loads before it runs: the entry and its route chain. */
function firstLoadChunks(manifest: Manifest, routeId: string): Set<string> {
  const chunks = new Set([manifest.entry.module, ...manifest.entry.imports]);
  for (let route = manifest.routes[routeId]; route; route = manifest.routes[route.parentId ?? ""]) {
    chunks.add(route.module);
    for (const chunk of route.imports ?? []) chunks.add(chunk);
  }
  return chunks;
}

describe("JavaScript before the map", () => {
  const manifest = readManifest();
  const pages = Object.keys(manifest.routes).map((routeId) => {
    const chunks = [...firstLoadChunks(manifest, routeId)];
    return { routeId, bytes: chunks.reduce((sum, chunk) => sum + gzipSize(chunk), 0) };
  });

  it("measures every route of the build", () => {
    expect(pages.length).toBeGreaterThan(50);
    // a route chain always includes the entry and the root
    const base = firstLoadChunks(manifest, "root");
    for (const { routeId } of pages) {
      expect([...base].every((chunk) => firstLoadChunks(manifest, routeId).has(chunk))).toBe(true);
    }
  });

  it(`stays within ${BUDGET_BYTES / 1024} KB gzip on every page`, () => {
    const over = pages
      .filter((page) => page.bytes > BUDGET_BYTES)
      .sort((a, b) => b.bytes - a.bytes)
      .map((page) => `${page.routeId}: ${(page.bytes / 1024).toFixed(1)} KB`);
    expect(over, "pages over the JavaScript budget").toEqual([]);
  });

  it("keeps the libraries' licences in one file instead of in every chunk", () => {
    const licences = fs.readFileSync(path.join(client, "third-party-licenses.txt"), "utf8");
    for (const name of [
      "react-dom",
      "@remix-run/react",
      "i18next",
      "@conform-to/react",
      "leaflet",
    ]) {
      expect(licences).toContain(`Name: ${name}\n`);
    }
    const assets = path.join(client, "assets");
    const withComments = fs
      .readdirSync(assets)
      .filter((file) => file.endsWith(".js"))
      .filter((file) => fs.readFileSync(path.join(assets, file), "utf8").includes("@license"));
    expect(withComments).toEqual([]);
  });
});
