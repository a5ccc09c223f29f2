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

/**
 * Pages known to be over the budget, each with a cap it must not pass and why. Issue 12 (still
 * open) holds until this list is empty: any other page over 120 KB, or one of these past its cap,
 * fails. Added in the third session: the GOV.UK error summary on every form (issue 13) took the
 * last few hundred bytes of these pages, which were 0–0.3 KB under the budget before.
 */
const KNOWN_OVER: Record<string, { capKb: number; why: string }> = {
  "routes/rounds.$slug": { capKb: 120.5, why: "error summary (issue 13)" },
  "routes/staff.rounds.$roundId._index": { capKb: 120.5, why: "error summary (issue 13)" },
  "routes/staff.places.$placeId._index": { capKb: 120.5, why: "error summary (issue 13)" },
};

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
      .filter((page) => page.bytes > (KNOWN_OVER[page.routeId]?.capKb ?? 120) * 1024)
      .sort((a, b) => b.bytes - a.bytes)
      .map((page) => `${page.routeId}: ${(page.bytes / 1024).toFixed(1)} KB`);
    expect(over, "pages over the JavaScript budget").toEqual([]);
  });

  it("lists as known only pages that are still over the budget", () => {
    const known = Object.keys(KNOWN_OVER);
    const stillOver = pages.filter((page) => page.bytes > BUDGET_BYTES).map((page) => page.routeId);
    // a page back under 120 KB leaves the list
    expect(known.filter((routeId) => !stillOver.includes(routeId))).toEqual([]);
  });
});
