// Which Remix route a URL goes to, as a label of bounded cardinality for metrics and logs: the
// route's id ("routes/jobs.$slug._index"), never the ids or slugs of the URL itself.
import { matchRoutes } from "@remix-run/react";

/** @type {WeakMap<object, object[]>} route trees by build manifest */
const trees = new WeakMap();

function treeOf(manifest) {
  let tree = trees.get(manifest);
  if (!tree) {
    /** @type {Record<string, object[]>} */
    const byParent = {};
    for (const route of Object.values(manifest))
      (byParent[route.parentId ?? ""] ??= []).push(route);
    const build = (parentId) =>
      (byParent[parentId] ?? []).map((route) => ({
        id: route.id,
        path: route.path,
        index: route.index,
        caseSensitive: route.caseSensitive,
        children: build(route.id),
      }));
    tree = build("");
    trees.set(manifest, tree);
  }
  return tree;
}

/**
 * The id of the deepest route matching `pathname`, the way Remix matches it (single-fetch data
 * requests `/x.data` and `/_root.data` name the page they load), or a fixed label.
 * @param {Record<string, { id: string, parentId?: string, path?: string, index?: boolean, caseSensitive?: boolean }>} manifest
 * @param {string} pathname
 */
export function routeIdFor(manifest, pathname) {
  if (pathname === "/__manifest") return "__manifest";
  // Matching flattens and ranks every route again (a few percent of a page's CPU time): the
  // label of a recent path is remembered.
  let labels = labelsByManifest.get(manifest);
  if (!labels) labelsByManifest.set(manifest, (labels = new Map()));
  let label = labels.get(pathname);
  if (label === undefined) {
    label = matchLabel(manifest, pathname);
    if (labels.size >= REMEMBERED_PATHS) labels.delete(labels.keys().next().value);
    labels.set(pathname, label);
  }
  return label;
}

const REMEMBERED_PATHS = 2000;
/** @type {WeakMap<object, Map<string, string>>} */
const labelsByManifest = new WeakMap();

/**
 * @param {Parameters<typeof routeIdFor>[0]} manifest
 * @param {string} pathname
 */
function matchLabel(manifest, pathname) {
  let path = pathname;
  if (path === "/_root.data") path = "/";
  else if (path.endsWith(".data")) path = path.slice(0, -".data".length);
  let matches = null;
  try {
    matches = matchRoutes(treeOf(manifest), path);
  } catch {
    matches = null;
  }
  return matches?.at(-1)?.route.id ?? "unmatched";
}
